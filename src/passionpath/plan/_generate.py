"""Turning gaps into a plan: SMART objectives, benchmarks, actions, obstacles, a schedule.

Pure functions over the gap report; nothing here touches storage.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_LABEL_CHARS, MAX_OBSTACLES
from passionpath.plan._credentials import RULES_DIFFER, CredentialNeed
from passionpath.plan._gaps import GapReport, TechnologyGap
from passionpath.plan._titles import education_name, education_phrase, one_of, short_title

#: Hours of deliberate practice to raise a level by one step; higher levels take longer.
HOURS_PER_LEVEL = 20.0
LEVEL_DIFFICULTY = 0.15
TECHNOLOGY_HOURS = 15.0
#: Choosing a programme, applying and settling the money: the degree itself is the route.
CREDENTIAL_HOURS = 20.0
#: When at least this share of the target's workers have the person's education or less,
#: the usual degree is a choice to weigh (in DECISION_HOURS), not a programme to apply for.
OPTIONAL_EDUCATION_SHARE = 0.25
DECISION_HOURS = 10.0
MAX_SKILL_OBJECTIVES = 6
MAX_TECHNOLOGY_OBJECTIVES = 2
REASSESS_AFTER_WEEKS = 12
OBSTACLE_KINDS = ("time", "money", "confidence", "location")

#: Middle and secondary school teachers, tutors and self-enrichment teachers teach a subject
#: or two, but O*NET rates them as one occupation, so their subject knowledge is an average
#: over maths, history, art, language... teachers. A career changer teaches their own subject:
#: the plan leaves those areas out.
_SUBJECT_TEACHERS = ("25-2022", "25-2031", "25-3021", "25-3041")
_SCHOOL_SUBJECTS = frozenset(
    {
        "2.C.4.a",  # Mathematics
        "2.C.4.b",  # Physics
        "2.C.4.c",  # Chemistry
        "2.C.4.d",  # Biology
        "2.C.4.f",  # Sociology and Anthropology
        "2.C.4.g",  # Geography
        "2.C.7.b",  # Foreign Language
        "2.C.7.c",  # Fine Arts
        "2.C.7.d",  # History and Archeology
        "2.C.7.e",  # Philosophy and Theology
    }
)

#: Where to volunteer or intern, by the target's SOC group, the longest prefix first (our own
#: suggestions).
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
    # Finer groups where the major group's place would be the wrong one.
    "25-2": "a school",
    "29-1131": "a veterinary practice",
    "29-2056": "a veterinary practice",
    "39-2": "an animal shelter, kennel or stables",
    "39-4": "a funeral home",
    "39-5": "a hair, nail or beauty salon",
    "39-9011": "a nursery or childcare centre",
    "39-9031": "a gym or fitness centre",
    "47-2111": "an electrical contractor",
    "47-2152": "a plumbing or heating contractor",
    "49-9021": "a heating and air-conditioning contractor",
    "51-7": "a furniture or joinery workshop",
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
    #: A licence objective's requirement (None for a degree and other kinds).
    credential: CredentialNeed | None = None
    #: Tools of the same kind that would do as well (a technology objective's).
    alternatives: list[str] = field(default_factory=list)
    #: The name with its kind when a skill and a knowledge area share it ("Mathematics").
    label: str = ""
    #: A degree many in the job do without: to decide on, not to apply for.
    optional: bool = False
    #: Rejections that named it.
    cited: int = 0


@dataclass
class ActionDraft:
    kind: str  # course, certification, project, volunteering, event, interview, shadowing
    title: str
    objective: int | None  # index into the plan's objectives
    closes: list[str]
    due: date
    #: Contacts from the person's book the action names (whom to ask for the interview).
    contact_ids: list[int] = field(default_factory=list)


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
    """Credentials first (the route decides what to learn and by when: licences and
    programmes have entry requirements and deadlines), then basic skills, knowledge, applied
    skills and tools."""
    if objective.kind == "credential":
        return 0 if objective.credential is not None else 1
    if objective.kind == "skill" and (objective.element_id or "").startswith("2.A"):
        return 2
    return {"knowledge": 3, "skill": 4, "technology": 5}[objective.kind]


def _round_up_half(value: float) -> float:
    return math.ceil(value * 2) / 2


#: Kinds of software that come as one package: an office suite and what it contains.
_OFFICE_FAMILY = frozenset(
    {
        "Office suite software",
        "Spreadsheet software",
        "Word processing software",
        "Presentation software",
        "Electronic mail software",
    }
)


def _family(kind: str) -> str:
    return "office" if kind in _OFFICE_FAMILY else kind


def _technology(report: GapReport) -> list[tuple[TechnologyGap, list[str]]]:
    """Up to MAX_TECHNOLOGY_OBJECTIVES central tools the person lacks, one per kind of
    software, each with the others of its kind that would do as well."""
    chosen: list[tuple[TechnologyGap, list[str]]] = []
    for tech in report.technology:
        if tech.have or not tech.central:
            continue
        same = next(
            (c for c in chosen if tech.kind and _family(c[0].kind) == _family(tech.kind)), None
        )
        if same is not None:
            same[1].append(tech.name)
        elif len(chosen) < MAX_TECHNOLOGY_OBJECTIVES:
            chosen.append((tech, []))
    return chosen


def _education_optional(report: GapReport) -> bool:
    share = report.preparation.share_with_your_education_or_less if report.preparation else None
    return share is not None and share >= OPTIONAL_EDUCATION_SHARE


def build_objectives(report: GapReport) -> list[ObjectiveDraft]:
    gaps = report.skills
    if report.code.startswith(_SUBJECT_TEACHERS):
        gaps = [g for g in gaps if g.element_id not in _SCHOOL_SUBJECTS]
    objectives = [
        ObjectiveDraft(
            g.kind,
            g.element_id,
            g.name,
            g.current,
            min(7.0, _round_up_half(g.required)),
            hours_to_raise(g.current, min(7.0, _round_up_half(g.required))),
            cited=g.cited,
        )
        for g in gaps[:MAX_SKILL_OBJECTIVES]
    ]
    names = Counter(o.name for o in objectives)
    for o in objectives:
        if names[o.name] > 1:
            o.label = f"{o.name} ({o.kind})"
    for tech, alternatives in _technology(report):
        objectives.append(
            ObjectiveDraft(
                "technology",
                None,
                tech.name,
                None,
                None,
                TECHNOLOGY_HOURS,
                alternatives=alternatives[:2],
            )
        )
    need = report.credential
    if need is not None:
        # The licence's route runs through the usual programme, so one objective covers both;
        # a licence held means its qualifying education is held too.
        if not need.held:
            objectives.append(
                ObjectiveDraft(
                    "credential", None, need.label, None, None, need.hours, credential=need
                )
            )
    elif report.preparation is not None and report.preparation.gap:
        typical = report.preparation.typical_education
        wanted = education_name(typical) if typical else f"job zone {report.preparation.job_zone}"
        optional = _education_optional(report)
        hours = DECISION_HOURS if optional else CREDENTIAL_HOURS
        objectives.append(
            ObjectiveDraft("credential", None, wanted, None, None, hours, optional=optional)
        )
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


def _statement(o: ObjectiveDraft, report: GapReport, hours_per_week: float) -> str:
    title = short_title(report.title)
    effort = f"using about {o.hours:.0f} hours at {hours_per_week:g} h/week"
    done = f"done by {o.due.isoformat()}."
    if o.kind in ("skill", "knowledge"):
        what = f"Raise {o.label or o.name} from level {o.current:.1f} to {o.target:.1f} (0-7 scale)"
        why = f"{title} need it"
        if o.cited:
            why += f" and it was named in {o.cited} rejection{'s' if o.cited != 1 else ''}"
        return f"{what}, {effort}, because {why}; {done}"
    if o.kind == "technology":
        use = {
            "software": "in a finished piece of work",
            "creative": "in a finished piece of work",
            "hands-on": "on a real job",
            "general": "for real tasks at work",
        }.get(report.domain, "for real tasks at work")
        also = f" Employers also list {' and '.join(o.alternatives)}." if o.alternatives else ""
        return (
            f"Learn {o.name} well enough to use it {use}, {effort}, because {title} use it; "
            f"{done}{also}"
        )
    need = o.credential
    if need is not None:
        must = "must hold one" if need.required else "are usually expected to hold one"
        prep = report.preparation
        also = (
            f" Most {title} have {education_phrase(prep.typical_education)}: the route includes it."
            if prep is not None and prep.gap and prep.typical_education
            else ""
        )
        return (
            f"Find and start the route to {need.name}, {effort}, because {title} {must}. "
            f"{need.evidence}{also} {RULES_DIFFER} Done by {o.due.isoformat()}."
        )
    share = report.preparation.share_with_your_education_or_less if report.preparation else None
    if _education_optional(report) and share is not None:
        what = (
            f"Decide whether to get {education_phrase(o.name)}, the preparation most {title} "
            f"have ({share:.0%} have your education or less)"
        )
    else:
        what = f"Choose and apply for {education_phrase(o.name)}, the preparation most {title} have"
    return f"{what}, {effort}; {done}"


#: The work that shows progress at the first two checkpoints, by objective kind; "{setting}"
#: is where the plan suggests volunteering.
_CHECKPOINT_WORK = {
    "knowledge": (
        "finished the first third of your course or book, with its exercises",
        "used it in a real piece of work that someone who knows the subject has checked",
    ),
    "skill": (
        "practised it on three real tasks and noted what went wrong",
        "used it at {setting}, with someone who does this work giving you feedback",
    ),
}


def _example(text: str) -> str:
    return text[:1].lower() + text[1:].rstrip(".")


def _level_checks(o: ObjectiveDraft, anchors: list[tuple[float, str]], setting: str) -> list[str]:
    """Three checkpoints that each say something different: two pieces of work with a new
    self-rating each, then the target level rated against the scale's own examples. The
    examples calibrate the rating; they are not tasks of the target (O*NET illustrates
    Transportation at level 2 with riding a train to work), so they are never set as work."""
    assert o.current is not None and o.target is not None
    current, target, name = o.current, o.target, o.label or o.name
    checks = []
    for fraction, work in zip((1 / 3, 2 / 3), _CHECKPOINT_WORK[o.kind], strict=True):
        level = current + (target - current) * fraction
        checks.append(
            f"{name}: {work.format(setting=setting)}; rated yourself again: {level:.1f} or more"
        )
    scale = sorted(anchors)
    at = [(v, t) for v, t in scale if abs(v - target) <= 0.25]
    below = [(v, t) for v, t in scale if v < target - 0.25][-1:]
    above = [(v, t) for v, t in scale if v > target + 0.25][:1]
    shown = at[:1] or below + above
    final = f"{name} at level {target:.1f} or more"
    if shown:
        examples = "; ".join(
            f"at level {v:g} you can {_example(t)}" if i == 0 else f"at {v:g}, {_example(t)}"
            for i, (v, t) in enumerate(shown)
        )
        label = "example" if len(shown) == 1 else "examples"
        checks.append(f"{final}, rated against the scale's {label}: {examples}")
    else:
        checks.append(f"{final}, and someone who does this work agrees with your rating")
    return checks


#: Technology benchmarks by the target's domain: how the tool is learnt and shown there.
_TECHNOLOGY_CHECKS = {
    "software": (
        "Finished a beginner tutorial in {name}",
        "Used {name} on a small piece of your own",
        "Used {name} in a portfolio project someone else has seen",
    ),
    "creative": (
        "Finished a beginner tutorial in {name}",
        "Made a small piece of your own with {name}",
        "Made a portfolio piece with {name} and shown it to someone who works in the field",
    ),
    "hands-on": (
        "Finished a short course or the supplier's training in {name}",
        "Used {name} on a real job with someone experienced beside you",
        "Used {name} on your own for a real job, and the result was accepted",
    ),
    "general": (
        "Finished a short course or the vendor's training in {name}",
        "Used {name} on a real task at work, on a placement or as a volunteer",
        "Had someone who uses {name} every day check a piece of your work with it",
    ),
}


def _benchmarks(
    o: ObjectiveDraft,
    anchors: dict[str, list[tuple[float, str]]],
    domain: str,
    setting: str,
) -> list[BenchmarkDraft]:
    span = (o.due - o.start).days
    marks = [o.start + timedelta(days=round(span * f)) for f in (1 / 3, 2 / 3, 1.0)]
    if o.kind in ("skill", "knowledge") and o.current is not None and o.target is not None:
        checks = _level_checks(o, anchors.get(o.element_id or "", []), setting)
    elif o.kind == "technology":
        templates = _TECHNOLOGY_CHECKS.get(domain, _TECHNOLOGY_CHECKS["general"])
        checks = [t.format(name=o.name) for t in templates]
    elif o.credential is not None:
        checks = list(o.credential.checks)
    elif o.optional:
        checks = [
            f"Compared two {o.name} programmes with two routes in without one (a portfolio, "
            "a short course, an entry-level job) for cost, time and where they lead",
            f"Asked two people who work in the job whether their {o.name.lower()} mattered "
            "when they were hired",
            "Decided, and put the next step in your calendar (an application, or the first "
            "piece of the route without the degree)",
        ]
    else:
        checks = [
            f"Chosen a programme for {o.name} and checked its entry requirements",
            f"Applied or enrolled for {o.name}",
            f"Settled how you will pay for {o.name} (savings, a loan, a grant or an employer) "
            "and put its start date in your calendar",
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
        ("project", "{project}", "end"),
        ("volunteering", "Volunteer or intern at {setting} where you use {name}", "middle"),
    ],
    "credential": [
        (
            "certification",
            "Programmes for {name}: compare two or three (part-time and distance ones too), "
            "then attach the one you choose",
            "early",
        )
    ],
}
_WEIGH_DEGREE = (
    "Routes into the job with and without {name}: two programmes (part-time and distance ones "
    "too) and two ways in without one; attach what you choose"
)
#: How a tool is learnt, and then used, in each domain. Software people meet at meetups and
#: hackathons; artists and designers show portfolio pieces; a trade learns its software from
#: a short course, the supplier or on the job.
_TECHNOLOGY_ACTIONS: dict[str, list[tuple[str, str, str]]] = {
    "software": [
        ("course", "Tutorial or course in {name}", "early"),
        ("event", "A {gathering} where {name} is used: build something with others", "end"),
    ],
    "creative": [
        ("course", "Tutorial or course in {name}", "early"),
        (
            "project",
            "A portfolio piece made with {name}, shown at a class, club or critique group",
            "end",
        ),
    ],
    "hands-on": [
        ("course", "Short course or the supplier's training in {name}", "early"),
        (
            "project",
            "Ask to use {name} on the job: at work, on a placement or during the trial day",
            "end",
        ),
    ],
    "general": [
        (
            "course",
            "Short course or the vendor's own training in {name} (employers often train you "
            "on the one they use)",
            "early",
        ),
        ("project", "Use {name} on a real task at work, on a placement or as a volunteer", "end"),
    ],
}
#: Social skills (O*NET 2.B.1: social perceptiveness, coordination, persuasion...) show in
#: how people experienced working with you, not in a piece of work.
_SOCIAL_SKILLS = "2.B.1"
_SOCIAL_EVIDENCE = (
    "Written feedback from someone you worked with (a supervisor, a client or a volunteer "
    "lead) that shows {name} at level {target}"
)
#: The piece of work that shows a skill, in each domain.
_PROJECT = {
    "software": "Portfolio project that shows {name} at level {target}",
    "creative": "Portfolio piece that shows {name} at level {target}",
    "hands-on": "A real job that shows {name} at level {target}, written up with who can "
    "vouch for it",
    "general": "A piece of work that shows {name} at level {target}, to show at interviews",
}


def _when(o: ObjectiveDraft, moment: str) -> date:
    if moment == "early":
        return min(o.start + timedelta(days=7), o.due)
    if moment == "middle":
        return o.start + (o.due - o.start) / 2
    return o.due


def _people(contacts: Sequence[tuple[int, str]]) -> str:
    """ "Lena Ortiz", "Lena Ortiz or Sam Patel", "Lena Ortiz, Sam Patel or Ana Ruiz"."""
    names = [name for _, name in contacts]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _actions(
    objectives: list[ObjectiveDraft],
    report: GapReport,
    start: date,
    contacts: Sequence[tuple[int, str]] = (),
) -> list[ActionDraft]:
    setting = _setting(report)
    need = next((o.credential for o in objectives if o.credential is not None), None)
    route = f", and how they got their {_in_sentence(need.label)}" if need is not None else ""
    whom = f" (from your contacts: {_people(contacts)})" if contacts else ""
    interview = (
        f"Informational interview with {one_of(report.title)}{whom}: ask what a week looks "
        f"like and what they would learn first{route}"
    )
    gathering = (
        "game jam or meetup"
        if "game" in report.title.lower()
        else "meetup, hackathon or open-source project"
    )
    actions = [
        ActionDraft(
            "interview",
            interview,
            None,
            [],
            start + timedelta(weeks=2),
            [contact_id for contact_id, _ in contacts],
        )
    ]
    for i, o in enumerate(objectives):
        target = f"{o.target:.1f}" if o.target is not None else ""
        if o.credential is not None:
            templates = [("certification", o.credential.route, "early")]
        elif o.optional:
            templates = [("certification", _WEIGH_DEGREE, "early")]
        elif o.kind == "technology":
            templates = _TECHNOLOGY_ACTIONS.get(report.domain, _TECHNOLOGY_ACTIONS["general"])
        else:
            templates = _ACTION_TEMPLATES[o.kind]
        for kind, template, moment in templates:
            if kind == "project" and (o.element_id or "").startswith(_SOCIAL_SKILLS):
                template = _SOCIAL_EVIDENCE
            project = _PROJECT.get(report.domain, _PROJECT["general"])
            text = template.format(
                name=o.name,
                target=target,
                setting=setting,
                gathering=gathering,
                project=project.format(name=o.name, target=target),
            )
            actions.append(ActionDraft(kind, text, i, [o.element_id or o.name], _when(o, moment)))
    middle = start + (max(o.due for o in objectives) - start) / 2 if objectives else start
    shadowing = f"A trial day or job shadowing at {setting}: try the work before committing further"
    actions.append(
        ActionDraft(
            "shadowing", shadowing, None, [o.element_id or o.name for o in objectives], middle
        )
    )
    return actions


def _in_sentence(label: str) -> str:
    """ "Teaching licence" -> "teaching licence"; "CPA licence" and "Professional Engineer
    licence" stay as they are."""
    words = label.split()
    proper = label[1:2].isupper() or (len(words) > 1 and words[1][:1].isupper())
    return label if proper else label[:1].lower() + label[1:]


def _setting(report: GapReport) -> str:
    prefixes = [p for p in _SETTINGS if report.code.startswith(p)]
    if not prefixes:
        return "an organisation that employs " + report.title.lower()
    return _SETTINGS[max(prefixes, key=len)]


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
    contacts: Sequence[tuple[int, str]] = (),
) -> PlanDraft:
    """A dated plan for ``report``'s gaps. When the hours per week cannot fit the work into
    ``weeks``, the plan is longer than asked and ``weeks_needed`` says by how much.
    ``contacts`` (id, name) are people from the person's book to ask for the informational
    interview, best first."""
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
        o.statement = _statement(o, report, hours_per_week)
        o.benchmarks = _benchmarks(o, anchors or {}, report.domain, _setting(report))
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
        actions=_actions(objectives, report, start, contacts),
        obstacles=obstacle_drafts(obstacles or []),
    )
