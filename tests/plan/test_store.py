"""Plans stored and tracked (SQLite and PostgreSQL): progress, re-rating, switching target,
and the iCalendar round trip."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.plan import (
    check_benchmark,
    find_plan,
    new_plan,
    plan_calendar,
    plan_progress,
    rerate,
)
from passionpath.profile import load_profile

START = date(2027, 1, 4)


def test_plan_is_stored_and_progress_is_tracked(engine: Engine, sam: str) -> None:
    plan = new_plan(
        sam,
        "15-1252.00",
        Context.open(engine=engine),
        hours_per_week=4,
        weeks=6,
        obstacles=["time"],
        start=START,
    )
    assert plan.status == "active" and plan.objectives and plan.obstacles[0]["kind"] == "time"
    first = plan.objectives[0]
    ticked = check_benchmark(plan, first.benchmarks[0].id, engine=engine)
    assert ticked.done_at is not None
    plan = find_plan(plan.id, None, engine=engine)
    items, _ = plan_progress(plan, first.due)
    assert items[0].benchmarks_done == 1 and items[0].state == "behind"
    items, summary = plan_progress(plan, START)
    assert items[0].state in ("on track", "not started") and summary == "On track."


def test_rerating_creates_a_profile_version(engine: Engine, sam: str) -> None:
    plan = new_plan(sam, "15-1252.00", Context.open(engine=engine), start=START)
    version = rerate(plan, "Programming", 4.5, engine=engine)
    assert version == 2
    _, document = load_profile(sam, engine=engine)
    assert {s.name: s.level for s in document.pp.skills}["Programming"] == 4.5
    assert find_plan(plan.id, None, engine=engine).events[-1]["kind"] == "rerate"
    with pytest.raises(NotFoundError, match="not a skill"):
        rerate(plan, "Juggling", 3, engine=engine)


def test_switching_target_keeps_old_plans_readable(engine: Engine, sam: str) -> None:
    first = new_plan(sam, "15-1252.00", Context.open(engine=engine), start=START)
    second = new_plan(sam, "51-3011.00", Context.open(engine=engine), start=START)
    assert find_plan(None, sam, engine=engine).id == second.id
    old = find_plan(first.id, None, engine=engine)
    assert old.status == "archived" and old.code == "15-1252.00" and old.objectives


def test_ical_round_trip(engine: Engine, sam: str, tmp_path: Path) -> None:
    plan = new_plan(sam, "15-1252.00", Context.open(engine=engine), start=START)
    check_benchmark(plan, plan.objectives[0].benchmarks[0].id, engine=engine)
    plan = find_plan(plan.id, None, engine=engine)
    parsed = Calendar.from_ical(plan_calendar(plan))
    todos = [c for c in parsed.walk("VTODO")]
    events = [c for c in parsed.walk("VEVENT")]
    benchmarks = [b for o in plan.objectives for b in o.benchmarks]
    assert len(todos) == len(benchmarks) + len(plan.actions)
    assert len(events) == 1 and events[0].decoded("dtstart") == plan.reassess_on
    assert all(t.walk("VALARM") for t in todos) and events[0].walk("VALARM")
    due = {str(t["uid"]): t.decoded("due") for t in todos}
    assert due[f"plan-{plan.id}-benchmark-{benchmarks[0].id}@passionpath"] == benchmarks[0].due
    statuses = {str(t["uid"]): str(t["status"]) for t in todos}
    assert statuses[f"plan-{plan.id}-benchmark-{benchmarks[0].id}@passionpath"] == "COMPLETED"
    assert len({str(t["uid"]) for t in todos}) == len(todos)
