from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Response

from passionpath.api._deps import CurrentUser, EngineDep
from passionpath.api._schemas import LogIn

router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("/{plan_id}")
def read(plan_id: int, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.plan import find_plan

    return find_plan(plan_id, None, engine, user).as_dict()


@router.get("/{plan_id}/status")
def status(plan_id: int, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.plan import find_plan, plan_progress

    items, summary = plan_progress(find_plan(plan_id, None, engine, user), date.today())
    return {"plan": plan_id, "summary": summary, "objectives": [i.as_dict() for i in items]}


@router.post("/{plan_id}/benchmarks/{benchmark_id}/check")
def check(
    plan_id: int, benchmark_id: int, user: CurrentUser, engine: EngineDep, done: bool = True
) -> dict[str, Any]:
    from passionpath.plan import check_benchmark, find_plan

    result = check_benchmark(find_plan(plan_id, None, engine, user), benchmark_id, done, engine)
    return {
        "id": result.id,
        "check": result.check,
        "done_at": result.done_at.isoformat() if result.done_at else None,
    }


@router.post("/{plan_id}/log", status_code=201)
def log(plan_id: int, body: LogIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.errors import NotFoundError, PassionpathError
    from passionpath.plan import add_event, find_plan

    plan = find_plan(plan_id, None, engine, user)
    if body.hours is None and body.evidence is None:
        raise PassionpathError("give hours or evidence.", field="hours")
    objective_id = None
    if body.objective is not None:
        found = [o.id for o in plan.objectives if o.position == body.objective]
        if not found:
            raise NotFoundError(
                f"plan {plan_id} has no objective {body.objective}.", field="objective"
            )
        objective_id = found[0]
    add_event(
        plan.id,
        "hours" if body.hours is not None else "evidence",
        objective_id=objective_id,
        hours=body.hours,
        note=body.evidence,
        engine=engine,
    )
    return {"logged": True}


@router.get("/{plan_id}/calendar.ics")
def calendar(plan_id: int, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.plan import find_plan, plan_calendar

    body = plan_calendar(find_plan(plan_id, None, engine, user))
    return Response(body, media_type="text/calendar")
