"""Web errors as HTML pages in the site's own words, and the redirect to /login for pages
that need a user.

The core says what to do in words that suit every face (``hint``) and names the situation
(``kind``); a page can do better than words: it links to the page where the person can do
it. Nothing here ever tells a person to run a command.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse, Response

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.web._deps import LoginRequired, render

Handler = Callable[[Request, Exception], Awaitable[Response]]


@dataclass(frozen=True)
class Advice:
    """What to do next: a sentence, and the page where it is done (if there is one)."""

    text: str
    href: str | None = None
    link: str | None = None


#: The pages' suggestion for each kind of core error, in place of the core's plain hint.
_ADVICE = {
    "unknown_occupation": Advice(
        "Look the occupation up by its title instead.", "/search", "Search occupations"
    ),
    "empty_catalog": Advice(
        "The site has no occupations loaded yet; whoever runs it needs to load the catalog."
    ),
    "no_profiles": Advice("Start by saying what you love.", "/passions", "Your passions"),
    "unknown_plan": Advice("Your plans are listed on one page.", "/plans", "Your plans"),
    "no_active_plan": Advice(
        "Open a career from your matches and choose “Make a plan”.", "/matches", "Your matches"
    ),
    "unknown_benchmark": Advice(
        "Open the plan again to see its benchmarks as they are now.", "/plans", "Your plans"
    ),
    "unknown_contact": Advice("Your contacts are listed on one page.", "/contacts", "Contacts"),
    "unknown_interaction": Advice(
        "Open the contact again to see the timeline as it is now.", "/contacts", "Contacts"
    ),
}


def advice(exc: PassionpathError) -> Advice | None:
    """What a page suggests for ``exc``: its own words for known kinds, else the core's hint."""
    found = _ADVICE.get(exc.kind or "")
    if found is not None:
        return found
    return Advice(exc.hint) if exc.hint else None


def in_words(exc: Exception, label: str | None = None) -> str:
    """The error as one line for a page, with what to do (without its link).

    Shown next to a field, ``label`` names the field as the page labels it; elsewhere the
    core's neutral field name is put in plain words."""
    if not isinstance(exc, PassionpathError):
        return str(exc)
    message = exc.message or str(exc)
    name = label or (exc.field.replace("_", " ").capitalize() if exc.field else None)
    if name:
        message = f"{name}: {message}"
    found = advice(exc)
    return f"{message} {found.text}" if found else message


def _error_page(request: Request, status: int, exc: Exception) -> Response:
    found = advice(exc) if isinstance(exc, PassionpathError) else None
    message = in_words(exc)
    if found is not None:
        message = message.removesuffix(" " + found.text)
    return render(request, "error.html", status, problem=message, advice=found)


async def _login_first(_: Request, __: Exception) -> Response:
    return RedirectResponse("/login", status_code=303)


async def _not_found(request: Request, exc: Exception) -> Response:
    return _error_page(request, 404, exc)


async def _bad_request(request: Request, exc: Exception) -> Response:
    return _error_page(request, 400, exc)


async def _bad_address(request: Request, exc: Exception) -> Response:
    """A page asked for with a value it cannot use (``/matches?top=999``): an address
    edited by hand or kept from an old link."""
    assert isinstance(exc, RequestValidationError)
    said = "; ".join(
        f"{e['loc'][-1]}: {str(e['msg']).removeprefix('Value error, ')}" for e in exc.errors()
    )
    problem = f"This address asks for something the page cannot show ({said})."
    found = Advice("Open the page again from the menu.", "/", "Home")
    return render(request, "error.html", 400, problem=problem, advice=found)


def error_handlers() -> dict[type[Exception], Handler]:
    """How the pages answer each error, by exception class (the server picks the most
    specific class, as Starlette does)."""
    return {
        LoginRequired: _login_first,
        RequestValidationError: _bad_address,
        NotFoundError: _not_found,
        PassionpathError: _bad_request,
    }
