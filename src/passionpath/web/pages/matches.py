"""Matches for the user, occupations, and the gaps to a target."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from passionpath.web._deps import context, engine, me, render

router = APIRouter()


@router.get("/matches", response_class=HTMLResponse)
def matches_page(
    request: Request, quadrant: str = "", top: int = Query(15, ge=1, le=50)
) -> Response:
    from passionpath.match import QUADRANTS, match, readiness
    from passionpath.match.chart import hexagon_svg, quadrant_svg

    _, document = me(request)
    ready = readiness(document)
    if not ready.can_rank:
        # Nothing is ranked before there is something to rank: say what to do first.
        return render(request, "matches.html", ready=ready)
    chosen = quadrant if quadrant in QUADRANTS else None
    report = match(document, context(request), top=top, quadrant=chosen)
    return render(
        request,
        "matches.html",
        ready=ready,
        results=report.results,
        stretch=report.worth_the_stretch,
        quadrants=QUADRANTS,
        quadrant=chosen,
        quadrant_svg=quadrant_svg(report),
        hexagon_svg=hexagon_svg(report.riasec),
    )


@router.get("/occupations/{code}", response_class=HTMLResponse)
def occupation_page(request: Request, code: str) -> Response:
    from passionpath.catalog import occupation_profile

    return render(request, "occupation.html", o=occupation_profile(code, engine(request)))


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
    from passionpath.plan import OBSTACLE_KINDS, analyse_gaps

    _, document = me(request)
    report = analyse_gaps(document, target, context(request))
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
