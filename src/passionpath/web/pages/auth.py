"""Registration, login and logout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath import accounts
from passionpath.errors import PassionpathError
from passionpath.web._deps import check_csrf, engine, limiter, render
from passionpath.web._errors import in_words

router = APIRouter()


@dataclass(frozen=True)
class _AccountForm:
    """The email and password form, as it is for registering or for logging in."""

    heading: str
    action: str
    refused_status: int  # the status of the page that says why it did not work
    landing: str  # where a signed-in user goes next


_REGISTER = _AccountForm("Create an account", "/register", 400, "/passions")
_LOGIN = _AccountForm("Log in", "/login", 401, "/")  # the home page: where they stand


#: The fields of the form, as the page labels them.
_LABELS = {"email": "Email", "password": "Password"}


def _show(
    request: Request,
    form: _AccountForm,
    status: int = 200,
    *,
    email: str = "",
    errors: dict[str, str] | None = None,
    error: str | None = None,
) -> Response:
    return render(
        request,
        "auth.html",
        status,
        heading=form.heading,
        action=form.action,
        email=email,
        errors=errors or {},
        error=error,
    )


def _submit(
    request: Request, csrf: str, email: str, form: _AccountForm, sign_in: Callable[[], int]
) -> Response:
    """Check the form's token, then ``sign_in`` (which returns the user id or raises).

    A refusal shows the form again with the address as typed (never the password) and
    the reason next to the field at fault. The session starts afresh on success, so
    nothing from before signing in carries over."""
    try:
        check_csrf(request, csrf)
        user = sign_in()
    except PassionpathError as exc:
        if exc.field in _LABELS:
            errors = {exc.field: in_words(exc, _LABELS[exc.field])}
            return _show(request, form, form.refused_status, email=email, errors=errors)
        return _show(request, form, form.refused_status, email=email, error=in_words(exc))
    request.session.clear()
    request.session["user"] = user
    return RedirectResponse(form.landing, status_code=303)


@router.get("/register", response_class=HTMLResponse)
def register_page(request: Request) -> Response:
    return _show(request, _REGISTER)


@router.post("/register")
def register(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    return _submit(
        request,
        csrf,
        email,
        _REGISTER,
        lambda: accounts.register(engine(request), email, password),
    )


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return _show(request, _LOGIN)


@router.post("/login")
def login(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    return _submit(
        request,
        csrf,
        email,
        _LOGIN,
        lambda: accounts.authenticate(engine(request), email, password, limiter(request)),
    )


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
