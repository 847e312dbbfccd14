"""What every page needs: the app's context, the signed session's user, the CSRF token,
template rendering, and the user's own web profile.

Every page that touches personal data goes through ``me``: the session's user and that
user's own profile, so no page can reach another account's records.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from starlette.datastructures import FormData

from passionpath.accounts import LoginLimiter
from passionpath.context import Context
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import (
    MAX_COMPARE,
    MAX_EMAIL_CHARS,
    MAX_LABEL_CHARS,
    MAX_QUERY_CHARS,
    MAX_TEXT_CHARS,
)
from passionpath.profile import ProfileDocument, ProfileRecord
from passionpath.web._assets import asset_url

templates = Jinja2Templates(directory=str(Path(__file__).with_name("templates")))
# The limits, for the forms' maxlength attributes (the core checks them again).
templates.env.globals.update(
    max_query=MAX_QUERY_CHARS,
    max_text=MAX_TEXT_CHARS,
    max_label=MAX_LABEL_CHARS,
    max_compare=MAX_COMPARE,
    max_email=MAX_EMAIL_CHARS,
    asset=asset_url,
)
#: The slug of the one profile the web pages edit.
SLUG = "me"


class LoginRequired(Exception):
    """A page needs a signed-in user; answered with a redirect to /login."""


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def engine(request: Request) -> Engine:
    return context(request).engine


def limiter(request: Request) -> LoginLimiter:
    found: LoginLimiter = request.app.state.limiter
    return found


def csrf_token(request: Request) -> str:
    token: str | None = request.session.get("csrf")
    if token is None:
        token = secrets.token_urlsafe(24)
        request.session["csrf"] = token
    return token


def check_csrf(request: Request, submitted: str) -> None:
    if not submitted or not secrets.compare_digest(submitted, request.session.get("csrf", "")):
        raise PassionpathError("This form has expired; reload the page and try again.")


#: Said when a form's token no longer holds (the session ended while the page was open).
EXPIRED = "This form had expired, so nothing was saved yet; press the button again."


async def submitted(request: Request) -> tuple[FormData, str | None]:
    """The submitted form and, when its CSRF token does not hold, what to tell the person:
    for forms with a lot typed into them, which show it all again rather than an error page.
    Nothing may be saved when the second value is not None."""
    form = await request.form()
    try:
        check_csrf(request, str(form.get("csrf", "")))
    except PassionpathError:
        return form, EXPIRED
    return form, None


def render(request: Request, template: str, status: int = 200, **values: Any) -> HTMLResponse:
    from passionpath.catalog import release_attribution

    try:
        attribution, notice = release_attribution(engine(request))
    except PassionpathError:
        attribution, notice = "", None
    values.setdefault("attribution", attribution)
    values.setdefault("notice", notice)
    return templates.TemplateResponse(
        request,
        template,
        {"user": request.session.get("user"), "csrf": csrf_token(request), **values},
        status_code=status,
    )


def current_user(request: Request) -> int:
    user: int | None = request.session.get("user")
    if user is None:
        raise LoginRequired()
    return user


def my_profile(request: Request) -> tuple[int, ProfileRecord, ProfileDocument]:
    """(user id, record, document) of the user's web profile; created on first use."""
    from passionpath.profile import create_profile, load_profile

    user = current_user(request)
    db = engine(request)
    try:
        return user, *load_profile(SLUG, db, owner=user)
    except NotFoundError:
        # Also when the user has other profiles (made through the API) but not this one.
        create_profile(
            ProfileDocument.model_validate({"basics": {"name": "Me"}}), db, slug=SLUG, owner=user
        )
    return user, *load_profile(SLUG, db, owner=user)


def me(request: Request) -> tuple[int, ProfileDocument]:
    """(user id, the user's web profile document); creates the profile on first use."""
    user, _, document = my_profile(request)
    return user, document


def save_me(request: Request, user: int, document: ProfileDocument, note: str) -> None:
    from passionpath.profile import save_profile

    save_profile(SLUG, document, engine(request), note=note, owner=user)


#: The page of each onboarding step, in the order a new person goes through them.
STEP_PAGES = {
    "passions": "/passions",
    "interests": "/inventory",
    "background": "/background",
    "skills": "/skills",
    "values": "/values",
}


def journey(document: ProfileDocument, current: str) -> dict[str, Any]:
    """What the step list at the top of an onboarding page shows: every step with its page
    and whether it is done, which one this is, and where skipping it leads (with what is
    lost)."""
    from passionpath.profile import onboarding_steps

    steps = onboarding_steps(document)
    keys = [s.key for s in steps]
    here = keys.index(current)
    following = keys[here + 1] if here + 1 < len(keys) else None
    return {
        "steps": [{"step": s, "url": STEP_PAGES[s.key]} for s in steps],
        "current": current,
        "number": here + 1,
        "next_url": STEP_PAGES[following] if following else "/matches",
        "without": steps[here].without,
    }


def render_step(
    request: Request, template: str, step: str, status: int = 200, **values: Any
) -> HTMLResponse:
    """``render`` for a page of the onboarding journey: with the step list and the skip link."""
    _, document = me(request)
    return render(request, template, status, journey=journey(document, step), **values)
