"""The REST API (FastAPI) under /api/v1: thin routes over the core library."""

from __future__ import annotations

import gc

from fastapi import FastAPI
from sqlalchemy import Engine


def create_app(engine: Engine | None = None) -> FastAPI:
    from passionpath import __version__
    from passionpath.api import _errors
    from passionpath.api._users import LoginLimiter
    from passionpath.api.routes import auth, catalog, plans, profiles
    from passionpath.store import get_engine

    app = FastAPI(
        title="passionpath",
        version=__version__,
        description="Find careers where what you love meets what you can do.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    from starlette.middleware.sessions import SessionMiddleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware

    from passionpath import web
    from passionpath.config import get_settings
    from passionpath.web._routes import install_handlers

    settings = get_settings()
    app.state.engine = engine or get_engine()
    app.state.limiter = LoginLimiter()
    for router in (auth.router, catalog.router, profiles.router, plans.router):
        app.include_router(router, prefix="/api/v1")
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
    _errors.install(app)
    install_handlers(app)
    # Everything loaded so far lives as long as the process: keep it out of the collector's
    # full passes, which otherwise show up as pauses of tens of ms in the latency tail.
    gc.collect()
    gc.freeze()
    return app


__all__ = ["create_app"]
