"""API errors as JSON with a field path: {"detail": [{"loc": [...], "msg": ..., "hint": ...}]}."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from passionpath.accounts import AuthError, RateLimited
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile import ProfileValidationError

Handler = Callable[[Request, Exception], Awaitable[Response]]

#: Core fields that this API names differently: a profile is the ``slug`` in the path,
#: plans and benchmarks are ``plan_id`` and ``benchmark_id``, and an occupation code is
#: the ``target`` when planning or closing gaps.
_PARAMETER_NAMES = {
    "profile": "slug",
    "plan": "plan_id",
    "benchmark": "benchmark_id",
    "code": "target",
    "contact": "contact_id",
    "interaction": "interaction_id",
    "contacts": "with",
    "query": "q",
    "version": "vcard_version",
    "application": "application_id",
    "member": "member_id",
    "request": "request_id",
    "group": "group_id",
}

_METHODS_WITH_BODY = {"POST", "PUT", "PATCH"}


def _loc(request: Request, field: str | None) -> list[str | int]:
    """Where ``field`` sits in this request, in FastAPI's own style: path, query or body."""
    if field is None:
        return []
    names = [field, _PARAMETER_NAMES[field]] if field in _PARAMETER_NAMES else [field]
    for name in names:
        if name in request.path_params:
            return ["path", name]
        if name in request.query_params:
            return ["query", name]
    if request.method in _METHODS_WITH_BODY:
        return ["body", names[-1]]
    return [field]


def _body(
    loc: list[str | int], msg: str, hint: str | None = None
) -> dict[str, list[dict[str, object]]]:
    entry: dict[str, object] = {"loc": loc, "msg": msg}
    if hint:
        entry["hint"] = hint
    return {"detail": [entry]}


def _error_body(request: Request, exc: Exception) -> dict[str, list[dict[str, object]]]:
    assert isinstance(exc, PassionpathError)
    return _body(_loc(request, exc.field), exc.message or str(exc), exc.hint)


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


async def _not_found(request: Request, exc: Exception) -> Response:
    return JSONResponse(_error_body(request, exc), status_code=404)


async def _unauthorised(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, AuthError)
    return JSONResponse(
        _body(["header", "authorization"], exc.message or str(exc), exc.hint),
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


async def _limited(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, RateLimited)
    return JSONResponse(
        _body([], exc.message or str(exc), exc.hint),
        status_code=429,
        headers={"Retry-After": "60"},
    )


async def _bad_request(request: Request, exc: Exception) -> Response:
    return JSONResponse(_error_body(request, exc), status_code=400)


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return await request_validation_exception_handler(request, exc)


def error_handlers() -> dict[type[Exception], Handler]:
    """How the API answers each error of the core, by exception class (the server picks the
    most specific class, as Starlette does)."""
    return {
        # FastAPI's own 422, named here so that the pages' handler for it stays theirs.
        RequestValidationError: _invalid_request,
        ProfileValidationError: _invalid_profile,
        NotFoundError: _not_found,
        AuthError: _unauthorised,
        RateLimited: _limited,
        PassionpathError: _bad_request,
    }
