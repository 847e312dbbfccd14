from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query

from passionpath.api._deps import ContextDep, EngineDep
from passionpath.api._schemas import InventoryIn, Texts
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_COMPARE

#: The longest string taken as an occupation code (``15-1255.00`` has 10 characters).
MAX_CODE_CHARS = 16

router = APIRouter(tags=["catalog"])


@router.get("/data/status", summary="What catalog is loaded")
def data_status(engine: EngineDep) -> dict[str, Any]:
    from passionpath.catalog import catalog_status

    status = catalog_status(engine)
    return {"catalog": status.as_dict() if status else None}


@router.get("/occupations", summary="Search occupations by title (typos welcome)")
def search(
    ctx: ContextDep,
    q: str = Query(min_length=1, max_length=200),
    limit: int = Query(10, ge=1, le=100),
) -> dict[str, Any]:
    from passionpath.catalog import release_attribution, search_occupations

    hits = search_occupations(q, ctx, limit)
    attribution, notice = release_attribution(ctx.engine)
    return {
        "query": q,
        "results": [asdict(h) for h in hits],
        "attribution": attribution,
        "notice": notice,
    }


@router.get("/occupations/{code}", summary="One occupation in full")
def occupation(code: str, engine: EngineDep) -> dict[str, Any]:
    from passionpath.catalog import occupation_profile

    return occupation_profile(code, engine).as_dict()


@router.get("/compare", summary="Compare two or three occupations")
def compare(
    engine: EngineDep,
    occupations: list[str] = Query(
        description=f"Two to {MAX_COMPARE} occupation codes, the parameter repeated once each.",
    ),
) -> dict[str, Any]:
    """Occupations side by side, in the order given: what the work is, its interests, the
    preparation it takes, its outlook and pay where the catalog has them."""
    from passionpath.catalog import compare_occupations

    too_long = [i for i, code in enumerate(occupations) if len(code) > MAX_CODE_CHARS]
    if too_long:
        raise PassionpathError(
            f"occupation {too_long[0] + 1} is not a code like 15-1255.00.", field="occupations"
        )
    try:
        profiles = compare_occupations(occupations, engine)
    except NotFoundError as exc:
        raise NotFoundError(str(exc), field="occupations", hint=exc.hint) from exc
    return {"occupations": [profile.as_dict() for profile in profiles]}


@router.get("/occupations/{code}/similar", summary="Occupations close to one")
def similar(code: str, ctx: ContextDep, top: int = Query(10, ge=1, le=100)) -> dict[str, Any]:
    from passionpath.match import similar as find

    return {"code": code, "similar": [asdict(r) for r in find(code, ctx, top)]}


@router.get("/path", summary="A path from one occupation to another")
def path(
    ctx: ContextDep,
    from_code: str = Query(alias="from", max_length=16),
    to_code: str = Query(alias="to", max_length=16),
) -> dict[str, Any]:
    from passionpath.match import career_path

    return career_path(from_code, to_code, ctx).as_dict()


@router.post("/explore", summary="Occupations for work described in your words")
def explore(body: Texts, ctx: ContextDep) -> list[dict[str, Any]]:
    from passionpath.match import explore as run

    results = run(body.texts, ctx, body.top)
    return [
        {"text": t, "results": [asdict(r) for r in ranked]}
        for t, ranked in zip(body.texts, results, strict=True)
    ]


@router.post("/interests/infer", summary="Interests read from texts")
def infer(body: Texts, ctx: ContextDep) -> list[dict[str, object]]:
    from passionpath.text import infer_interests

    return [r.as_dict() for r in infer_interests(body.texts, ctx)]


@router.get("/inventory/items", summary="The interest inventory's items")
def inventory_items(form: str = Query("full", pattern="^(full|short)$")) -> dict[str, Any]:
    from passionpath.profile import inventory_scale, items

    chosen = items("short" if form == "short" else "full")
    return {"form": form, "scale": inventory_scale(), "items": [asdict(i) for i in chosen]}


@router.post("/inventory/score", summary="Score inventory answers")
def inventory_score(body: InventoryIn) -> dict[str, object]:
    from passionpath.profile import score

    return score(body.answers, "short" if body.form == "short" else "full").as_dict()
