"""The user's plans: list, create, view, tick a benchmark, and the calendar feed."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import PassionpathError
from passionpath.web._deps import (
    SLUG,
    check_csrf,
    context,
    current_user,
    engine,
    me,
    my_profile,
    posted_form,
    render,
)

router = APIRouter()


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request) -> Response:
    from passionpath.plan import list_plans

    _, record, _ = my_profile(request)
    plans = list_plans(record.id, engine(request))
    return render(request, "plans.html", plans=plans)


@router.post("/plans")
async def create_plan(request: Request) -> Response:
    from passionpath.plan import new_plan

    form = await posted_form(request)
    user, _ = me(request)
    try:
        hours = float(str(form.get("hours_per_week", "5")) or 5)
    except ValueError:
        raise PassionpathError("enter a number of hours.", field="hours_per_week") from None
    plan = new_plan(
        SLUG,
        str(form.get("target", "")),
        context(request),
        hours_per_week=hours,
        obstacles=[str(o) for o in form.getlist("obstacle")],
        owner=user,
    )
    return RedirectResponse(f"/plans/{plan.id}", status_code=303)


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def plan_page(request: Request, plan_id: int) -> Response:
    from passionpath.plan import find_plan, plan_progress

    user = current_user(request)
    plan = find_plan(plan_id, None, engine(request), owner=user)
    progress, summary = plan_progress(plan, date.today())
    return render(
        request,
        "plan.html",
        plan=plan,
        summary=summary,
        objectives=list(zip(plan.objectives, progress, strict=True)),
        base_url=str(request.base_url),
    )


@router.post("/plans/{plan_id}/check/{benchmark_id}")
def tick(request: Request, plan_id: int, benchmark_id: int, csrf: str = Form("")) -> Response:
    from passionpath.plan import check_benchmark, find_plan

    check_csrf(request, csrf)
    user = current_user(request)
    check_benchmark(
        find_plan(plan_id, None, engine(request), owner=user), benchmark_id, engine=engine(request)
    )
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.get("/feed/{token}.ics")
def feed(request: Request, token: str) -> Response:
    """The plan's calendar at a secret address (no login, so calendar apps can subscribe)."""
    from passionpath.plan import find_by_feed_token, plan_calendar

    plan = find_by_feed_token(engine(request), token)
    return Response(plan_calendar(plan), media_type="text/calendar")
