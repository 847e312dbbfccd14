"""Turning gaps into a plan: SMART objectives, benchmarks, actions, obstacles, a schedule.

Pure functions over the gap report; nothing here touches storage.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_LABEL_CHARS, MAX_OBSTACLES
from passionpath.plan._gaps import GapReport

#: Hours of deliberate practice to raise a level by one step; higher levels take longer.
HOURS_PER_LEVEL = 20.0
LEVEL_DIFFICULTY = 0.15
TECHNOLOGY_HOURS = 15.0
CREDENTIAL_HOURS = 40.0
MAX_SKILL_OBJECTIVES = 6
MAX_TECHNOLOGY_OBJECTIVES = 2
REASSESS_AFTER_WEEKS = 12
OBSTACLE_KINDS = ("time", "money", "confidence", "location")

#: Where to volunteer or intern, by the target's SOC major group (our own suggestions).
_SETTINGS = {
    "11": "a growing small company",
    "13": "an accounting or finance office",
    "15": "a software team or digital agency",
    "17": "an engineering firm",
    "19": "a university or industry laboratory",
    "21": "a charity or community organisation",
    "23": "a law centre or legal charity",
    "25": "a school or tutoring centre",
    "27": "a studio, agency or publication",
    "29": "a clinic or hospital",
    "31": "a care home or clinic",
    "33": "an emergency or community safety service",
    "35": "a restaurant, bakery or catering kitchen",
    "37": "a facilities or grounds team",
    "39": "a community, leisure or sports centre",
    "41": "a shop or sales team",
    "43": "a busy office",
    "45": "a farm or nursery",
    "47": "a building site or workshop",
    "49": "a repair or maintenance workshop",
    "51": "a production workshop or factory",
    "53": "a transport or logistics company",
}

COUNTER_MOVES = {
    "time": "Protect two fixed slots a week in your calendar, start with the smallest action, "
    "and log even 30 minutes: the schedule shows when you fall behind.",
    "money": "Choose free or audited courses, library resources and volunteering first; ask "
    "employers about training budgets before paying for a certificate.",
    "confidence": "Start with the informational interview and one small portfolio piece; "
    "each ticked benchmark is evidence you can point to.",
    "location": "Look for remote courses, online communities and virtual shadowing; plan one "
    "trip for the trial day rather than many.",
}
GENERIC_COUNTER_MOVE = (
    "Name the first step that would make this smaller, and put it in the "
    "plan as an action with a date."
)


@dataclass
class BenchmarkDraft:
    due: date
    check: str


@dataclass
class ObjectiveDraft:
    kind: str  # skill, knowledge, technology, credential
    element_id: str | None
    name: str
    current: float | None
    target: float | None
    hours: float
    start: date = date.min
    due: date = date.min
    statement: str = ""
    benchmarks: list[BenchmarkDraft] = field(default_factory=list)


@dataclass
class ActionDraft:
    kind: str  # course, certification, project, volunteering, event, interview, shadowing
    title: str
    objective: int | None  # index into the plan's objectives
    closes: list[str]
    due: date


@dataclass
class ObstacleDraft:
    kind: str
    description: str
    counter_move: str


@dataclass
class PlanDraft:
    code: str
    title: str
    start: date
    hours_per_week: float
    weeks_requested: int | None
    weeks_needed: int
    reassess_on: date
    objectives: list[ObjectiveDraft]
    actions: list[ActionDraft]
    obstacles: list[ObstacleDraft]


def hours_to_raise(current: float, target: float) -> float:
    """Hours to go from ``current`` to ``target`` on the 0-7 scale: each step costs
    HOURS_PER_LEVEL x (1 + 0.15 x level), so advanced levels take longer."""
    total, level = 0.0, current
    while level < target - 1e-9:
        step = min(1.0, target - level)
        total += step * HOURS_PER_LEVEL * (1 + LEVEL_DIFFICULTY * level)
        level += step
    return round(total, 1)


def _tier(objective: ObjectiveDraft) -> int:
    """Prerequisites first: basic skills, then knowledge, then applied skills, then tools,
    then credentials."""
    if objective.kind == "skill" and (objective.element_id or "").startswith("2.A"):
        return 0
    return {"knowledge": 1, "skill": 2, "technology": 3, "credential": 4}[objective.kind]


def _round_up_half(value: float) -> float:
    return math.ceil(value * 2) / 2


def build_objectives(report: GapReport) -> list[ObjectiveDraft]:
    objectives = [
        ObjectiveDraft(
            g.kind,
            g.element_id,
            g.name,
            g.current,
            min(7.0, _round_up_half(g.required)),
            hours_to_raise(g.current, min(7.0, _round_up_half(g.required))),
        )
        for g in report.skills[:MAX_SKILL_OBJECTIVES]
    ]
    missing = [t for t in report.technology if not t.have]
    for tech in missing[:MAX_TECHNOLOGY_OBJECTIVES]:
        objectives.append(
            ObjectiveDraft("technology", None, tech.name, None, None, TECHNOLOGY_HOURS)
        )
    if report.preparation is not None and report.preparation.gap:
        wanted = report.preparation.typical_education or f"job zone {report.preparation.job_zone}"
        objectives.append(ObjectiveDraft("credential", None, wanted, None, None, CREDENTIAL_HOURS))
    order = sorted(range(len(objectives)), key=lambda i: (_tier(objectives[i]), i))
    return [objectives[i] for i in order]


def schedule(objectives: list[ObjectiveDraft], start: date, hours_per_week: float) -> int:
    """Back-to-back windows sized by hours / hours-per-week; returns the weeks needed."""
    cursor = start
    for objective in objectives:
        weeks = max(1, math.ceil(objective.hours / hours_per_week))
        objective.start, objective.due = cursor, cursor + timedelta(weeks=weeks)
        cursor = objective.due
    return max(1, math.ceil((cursor - start).days / 7))


def _statement(o: ObjectiveDraft, title: str, hours_per_week: float) -> str:
    if o.kind in ("skill", "knowledge"):
        what = f"Raise {o.name} from level {o.current:.1f} to {o.target:.1f} (0-7 scale)"
    elif o.kind == "technology":
        what = f"Learn {o.name} well enough to use it in a finished piece of work"
    else:
        what = f"Get the preparation most {title} have: {o.name}"
    return (
        f"{what}, using about {o.hours:.0f} hours at {hours_per_week:g} h/week, "
        f"because {title} need it; done by {o.due.isoformat()}."
    )


#: What shows progress at the first two checkpoints when no level anchor of their own is left.
_CHECKPOINT_WORK = (
    "finish the first part of the learning you chose, then rate yourself again",
    "use it on a real piece of work that someone else looks at, then rate yourself again",
)


def _level_checks(
    name: str, current: float, target: float, anchors: list[tuple[float, str]]
) -> list[str]:
    """Three checkpoints that each say something different: the target level with what a
    person can do there, and two steps before it, each with a lower example of its own when
    the scale has one, else with the piece of work that shows the step."""

    def example(level: float) -> str | None:
        reachable = [text for value, text in sorted(anchors) if value <= level + 0.5]
        return f"{reachable[-1][0].lower()}{reachable[-1][1:]}" if reachable else None

    final = example(target)
    used = {final}
    checks = []
    for fraction, work in zip((1 / 3, 2 / 3), _CHECKPOINT_WORK, strict=True):
        level = current + (target - current) * fraction
        shown = example(level)
        if shown is not None and shown not in used:
            used.add(shown)
            checks.append(f"{name} at level {level:.1f}: you can {shown}")
        else:
            checks.append(f"{name}: {work} (level {level:.1f} or more)")
    checks.append(f"{name} at level {target:.1f}" + (f": you can {final}" if final else ""))
    return checks


def _benchmarks(
    o: ObjectiveDraft, anchors: dict[str, list[tuple[float, str]]]
) -> list[BenchmarkDraft]:
    span = (o.due - o.start).days
    marks = [o.start + timedelta(days=round(span * f)) for f in (1 / 3, 2 / 3, 1.0)]
    if o.kind in ("skill", "knowledge") and o.current is not None and o.target is not None:
        checks = _level_checks(o.name, o.current, o.target, anchors.get(o.element_id or "", []))
    elif o.kind == "technology":
        checks = [
            f"Finished a beginner tutorial in {o.name}",
            f"Used {o.name} on a small piece of your own",
            f"Used {o.name} in a portfolio project someone else has seen",
        ]
    else:
        checks = [
            f"Chosen a programme for {o.name} and checked its entry requirements",
            f"Applied or enrolled for {o.name}",
            f"Completed the first module or term towards {o.name}",
        ]
    return [BenchmarkDraft(d, c) for d, c in zip(marks, checks, strict=True)]


#: Actions per objective kind: (action kind, title template, when). ``when`` is "early"
#: (a week in), "middle" or "end" of the objective's window.
_ACTION_TEMPLATES: dict[str, list[tuple[str, str, str]]] = {
    "knowledge": [
        ("course", "Course on {name} (pick one and attach it to the plan)", "early"),
        ("event", "A talk, workshop or club about {name}", "middle"),
    ],
    "skill": [
        ("project", "Portfolio project that shows {name} at level {target}", "end"),
        ("volunteering", "Volunteer or intern at {setting} where you use {name}", "middle"),
    ],
    "technology": [
        ("course", "Tutorial or course in {name}", "early"),
        ("event", "A meetup or hackathon where {name} is used", "end"),
    ],
    "credential": [("certification", "Certification or programme: {name}", "early")],
}


def _when(o: ObjectiveDraft, moment: str) -> date:
    if moment == "early":
        return min(o.start + timedelta(days=7), o.due)
    if moment == "middle":
        return o.start + (o.due - o.start) / 2
    return o.due


def _actions(
    objectives: list[ObjectiveDraft], code: str, title: str, start: date
) -> list[ActionDraft]:
    setting = _SETTINGS.get(code[:2], "an organisation that employs " + title.lower())
    interview = (
        f"Informational interview with someone working as {title.rstrip('s')}: ask "
        "what a week looks like and what they would learn first"
    )
    actions = [ActionDraft("interview", interview, None, [], start + timedelta(weeks=2))]
    for i, o in enumerate(objectives):
        target = f"{o.target:.1f}" if o.target is not None else ""
        for kind, template, moment in _ACTION_TEMPLATES[o.kind]:
            text = template.format(name=o.name, target=target, setting=setting)
            actions.append(ActionDraft(kind, text, i, [o.element_id or o.name], _when(o, moment)))
    middle = start + (max(o.due for o in objectives) - start) / 2 if objectives else start
    shadowing = f"A trial day or job shadowing at {setting}: try the work before committing further"
    actions.append(
        ActionDraft(
            "shadowing", shadowing, None, [o.element_id or o.name for o in objectives], middle
        )
    )
    return actions


def obstacle_drafts(obstacles: list[str]) -> list[ObstacleDraft]:
    drafts = []
    for raw in obstacles:
        kind, _, detail = raw.partition(":")
        kind = kind.strip().lower()
        if kind in OBSTACLE_KINDS:
            drafts.append(ObstacleDraft(kind, detail.strip() or kind, COUNTER_MOVES[kind]))
        else:
            drafts.append(ObstacleDraft("other", raw.strip(), GENERIC_COUNTER_MOVE))
    return drafts


def _check_obstacles(obstacles: list[str]) -> None:
    if len(obstacles) > MAX_OBSTACLES:
        raise PassionpathError(
            f"{len(obstacles)} are too many; the limit is {MAX_OBSTACLES}.", field="obstacles"
        )
    for obstacle in obstacles:
        if len(obstacle) > MAX_LABEL_CHARS:
            raise PassionpathError(
                f"one is {len(obstacle)} characters long; the limit is {MAX_LABEL_CHARS}.",
                field="obstacles",
            )


def generate_plan(
    report: GapReport,
    *,
    start: date,
    hours_per_week: float,
    weeks: int | None = None,
    obstacles: list[str] | None = None,
    anchors: dict[str, list[tuple[float, str]]] | None = None,
) -> PlanDraft:
    """A dated plan for ``report``'s gaps. When the hours per week cannot fit the work into
    ``weeks``, the plan is longer than asked and ``weeks_needed`` says by how much."""
    if not hours_per_week > 0:  # also refuses NaN
        raise PassionpathError("must be more than 0.", field="hours_per_week")
    if hours_per_week > 80:
        raise PassionpathError("above 80 is not a plan a person can keep.", field="hours_per_week")
    if weeks is not None and weeks < 1:
        raise PassionpathError("must be at least 1.", field="weeks")
    _check_obstacles(obstacles or [])
    objectives = build_objectives(report)
    needed = schedule(objectives, start, hours_per_week) if objectives else 1
    for o in objectives:
        o.statement = _statement(o, report.title, hours_per_week)
        o.benchmarks = _benchmarks(o, anchors or {})
    reassess = start + timedelta(weeks=min(REASSESS_AFTER_WEEKS, max(needed, weeks or 0)))
    return PlanDraft(
        code=report.code,
        title=report.title,
        start=start,
        hours_per_week=hours_per_week,
        weeks_requested=weeks,
        weeks_needed=needed,
        reassess_on=reassess,
        objectives=objectives,
        actions=_actions(objectives, report.code, report.title, start),
        obstacles=obstacle_drafts(obstacles or []),
    )
