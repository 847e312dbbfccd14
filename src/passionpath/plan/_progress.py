"""Progress against the schedule: on track or behind, and by how much."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from passionpath.plan._store import ObjectiveView, PlanView

#: Progress may lag the calendar by this share of an objective before it counts as behind.
SLACK = 0.1


@dataclass
class ObjectiveProgress:
    position: int
    name: str
    hours_logged: float
    hours_planned: float
    benchmarks_done: int
    benchmarks_total: int
    progress: float
    expected: float
    state: str
    behind_hours: float
    behind_days: int

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def expected_share(objective: ObjectiveView, today: date) -> float:
    """Share of the objective's window that has passed."""
    span = max((objective.due - objective.start).days, 1)
    return min(max((today - objective.start).days / span, 0.0), 1.0)


def objective_progress(objective: ObjectiveView, today: date) -> ObjectiveProgress:
    """progress = the larger of hours logged / hours planned and benchmarks ticked / total;
    behind when progress < expected share of the window - SLACK."""
    done = sum(b.done_at is not None for b in objective.benchmarks)
    total = len(objective.benchmarks)
    by_hours = objective.hours_logged / objective.hours if objective.hours else 0.0
    progress = min(1.0, max(by_hours, done / total if total else 0.0))
    expected = expected_share(objective, today)
    if total and done == total:
        state = "done"
    elif progress >= expected - SLACK:
        state = "on track" if expected > 0 else "not started"
    else:
        state = "behind"
    lag = max(0.0, expected - progress) if state == "behind" else 0.0
    span_days = max((objective.due - objective.start).days, 1)
    return ObjectiveProgress(
        objective.position,
        objective.name,
        round(objective.hours_logged, 1),
        objective.hours,
        done,
        total,
        round(progress, 3),
        round(expected, 3),
        state,
        round(lag * objective.hours, 1),
        round(lag * span_days),
    )


def plan_progress(plan: PlanView, today: date) -> tuple[list[ObjectiveProgress], str]:
    items = [objective_progress(o, today) for o in plan.objectives]
    behind = [i for i in items if i.state == "behind"]
    if all(i.state == "done" for i in items) and items:
        summary = "All objectives done: time to reassess and re-run matching."
    elif behind:
        summary = (
            f"Behind on {len(behind)} objective(s) by about "
            f"{sum(i.behind_hours for i in behind):.0f} hours "
            f"({max(i.behind_days for i in behind)} days at the planned pace)."
        )
    else:
        summary = "On track."
    return items, summary
