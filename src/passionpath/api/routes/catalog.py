from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter, Query

from passionpath.api._deps import EngineDep
from passionpath.api._schemas import InventoryIn, Texts

router = APIRouter(tags=["catalog"])


@router.get("/data/status")
def data_status(engine: EngineDep) -> dict[str, Any]:
    from passionpath.catalog import catalog_status

    status = catalog_status(engine)
    return {"catalog": status.as_dict() if status else None}


@router.get("/occupations")
def search(
    engine: EngineDep,
    q: str = Query(min_length=1, max_length=200),
    limit: int = Query(10, ge=1, le=100),
) -> dict[str, Any]:
    from passionpath.catalog import release_attribution, search_occupations

    hits = search_occupations(q, limit, engine=engine)
    attribution, notice = release_attribution(engine)
    return {
        "query": q,
        "results": [asdict(h) for h in hits],
        "attribution": attribution,
        "notice": notice,
    }


@router.get("/occupations/{code}")
def occupation(code: str, engine: EngineDep) -> dict[str, Any]:
    from passionpath.catalog import occupation_profile

    return occupation_profile(code, engine).as_dict()


@router.get("/occupations/{code}/similar")
def similar(code: str, engine: EngineDep, top: int = Query(10, ge=1, le=100)) -> dict[str, Any]:
    from passionpath.match import similar as find

    return {"code": code, "similar": [asdict(r) for r in find(code, top, engine)]}


@router.get("/path")
def path(
    engine: EngineDep,
    from_code: str = Query(alias="from", max_length=16),
    to_code: str = Query(alias="to", max_length=16),
) -> dict[str, Any]:
    from passionpath.match import career_path

    return career_path(from_code, to_code, engine).as_dict()


@router.post("/explore")
def explore(body: Texts, engine: EngineDep) -> list[dict[str, Any]]:
    from passionpath.match import explore as run

    results = run(body.texts, body.top, engine)
    return [
        {"text": t, "results": [asdict(r) for r in ranked]}
        for t, ranked in zip(body.texts, results, strict=True)
    ]


@router.post("/interests/infer")
def infer(body: Texts, engine: EngineDep) -> list[dict[str, object]]:
    from passionpath.text import infer_interests

    return [r.as_dict() for r in infer_interests(body.texts, engine=engine)]


@router.get("/inventory/items")
def inventory_items(form: str = Query("full", pattern="^(full|short)$")) -> dict[str, Any]:
    from passionpath.profile import items, scale

    chosen = items("short" if form == "short" else "full")
    return {"form": form, "scale": scale(), "items": [asdict(i) for i in chosen]}


@router.post("/inventory/score")
def inventory_score(body: InventoryIn) -> dict[str, object]:
    from passionpath.profile import score

    return score(body.answers, "short" if body.form == "short" else "full").as_dict()
