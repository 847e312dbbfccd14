"""The REST API (FastAPI) under /api/v1: thin routes over the core library."""

from __future__ import annotations

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
    app.state.engine = engine or get_engine()
    app.state.limiter = LoginLimiter()
    for router in (auth.router, catalog.router, profiles.router, plans.router):
        app.include_router(router, prefix="/api/v1")
    _errors.install(app)
    return app


__all__ = ["create_app"]
