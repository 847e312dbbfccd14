"""Matches for the user, occupations, and the gaps to a target."""

from __future__ import annotations

from typing import TYPE_CHECKING

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import PassionpathError
from passionpath.web._deps import context, current_user, engine, me, render, submitted

if TYPE_CHECKING:
    from passionpath.match import MatchResult

router = APIRouter()


@router.get("/matches", response_class=HTMLResponse)
def matches_page(
    request: Request, quadrant: str = "", top: int = Query(15, ge=1, le=50)
) -> Response:
    from passionpath.jobsearch import MIN_SIGNALS, current_votes, match_with_preferences
    from passionpath.match import QUADRANTS, readiness
    from passionpath.match.chart import hexagon_svg, quadrant_svg

    user, document = me(request)
    ready = readiness(document)
    if not ready.can_rank:
        # Nothing is ranked before there is something to rank: say what to do first.
        return render(request, "matches.html", ready=ready)
    chosen = quadrant if quadrant in QUADRANTS else None
    ctx = context(request)
    # What the person's applications and votes say they prefer reorders the results (their
    # insights page shows it and switches it off).
    report, learned = match_with_preferences(document, ctx, owner=user, top=top, quadrant=chosen)
    return render(
        request,
        "matches.html",
        ready=ready,
        results=report.results,
        stretch=report.worth_the_stretch,
        quadrants=QUADRANTS,
        quadrant=chosen,
        quadrant_svg=quadrant_svg(report, 400, href=lambda code: f"/occupations/{code}"),
        hexagon_svg=hexagon_svg(report.riasec),
        learned=learned,
        votes=current_votes(ctx.engine, owner=user),
        back=_back(request.url.path + (f"?{request.url.query}" if request.url.query else "")),
        min_signals=MIN_SIGNALS,
    )


def _back(url: str) -> str:
    """Where a vote returns to: this page with its filter, never another site."""
    if url == "/matches" or (url.startswith("/matches?") and "\\" not in url):
        return url
    return "/matches"


#: What each thumbs button sends.
_VOTES = {"up": True, "down": False}


@router.post("/matches/votes")
async def thumbs(request: Request) -> Response:
    """A thumbs up ("More like this"), down ("Not for me"), or taking it back; then the
    same matches page again, at the result voted on."""
    from passionpath.jobsearch import clear_vote, vote

    form, expired = await submitted(request)
    if expired:
        raise PassionpathError(expired)
    user = current_user(request)
    code, choice = str(form.get("code", "")), str(form.get("vote", ""))
    if choice == "clear":
        clear_vote(code, engine(request), owner=user)
    elif choice in _VOTES:
        vote(code, _VOTES[choice], engine(request), owner=user)
    else:
        raise PassionpathError("Press “More like this” or “Not for me”.")
    return RedirectResponse(f"{_back(str(form.get('back', '')))}#r-{code}", status_code=303)


@router.get("/occupations/{code}", response_class=HTMLResponse)
def occupation_page(request: Request, code: str) -> Response:
    from passionpath.catalog import occupation_profile
    from passionpath.match.chart import hexagon_svg, interest_levels

    o = occupation_profile(code, engine(request))
    fit, mine = None, None
    signed_in = bool(request.session.get("user"))
    if signed_in:
        fit, mine = person_fit(request, o.code)
    hexagon = hexagon_svg(
        mine, interest_levels(o.interests) if o.interests else None, occupation_label=o.title
    )
    return render(
        request, "occupation.html", o=o, fit=fit, mine=mine, signed_in=signed_in, hexagon=hexagon
    )


def person_fit(request: Request, code: str) -> tuple[MatchResult | None, dict[str, float] | None]:
    """The signed-in person's fit for ``code`` and their interest scores, each None when the
    profile does not yet say enough to work it out."""
    from passionpath.match import fit_for, interest_profile, readiness

    _, document = me(request)
    if not readiness(document).can_rank:
        return None, None
    ctx = context(request)
    [fit] = fit_for(document, [code], ctx)
    return fit, interest_profile(document, ctx)


def gaps_form(
    request: Request,
    target: str,
    status: int = 200,
    *,
    hours: str = "5",
    obstacles: list[str] | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
) -> Response:
    """The gaps to ``target`` and the form that makes a plan of them, filled in as given
    (the plans page shows it again this way when a plan cannot be made)."""
    from passionpath.jobsearch import cited_counts
    from passionpath.plan import OBSTACLE_KINDS, analyse_gaps

    user, document = me(request)
    ctx = context(request)
    report = analyse_gaps(document, target, ctx, cited=cited_counts(ctx.engine, owner=user))
    return render(
        request,
        "gaps.html",
        status,
        r=report,
        obstacles=OBSTACLE_KINDS,
        hours=hours,
        chosen=obstacles or [],
        errors=errors or {},
        error=error,
    )


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(request: Request, target: str) -> Response:
    return gaps_form(request, target)
