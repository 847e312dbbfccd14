"""The community: opt-in membership, tribe, mentors, requests, blocks, reports and study
groups; every route scoped to the signed-in user, and nobody else appears unless they opted
in (and then only with what they chose to show)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from passionpath.api._community_schemas import JoinIn, PreferencesIn, ReportIn, RequestIn
from passionpath.api._deps import ContextDep, CurrentUser, EngineDep

router = APIRouter(prefix="/community", tags=["community"])
PathId = Annotated[int, Path(ge=1, le=2**31 - 1)]


@router.get("/me", summary="Your community membership and choices")
def get_me(user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.community import me

    mine = me(engine, owner=user)
    return {**mine.shown(), "visible": list(mine.visible)}


@router.put("/me", summary="Join the community, or change what you opted in to and show")
def put_me(body: JoinIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.community import Choices, join

    choices = Choices(
        display_name=body.display_name,
        features=tuple(body.features),
        visible=tuple(body.visible),
        passions=tuple(body.passions),
        target_careers=tuple(body.target_careers),
        current_occupation=body.current_occupation,
        work_history=tuple(body.work_history),
        city=body.city,
        remote=body.remote,
        availability=body.availability,
        mentor_capacity=body.mentor_capacity,
        riasec=tuple(body.riasec) if body.riasec is not None else None,
        gaps=tuple(body.gaps),
    )
    mine = join(choices, engine, owner=user)
    return {**mine.shown(), "visible": list(mine.visible)}


@router.delete("/me", status_code=204, summary="Leave the community (gone from every list at once)")
def delete_me(user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.community import leave

    leave(engine, owner=user)
    return Response(status_code=204)


@router.get("/members/{member_id}", summary="What one member shows")
def get_member(user: CurrentUser, engine: EngineDep, member_id: PathId) -> dict[str, Any]:
    from passionpath.community import visible_member

    return visible_member(member_id, engine, owner=user).shown()


@router.get("/tribe", summary="People who share your passions, with what you share")
def get_tribe(
    user: CurrentUser, ctx: ContextDep, top: int = Query(10, ge=1, le=100)
) -> list[dict[str, Any]]:
    from passionpath.community import tribe

    return [m.as_dict() for m in tribe(ctx, owner=user, top=top)]


@router.get("/mentors", summary="Mentors in or near your target careers, with the reason")
def get_mentors(
    user: CurrentUser, ctx: ContextDep, top: int = Query(10, ge=1, le=100)
) -> list[dict[str, Any]]:
    from passionpath.community import mentors_for

    return [m.as_dict() for m in mentors_for(ctx, owner=user, top=top)]


@router.post("/mentors/assign", summary="Stable mentee-mentor assignment from stated preferences")
def assign(body: PreferencesIn, user: CurrentUser) -> dict[str, Any]:
    from passionpath.community import PreferenceError, assign_stated
    from passionpath.errors import PassionpathError

    try:
        return assign_stated(body.model_dump()).as_json()
    except PreferenceError as exc:
        raise PassionpathError(exc.message, field=exc.where) from exc


@router.get("/requests", summary="Your connection requests, both ways")
def get_requests(user: CurrentUser, engine: EngineDep) -> list[dict[str, Any]]:
    from passionpath.community import list_requests

    return [r.as_dict() for r in list_requests(engine, owner=user)]


@router.post("/requests", status_code=201, summary="Ask a member to connect or to mentor you")
def post_request(body: RequestIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.community import send_request

    request_id = send_request(body.member_id, engine, owner=user, kind=body.kind, note=body.note)
    return {"id": request_id, "status": "pending"}


@router.post(
    "/requests/{request_id}/accept", summary="Accept a request: both go into the other's contacts"
)
def accept(user: CurrentUser, engine: EngineDep, request_id: PathId) -> dict[str, Any]:
    from passionpath.community import answer_request

    return answer_request(request_id, True, engine, owner=user).as_dict()


@router.post("/requests/{request_id}/decline", summary="Decline a request made to you")
def decline(user: CurrentUser, engine: EngineDep, request_id: PathId) -> dict[str, Any]:
    from passionpath.community import answer_request

    return answer_request(request_id, False, engine, owner=user).as_dict()


@router.post("/members/{member_id}/block", status_code=204, summary="Never see this member again")
def post_block(user: CurrentUser, engine: EngineDep, member_id: PathId) -> Response:
    from passionpath.community import block

    block(member_id, engine, owner=user)
    return Response(status_code=204)


@router.post("/members/{member_id}/report", status_code=201, summary="Report a member")
def post_report(
    body: ReportIn, user: CurrentUser, engine: EngineDep, member_id: PathId
) -> dict[str, Any]:
    from passionpath.community import report

    return {"id": report(member_id, body.reason, engine, owner=user)}


@router.get("/groups", summary="Your study groups, then open ones on your topics")
def get_groups(user: CurrentUser, ctx: ContextDep) -> list[dict[str, Any]]:
    from passionpath.community import list_groups

    return [g.as_dict() for g in list_groups(ctx, owner=user)]


@router.post("/groups/form", summary="Form study groups of 3-6 on your topics")
def form(user: CurrentUser, ctx: ContextDep) -> list[dict[str, Any]]:
    from passionpath.community import form_study_groups

    return [g.as_dict() for g in form_study_groups(ctx, owner=user)]


@router.post("/groups/{group_id}/join", summary="Join an open study group")
def join_group(user: CurrentUser, ctx: ContextDep, group_id: PathId) -> dict[str, Any]:
    from passionpath.community import join_group as join

    return join(ctx, group_id, owner=user).as_dict()


@router.delete("/groups/{group_id}/membership", status_code=204, summary="Leave a study group")
def leave_group(user: CurrentUser, ctx: ContextDep, group_id: PathId) -> Response:
    from passionpath.community import leave_group as leave

    leave(ctx, group_id, owner=user)
    return Response(status_code=204)
