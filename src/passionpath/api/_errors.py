"""Errors as JSON with a field path: {"detail": [{"loc": [...], "msg": "...", "hint": "..."}]}."""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from passionpath.api._users import AuthError, RateLimited
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile import ProfileValidationError

#: Core fields that this API names differently: a profile is the ``slug`` in the path,
#: plans and benchmarks are ``plan_id`` and ``benchmark_id``, and an occupation code is
#: the ``target`` when planning or closing gaps.
_PARAMETER_NAMES = {
    "profile": "slug",
    "plan": "plan_id",
    "benchmark": "benchmark_id",
    "code": "target",
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


def _error_body(request: Request, exc: PassionpathError) -> dict[str, list[dict[str, object]]]:
    return _body(_loc(request, exc.field), exc.message or str(exc), exc.hint)


def _page(request: Request, status: int, exc: PassionpathError) -> HTMLResponse | None:
    """Web pages get an HTML error page; API clients keep JSON."""
    if request.url.path.startswith("/api/"):
        return None
    message = exc.message or str(exc)
    if exc.field:
        # A page has no parameter names to point at: say which input in plain words.
        message = f"{exc.field.replace('_', ' ').capitalize()}: {message}"
    if exc.hint:
        message = f"{message} {exc.hint}"
    body = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Error</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
        f"<main><h1>Something needs fixing</h1><p role='alert'>{escape(message)}</p>"
        f"<p><a href='javascript:history.back()'>Go back</a> or <a href='/'>home</a></p>"
        f"</main></body></html>"
    )
    return HTMLResponse(body, status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ProfileValidationError)
    async def invalid_profile(_: Request, exc: ProfileValidationError) -> JSONResponse:
        detail = [
            {
                "loc": ["body", "document", *path.replace("[", ".").replace("]", "").split(".")],
                "msg": message,
            }
            for path, message in exc.problems
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return _page(request, 404, exc) or JSONResponse(_error_body(request, exc), status_code=404)

    @app.exception_handler(AuthError)
    async def unauthorised(_: Request, exc: AuthError) -> JSONResponse:
        return JSONResponse(
            _body(["header", "authorization"], exc.message or str(exc), exc.hint),
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(RateLimited)
    async def limited(_: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse(
            _body([], exc.message or str(exc), exc.hint),
            status_code=429,
            headers={"Retry-After": "60"},
        )

    @app.exception_handler(PassionpathError)
    async def bad_request(request: Request, exc: PassionpathError) -> Response:
        return _page(request, 400, exc) or JSONResponse(_error_body(request, exc), status_code=400)
