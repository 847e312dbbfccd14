"""Injected dependencies: the app's context and engine, and the current user (the one place
where "a user only sees their own data" starts: every owned query receives this id)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from passionpath.accounts import (
    AuthError,
    LoginLimiter,
    cached_user,
    token_digest,
    user_for_token,
)
from passionpath.context import Context


def get_context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


ContextDep = Annotated[Context, Depends(get_context)]


def get_engine_dep(ctx: ContextDep) -> Engine:
    return ctx.engine


EngineDep = Annotated[Engine, Depends(get_engine_dep)]


async def get_current_user(
    ctx: ContextDep, authorization: str | None = Header(default=None)
) -> int:
    if not authorization or not authorization.lower().startswith("bearer "):
        raise AuthError("Sign in: send 'Authorization: Bearer TOKEN' (POST /api/v1/auth/token).")
    # A token checked in the last few seconds is answered from memory, without a thread hop.
    digest = token_digest(authorization.split(" ", 1)[1].strip())
    cached = cached_user(ctx.memo, digest)
    if cached is not None:
        return cached
    return await run_in_threadpool(user_for_token, ctx.engine, digest, ctx.memo)


CurrentUser = Annotated[int, Depends(get_current_user)]


def get_limiter(request: Request) -> LoginLimiter:
    limiter: LoginLimiter = request.app.state.limiter
    return limiter


LimiterDep = Annotated[LoginLimiter, Depends(get_limiter)]
