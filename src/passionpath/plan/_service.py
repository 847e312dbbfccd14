"""Plan operations that span profiles, catalog and storage (what the CLI and API call)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.plan._analysis import analyse_gaps
from passionpath.plan._generate import generate_plan
from passionpath.plan._store import PlanView, add_event, create_plan, load_plan

if TYPE_CHECKING:
    from passionpath.context import Context

#: People from the contact book a plan's informational interview names, at most.
INTERVIEW_CONTACTS = 3


def _anchors(engine: Engine) -> dict[str, list[tuple[float, str]]]:
    from passionpath.catalog import descriptors

    out: dict[str, list[tuple[float, str]]] = {}
    for domain in ("skills", "knowledge"):
        for d in descriptors(domain, engine):
            out[d.element_id] = d.anchors
    return out


def new_plan(
    profile: str | None,
    target: str,
    ctx: Context,
    *,
    hours_per_week: float = 5.0,
    weeks: int | None = None,
    obstacles: list[str] | None = None,
    start: date | None = None,
    owner: int | None = None,
) -> PlanView:
    """Analyse the gaps from a stored profile to ``target`` and store the plan (active)."""
    from passionpath.jobsearch import cited_counts
    from passionpath.network import contacts_for
    from passionpath.profile import load_profile

    engine = ctx.engine
    record, document = load_profile(profile, engine, owner=owner)
    # Skills the person's rejections named weigh more ("named in 3 rejections").
    report = analyse_gaps(document, target, ctx, cited=cited_counts(engine, owner=owner))
    report.profile = record.slug
    # Whom to ask for the informational interview: people in the book who do this work,
    # the warmest first; people in nearby occupations only when nobody does.
    found = contacts_for(report.code, ctx, owner=owner).people
    closest = [p for p in found if p.closeness == 0] or found
    people = [(p.contact_id, p.name) for p in closest[:INTERVIEW_CONTACTS]]
    draft = generate_plan(
        report,
        start=start or date.today(),
        hours_per_week=hours_per_week,
        weeks=weeks,
        obstacles=obstacles,
        anchors=_anchors(engine),
        contacts=people,
    )
    return load_plan(create_plan(record.id, draft, engine), engine, owner=owner)


def find_plan(
    plan_id: int | None,
    profile: str | None,
    engine: Engine,
    *,
    owner: int | None = None,
) -> PlanView:
    """A plan by id, or the profile's active plan; only plans of ``owner``'s profiles."""
    from passionpath.profile import find_profile

    if plan_id is not None:
        return load_plan(plan_id, engine, owner=owner)
    profile_id = find_profile(profile, engine, owner=owner).id
    return load_plan(None, engine, profile_id=profile_id, owner=owner)


def log_progress(
    plan: PlanView,
    engine: Engine,
    *,
    hours: float | None = None,
    evidence: str | None = None,
    objective: int | None = None,
) -> None:
    """Log hours spent or evidence of work, on the whole plan or on the objective at
    position ``objective`` (1, 2, ... as the plan lists them)."""
    if hours is None and evidence is None:
        raise PassionpathError("give hours or evidence.", field="hours")
    objective_id = None
    if objective is not None:
        found = [o.id for o in plan.objectives if o.position == objective]
        if not found:
            raise NotFoundError(
                f"plan {plan.id} has no objective {objective} "
                f"(its objectives are 1 to {len(plan.objectives)}).",
                field="objective",
            )
        objective_id = found[0]
    add_event(
        plan.id,
        "hours" if hours is not None else "evidence",
        engine,
        objective_id=objective_id,
        hours=hours,
        note=evidence,
    )


def rerate(
    plan: PlanView,
    name_or_id: str,
    level: float,
    engine: Engine,
    *,
    owner: int | None = None,
) -> int:
    """Re-rate a skill or knowledge area: saves a new profile version and logs the event.
    Returns the new profile version."""
    from passionpath.catalog import descriptors
    from passionpath.profile import RatedDescriptor, load_profile, save_profile

    if not 0 <= level <= 7:
        raise PassionpathError(f"level {level:g} is outside 0-7.", field="level")
    known = [
        (d.element_id, d.name, domain)
        for domain in ("skills", "knowledge")
        for d in descriptors(domain, engine)
    ]
    in_plan = {o.element_id for o in plan.objectives}
    wanted = name_or_id.lower()
    # A name can be both a skill and a knowledge area ("Mathematics"): an exact id wins,
    # then the one this plan works on, then skills before knowledge.
    match = sorted(
        (k for k in known if name_or_id == k[0] or wanted == k[1].lower()),
        key=lambda k: (name_or_id != k[0], k[0] not in in_plan),
    )
    if not match:
        raise NotFoundError(
            f"{name_or_id!r} is not a skill or knowledge area in the catalog.", field="skill"
        )
    element, name, domain = match[0]
    record, document = load_profile(plan.profile, engine, owner=owner)
    rated = [r for r in getattr(document.pp, domain) if r.element_id != element]
    rated.append(RatedDescriptor(element_id=element, name=name, level=level, source="self"))
    setattr(document.pp, domain, rated)
    result = save_profile(
        record.slug, document, engine, note=f"plan {plan.id}: {name} re-rated", owner=owner
    )
    objective = next((o.id for o in plan.objectives if o.element_id == element), None)
    add_event(plan.id, "rerate", engine, objective_id=objective, value=level, note=name)
    return result.version
