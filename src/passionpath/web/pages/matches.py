"""Matches for the user, occupations, transitions between them, and the gaps to a target."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from passionpath.web._deps import context, engine, me, render

router = APIRouter()


@router.get("/matches", response_class=HTMLResponse)
def matches_page(
    request: Request, quadrant: str = "", top: int = Query(15, ge=1, le=50)
) -> Response:
    from passionpath.match import QUADRANTS, match
    from passionpath.match.chart import hexagon_svg, quadrant_svg

    _, document = me(request)
    chosen = quadrant if quadrant in QUADRANTS else None
    report = match(document, context(request), top=top, quadrant=chosen)
    return render(
        request,
        "matches.html",
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


@router.get("/transitions", response_class=HTMLResponse)
def transitions_page(request: Request) -> Response:
    from passionpath.match import career_path, similar

    origin = request.query_params.get("from") or None
    goal = request.query_params.get("to") or None
    ctx = context(request)
    moves = similar(origin, ctx, 10) if origin else None
    route = career_path(origin, goal, ctx) if origin and goal else None
    return render(request, "transitions.html", origin=origin, goal=goal, similar=moves, route=route)


@router.get("/gaps", response_class=HTMLResponse)
def gaps_page(request: Request, target: str) -> Response:
    from passionpath.plan import OBSTACLE_KINDS, analyse_gaps

    _, document = me(request)
    report = analyse_gaps(document, target, context(request))
    return render(request, "gaps.html", r=report, obstacles=OBSTACLE_KINDS)
