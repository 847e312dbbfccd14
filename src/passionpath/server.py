"""The web server: one FastAPI app serving the REST API (/api/v1) and the web pages.

This is the only module that knows both faces. It builds the app around one ``Context``
(settings, database, caches), adds the session and trusted-host middleware, mounts both
routers and answers errors the way the face that raised them speaks: JSON under /api/,
HTML pages elsewhere.
"""

from __future__ import annotations

import gc

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import Engine

from passionpath.api import Handler
from passionpath.context import Context

__all__ = ["create_app"]


def create_app(ctx: Context | None = None, *, engine: Engine | None = None) -> FastAPI:
    """The app on ``ctx`` (default: a context on the environment's settings, on ``engine``
    when given)."""
    from starlette.middleware.sessions import SessionMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from passionpath import __version__, api, web
    from passionpath.accounts import LoginLimiter
    from passionpath.body_limit import BodyLimit

    ctx = ctx or Context.open(engine=engine)
    settings = ctx.settings
    app = FastAPI(
        title="passionpath",
        version=__version__,
        description="Find careers where what you love meets what you can do.",
        openapi_url=f"{api.PREFIX}/openapi.json",
        # The API serves its own docs page, with Swagger UI from the package (works offline).
        docs_url=None,
        redoc_url=None,
    )
    app.state.ctx = ctx
    if settings.warm_up:
        app.router.on_startup.append(lambda: _warm_in_background(ctx))
    # One limiter for both faces: failed logins count the same through the API and the pages.
    app.state.limiter = LoginLimiter()
    app.include_router(api.router)
    app.include_router(web.router)
    # Signed, HttpOnly session cookie; SameSite=Lax; Secure when served behind HTTPS.
    app.add_middleware(
        SessionMiddleware,
        secret_key=settings.secret_key,
        session_cookie="passionpath_session",
        same_site="lax",
        https_only=settings.secure_cookies,
        max_age=14 * 24 * 3600,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(BodyLimit, api_prefix=api.PREFIX)
    _install_error_handlers(app, api.PREFIX, api.error_handlers(), web.error_handlers())
    # Everything loaded so far lives as long as the process: keep it out of the collector's
    # full passes, which otherwise show up as pauses of tens of ms in the latency tail.
    gc.collect()
    gc.freeze()
    return app


def _warm_in_background(ctx: Context) -> None:
    """Start loading the catalog and models while the server already answers."""
    import threading

    from passionpath.match import warm_up

    threading.Thread(target=warm_up, args=(ctx,), name="warm-up", daemon=True).start()


def _install_error_handlers(
    app: FastAPI,
    api_prefix: str,
    api_handlers: dict[type[Exception], Handler],
    web_handlers: dict[type[Exception], Handler],
) -> None:
    """One handler per exception class (Starlette keeps one), which answers with the API's
    handler for requests under ``api_prefix`` and the pages' handler for the rest; when only
    one face handles a class, it answers for both."""

    def dispatch(api_handler: Handler | None, web_handler: Handler | None) -> Handler:
        async def handle(request: Request, exc: Exception) -> Response:
            under_api = request.url.path.startswith(api_prefix + "/")
            chosen = (api_handler or web_handler) if under_api else (web_handler or api_handler)
            assert chosen is not None
            return await chosen(request, exc)

        return handle

    for kind in {**api_handlers, **web_handlers}:
        app.add_exception_handler(kind, dispatch(api_handlers.get(kind), web_handlers.get(kind)))
