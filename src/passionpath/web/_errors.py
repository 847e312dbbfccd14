"""Web errors as HTML pages, and the redirect to /login for pages that need a user."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from html import escape

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.web._deps import LoginRequired

Handler = Callable[[Request, Exception], Awaitable[Response]]


def _page(status: int, message: str) -> HTMLResponse:
    body = (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Error</title>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
        f"<main><h1>Something needs fixing</h1><p role='alert'>{escape(message)}</p>"
        f"<p><a href='javascript:history.back()'>Go back</a> or <a href='/'>home</a></p>"
        f"</main></body></html>"
    )
    return HTMLResponse(body, status_code=status)


async def _login_first(_: Request, __: Exception) -> Response:
    return RedirectResponse("/login", status_code=303)


def _in_words(exc: Exception) -> str:
    """The error as a page says it: a page has no parameter names to point at, so the input
    at fault is named in plain words, then the message and what to do."""
    if not isinstance(exc, PassionpathError):
        return str(exc)
    message = exc.message or str(exc)
    if exc.field:
        message = f"{exc.field.replace('_', ' ').capitalize()}: {message}"
    return f"{message} {exc.hint}" if exc.hint else message


async def _not_found(_: Request, exc: Exception) -> Response:
    return _page(404, _in_words(exc))


async def _bad_request(_: Request, exc: Exception) -> Response:
    return _page(400, _in_words(exc))


def error_handlers() -> dict[type[Exception], Handler]:
    """How the pages answer each error, by exception class (the server picks the most
    specific class, as Starlette does)."""
    return {
        LoginRequired: _login_first,
        NotFoundError: _not_found,
        PassionpathError: _bad_request,
    }
