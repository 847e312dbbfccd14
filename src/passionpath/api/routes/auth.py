from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from passionpath.api import _users
from passionpath.api._deps import CurrentUser, EngineDep, LimiterDep
from passionpath.api._schemas import Credentials, Token

router = APIRouter(tags=["account"])


@router.post("/auth/register", status_code=201)
def register(body: Credentials, engine: EngineDep) -> dict[str, Any]:
    return {"id": _users.register(engine, body.email, body.password), "email": body.email.lower()}


@router.post("/auth/token")
def token(body: Credentials, engine: EngineDep, limiter: LimiterDep) -> Token:
    user = _users.authenticate(engine, body.email, body.password, limiter)
    return Token(token=_users.issue_token(engine, user))


@router.get("/account/export")
def export_account(user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    """Everything the account holds: every profile with all its versions, and every plan."""
    from passionpath.plan import list_plans, load_plan
    from passionpath.profile import list_profiles, load_profile, profile_history

    profiles = []
    for record in list_profiles(engine, user):
        versions = [
            {
                "version": v.version,
                "saved_at": v.created_at.isoformat(),
                "note": v.note,
                "document": load_profile(record.slug, v.version, engine, user)[1].to_json_dict(),
            }
            for v in profile_history(record.slug, engine, user)
        ]
        plans = [
            load_plan(p["id"], engine=engine, owner=user).as_dict()
            for p in list_plans(record.id, engine)
        ]
        profiles.append({"slug": record.slug, "versions": versions, "plans": plans})
    return {"profiles": profiles}


@router.delete("/account", status_code=204)
def delete_account(user: CurrentUser, engine: EngineDep) -> Response:
    _users.delete_account(engine, user)
    return Response(status_code=204)
