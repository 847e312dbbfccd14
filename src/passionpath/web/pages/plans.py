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
    render,
    submitted,
)
from passionpath.web._errors import in_words
from passionpath.web._words import day, due, progress_words, standing
from passionpath.web.pages.matches import gaps_form

router = APIRouter()


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request) -> Response:
    from passionpath.plan import list_plans

    _, record, _ = my_profile(request)
    plans = list_plans(record.id, engine(request))
    return render(request, "plans.html", plans=plans)


#: The plan form's fields as the page labels them, by the core's names for them.
_PLAN_FIELDS = {"hours_per_week": ("hours", "Hours per week"), "obstacles": ("obstacles", "")}


@router.post("/plans")
async def create_plan(request: Request) -> Response:
    from passionpath.limits import MAX_LABEL_CHARS, MAX_OBSTACLES
    from passionpath.plan import new_plan

    form, expired = await submitted(request)
    user, _ = me(request)
    target = str(form.get("target", ""))[:MAX_LABEL_CHARS]
    hours = str(form.get("hours_per_week", "")).strip()[:MAX_LABEL_CHARS] or "5"
    # At most one past the limit is kept, so the core can say there were too many.
    obstacles = [str(o) for o in form.getlist("obstacle")][: MAX_OBSTACLES + 1]
    errors: dict[str, str] = {}
    if not expired:
        try:
            plan = new_plan(
                SLUG,
                target,
                context(request),
                hours_per_week=float(hours),
                obstacles=obstacles,
                owner=user,
            )
            return RedirectResponse(f"/plans/{plan.id}", status_code=303)
        except ValueError:
            errors["hours"] = "Hours per week: enter a number, such as 5."
        except PassionpathError as exc:
            if exc.field not in _PLAN_FIELDS:
                raise  # about the occupation or the profile: the error page says what to do
            name, label = _PLAN_FIELDS[exc.field]
            errors[name] = in_words(exc, label or None)
    return gaps_form(
        request, target, 400, hours=hours, obstacles=obstacles, errors=errors, error=expired
    )


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def plan_page(request: Request, plan_id: int) -> Response:
    from passionpath.plan import find_plan, plan_progress

    user = current_user(request)
    plan = find_plan(plan_id, None, engine(request), owner=user)
    today = date.today()
    progress, summary = plan_progress(plan, today)
    return render(
        request,
        "plan.html",
        plan=plan,
        summary=summary,
        objectives=[
            (o, p, *standing(p), progress_words(p))
            for o, p in zip(plan.objectives, progress, strict=True)
        ],
        ticked=sum(p.benchmarks_done for p in progress),
        total=sum(p.benchmarks_total for p in progress),
        start=day(plan.start, today),
        reassess=day(plan.reassess_on, today),
        # When each unticked check is due, in words ("due in 3 days", "overdue: ...").
        when={b.id: due(b.due, today)[0] for o in plan.objectives for b in o.benchmarks},
        actions=[(a, "by " + day(a.due, today)) for a in plan.actions],
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
