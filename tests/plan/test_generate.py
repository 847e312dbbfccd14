"""Plan generation and scheduling, pure: effort, SMART objectives in order, hours, obstacles."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from passionpath.errors import PassionpathError
from passionpath.plan import (
    generate_plan,
    hours_to_raise,
)
from passionpath.plan._gaps import DescriptorGap, GapReport, PreparationGap, TechnologyGap

START = date(2027, 1, 4)


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
        technology=[
            TechnologyGap("Python", True, False, True, "Development software", central=True),
            TechnologyGap("Git", False, True),
        ],
        domain="software",
    )


def test_effort_grows_with_the_level() -> None:
    assert hours_to_raise(2.0, 3.0) == pytest.approx(20 * 1.3)
    assert hours_to_raise(5.0, 6.0) > hours_to_raise(2.0, 3.0)
    assert hours_to_raise(3.0, 3.0) == 0


def test_smart_objectives_in_prerequisite_order() -> None:
    plan = generate_plan(report(), start=START, hours_per_week=10)
    kinds = [(o.kind, o.name) for o in plan.objectives]
    # The degree 80% of the job have comes first (choosing and applying), then basic skills,
    # knowledge, applied skills and tools.
    assert kinds == [
        ("credential", "Bachelor's degree"),
        ("skill", "Mathematics"),
        ("knowledge", "Computers and Electronics"),
        ("skill", "Programming"),
        ("technology", "Python"),
    ]
    programming = plan.objectives[3]
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


def test_obstacles_are_bounded_in_number_and_length() -> None:
    from passionpath.limits import MAX_LABEL_CHARS, MAX_OBSTACLES

    for obstacles in (["time"] * (MAX_OBSTACLES + 1), ["t" * (MAX_LABEL_CHARS + 1)]):
        with pytest.raises(PassionpathError, match="the limit is") as refused:
            generate_plan(report(), start=START, hours_per_week=5, obstacles=obstacles)
        assert refused.value.field == "obstacles"
    generate_plan(report(), start=START, hours_per_week=5, obstacles=["time"] * MAX_OBSTACLES)


@pytest.mark.parametrize("hours", [0, -2, 100, float("nan")])
def test_impossible_hours_are_refused(hours: float) -> None:
    with pytest.raises(PassionpathError, match="hours_per_week") as refused:
        generate_plan(report(), start=START, hours_per_week=hours)
    assert refused.value.field == "hours_per_week"


def test_each_benchmark_says_something_different() -> None:
    anchors = {
        "2.B.3.e": [
            (1.0, "Write a simple formula"),
            (3.0, "Write a small script"),
            (6.0, "Design a large program."),
        ],
        "2.C.3.a": [(2.0, "Set up a home printer")],
    }
    plan = generate_plan(report(), start=START, hours_per_week=10, anchors=anchors)
    checks = [b.check for o in plan.objectives for b in o.benchmarks]
    assert len(set(checks)) == len(checks), checks
    by_name = {o.name: [b.check for b in o.benchmarks] for o in plan.objectives}
    programming = by_name["Programming"]
    # The target sits on an example of the scale: that example says what the level means.
    assert programming[-1] == (
        "Programming at level 6.0 or more, rated against the scale's example: at level 6 you "
        "can design a large program"
    )
    # The steps are work to do and a new rating, never an example below the person's level.
    assert programming[0] == (
        "Programming: practised it on three real tasks and noted what went wrong; rated "
        "yourself again: 4.0 or more"
    )
    assert "a software team or digital agency" in programming[1] and "5.0 or more" in programming[1]
    assert not any("small script" in c or "simple formula" in c for c in programming)
    # Between two examples (or past the last one), the target is placed among them.
    computers = by_name["Computers and Electronics"]
    assert computers[0].startswith("Computers and Electronics: finished the first third")
    assert computers[-1].endswith("at level 2 you can set up a home printer")
    mathematics = by_name["Mathematics"]
    assert mathematics[-1] == (
        "Mathematics at level 4.0 or more, and someone who does this work agrees with your rating"
    )


def test_a_target_between_two_examples_is_placed_between_them() -> None:
    # O*NET illustrates Transportation at level 2 with riding a train to work: a truck
    # driver's plan must not set that as the thing to be able to do at level 4.
    gap = DescriptorGap("2.C.10", "Transportation", "knowledge", 2.6, 4.0, 4.0, 1.0)
    trucking = GapReport("kim", "53-3032.00", "Heavy and Tractor-Trailer Truck Drivers", [gap])
    anchors = {
        "2.C.10": [(2.0, "Ride a train to work"), (5.0, "Drive a semi-truck through a city")]
    }
    plan = generate_plan(trucking, start=START, hours_per_week=5, anchors=anchors)
    final = plan.objectives[0].benchmarks[-1].check
    assert final == (
        "Transportation at level 4.0 or more, rated against the scale's examples: at level 2 "
        "you can ride a train to work; at 5, drive a semi-truck through a city"
    )
    assert "you can ride" not in plan.objectives[0].benchmarks[0].check
