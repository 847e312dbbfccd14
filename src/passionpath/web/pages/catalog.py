"""Finding occupations: search by title (with type-ahead), explore by describing work,
transitions and paths chosen by title, and two or three occupations side by side.

None of these pages needs an account; comparison adds the person's own fit when signed in.
Every input is checked by the core, and what was wrong is said next to the field, with the
typed text kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_COMPARE, MAX_QUERY_CHARS
from passionpath.web._deps import context, engine, me, render, submitted
from passionpath.web._errors import in_words

if TYPE_CHECKING:
    from passionpath.catalog import OccupationChoice, SearchHit
    from passionpath.match import MatchResult

router = APIRouter()

#: Suggestions offered while typing a title.
SUGGESTIONS = 8


@router.get("/search/suggest")
def suggest(request: Request, q: str = "") -> Response:
    """Titles for the type-ahead, as JSON; an unusable query just has no suggestions."""
    from passionpath.catalog import search_occupations

    found: list[SearchHit] = []
    if len(q.strip()) >= 2 and len(q) <= MAX_QUERY_CHARS:
        try:
            found = search_occupations(q, context(request), SUGGESTIONS, complete=True)
        except PassionpathError:
            found = []
    return JSONResponse(
        {
            "query": q,
            "suggestions": [
                {"code": h.code, "title": h.title, "matched_title": h.matched_title} for h in found
            ],
        }
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> Response:
    from passionpath.catalog import search_occupations

    hits: list[SearchHit] = []
    errors: dict[str, str] = {}
    if q.strip():
        try:
            # The last word may be unfinished here too: "softw" finds Software Developers.
            hits = search_occupations(q, context(request), 20, complete=True)
        except PassionpathError as exc:
            errors["q"] = in_words(exc, "Job title")
    return render(request, "search.html", 400 if errors else 200, q=q, hits=hits, errors=errors)


@router.get("/explore", response_class=HTMLResponse)
def explore_page(request: Request) -> Response:
    return render(request, "explore.html", text="", results=None, errors={})


@router.post("/explore", response_class=HTMLResponse)
async def explore_submit(request: Request) -> Response:
    from passionpath.match import explore

    form, expired = await submitted(request)
    text = str(form.get("text", ""))
    if expired:  # the words come back with a fresh token: nothing typed is lost
        return render(
            request, "explore.html", 400, text=text, results=None, errors={}, error=expired
        )
    try:
        [results] = explore([text], context(request), top=15)
    except PassionpathError as exc:
        errors = {"text": in_words(exc, "Your description")}
        return render(request, "explore.html", 400, text=text, results=None, errors=errors)
    return render(request, "explore.html", text=text, results=results, errors={})


@dataclass
class _Slot:
    """One field that names an occupation: what was typed, and what it turned out to be."""

    id: str
    label: str
    text: str
    code: str | None = None
    title: str | None = None
    #: (hit, address of this page with the hit chosen) when the text could mean several.
    choices: list[tuple[SearchHit, str]] = field(default_factory=list)

    @property
    def shown(self) -> str:
        """What the field shows: the occupation's title once it is known."""
        return self.title or self.text


def _resolve(request: Request, slot: _Slot, errors: dict[str, str], choose: str) -> None:
    """Fill in ``slot`` from its text; ``choose`` is this page's address with a ``{code}``
    where the slot's value goes, for the choices."""
    from passionpath.catalog import resolve_occupation

    if not slot.text.strip():
        return
    try:
        found: OccupationChoice = resolve_occupation(slot.text, context(request), field=slot.id)
    except PassionpathError as exc:
        errors[slot.id] = in_words(exc, slot.label)
        return
    slot.code, slot.title = found.code, found.title
    slot.choices = [(hit, choose.format(code=hit.code)) for hit in found.choices]
    if found.code is None and not found.choices:
        errors[slot.id] = (
            f"{slot.label}: nothing in the catalog is called “{slot.text.strip()}”. "
            "Try another title, or fewer words."
        )


@router.get("/transitions", response_class=HTMLResponse)
def transitions_page(
    request: Request, origin: str = Query("", alias="from"), goal: str = Query("", alias="to")
) -> Response:
    from passionpath.match import career_path, similar

    start = _Slot("from", "Your job now", origin)
    end = _Slot("to", "The job you want", goal)
    errors: dict[str, str] = {}
    _resolve(request, start, errors, "/transitions?" + urlencode({"to": goal}) + "&from={code}")
    _resolve(request, end, errors, "/transitions?" + urlencode({"from": origin}) + "&to={code}")
    ctx = context(request)
    moves = route = None
    try:
        if start.code:
            moves = similar(start.code, ctx, 10)
        if start.code and end.code:
            route = career_path(start.code, end.code, ctx)
    except PassionpathError as exc:
        where = exc.field if exc.field in ("from", "to") else "to"
        errors[where] = in_words(exc, (start if where == "from" else end).label)
    return render(
        request,
        "transitions.html",
        400 if errors else 200,
        start=start,
        end=end,
        similar=moves,
        route=route,
        errors=errors,
    )


@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, o: list[str] = Query(default=[])) -> Response:
    from passionpath.catalog import compare_occupations
    from passionpath.match.chart import hexagon_svg, interest_levels

    typed = [text for text in o if text.strip()]
    errors: dict[str, str] = {}
    if len(typed) > MAX_COMPARE:
        errors["o1"] = f"{len(typed)} occupations were given; compare two or {MAX_COMPARE}."
        typed = typed[:MAX_COMPARE]
    slots = [
        _Slot(f"o{i + 1}", f"Occupation {i + 1}", typed[i] if i < len(typed) else "")
        for i in range(MAX_COMPARE)
    ]
    for i, slot in enumerate(slots):
        others = [("o", s.shown) for s in slots if s is not slot and s.text.strip()]
        before, after = others[:i], others[i:]
        choose = "/compare?" + "&".join(
            part for part in (urlencode(before), "o={code}", urlencode(after)) if part
        )
        _resolve(request, slot, errors, choose)
    codes = [s.code for s in slots if s.code]
    profiles = fits = None
    mine: dict[str, float] | None = None
    missing_passion = False
    if not errors and len(codes) == len(typed) and len(typed) >= 2:
        try:
            profiles = compare_occupations(codes, engine(request))
        except PassionpathError as exc:
            errors["o1"] = in_words(exc, "Occupations")
        if profiles and request.session.get("user"):
            fits, missing_passion, mine = _fits(request, [p.code for p in profiles])
    hexagons = [
        hexagon_svg(
            mine,
            interest_levels(p.interests) if p.interests else None,
            occupation_label=p.title,
            id_prefix=f"hx{i}",
        )
        for i, p in enumerate(profiles or [])
    ]
    return render(
        request,
        "compare.html",
        400 if errors else 200,
        slots=slots,
        profiles=profiles,
        fits=fits,
        mine=mine,
        hexagons=hexagons,
        missing_passion=missing_passion,
        errors=errors,
    )


def _fits(
    request: Request, codes: list[str]
) -> tuple[list[MatchResult] | None, bool, dict[str, float] | None]:
    """The signed-in person's fit for each code and their interest scores, or
    (None, True, None) when their profile does not yet say what they love (there is nothing
    to measure a fit with)."""
    from passionpath.match import fit_for, interest_profile, readiness

    _, document = me(request)
    if not readiness(document).can_rank:
        return None, True, None
    ctx = context(request)
    return fit_for(document, codes, ctx), False, interest_profile(document, ctx)
