"""Server-rendered web pages (Jinja2 templates, HTML forms, no JavaScript build step).

``passionpath.server`` mounts ``router`` and installs ``error_handlers()``; this face never
imports the REST API.
"""

from fastapi import APIRouter

from passionpath.web._errors import error_handlers
from passionpath.web.pages import (
    account,
    applications,
    applications_import,
    applications_mail,
    assets,
    auth,
    background,
    catalog,
    community,
    contacts,
    cvs,
    home,
    matches,
    plans,
    profile,
)

router = APIRouter(include_in_schema=False)
for _pages in (
    home.router,
    auth.router,
    profile.router,
    background.router,
    matches.router,
    catalog.router,
    plans.router,
    contacts.router,
    applications_mail.router,  # before the board's /applications/{id}
    applications_import.router,
    applications.router,
    cvs.router,
    community.router,
    account.router,
    assets.router,
):
    router.include_router(_pages)

__all__ = ["error_handlers", "router"]
