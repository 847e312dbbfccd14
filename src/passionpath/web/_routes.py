"""Web pages. Each handler reads the signed session, calls the core, renders a template.

Every page that touches personal data goes through ``_me``: the session's user and that
user's own profile, so nothing here can reach another account's records.
"""

from __future__ import annotations

import json
import secrets
from datetime import date
from pathlib import Path
from typing import Any

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine

from passionpath.errors import NotFoundError, PassionpathError

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
SLUG = "me"


def _engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def _csrf(request: Request) -> str:
    token: str | None = request.session.get("csrf")
    if token is None:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def _check_csrf(request: Request, submitted: str) -> None:
    if not submitted or not secrets.compare_digest(submitted, request.session.get("csrf", "")):
        raise PassionpathError("This form has expired; reload the page and try again.")


def _render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    from passionpath.catalog import release_attribution

    try:
        attribution, notice = release_attribution(_engine(request))
    except PassionpathError:
        attribution, notice = "", None
    context.setdefault("attribution", attribution)
    context.setdefault("notice", notice)
    return templates.TemplateResponse(
        request,
        template,
        {"user": request.session.get("user"), "csrf": _csrf(request), **context},
        status_code=status,
    )


class LoginRequired(Exception):
    pass


def _user(request: Request) -> Any:
    user = request.session.get("user")
    if user is None:
        raise LoginRequired()
    return user


def _me(request: Request) -> tuple[int, Any]:
    """(user id, the user's web profile document); creates the profile on first use."""
    from passionpath.profile import ProfileDocument, create_profile, load_profile

    user = _user(request)
    engine = _engine(request)
    try:
        return user, load_profile(SLUG, engine=engine, owner=user)[1]
    except NotFoundError:
        # Also when the user has other profiles (made through the API) but not this one.
        create_profile(
            ProfileDocument.model_validate({"basics": {"name": "Me"}}),
            slug=SLUG,
            engine=engine,
            owner=user,
        )
    return user, load_profile(SLUG, engine=engine, owner=user)[1]


def _save(request: Request, user: int, document: Any, note: str) -> None:
    from passionpath.profile import save_profile

    save_profile(SLUG, document, note=note, engine=_engine(request), owner=user)


def install_handlers(app: FastAPI) -> None:
    @app.exception_handler(LoginRequired)
    async def login_first(_: Request, __: LoginRequired) -> Response:
        return RedirectResponse("/login", status_code=303)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    if request.session.get("user"):
        return RedirectResponse("/matches", status_code=303)
    return _render(request, "home.html")


@router.get("/register", response_class=HTMLResponse)
def register_page(request: Request) -> Response:
    return _render(request, "auth.html", heading="Create an account", action="/register")


@router.post("/register")
def register(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    from passionpath.api._users import register as create_user

    _check_csrf(request, csrf)
    try:
        user = create_user(_engine(request), email, password)
    except PassionpathError as exc:
        return _render(
            request,
            "auth.html",
            400,
            heading="Create an account",
            action="/register",
            error=str(exc),
        )
    request.session.clear()
    request.session["user"] = user
    return RedirectResponse("/passions", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return _render(request, "auth.html", heading="Log in", action="/login")


@router.post("/login")
def login(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    from passionpath.api._users import authenticate

    _check_csrf(request, csrf)
    try:
        user = authenticate(_engine(request), email, password, request.app.state.limiter)
    except PassionpathError as exc:
        return _render(request, "auth.html", 401, heading="Log in", action="/login", error=str(exc))
    request.session.clear()
    request.session["user"] = user
    return RedirectResponse("/matches", status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    _check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)


@router.get("/passions", response_class=HTMLResponse)
def passions_page(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS

    _, document = _me(request)
    block = document.pp
    return _render(
        request,
        "passions.html",
        questions=PASSION_QUESTIONS,
        answers=block.reflections.model_dump(),
        name=document.display_name,
        activities="\n".join(a.name for a in block.activities),
    )


@router.post("/passions")
async def passions(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS
    from passionpath.profile._document import Activity

    form = await request.form()
    _check_csrf(request, str(form.get("csrf", "")))
    user, document = _me(request)
    data = document.to_json_dict()
    data.setdefault("basics", {})["name"] = str(form.get("name", "")).strip() or "Me"
    from passionpath.profile import parse_document

    document = parse_document(data, "passions")
    for key in PASSION_QUESTIONS:
        setattr(document.pp.reflections, key, str(form.get(key, "")).strip())
    lines = [line.strip() for line in str(form.get("activities", "")).splitlines() if line.strip()]
    document.pp.activities = [Activity(name=line) for line in lines]
    _save(request, user, document, "passion questions")
    return RedirectResponse("/inventory", status_code=303)


@router.get("/inventory", response_class=HTMLResponse)
def inventory_page(request: Request) -> Response:
    from passionpath.profile import items
    from passionpath.profile._inventory import scale

    _, document = _me(request)
    answers = document.pp.inventory.answers if document.pp.inventory else {}
    return _render(
        request,
        "inventory.html",
        items=items("full"),
        scale=scale(),
        answers=answers,
        answered=len(answers),
    )


@router.post("/inventory")
async def inventory(request: Request) -> Response:
    from passionpath.profile import items, score
    from passionpath.profile._inventory import inventory_record, scale

    form = await request.form()
    _check_csrf(request, str(form.get("csrf", "")))
    user, document = _me(request)
    answers = {
        i.id: int(str(form[i.id]))
        for i in items("full")
        if str(form.get(i.id, "")) in {"1", "2", "3", "4", "5"}
    }
    try:
        result = score(answers, "full")
    except PassionpathError as exc:
        return _render(
            request,
            "inventory.html",
            400,
            items=items("full"),
            scale=scale(),
            answers=answers,
            answered=len(answers),
            error=str(exc),
        )
    document.pp.inventory = inventory_record(result, answers)
    _save(request, user, document, "interest inventory (full)")
    return RedirectResponse("/matches", status_code=303)


@router.get("/skills", response_class=HTMLResponse)
def skills_page(request: Request) -> Response:
    from passionpath.catalog import descriptors
    from passionpath.profile._levels import level_choices

    _, document = _me(request)
    current = {r.element_id: r.level for r in [*document.pp.skills, *document.pp.knowledge]}
    rows = [
        {
            "info": d,
            "kind": kind,
            "choices": level_choices(d.anchors),
            "current": current.get(d.element_id),
        }
        for domain, kind in (("skills", "skill"), ("knowledge", "knowledge"))
        for d in descriptors(domain, _engine(request))
    ]
    return _render(request, "skills.html", descriptors=rows)


@router.post("/skills")
async def skills(request: Request) -> Response:
    from passionpath.catalog import descriptors
    from passionpath.profile import RatedDescriptor

    form = await request.form()
    _check_csrf(request, str(form.get("csrf", "")))
    user, document = _me(request)
    for domain in ("skills", "knowledge"):
        rated = []
        for d in descriptors(domain, _engine(request)):
            raw = str(form.get(d.element_id, ""))
            if raw:
                rated.append(
                    RatedDescriptor(
                        element_id=d.element_id, name=d.name, level=min(7.0, max(0.0, float(raw)))
                    )
                )
        setattr(document.pp, domain, rated)
    _save(request, user, document, "skills self-assessment")
    return RedirectResponse("/matches", status_code=303)


@router.get("/profile", response_class=HTMLResponse)
def profile_page(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS, interest_scores, profile_history

    user, document = _me(request)
    _, code = interest_scores(document)
    reflections = [(q, getattr(document.pp.reflections, k)) for k, q in PASSION_QUESTIONS.items()]
    return _render(
        request,
        "profile.html",
        name=document.display_name,
        code=code,
        reflections=reflections,
        skills=document.pp.skills,
        history=profile_history(SLUG, _engine(request), user),
    )


@router.get("/matches", response_class=HTMLResponse)
def matches_page(request: Request, quadrant: str = "") -> Response:
    from passionpath.match import QUADRANTS, match
    from passionpath.match.chart import hexagon_svg, quadrant_svg

    _, document = _me(request)
    chosen = quadrant if quadrant in QUADRANTS else None
    report = match(document, top=15, quadrant=chosen, engine=_engine(request))
    return _render(
        request,
        "matches.html",
        results=report.results,
        quadrants=QUADRANTS,
        quadrant=chosen,
        quadrant_svg=quadrant_svg(report),
        hexagon_svg=hexagon_svg(report.riasec),
    )


@router.get("/occupations/{code}", response_class=HTMLResponse)
def occupation_page(request: Request, code: str) -> Response:
    from passionpath.catalog import occupation_profile

    return _render(request, "occupation.html", o=occupation_profile(code, _engine(request)))


@router.get("/transitions", response_class=HTMLResponse)
def transitions_page(request: Request) -> Response:
    from passionpath.match import career_path, similar

    origin = request.query_params.get("from") or None
    goal = request.query_params.get("to") or None
    engine = _engine(request)
    moves = similar(origin, 10, engine) if origin else None
    route = career_path(origin, goal, engine) if origin and goal else None
    return _render(
        request, "transitions.html", origin=origin, goal=goal, similar=moves, route=route
    )


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(request: Request, target: str) -> Response:
    from passionpath.plan import analyse_gaps
    from passionpath.plan._generate import OBSTACLE_KINDS

    _, document = _me(request)
    report = analyse_gaps(document, target, engine=_engine(request))
    return _render(request, "gaps.html", r=report, obstacles=OBSTACLE_KINDS)


@router.get("/plans", response_class=HTMLResponse)
def plans_page(request: Request) -> Response:
    from passionpath.plan import list_plans
    from passionpath.profile import find_profile

    user, _ = _me(request)
    plans = list_plans(find_profile(SLUG, _engine(request), user).id, _engine(request))
    return _render(request, "plans.html", plans=plans)


@router.post("/plans")
async def create_plan(request: Request) -> Response:
    from passionpath.plan import new_plan

    form = await request.form()
    _check_csrf(request, str(form.get("csrf", "")))
    user, _ = _me(request)
    try:
        hours = float(str(form.get("hours_per_week", "5")) or 5)
    except ValueError:
        raise PassionpathError("hours_per_week: enter a number of hours.") from None
    plan = new_plan(
        SLUG,
        str(form.get("target", "")),
        hours_per_week=hours,
        obstacles=[str(o) for o in form.getlist("obstacle")],
        engine=_engine(request),
        owner=user,
    )
    return RedirectResponse(f"/plans/{plan.id}", status_code=303)


@router.get("/plans/{plan_id}", response_class=HTMLResponse)
def plan_page(request: Request, plan_id: int) -> Response:
    from passionpath.plan import find_plan, plan_progress

    user = _user(request)
    plan = find_plan(plan_id, None, _engine(request), user)
    progress, summary = plan_progress(plan, date.today())
    return _render(
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

    _check_csrf(request, csrf)
    user = _user(request)
    check_benchmark(
        find_plan(plan_id, None, _engine(request), user), benchmark_id, engine=_engine(request)
    )
    return RedirectResponse(f"/plans/{plan_id}", status_code=303)


@router.get("/feed/{token}.ics")
def feed(request: Request, token: str) -> Response:
    """The plan's calendar at a secret address (no login, so calendar apps can subscribe)."""
    from sqlalchemy import select

    from passionpath.plan import load_plan, plan_calendar
    from passionpath.store import models as m

    with _engine(request).connect() as conn:
        row = conn.execute(
            select(m.Plan.id, m.Profile.user_id)
            .join(m.Profile, m.Profile.id == m.Plan.profile_id)
            .where(m.Plan.feed_token == token)
        ).first()
    if row is None or len(token) < 20:
        raise NotFoundError("No such calendar feed.")
    plan = load_plan(row.id, engine=_engine(request), owner=row.user_id)
    return Response(plan_calendar(plan), media_type="text/calendar")


@router.get("/account", response_class=HTMLResponse)
def account_page(request: Request) -> Response:
    _user(request)
    return _render(request, "account.html")


@router.get("/account/export.json")
def export_json(request: Request) -> Response:
    from passionpath.api.routes.auth import export_account

    user = _user(request)
    data = export_account(user, _engine(request))
    return Response(
        json.dumps(data, indent=2, default=str),
        media_type="application/json",
        headers={"Content-Disposition": "attachment; filename=passionpath.json"},
    )


@router.post("/account/delete")
def delete_account(request: Request, confirm: str = Form(""), csrf: str = Form("")) -> Response:
    from passionpath.api._users import delete_account as remove

    _check_csrf(request, csrf)
    user = _user(request)
    if confirm.strip() != "DELETE":
        return _render(request, "account.html", 400, error="Type DELETE to confirm.")
    remove(_engine(request), user)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
