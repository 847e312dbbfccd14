from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Response

from passionpath.api._deps import CurrentUser, EngineDep
from passionpath.api._schemas import LogIn

router = APIRouter(prefix="/plans", tags=["plans"])


@router.get("/{plan_id}", summary="One plan")
def read(plan_id: int, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.plan import find_plan

    return find_plan(plan_id, None, engine, owner=user).as_dict()


@router.get("/{plan_id}/status", summary="Where a plan stands")
def status(plan_id: int, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.plan import find_plan, plan_progress

    items, summary = plan_progress(find_plan(plan_id, None, engine, owner=user), date.today())
    return {"plan": plan_id, "summary": summary, "objectives": [i.as_dict() for i in items]}


@router.post("/{plan_id}/benchmarks/{benchmark_id}/check", summary="Tick a benchmark")
def check(
    plan_id: int, benchmark_id: int, user: CurrentUser, engine: EngineDep, done: bool = True
) -> dict[str, Any]:
    from passionpath.plan import check_benchmark, find_plan

    plan = find_plan(plan_id, None, engine, owner=user)
    result = check_benchmark(plan, benchmark_id, engine, done=done)
    return {
        "id": result.id,
        "check": result.check,
        "done_at": result.done_at.isoformat() if result.done_at else None,
    }


@router.post("/{plan_id}/log", status_code=201, summary="Log time or evidence against a plan")
def log(plan_id: int, body: LogIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.plan import find_plan, log_progress

    log_progress(
        find_plan(plan_id, None, engine, owner=user),
        engine,
        hours=body.hours,
        evidence=body.evidence,
        objective=body.objective,
    )
    return {"logged": True}


@router.get("/{plan_id}/calendar.ics", summary="A plan's deadlines as a calendar")
def calendar(plan_id: int, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.plan import find_plan, plan_calendar

    body = plan_calendar(find_plan(plan_id, None, engine, owner=user))
    return Response(body, media_type="text/calendar")
