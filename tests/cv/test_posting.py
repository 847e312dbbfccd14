"""A CV against a posting: O*NET terms the posting asks for, which the CV shows, what is
missing and which real experiences could show it."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.cv import cv_texts, match_posting

ROOT = Path(__file__).resolve().parents[2]
POSTING = (ROOT / "examples" / "postings" / "food-photographer.txt").read_text(encoding="utf-8")
MAYA = json.loads((ROOT / "examples" / "profiles" / "maya.json").read_text(encoding="utf-8"))


def test_coverage_names_what_is_shown_and_what_is_missing(starter_engine: Engine) -> None:
    result = match_posting(MAYA, POSTING, Context.open(engine=starter_engine))
    covered = {c.term.name: c for c in result.covered}
    missing = {m.term.name: m for m in result.missing}
    assert covered["Adobe Lightroom"].text == "Lightroom"
    assert covered["Adobe Lightroom"].where == "skills[1].keywords[2]"
    assert "Adobe Photoshop" in missing
    assert result.coverage == round(len(covered) / (len(covered) + len(missing)), 3)
    paths = dict(cv_texts(MAYA))
    for item in missing.values():
        for where, text, similarity in item.could_cover:
            assert paths[where] == text  # a real experience of the person's, quoted
            assert similarity >= 0.3
    assert "photographer" in result.keywords_found
    assert set(result.keywords_found) <= set(result.keywords)


def test_a_cv_with_nothing_in_common_covers_nothing(starter_engine: Engine) -> None:
    cv = {"basics": {"name": "Ada"}, "skills": [{"name": "Knitting"}]}
    result = match_posting(cv, POSTING, Context.open(engine=starter_engine))
    assert result.covered == []
    assert result.missing and result.coverage == 0.0
