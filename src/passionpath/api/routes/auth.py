from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response

from passionpath import accounts
from passionpath.api._deps import ContextDep, CurrentUser, EngineDep, LimiterDep
from passionpath.api._schemas import Credentials, Token

router = APIRouter(tags=["account"])


@router.post("/auth/register", status_code=201, summary="Create an account")
def register(body: Credentials, engine: EngineDep) -> dict[str, Any]:
    return {"id": accounts.register(engine, body.email, body.password), "email": body.email.lower()}


@router.post("/auth/token", summary="Sign in: get a bearer token")
def token(body: Credentials, engine: EngineDep, limiter: LimiterDep) -> Token:
    user = accounts.authenticate(engine, body.email, body.password, limiter)
    return Token(token=accounts.issue_token(engine, user))


@router.get("/account/export", summary="Export everything the account holds")
def export_account(user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    """Everything the account holds: every profile with all its versions, and every plan."""
    return accounts.export_account(engine, user)


@router.delete("/account", status_code=204, summary="Delete the account and all its data")
def delete_account(user: CurrentUser, ctx: ContextDep) -> Response:
    accounts.delete_account(ctx.engine, user, tokens=ctx.memo, cache_dir=ctx.settings.cache_dir)
    return Response(status_code=204)
