"""The REST API (FastAPI): routes under /api/v1, thin layers over the core library.

``passionpath.server`` mounts ``router`` and installs ``error_handlers()``; this face never
builds the app itself and never imports the web pages.
"""

from __future__ import annotations

from fastapi import APIRouter

from passionpath.api._errors import Handler, error_handlers
from passionpath.api.routes import (
    applications,
    applications_mail,
    auth,
    catalog,
    community,
    contacts,
    cvs,
    docs,
    plans,
    profiles,
)

PREFIX = "/api/v1"

router = APIRouter(prefix=PREFIX)
for _routes in (
    auth.router,
    catalog.router,
    profiles.router,
    plans.router,
    contacts.router,
    applications_mail.router,  # before the tracker's /applications/{id}
    applications.router,
    cvs.router,
    community.router,
    docs.router,
):
    router.include_router(_routes)

__all__ = ["PREFIX", "Handler", "error_handlers", "router"]
