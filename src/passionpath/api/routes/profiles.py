from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Query, Response
from starlette.concurrency import run_in_threadpool

from passionpath.api._deps import ContextDep, CurrentUser, EngineDep
from passionpath.api._schemas import InventoryIn, PlanIn, ProfileIn

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.jobsearch import LearnedPreferences

router = APIRouter(prefix="/profiles", tags=["profiles"])


@router.get("", summary="Your profiles")
def list_profiles(user: CurrentUser, engine: EngineDep) -> list[dict[str, Any]]:
    from passionpath.profile import list_profiles as find

    return [r.as_dict() for r in find(engine, owner=user)]


@router.post("", status_code=201, summary="Create a profile")
def create(body: ProfileIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.profile import create_profile, parse_document

    result = create_profile(
        parse_document(body.document, "document"),
        engine,
        slug=body.slug,
        note=body.note or "created",
        owner=user,
    )
    return result.profile.as_dict()


@router.get("/{slug}", summary="One profile")
def read(
    slug: str, user: CurrentUser, engine: EngineDep, version: int | None = Query(None, ge=1)
) -> dict[str, Any]:
    from passionpath.profile import load_profile

    record, document = load_profile(slug, engine, version=version, owner=user)
    return {**record.as_dict(), "document": document.to_json_dict()}


@router.put("/{slug}", summary="Replace a profile (a new version)")
def update(slug: str, body: ProfileIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.profile import parse_document, save_profile

    result = save_profile(
        slug, parse_document(body.document, "document"), engine, note=body.note, owner=user
    )
    return {**result.profile.as_dict(), "changed": result.changed}


@router.delete("/{slug}", status_code=204, summary="Delete a profile")
def remove(slug: str, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.profile import delete_profile

    delete_profile(slug, engine, owner=user)
    return Response(status_code=204)


@router.get("/{slug}/history", summary="A profile's versions")
def history(slug: str, user: CurrentUser, engine: EngineDep) -> list[dict[str, Any]]:
    from passionpath.profile import profile_history

    return [v.as_dict() for v in profile_history(slug, engine, owner=user)]


@router.post("/{slug}/inventory", summary="Save inventory answers to a profile")
def take_inventory(
    slug: str, body: InventoryIn, user: CurrentUser, engine: EngineDep
) -> dict[str, Any]:
    from passionpath.profile import record_inventory

    recorded = record_inventory(
        slug, body.answers, engine, form="short" if body.form == "short" else "full", owner=user
    )
    return {**recorded.result.as_dict(), "version": recorded.version}


#: Match responses by (profile, version, release, query) in the context's memo (the context
#: is one database): a stored profile version and a release never change, so an unchanged
#: profile is matched once, then served as bytes.
_MATCHES = "api-matches"
_MATCHES_LIMIT = 1024


@router.get("/{slug}/matches", summary="Careers for a profile: the sweet spot first")
async def matches(
    slug: str,
    user: CurrentUser,
    ctx: ContextDep,
    top: int = Query(10, ge=1, le=100),
    quadrant: str | None = Query(None, pattern="^(sweet spot|passion stretch|safe fit|neither)$"),
    learned: bool = Query(
        True,
        description=(
            "Rank with what your applications and thumbs up or down say you prefer (the "
            "'preference' component of each result, and a warning saying so), as "
            "`passionpath match` does; false gives the plain ranking. Nothing is applied "
            "while the preferences are switched off (PUT /applications/preferences) or "
            "have too little to go on."
        ),
    ),
) -> Response:
    # Async so that a cached answer, the usual case, skips most of the thread pool: the
    # lookups here are small indexed reads; only a fresh match goes to a worker thread.
    from passionpath.catalog import release_key
    from passionpath.jobsearch import learn_preferences
    from passionpath.profile import find_profile

    record = find_profile(slug, ctx.engine, owner=user)
    prefs = await run_in_threadpool(learn_preferences, ctx, owner=user) if learned else None
    # The learned direction is part of the key: a new vote or application changes it.
    lean = tuple(prefs.direction) if prefs is not None and prefs.active else None
    key = (record.id, record.current_version, release_key(ctx.engine), top, quadrant, lean)
    body: bytes | None = ctx.memo.get(_MATCHES, key)
    if body is None:
        body = await run_in_threadpool(
            _match_body, slug, record.current_version, user, ctx, top, quadrant, prefs
        )
        ctx.memo.put(_MATCHES, key, body, _MATCHES_LIMIT)
    return Response(body, media_type="application/json")


def _match_body(
    slug: str,
    version: int,
    user: int,
    ctx: Context,
    top: int,
    quadrant: str | None,
    prefs: LearnedPreferences | None,
) -> bytes:
    from passionpath.jobsearch import match_with_preferences
    from passionpath.profile import load_profile

    # The version the cache key names, even if a newer one is saved meanwhile.
    _, document = load_profile(slug, ctx.engine, version=version, owner=user)
    report, _ = match_with_preferences(
        document,
        ctx,
        owner=user,
        top=top,
        quadrant=quadrant,
        learned=prefs if prefs is not None else False,
    )
    return json.dumps({**report.as_dict(), "profile": slug}).encode()


@router.get("/{slug}/gaps", summary="What stands between a profile and an occupation")
def gaps(
    slug: str,
    user: CurrentUser,
    ctx: ContextDep,
    target: str = Query(min_length=4, max_length=16),
) -> dict[str, Any]:
    from passionpath.jobsearch import cited_counts
    from passionpath.plan import analyse_gaps
    from passionpath.profile import load_profile

    _, document = load_profile(slug, ctx.engine, owner=user)
    report = analyse_gaps(document, target, ctx, cited=cited_counts(ctx.engine, owner=user))
    report.profile = slug
    return report.as_dict()


@router.post("/{slug}/plans", status_code=201, summary="Make a plan toward an occupation")
def create_plan(slug: str, body: PlanIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.plan import new_plan

    return new_plan(
        slug,
        body.target,
        ctx,
        hours_per_week=body.hours_per_week,
        weeks=body.weeks,
        obstacles=body.obstacles,
        owner=user,
    ).as_dict()


@router.get("/{slug}/plans", summary="A profile's plans")
def plans(slug: str, user: CurrentUser, engine: EngineDep) -> list[dict[str, Any]]:
    from passionpath.plan import list_plans
    from passionpath.profile import find_profile

    return list_plans(find_profile(slug, engine, owner=user).id, engine)
