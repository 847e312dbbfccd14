"""The home page, registration, login and logout."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath import accounts
from passionpath.errors import PassionpathError
from passionpath.web._deps import check_csrf, engine, limiter, render

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    if request.session.get("user"):
        return RedirectResponse("/matches", status_code=303)
    return render(request, "home.html")


@router.get("/register", response_class=HTMLResponse)
def register_page(request: Request) -> Response:
    return render(request, "auth.html", heading="Create an account", action="/register")


@router.post("/register")
def register(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    check_csrf(request, csrf)
    try:
        user = accounts.register(engine(request), email, password)
    except PassionpathError as exc:
        return render(
            request,
            "auth.html",
            400,
            heading="Create an account",
            action="/register",
            error=str(exc),
        )
    request.session.clear()
    request.session["user"] = user
    return RedirectResponse("/passions", status_code=303)


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return render(request, "auth.html", heading="Log in", action="/login")


@router.post("/login")
def login(
    request: Request, email: str = Form(...), password: str = Form(...), csrf: str = Form("")
) -> Response:
    check_csrf(request, csrf)
    try:
        user = accounts.authenticate(engine(request), email, password, limiter(request))
    except PassionpathError as exc:
        return render(request, "auth.html", 401, heading="Log in", action="/login", error=str(exc))
    request.session.clear()
    request.session["user"] = user
    return RedirectResponse("/matches", status_code=303)


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    check_csrf(request, csrf)
    request.session.clear()
    return RedirectResponse("/", status_code=303)
