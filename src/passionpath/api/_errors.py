"""API errors as JSON with a field path: {"detail": [{"loc": [...], "msg": "..."}]}."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import JSONResponse, Response

from passionpath.accounts import AuthError, RateLimited
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile import ProfileValidationError

Handler = Callable[[Request, Exception], Awaitable[Response]]


def _body(loc: list[str | int], msg: str) -> dict[str, list[dict[str, object]]]:
    return {"detail": [{"loc": loc, "msg": msg}]}


async def _invalid_profile(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProfileValidationError)
    detail = [
        {
            "loc": ["body", "document", *path.replace("[", ".").replace("]", "").split(".")],
            "msg": message,
        }
        for path, message in exc.problems
    ]
    return JSONResponse({"detail": detail}, status_code=422)


async def _not_found(_: Request, exc: Exception) -> Response:
    return JSONResponse(_body([], str(exc)), status_code=404)


async def _unauthorised(_: Request, exc: Exception) -> Response:
    return JSONResponse(
        _body(["header", "authorization"], str(exc)),
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def _limited(_: Request, exc: Exception) -> Response:
    return JSONResponse(_body([], str(exc)), status_code=429, headers={"Retry-After": "60"})


async def _bad_request(_: Request, exc: Exception) -> Response:
    text = str(exc)
    field, _sep, rest = text.partition(": ")
    loc: list[str | int] = [field] if rest and " " not in field else []
    return JSONResponse(_body(loc, text), status_code=400)


def error_handlers() -> dict[type[Exception], Handler]:
    """How the API answers each error of the core, by exception class (the server picks the
    most specific class, as Starlette does)."""
    return {
        ProfileValidationError: _invalid_profile,
        NotFoundError: _not_found,
        AuthError: _unauthorised,
        RateLimited: _limited,
        PassionpathError: _bad_request,
    }
