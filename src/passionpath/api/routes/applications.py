"""Job applications: the tracker, its stage log, the funnel and the insights; every route
scoped to the signed-in user."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, File, Path, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from passionpath.api._application_schemas import ApplicationIn, EventIn, PreferencesIn, VoteIn
from passionpath.api._deps import ContextDep, CurrentUser, EngineDep
from passionpath.limits import MAX_LABEL_CHARS, MAX_LIST_ITEMS

router = APIRouter(prefix="/applications", tags=["applications"])

#: An application's id in a path (the database's integers stop at 2**31 - 1 on PostgreSQL).
AppId = Annotated[int, Path(ge=1, le=2**31 - 1)]

GHOST = Query(30, ge=1, le=3660, description="Days without news after which it is ghosted.")
#: A column mapping entry, ``field=Column``.
_MAPPING = Query(
    None,
    alias="map",
    max_length=MAX_LIST_ITEMS,
    description="Read a field from a column: role_title=Job; repeatable.",
)


@router.get("", summary="Your applications, newest first, with where each stands")
def list_applications(
    user: CurrentUser,
    ctx: ContextDep,
    stage: str | None = Query(None, max_length=16),
    open_only: bool = Query(False, alias="open"),
    today: date | None = None,
    ghost_days: int = GHOST,
) -> list[dict[str, Any]]:
    from passionpath.jobsearch import list_applications as find

    views = find(
        ctx.engine,
        owner=user,
        stage=stage,
        open_only=open_only,
        today=today,
        ghost_after=ghost_days,
        ctx=ctx,
    )
    return [v.as_dict() for v in views]


@router.post("", status_code=201, summary="Add a job applied for, or saved to apply for")
def create(body: ApplicationIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.jobsearch import ApplicationFields, add_application, get_application

    new = add_application(
        ApplicationFields(**body.changes()),
        ctx.engine,
        owner=user,
        stage=body.stage,
        on=body.on,
        ctx=ctx,
    )
    return get_application(new, ctx.engine, owner=user, ctx=ctx).as_dict()


def _funnel(ctx: Any, user: int, today: date | None, ghost_days: int) -> Any:
    from passionpath.jobsearch import funnel, list_applications, tracks

    views = list_applications(ctx.engine, owner=user, today=today, ghost_after=ghost_days, ctx=ctx)
    f = funnel(tracks(views), today=today, ghost_after=ghost_days)
    f.titles = {
        v.occupation_code: v.occupation_title or v.occupation_code
        for v in views
        if v.occupation_code
    }
    return f


@router.get("/funnel", summary="Conversion per stage, time in stage, answers, by group")
def funnel(
    user: CurrentUser, ctx: ContextDep, today: date | None = None, ghost_days: int = GHOST
) -> dict[str, Any]:
    result: dict[str, Any] = _funnel(ctx, user, today, ghost_days).as_dict()
    return result


@router.get("/funnel.svg", summary="The funnel drawn as an SVG bar chart")
def funnel_chart(
    user: CurrentUser, ctx: ContextDep, today: date | None = None, ghost_days: int = GHOST
) -> Response:
    from passionpath.jobsearch import funnel_svg

    svg = funnel_svg(_funnel(ctx, user, today, ghost_days))
    return Response(svg, media_type="image/svg+xml")


@router.get("/insights", summary="Where you fall out and why, gaps, roles to try, whom to ask")
def insights(
    user: CurrentUser,
    ctx: ContextDep,
    profile: str | None = Query(None, max_length=100, description="Profile slug."),
    today: date | None = None,
    ghost_days: int = GHOST,
) -> dict[str, Any]:
    from passionpath.jobsearch import insights as read

    return read(ctx, owner=user, profile=profile, today=today, ghost_after=ghost_days).as_dict()


@router.post("/import", summary="Import applications from a CSV (Huntr, Teal, a spreadsheet)")
async def import_file(
    user: CurrentUser,
    ctx: ContextDep,
    file: UploadFile = File(description="A CSV of applications, one a row."),
    mapping: list[str] | None = _MAPPING,
    dry_run: bool = Query(False, description="Say what would be imported; store nothing."),
) -> dict[str, Any]:
    """All rows or none: a row at fault imports nothing and is named by line and column."""
    from passionpath.errors import PassionpathError
    from passionpath.jobsearch import import_applications_csv
    from passionpath.limits import MAX_APPLICATIONS_FILE_BYTES

    data = await file.read(MAX_APPLICATIONS_FILE_BYTES + 1)
    pairs: dict[str, str] = {}
    for item in mapping or []:
        name, sep, column = item.partition("=")
        if not sep or len(item) > MAX_LABEL_CHARS:
            raise PassionpathError(f"{item[:50]!r}: write it as field=Column.", field="map")
        pairs[name.strip()] = column.strip()
    report = await run_in_threadpool(
        import_applications_csv,
        data,
        ctx.engine,
        filename=file.filename or "upload.csv",
        owner=user,
        mapping=pairs,
        dry_run=dry_run,
        ctx=ctx,
    )
    return report.as_dict()


@router.get("/export", summary="Every application with its whole stage log, as JSON")
def export(user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.jobsearch import export_applications_json

    return export_applications_json(engine, owner=user)


@router.get("/preferences", summary="What your choices say you want and avoid")
def preferences(user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.jobsearch import learn_preferences

    return learn_preferences(ctx, owner=user).as_dict()


@router.put("/preferences", summary="Switch the learned preferences in the ranking on or off")
def switch_preferences(body: PreferencesIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.jobsearch import learn_preferences, set_learning

    set_learning(body.on, ctx.engine, owner=user)
    return learn_preferences(ctx, owner=user).as_dict()


@router.post("/votes", status_code=201, summary="A thumbs up or down on an occupation")
def add_vote(body: VoteIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.jobsearch import learn_preferences, vote

    vote(body.occupation_code, body.up, ctx.engine, owner=user)
    return learn_preferences(ctx, owner=user).as_dict()


@router.get("/{application_id}", summary="One application with its stage log")
def read(
    application_id: AppId,
    user: CurrentUser,
    ctx: ContextDep,
    today: date | None = None,
    ghost_days: int = GHOST,
) -> dict[str, Any]:
    from passionpath.jobsearch import get_application

    return get_application(
        application_id, ctx.engine, owner=user, today=today, ghost_after=ghost_days, ctx=ctx
    ).as_dict()


@router.patch("/{application_id}", summary="Change an application's details")
def update(
    application_id: AppId, body: ApplicationIn, user: CurrentUser, ctx: ContextDep
) -> dict[str, Any]:
    from passionpath.jobsearch import update_application

    return update_application(
        application_id, body.changes(), ctx.engine, owner=user, ctx=ctx
    ).as_dict()


@router.delete("/{application_id}", status_code=204, summary="Delete an application and its log")
def remove(application_id: AppId, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.jobsearch import delete_application

    delete_application(application_id, engine, owner=user)
    return Response(status_code=204)


@router.post(
    "/{application_id}/events",
    status_code=201,
    summary="Log the next stage, or a rejection with its reasons",
)
def log_stage(
    application_id: AppId, body: EventIn, user: CurrentUser, ctx: ContextDep
) -> dict[str, Any]:
    from passionpath.jobsearch import StageEvent, cited_ids, get_application, log_event

    event = StageEvent(
        0,
        body.stage,
        body.on or date.today(),
        note=body.note,
        interview_kind=body.interview_kind,
        contact_ids=tuple(body.contact_ids),
        people=tuple(body.people),
        at_stage=body.at_stage,
        ended_by=body.ended_by,
        reasons=tuple(body.reasons),
        feedback=body.feedback,
        cited=cited_ids(body.cited, ctx.engine) if body.cited else (),
    )
    number = log_event(application_id, event, ctx.engine, owner=user)
    view = get_application(application_id, ctx.engine, owner=user, ctx=ctx)
    return {
        "event": next(e.as_dict() for e in view.events if e.id == number),
        "status": view.status.as_dict() if view.status else None,
    }
