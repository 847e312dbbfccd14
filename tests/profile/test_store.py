"""Profile versions on SQLite and PostgreSQL: every change is a version; history and diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile import (
    RatedDescriptor,
    create_profile,
    delete_profile,
    diff_profiles,
    find_profile,
    load_document,
    load_profile,
    profile_history,
    save_profile,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


def test_create_save_and_history(engine: Engine) -> None:
    maya = load_document(EXAMPLES / "maya.json")
    created = create_profile(maya, engine=engine)
    assert created.profile.slug == "maya-fontaine"
    slug = created.profile.slug
    assert created.version == 1

    _, current = load_profile(slug, engine=engine)
    assert current.to_json_dict() == maya.to_json_dict()
    current.pp.reflections.causes = "Food waste and local farms."
    second = save_profile(slug, current, note="new cause", engine=engine)
    assert second.version == 2 and second.changed

    unchanged = save_profile(slug, current, engine=engine)
    assert not unchanged.changed and unchanged.version == 2

    history = profile_history(slug, engine=engine)
    assert [(v.version, v.note) for v in history] == [(1, "created"), (2, "new cause")]
    _, first = load_profile(slug, version=1, engine=engine)
    assert first.pp.reflections.causes == maya.pp.reflections.causes


def test_diff_shows_interest_skill_and_passion_changes(engine: Engine) -> None:
    before = load_document(EXAMPLES / "daniel.json")
    after = load_document(EXAMPLES / "daniel.json")
    assert after.passionpath is not None and after.passionpath.inventory is not None
    for item in ("S01", "S02", "S03"):
        after.passionpath.inventory.answers[item] = 1
    after.passionpath.skills.append(
        RatedDescriptor(element_id="2.B.3.e", name="Programming", level=2.0)
    )
    after.passionpath.activities = after.passionpath.activities[1:]
    after.passionpath.work_values["Independence"] = 7
    change = diff_profiles(before, after)
    assert "S" in change.interest_scores
    old_s, new_s = change.interest_scores["S"]
    assert old_s is not None and new_s is not None and new_s < old_s
    assert [(c.name, c.before, c.after) for c in change.skills] == [("Programming", None, 2.0)]
    assert change.activities_removed == [before.pp.activities[0].name]
    assert change.work_values["Independence"][1] == 7
    assert diff_profiles(before, before).empty


def test_lookup_errors_are_clear(engine: Engine) -> None:
    with pytest.raises(NotFoundError, match="no profiles yet"):
        find_profile(None, engine=engine)
    create_profile(load_document(EXAMPLES / "priya.json"), slug="priya", engine=engine)
    assert find_profile(None, engine=engine).slug == "priya"
    with pytest.raises(PassionpathError, match="exists already"):
        create_profile(load_document(EXAMPLES / "priya.json"), slug="priya", engine=engine)
    with pytest.raises(NotFoundError, match="No profile 'nobody'"):
        find_profile("nobody", engine=engine)
    with pytest.raises(NotFoundError, match="has no version 7"):
        load_profile("priya", version=7, engine=engine)
    delete_profile("priya", engine=engine)
    with pytest.raises(NotFoundError):
        find_profile("priya", engine=engine)
