"""Errors as JSON with a field path: {"detail": [{"loc": [...], "msg": "..."}]}."""

from __future__ import annotations

from html import escape

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from passionpath.api._users import AuthError, RateLimited
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile import ProfileValidationError


def _body(loc: list[str | int], msg: str) -> dict[str, list[dict[str, object]]]:
    return {"detail": [{"loc": loc, "msg": msg}]}


def _page(request: Request, status: int, message: str) -> HTMLResponse | None:
    """Web pages get an HTML error page; API clients keep JSON."""
    if request.url.path.startswith("/api/"):
        return None
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
        return _page(request, 404, str(exc)) or JSONResponse(_body([], str(exc)), status_code=404)

    @app.exception_handler(AuthError)
    async def unauthorised(_: Request, exc: AuthError) -> JSONResponse:
        return JSONResponse(
            _body(["header", "authorization"], str(exc)),
            status_code=401,
            headers={"WWW-Authenticate": "Bearer"},
        )

    @app.exception_handler(RateLimited)
    async def limited(_: Request, exc: RateLimited) -> JSONResponse:
        return JSONResponse(_body([], str(exc)), status_code=429, headers={"Retry-After": "60"})

    @app.exception_handler(PassionpathError)
    async def bad_request(request: Request, exc: PassionpathError) -> Response:
        text = str(exc)
        page = _page(request, 400, text)
        if page is not None:
            return page
        field, _sep, rest = text.partition(": ")
        loc: list[str | int] = [field] if rest and " " not in field else []
        return JSONResponse(_body(loc, text), status_code=400)
