"""The home page: for a visitor, what the site does; for a signed-in person, where they
stand: what their profile holds, their best matches, their plan, and what is due next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from passionpath.errors import NotFoundError
from passionpath.web._deps import SLUG, context, engine, my_profile, render
from passionpath.web._words import due, progress_words, standing

if TYPE_CHECKING:
    from passionpath.plan import PlanView
    from passionpath.profile import ProfileDocument

router = APIRouter()

#: Matches shown on the home page; the matches page has the rest.
TOP = 5
#: Checks listed under "What is due".
DUE = 5


@dataclass(frozen=True)
class Step:
    """One part of the profile: where it is filled in, and what it holds, in words."""

    name: str
    href: str
    done: bool
    status: str


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def profile_steps(document: ProfileDocument) -> list[Step]:
    """The profile's parts in the order the site asks for them, each said as it stands;
    which are done is the core's ``onboarding_steps``, so the step list and home agree."""
    from passionpath.profile import PASSION_QUESTIONS, interest_scores, items, onboarding_steps

    done = [step.done for step in onboarding_steps(document)]

    pp = document.pp
    answered = [k for k in PASSION_QUESTIONS if getattr(pp.reflections, k).strip()]
    passions = (
        f"{len(answered)} of {len(PASSION_QUESTIONS)} questions answered"
        + (f", {_count(len(pp.activities), 'activity', 'activities')}" if pp.activities else "")
        if answered or pp.activities
        else "Not started: what you love, in your own words"
    )
    _, code = interest_scores(document)
    if code:
        inventory = f"Done: your interest code is {code}"
    elif pp.inventory and pp.inventory.answers:
        total = len(items(pp.inventory.form))
        inventory = f"{len(pp.inventory.answers)} of {total} activities rated"
    else:
        inventory = "Not started: rate activities from dislike to like"
    jobs = [j for j in document.work or [] if j.position or j.startDate]
    schooling = document.education or []
    certificates = [c for c in document.certificates or [] if c.name]
    held = [
        _count(len(schooling), "education entry", "education entries") if schooling else "",
        _count(len(jobs), "job", "jobs") if jobs else "",
        _count(len(certificates), "certificate", "certificates") if certificates else "",
    ]
    background = ", ".join(h for h in held if h) or (
        "Not given yet: without it, matches assume you are starting out"
    )
    rated = len(pp.skills) + len(pp.knowledge)
    skills = (
        f"{_count(rated, 'skill or subject', 'skills and subjects')} rated"
        if rated
        else "None rated yet: ratings tell what you are ready for"
    )
    steps = [
        Step("What you love", "/passions", done[0], passions),
        Step("Interest inventory", "/inventory", done[1], inventory),
        Step("What you have done", "/background", done[2], background),
        Step("Your skills", "/skills", done[3], skills),
    ]
    weighed = len(pp.work_values)
    said = (
        f"{_count(weighed, 'value', 'values')} weighed"
        if weighed
        else "Not given yet: matches ignore what you want from work"
    )
    steps.append(Step("What you want from work", "/values", done[4], said))
    return steps


def _due(plan: PlanView, today: date) -> list[dict[str, Any]]:
    """The plan's unticked checks, soonest first."""
    pending = [
        (b.due, objective.name, b)
        for objective in plan.objectives
        for b in objective.benchmarks
        if b.done_at is None
    ]
    pending.sort(key=lambda item: (item[0], item[2].id))
    found = []
    for when, objective, b in pending[:DUE]:
        words, late = due(when, today)
        found.append({"check": b.check, "objective": objective, "when": words, "late": late})
    return found


def _plan(request: Request, user: int) -> dict[str, Any] | None:
    """The active plan as the home page shows it, or None when there is none."""
    from passionpath.plan import find_plan, plan_progress

    try:
        plan = find_plan(None, SLUG, engine(request), owner=user)
    except NotFoundError:
        return None
    today = date.today()
    progress, summary = plan_progress(plan, today)
    ticked = sum(p.benchmarks_done for p in progress)
    total = sum(p.benchmarks_total for p in progress)
    return {
        "plan": plan,
        "summary": summary,
        "ticked": ticked,
        "total": total,
        "objectives": [(p, *standing(p), progress_words(p)) for p in progress],
        "due": _due(plan, today),
    }


#: Check-ins listed on the home page; the contacts page has the book.
CHECK_INS = 5


def _check_ins(request: Request, user: int) -> dict[str, Any]:
    """The due list as the home page shows it: the most pressing few, each in words."""
    from passionpath.network import due_for

    today = date.today()
    result = due_for(engine(request), owner=user, today=today, limit=CHECK_INS)
    pressing = [("overdue", e) for e in result.overdue] + [("due", e) for e in result.due]
    pressing += [("coming", e) for e in result.coming_up]
    shown = []
    for state, e in pressing[:CHECK_INS]:
        if state == "overdue":
            when = f"Overdue: {e.days_since} days since you were in touch"
        elif state == "due":
            when = f"Due: {e.days_since} days since you were in touch"
        else:
            when = "Coming up: " + due(e.due_on, today)[0]
        seen = "Nothing logged yet" if e.last_contacted is None else (e.last_note or "")
        shown.append({"entry": e, "state": state, "when": when, "seen": seen})
    return {"shown": shown, "more": result.total - len(shown)}


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    from passionpath.match import match, readiness

    if not request.session.get("user"):
        return render(request, "home.html")
    user, _, document = my_profile(request)
    steps = profile_steps(document)
    ready = readiness(document)
    results = []
    if ready.can_rank:
        results = match(document, context(request), top=TOP, include_stretch=False).results
    return render(
        request,
        "dashboard.html",
        name=document.display_name,
        steps=steps,
        done=sum(s.done for s in steps),
        ready=ready,
        results=results,
        active=_plan(request, user),
        check_ins=_check_ins(request, user),
    )
