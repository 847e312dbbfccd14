"""What a profile gives matching to go on, and the fit for chosen occupations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.match import fit_for, match, readiness
from passionpath.profile import parse_document

MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"


def test_an_empty_profile_has_nothing_to_rank() -> None:
    ready = readiness(parse_document({"basics": {"name": "New"}}))
    assert ready.passion == () and ready.preparation == () and not ready.can_rank


@pytest.mark.parametrize(
    ("block", "part"),
    [
        ({"reflections": {"unpaid": "Teach kids to cook"}}, "reflections"),
        ({"activities": [{"name": "Bird photography"}]}, "activities"),
        ({"inventory": {"form": "short", "answers": {}, "scores": dict.fromkeys("RIASEC", 20)}},
         "inventory"),
    ],
)  # fmt: skip
def test_any_word_of_what_the_person_loves_is_enough(block: dict[str, object], part: str) -> None:
    ready = readiness(parse_document({"passionpath": block}))
    assert ready.passion == (part,) and ready.can_rank


def test_study_and_work_activities_and_facts_say_nothing_of_passion() -> None:
    document = parse_document(
        {
            "basics": {"summary": "Accountant, 12 years, two kids."},
            "work": [{"name": "Acme", "position": "Accountant", "startDate": "2012"}],
            "education": [{"institution": "X", "studyType": "Bachelor"}],
            "passionpath": {
                "activities": [{"name": "Evening course", "kind": "study"}],
                "skills": [{"element_id": "2.A.1.a", "level": 4}],
            },
        }
    )
    ready = readiness(document)
    assert not ready.can_rank
    assert ready.preparation == ("education", "work", "skills")


def test_wishes_in_a_summary_and_resume_interests_count() -> None:
    document = parse_document(
        {"basics": {"summary": "I'd like to teach apprentices."}, "interests": [{"name": "Chess"}]}
    )
    assert readiness(document).passion == ("summary", "interests")


def test_fit_for_chosen_occupations_is_the_fit_match_gives(
    default_starter_engine: Engine,
) -> None:
    ctx = Context.open(engine=default_starter_engine)
    document = parse_document(json.loads(MAYA.read_text(encoding="utf-8")))
    ranked = {r.code: r for r in match(document, ctx, top=50).results}
    assert "27-4021.00" in ranked  # Photographers, Maya's first match
    codes = [next(code for code in ranked if code != "27-4021.00"), "27-4021.00"]
    fits = fit_for(document, codes, ctx)
    assert [f.code for f in fits] == codes
    for fit in fits:
        expected = ranked[fit.code]
        assert (fit.passion, fit.qualification, fit.quadrant) == (
            expected.passion,
            expected.qualification,
            expected.quadrant,
        )
        assert fit.explanation.gaps == expected.explanation.gaps
    with pytest.raises(NotFoundError):
        fit_for(document, ["99-9999.00"], ctx)
