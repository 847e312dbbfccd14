"""Plans: generation and scheduling (pure), storage and progress (SQLite and PostgreSQL),
the iCalendar round trip, and bad input."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.catalog import import_release
from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.plan import (
    check_benchmark,
    find_plan,
    generate_plan,
    hours_to_raise,
    new_plan,
    plan_calendar,
    plan_progress,
    rerate,
)
from passionpath.plan._gaps import DescriptorGap, GapReport, PreparationGap, TechnologyGap
from passionpath.profile import create_profile, load_profile, parse_document

START = date(2027, 1, 4)
runner = CliRunner()


def report() -> GapReport:
    gaps = [
        DescriptorGap("2.B.3.e", "Programming", "skill", 3.0, 5.9, 4.6, 2.61),
        DescriptorGap("2.C.3.a", "Computers and Electronics", "knowledge", 2.0, 4.0, 4.0, 1.5),
        DescriptorGap("2.A.1.e", "Mathematics", "skill", 3.5, 4.0, 3.0, 0.25),
    ]
    return GapReport(
        "sam",
        "15-1252.00",
        "Software Developers",
        skills=gaps,
        preparation=PreparationGap(3, 4, "Associate's degree", "Bachelor's degree", 0.2, True),
        technology=[TechnologyGap("Python", True, False), TechnologyGap("Git", False, True)],
    )


def test_effort_grows_with_the_level() -> None:
    assert hours_to_raise(2.0, 3.0) == pytest.approx(20 * 1.3)
    assert hours_to_raise(5.0, 6.0) > hours_to_raise(2.0, 3.0)
    assert hours_to_raise(3.0, 3.0) == 0


def test_smart_objectives_in_prerequisite_order() -> None:
    plan = generate_plan(report(), start=START, hours_per_week=10)
    kinds = [(o.kind, o.name) for o in plan.objectives]
    # Basic skills first, then knowledge, then applied skills, tools, credentials.
    assert kinds == [
        ("skill", "Mathematics"),
        ("knowledge", "Computers and Electronics"),
        ("skill", "Programming"),
        ("technology", "Python"),
        ("credential", "Bachelor's degree"),
    ]
    programming = plan.objectives[2]
    assert programming.target == 6.0 and "from level 3.0 to 6.0" in programming.statement
    assert programming.due.isoformat() in programming.statement
    assert [b.due for b in programming.benchmarks][-1] == programming.due
    assert all(
        a.start <= b.start for a, b in zip(plan.objectives, plan.objectives[1:], strict=False)
    )
    kinds_of_actions = {a.kind for a in plan.actions}
    assert {
        "course",
        "project",
        "volunteering",
        "event",
        "interview",
        "shadowing",
        "certification",
    } <= kinds_of_actions
    assert all(a.closes for a in plan.actions if a.kind != "interview")
    assert plan.reassess_on == START + timedelta(weeks=12)


def test_few_hours_per_week_force_a_longer_plan() -> None:
    fast = generate_plan(report(), start=START, hours_per_week=20, weeks=8)
    slow = generate_plan(report(), start=START, hours_per_week=3, weeks=8)
    total_hours = sum(o.hours for o in slow.objectives)
    assert slow.weeks_needed >= total_hours / 3 > 8
    assert fast.weeks_needed < slow.weeks_needed
    assert slow.objectives[-1].due > START + timedelta(weeks=8)


def test_obstacles_get_counter_moves() -> None:
    plan = generate_plan(
        report(),
        start=START,
        hours_per_week=5,
        obstacles=["time", "money: course fees", "my family"],
    )
    assert [o.kind for o in plan.obstacles] == ["time", "money", "other"]
    assert plan.obstacles[1].description == "course fees"
    assert all(o.counter_move for o in plan.obstacles)


@pytest.mark.parametrize("hours", [0, -2, 100])
def test_impossible_hours_are_refused(hours: float) -> None:
    with pytest.raises(PassionpathError, match="hours_per_week") as refused:
        generate_plan(report(), start=START, hours_per_week=hours)
    assert refused.value.field == "hours_per_week"


PERSON = {
    "basics": {"name": "Sam Lee"},
    "education": [{"institution": "X", "studyType": "Bachelor of Science"}],
    "passionpath": {
        "skills": [
            {"element_id": "2.A.1.a", "name": "Reading Comprehension", "level": 4.0},
            {"element_id": "2.B.3.e", "name": "Programming", "level": 3.0},
        ]
    },
}


@pytest.fixture
def sam(engine: Engine, release_dir: Path) -> str:
    import_release(release_dir, engine=engine)
    create_profile(parse_document(PERSON), slug="sam", engine=engine)
    return "sam"


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


def test_cli_plan_flow_and_bad_input(engine: Engine, sam: str, tmp_path: Path) -> None:
    created = runner.invoke(
        app,
        [
            "plan",
            "create",
            sam,
            "--target",
            "15-1252.00",
            "--hours-per-week",
            "5",
            "--no-ask",
            "--json",
        ],
    )
    assert created.exit_code == 0, created.output
    plan = json.loads(created.output)
    benchmark = plan["objectives"][0]["benchmarks"][0]["id"]
    assert runner.invoke(app, ["plan", "check", str(benchmark)]).exit_code == 0
    assert runner.invoke(app, ["plan", "log", "--hours", "2", "--objective", "1"]).exit_code == 0
    status = json.loads(runner.invoke(app, ["plan", "status", "--json"]).output)
    assert status["objectives"][0]["benchmarks_done"] == 1
    assert status["objectives"][0]["hours_logged"] == 2
    shown = runner.invoke(app, ["plan", "status"])
    assert "Programming" in shown.output or "Reading" in shown.output
    ics = tmp_path / "plan.ics"
    assert runner.invoke(app, ["plan", "export", "--ical", str(ics)]).exit_code == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad_target = runner.invoke(app, ["plan", "create", sam, "--target", "99-9999.00", "--no-ask"])
    assert bad_target.exit_code == 1 and "No occupation with code" in bad_target.output
    bad_hours = runner.invoke(
        app, ["plan", "create", sam, "--target", "15-1252.00", "--hours-per-week", "-3", "--no-ask"]
    )
    assert bad_hours.exit_code == 1 and "--hours-per-week: must be more than 0" in bad_hours.output
    bad_log = runner.invoke(app, ["plan", "log", "--hours", "-1"])
    assert bad_log.exit_code == 2 and "--hours must be more than 0" in bad_log.output
    assert "Traceback" not in bad_target.output + bad_hours.output + bad_log.output
