"""Learned preferences: the signals, the explained lean, the term in the match ranking, and
the switch that takes it out."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.jobsearch import (
    ApplicationError,
    ApplicationFields,
    StageEvent,
    add_application,
    apply_preferences,
    clear_vote,
    current_votes,
    learn_preferences,
    log_event,
    match_with_preferences,
    set_learning,
    vote,
)
from passionpath.match import match
from passionpath.profile import create_profile, parse_document

PRIYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "priya.json"
DAY = date(2026, 9, 1)


def _choices(ctx: Context) -> None:
    for company, title in (
        ("A", "Graphic Designer"),
        ("B", "Technical Writer"),
        ("C", "Accountant"),
    ):
        add_application(
            ApplicationFields(
                company=company,
                role_title=title,
                posting_text="Craft visual stories and layouts"
                if company != "C"
                else "Reconcile ledgers monthly",
            ),
            ctx.engine,
            stage="applied",
            on=DAY,
            ctx=ctx,
        )
    log_event(3, StageEvent(0, "withdrawn", DAY), ctx.engine)
    vote("27-1011.00", True, ctx.engine)


def test_choices_are_learned_as_an_explained_lean(starter_engine: Engine, ctx: Context) -> None:
    assert not learn_preferences(ctx).active  # nothing to go on yet
    _choices(ctx)
    learned = learn_preferences(ctx)
    assert learned.active
    assert [(s.code, s.weight) for s in learned.signals] == [
        ("13-2011.00", -1.0),
        ("27-3042.00", 1.0),
        ("27-1024.00", 1.0),
        ("27-1011.00", 2.0),
    ]
    assert learned.leans[0].said == "towards Artistic work"
    assert set(learned.words_liked) == {"craft", "visual", "stories", "layouts"}
    assert learned.words_avoided == []  # one posting only: a word needs two


def test_the_term_reorders_within_the_rankings_groups_and_can_be_switched_off(
    starter_engine: Engine, ctx: Context
) -> None:
    create_profile(parse_document(json.loads(PRIYA.read_text())), slug="priya", engine=ctx.engine)
    _choices(ctx)
    plain = match("priya", ctx, top=15)
    learned = learn_preferences(ctx)
    ranked = apply_preferences(plain, learned, ctx, top=10)
    assert len(ranked.results) == 10 and "Ranked with what your choices say" in ranked.warnings[-1]
    terms = {r.code: r.components["preference"] for r in ranked.results}
    assert all(-1.0 <= t <= 1.0 for t in terms.values())
    plain_by = {r.code: r.score for r in plain.results}
    for r in ranked.results:
        assert abs(r.score - (plain_by[r.code] + 0.1 * terms[r.code])) < 2e-4
    # Sweet-spot results stay ahead of the rest, whatever the term.
    quadrants = [r.quadrant == "sweet spot" for r in ranked.results]
    assert quadrants == sorted(quadrants, reverse=True)
    set_learning(False, ctx.engine)
    off = learn_preferences(ctx)
    assert not off.active and off.direction  # still shown, no longer applied
    assert apply_preferences(plain, off, ctx) is plain
    set_learning(True, ctx.engine)
    assert learn_preferences(ctx).active


def test_a_vote_taken_back_no_longer_counts(starter_engine: Engine, ctx: Context) -> None:
    vote("27-1011.00", True, ctx.engine, owner=None)
    vote("27-1011.00", False, ctx.engine)
    vote("27-1024.00", True, ctx.engine)
    assert current_votes(ctx.engine) == {"27-1011.00": -1, "27-1024.00": 1}
    assert clear_vote("27-1011.00", ctx.engine) == 2  # every vote on it
    assert current_votes(ctx.engine) == {"27-1024.00": 1}
    assert [s.why for s in learn_preferences(ctx).signals] == ["thumbs up"]
    assert clear_vote("27-1011.00", ctx.engine) == 0
    with pytest.raises(ApplicationError):
        clear_vote("baker", ctx.engine)


def test_match_with_preferences_is_the_plain_ranking_until_there_is_enough(
    starter_engine: Engine, ctx: Context
) -> None:
    create_profile(parse_document(json.loads(PRIYA.read_text())), slug="priya", engine=ctx.engine)
    plain = [r.code for r in match("priya", ctx, top=8).results]
    report, used = match_with_preferences("priya", ctx, top=8)
    assert used is None and [r.code for r in report.results] == plain
    for code in plain[:3]:
        vote(code, False, ctx.engine)
    report, used = match_with_preferences("priya", ctx, top=8)
    assert used is not None and used.active and len(report.results) == 8
    assert [r.code for r in report.results] != plain
    off, none = match_with_preferences("priya", ctx, top=8, learned=False)
    assert none is None and [r.code for r in off.results] == plain
