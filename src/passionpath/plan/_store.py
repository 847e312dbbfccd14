"""Plans in the database: create (archiving the previous active plan), read, record progress."""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, insert, select, update

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_EVIDENCE_CHARS
from passionpath.plan._generate import PlanDraft
from passionpath.store import models as m
from passionpath.store import owned_by


@dataclass
class BenchmarkView:
    id: int
    due: date
    check: str
    done_at: datetime | None


@dataclass
class ObjectiveView:
    id: int
    position: int
    kind: str
    element_id: str | None
    name: str
    statement: str
    current: float | None
    target: float | None
    hours: float
    start: date
    due: date
    benchmarks: list[BenchmarkView] = field(default_factory=list)
    hours_logged: float = 0.0


@dataclass
class ActionView:
    id: int
    kind: str
    title: str
    objective_id: int | None
    closes: list[str]
    due: date
    attached: str | None
    #: Contacts from the book the action names.
    contact_ids: list[int] = field(default_factory=list)
    #: For an informational interview: the day one was logged with a contact it names or
    #: with someone in the target occupation, since the plan was made, and with whom.
    done_on: date | None = None
    done_with: int | None = None


@dataclass
class PlanView:
    id: int
    profile: str
    code: str
    title: str
    status: str
    start: date
    hours_per_week: float
    weeks_requested: int | None
    weeks_needed: int
    reassess_on: date
    feed_token: str
    objectives: list[ObjectiveView]
    actions: list[ActionView]
    obstacles: list[dict[str, str]]
    events: list[dict[str, Any]]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def create_plan(profile_id: int, draft: PlanDraft, engine: Engine) -> int:
    """Store a plan; it becomes the profile's active plan and older ones are archived."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            update(m.Plan)
            .where(m.Plan.profile_id == profile_id, m.Plan.status == "active")
            .values(status="archived")
        )
        plan_id = conn.execute(
            insert(m.Plan).returning(m.Plan.id),
            {
                "profile_id": profile_id,
                "target_code": draft.code,
                "target_title": draft.title,
                "status": "active",
                "created_at": now,
                "start_date": draft.start,
                "hours_per_week": draft.hours_per_week,
                "weeks_requested": draft.weeks_requested,
                "weeks_needed": draft.weeks_needed,
                "reassess_on": draft.reassess_on,
                "feed_token": secrets.token_urlsafe(24),
            },
        ).scalar_one()
        objective_ids = []
        for position, o in enumerate(draft.objectives, start=1):
            objective_id = conn.execute(
                insert(m.PlanObjective).returning(m.PlanObjective.id),
                {
                    "plan_id": plan_id,
                    "position": position,
                    "kind": o.kind,
                    "element_id": o.element_id,
                    "name": o.name,
                    "statement": o.statement,
                    "current_level": o.current,
                    "target_level": o.target,
                    "hours": o.hours,
                    "start_date": o.start,
                    "due_date": o.due,
                },
            ).scalar_one()
            objective_ids.append(objective_id)
            for i, b in enumerate(o.benchmarks, start=1):
                conn.execute(
                    insert(m.PlanBenchmark),
                    {
                        "objective_id": objective_id,
                        "position": i,
                        "due_date": b.due,
                        "check": b.check,
                    },
                )
        for a in draft.actions:
            conn.execute(
                insert(m.PlanAction),
                {
                    "plan_id": plan_id,
                    "kind": a.kind,
                    "title": a.title,
                    "objective_id": objective_ids[a.objective] if a.objective is not None else None,
                    "closes": json.dumps(a.closes),
                    "due_date": a.due,
                    "contact_ids": json.dumps(a.contact_ids),
                },
            )
        for ob in draft.obstacles:
            conn.execute(
                insert(m.PlanObstacle),
                {
                    "plan_id": plan_id,
                    "kind": ob.kind,
                    "description": ob.description,
                    "counter_move": ob.counter_move,
                },
            )
    return int(plan_id)


def _plan_row(conn: Any, plan_id: int | None, profile_id: int | None, owner: int | None) -> Any:
    query = select(m.Plan.__table__).where(owned_by(m.Plan, owner))
    if plan_id is not None:
        query = query.where(m.Plan.id == plan_id)
    else:
        query = query.where(m.Plan.profile_id == profile_id, m.Plan.status == "active")
    row = conn.execute(query).first()
    if row is None:
        if plan_id is not None:
            raise NotFoundError(
                f"No plan {plan_id}.",
                field="plan",
                hint="The list of your plans shows their ids.",
                kind="unknown_plan",
            )
        raise NotFoundError(
            "No active plan.",
            field="plan",
            hint="Create a plan for a profile and a target occupation.",
            kind="no_active_plan",
        )
    return row


def find_by_feed_token(engine: Engine, token: str) -> PlanView:
    """The plan whose calendar feed lives at this secret token, whoever owns it (the token
    is the credential: calendar apps subscribe without logging in)."""
    # Real tokens are 32 characters; a short guess is refused before it reaches the database.
    if len(token) < 20:
        raise NotFoundError("No such calendar feed.")
    with engine.connect() as conn:
        row = conn.execute(
            select(m.Plan.id, m.Profile.user_id)
            .join(m.Profile, m.Profile.id == m.Plan.profile_id)
            .where(m.Plan.feed_token == token)
        ).first()
    if row is None:
        raise NotFoundError("No such calendar feed.")
    return load_plan(row.id, engine=engine, owner=row.user_id)


def load_plan(
    plan_id: int | None,
    engine: Engine,
    *,
    profile_id: int | None = None,
    owner: int | None = None,
) -> PlanView:
    """A plan by id, or (``plan_id`` None) the active plan of a profile, among ``owner``'s
    plans only."""
    with engine.connect() as conn:
        plan = _plan_row(conn, plan_id, profile_id, owner)
        slug = conn.execute(select(m.Profile.slug).where(m.Profile.id == plan.profile_id)).scalar()
        objectives = conn.execute(
            select(m.PlanObjective.__table__)
            .where(m.PlanObjective.plan_id == plan.id)
            .order_by(m.PlanObjective.position)
        ).all()
        ids = [o.id for o in objectives]
        benchmarks = conn.execute(
            select(m.PlanBenchmark.__table__)
            .where(m.PlanBenchmark.objective_id.in_(ids))
            .order_by(m.PlanBenchmark.objective_id, m.PlanBenchmark.position)
        ).all()
        actions = conn.execute(
            select(m.PlanAction.__table__)
            .where(m.PlanAction.plan_id == plan.id)
            .order_by(m.PlanAction.due_date, m.PlanAction.id)
        ).all()
        obstacles = conn.execute(
            select(m.PlanObstacle.__table__).where(m.PlanObstacle.plan_id == plan.id)
        ).all()
        events = conn.execute(
            select(m.PlanEvent.__table__)
            .where(m.PlanEvent.plan_id == plan.id)
            .order_by(m.PlanEvent.created_at, m.PlanEvent.id)
        ).all()
    views = {
        o.id: ObjectiveView(
            o.id,
            o.position,
            o.kind,
            o.element_id,
            o.name,
            o.statement,
            o.current_level,
            o.target_level,
            o.hours,
            o.start_date,
            o.due_date,
        )
        for o in objectives
    }
    for b in benchmarks:
        views[b.objective_id].benchmarks.append(BenchmarkView(b.id, b.due_date, b.check, b.done_at))
    for e in events:
        if e.kind == "hours" and e.objective_id in views:
            views[e.objective_id].hours_logged += e.hours or 0.0
    return PlanView(
        id=plan.id,
        profile=slug or "",
        code=plan.target_code,
        title=plan.target_title,
        status=plan.status,
        start=plan.start_date,
        hours_per_week=plan.hours_per_week,
        weeks_requested=plan.weeks_requested,
        weeks_needed=plan.weeks_needed,
        reassess_on=plan.reassess_on,
        feed_token=plan.feed_token,
        objectives=list(views.values()),
        actions=[_action(a, plan, engine, owner) for a in actions],
        obstacles=[
            {"kind": o.kind, "description": o.description, "counter_move": o.counter_move}
            for o in obstacles
        ],
        events=[
            {
                "kind": e.kind,
                "objective_id": e.objective_id,
                "hours": e.hours,
                "value": e.value,
                "note": e.note,
                "at": e.created_at.isoformat(timespec="seconds"),
            }
            for e in events
        ],
    )


def _action(row: Any, plan: Any, engine: Engine, owner: int | None) -> ActionView:
    """An action as stored; an informational interview is done once the contact book has
    one logged (so logging it there ticks it, and deleting it there unticks it)."""
    from passionpath.network import interview_held

    view = ActionView(
        row.id,
        row.kind,
        row.title,
        row.objective_id,
        json.loads(row.closes),
        row.due_date,
        row.attached,
        json.loads(row.contact_ids or "[]"),
    )
    if row.kind == "interview":
        held = interview_held(
            engine,
            owner=owner,
            since=plan.created_at.date(),
            contact_ids=view.contact_ids,
            code=plan.target_code,
        )
        if held is not None:
            view.done_on, view.done_with = held
    return view


def list_plans(profile_id: int, engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                m.Plan.id,
                m.Plan.target_code,
                m.Plan.target_title,
                m.Plan.status,
                m.Plan.start_date,
                m.Plan.weeks_needed,
            )
            .where(m.Plan.profile_id == profile_id)
            .order_by(m.Plan.id)
        ).all()
    return [
        {
            "id": r[0],
            "code": r[1],
            "title": r[2],
            "status": r[3],
            "start": r[4].isoformat(),
            "weeks": r[5],
        }
        for r in rows
    ]


def activate_plan(plan_id: int, engine: Engine, *, owner: int | None = None) -> None:
    with engine.begin() as conn:
        plan = _plan_row(conn, plan_id, None, owner)
        conn.execute(
            update(m.Plan)
            .where(m.Plan.profile_id == plan.profile_id, m.Plan.status == "active")
            .values(status="archived")
        )
        conn.execute(update(m.Plan).where(m.Plan.id == plan_id).values(status="active"))


def add_event(
    plan_id: int,
    kind: str,
    engine: Engine,
    *,
    objective_id: int | None = None,
    hours: float | None = None,
    value: float | None = None,
    note: str | None = None,
) -> None:
    if hours is not None and not hours > 0:  # NaN too
        raise PassionpathError("must be more than 0.", field="hours")
    if note is not None and len(note) > MAX_EVIDENCE_CHARS:
        raise PassionpathError(
            f"is {len(note)} characters long; the limit is {MAX_EVIDENCE_CHARS}.",
            field="evidence",
        )
    with engine.begin() as conn:
        conn.execute(
            insert(m.PlanEvent),
            {
                "plan_id": plan_id,
                "objective_id": objective_id,
                "kind": kind,
                "hours": hours,
                "value": value,
                "note": note,
                "created_at": datetime.now(UTC),
            },
        )


def check_benchmark(
    plan: PlanView, benchmark_id: int, engine: Engine, *, done: bool = True
) -> BenchmarkView:
    for objective in plan.objectives:
        for b in objective.benchmarks:
            if b.id == benchmark_id:
                stamp = datetime.now(UTC) if done else None
                with engine.begin() as conn:
                    conn.execute(
                        update(m.PlanBenchmark)
                        .where(m.PlanBenchmark.id == b.id)
                        .values(done_at=stamp)
                    )
                add_event(
                    plan.id,
                    "check" if done else "uncheck",
                    engine,
                    objective_id=objective.id,
                    note=b.check,
                )
                return BenchmarkView(b.id, b.due, b.check, stamp)
    raise NotFoundError(
        f"Plan {plan.id} has no benchmark {benchmark_id}.",
        field="benchmark",
        hint="The plan lists its benchmarks with their ids.",
        kind="unknown_benchmark",
    )


def attach_to_action(plan: PlanView, action_id: int, text: str, engine: Engine) -> None:
    if action_id not in {a.id for a in plan.actions}:
        raise NotFoundError(f"Plan {plan.id} has no action {action_id}.", field="action")
    with engine.begin() as conn:
        conn.execute(update(m.PlanAction).where(m.PlanAction.id == action_id).values(attached=text))
