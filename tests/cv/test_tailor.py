"""Tailoring on a worked example: skills by importance x level with matched ones first,
highlights by closeness to the target's tasks, passions as evidence, a drafted summary, no
gaps; and the stored versions, owner-scoped."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.cv import build_cv, edit_cv, get_cv, list_cvs, record_sent, singular, tailor
from passionpath.errors import NotFoundError
from passionpath.match import fit_for
from passionpath.profile import create_profile, parse_document

PHOTOGRAPHERS = "27-4021.00"

SAM: dict[str, Any] = {
    "basics": {"name": "Sam Rivera", "label": "Shop assistant who takes pictures"},
    "work": [
        {
            "name": "Corner Shop",
            "position": "Shop assistant",
            "startDate": "2021-02",
            "highlights": [
                "Counted the till at closing time",
                "Photographed our products with studio lighting for the online shop",
                "Unloaded deliveries on Mondays",
            ],
        }
    ],
    "skills": [
        {"name": "Forklift driving"},
        {"name": "Selling", "keywords": ["Sales", "Marketing"]},
        {"name": "Customer service", "keywords": ["Helping customers", "Service"]},
    ],
    "passionpath": {
        "reflections": {
            "lose_track_of_time": "Editing photographs of the harbour at night until late.",
            "causes": "",
            "talents": "",
            "unpaid": "",
        },
        "activities": [
            {
                "name": "Street photography walks",
                "kind": "hobby",
                "notes": "I photograph people and street scenes and edit the images.",
            }
        ],
        "skills": [
            {"element_id": "2.B.1.f", "name": "Service Orientation", "level": 6},
            {"element_id": "2.C.1.e", "name": "Customer and Personal Service", "level": 6},
            {"element_id": "2.C.1.d", "name": "Sales and Marketing", "level": 2},
        ],
    },
}


@pytest.fixture
def sam_cv(starter_engine: Engine) -> tuple[Any, Context]:
    ctx = Context.open(engine=starter_engine)
    return tailor(parse_document(json.loads(json.dumps(SAM))), PHOTOGRAPHERS, ctx), ctx


def test_skills_the_target_needs_come_first_by_importance_times_level(sam_cv: Any) -> None:
    cv, _ = sam_cv
    names = [s["name"] for s in cv.document["skills"]]
    # customer service: importance 3.7-3.9 x level 6; selling: 3.5 x 2; forklift: not needed
    assert names == ["Customer service", "Selling", "Forklift driving"]
    reasons = [c.why for c in cv.choices if c.where == "skills"]
    assert "level 6.0/7 (your rating)" in reasons[0]
    assert reasons[2] == "not among the target's needs"


def test_a_skill_the_posting_names_comes_before_all_others(starter_engine: Engine) -> None:
    ctx = Context.open(engine=starter_engine)
    document = parse_document(json.loads(json.dumps(SAM)))
    cv = tailor(document, PHOTOGRAPHERS, ctx, posting="You will drive a forklift in the studio.")
    assert cv.document["skills"][0]["name"] == "Forklift driving"


def test_highlights_closest_to_the_tasks_come_first(sam_cv: Any) -> None:
    cv, _ = sam_cv
    highlights = cv.document["work"][0]["highlights"]
    assert highlights[0] == "Photographed our products with studio lighting for the online shop"
    assert sorted(highlights) == sorted(SAM["work"][0]["highlights"])
    chosen = next(c for c in cv.choices if c.where == "work[0].highlights")
    assert "closest to" in chosen.why


def test_passions_are_added_as_evidence(sam_cv: Any) -> None:
    cv, _ = sam_cv
    interests = cv.document["interests"]
    assert interests[0]["name"] == "Street photography walks"
    assert any(c.what == "added 'Street photography walks' from your passions" for c in cv.choices)


def test_the_summary_is_drafted_from_the_sweet_spot_and_gaps_never_appear(sam_cv: Any) -> None:
    cv, ctx = sam_cv
    summary = cv.summary
    assert summary.startswith("Shop assistant who takes pictures. Brings customer service")
    assert summary.endswith("Looking for work as a photographer.")
    assert "In their own words: \u201cEditing photographs of the harbour at night" in summary
    gaps = fit_for(parse_document(json.loads(json.dumps(SAM))), [PHOTOGRAPHERS], ctx)[0]
    written = json.dumps(cv.document).lower()
    mine = json.dumps(SAM).lower()
    evidence = " ".join(c.why for c in cv.choices if c.why.startswith("shows "))
    for gap in gaps.explanation.gaps:
        # a need the person falls short of is named only where their own words show it
        if gap.name.lower() in written and gap.name.lower() not in mine:
            assert gap.name in evidence
        assert gap.name.lower() not in summary.lower()


def test_the_persons_document_is_untouched_apart_from_order(sam_cv: Any) -> None:
    cv, _ = sam_cv
    assert cv.document["basics"]["name"] == "Sam Rivera"
    assert "passionpath" not in cv.document
    assert cv.document["work"][0]["startDate"] == "2021-02"


@pytest.mark.parametrize(
    ("title", "one"),
    [
        ("Photographers", "photographer"),
        ("Chefs and Head Cooks", "chef and head cook"),
        ("Bakers", "baker"),
        ("Secretaries and Administrative Assistants", "secretary and administrative assistant"),
    ],
)
def test_titles_are_spoken_of_in_the_singular(title: str, one: str) -> None:
    assert singular(title) == one


def test_stored_versions_keep_target_profile_version_and_applications(
    starter_engine: Engine,
) -> None:
    ctx = Context.open(engine=starter_engine)
    create_profile(parse_document(json.loads(json.dumps(SAM))), starter_engine, slug="sam")
    stored = build_cv("sam", PHOTOGRAPHERS, ctx, theme="modern", posting="Photograph food.")
    assert (stored.profile_slug, stored.profile_version) == ("sam", 1)
    assert (stored.target_code, stored.target_title, stored.theme) == (
        PHOTOGRAPHERS,
        "Photographers",
        "modern",
    )
    edited = edit_cv(stored.id, starter_engine, summary="My own words.")
    assert edited.document["basics"]["summary"] == "My own words."
    assert edited.summary_edited
    from passionpath.errors import NotFoundError
    from passionpath.jobsearch import ApplicationFields, add_application, delete_application

    sent = add_application(
        ApplicationFields(company="Lumen", role_title="Photographer"), starter_engine
    )
    record_sent(stored.id, sent, starter_engine)
    record_sent(stored.id, sent, starter_engine)
    assert get_cv(stored.id, starter_engine).applications == [sent]
    with pytest.raises(NotFoundError):
        record_sent(stored.id, sent + 1, starter_engine)  # no such application
    delete_application(sent, starter_engine)
    assert get_cv(stored.id, starter_engine).applications == []
    assert [c.id for c in list_cvs(starter_engine, profile="sam")] == [stored.id]


def test_someone_elses_cv_is_not_found(starter_engine: Engine) -> None:
    from passionpath.accounts import register

    ctx = Context.open(engine=starter_engine)
    create_profile(parse_document(json.loads(json.dumps(SAM))), starter_engine, slug="sam")
    stored = build_cv("sam", PHOTOGRAPHERS, ctx)
    other = register(starter_engine, "other@example.org", "a long enough password")
    with pytest.raises(NotFoundError):
        get_cv(stored.id, starter_engine, owner=other)
    assert list_cvs(starter_engine, owner=other) == []
