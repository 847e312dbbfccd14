"""CVs on the web: make one tailored to an occupation from your profile, see it as it will
print, choose its theme, put the summary in your own words, and download it."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_POSTING_CHARS, MAX_QUERY_CHARS, MAX_SUMMARY_CHARS
from passionpath.web._deps import (
    SLUG,
    check_csrf,
    context,
    current_user,
    engine,
    my_profile,
    render,
)
from passionpath.web._errors import in_words

router = APIRouter()

LABELS = {
    "target": "Occupation",
    "theme": "Theme",
    "posting": "Job posting (optional)",
    "summary": "Summary",
}
THEME_NAMES = {"classic": "Classic (serif, centred)", "modern": "Modern (sans-serif, blue)"}


def _list_page(
    request: Request,
    *,
    status: int = 200,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
) -> HTMLResponse:
    from passionpath.cv import list_cvs

    user = current_user(request)
    return render(
        request,
        "cvs.html",
        status,
        cvs=list_cvs(engine(request), owner=user, profile=SLUG),
        values=values or {"target": "", "theme": "classic", "posting": ""},
        errors=errors or {},
        labels=LABELS,
        themes=THEME_NAMES,
        max_query=MAX_QUERY_CHARS,
        max_posting=MAX_POSTING_CHARS,
    )


@router.get("/cvs", response_class=HTMLResponse)
def cvs_page(request: Request, target: str = "") -> Response:
    current_user(request)
    if target:
        values = {"target": target[:MAX_QUERY_CHARS], "theme": "classic", "posting": ""}
        return _list_page(request, values=values)
    return _list_page(request)


@router.post("/cvs")
def make(
    request: Request,
    csrf: str = Form(""),
    target: str = Form("", max_length=MAX_QUERY_CHARS),
    theme: str = Form("classic", max_length=20),
    posting: str = Form("", max_length=MAX_POSTING_CHARS),
) -> Response:
    from passionpath.catalog import resolve_occupation
    from passionpath.cv import build_cv

    check_csrf(request, csrf)
    user, _, _ = my_profile(request)
    values = {"target": target, "theme": theme, "posting": posting}
    errors: dict[str, str] = {}
    if theme not in THEME_NAMES:
        errors["theme"] = f"{LABELS['theme']}: choose classic or modern."
    code = None
    try:
        found = resolve_occupation(target, context(request), field="target")
        code = found.code
        if code is None:
            choices = ", ".join(f"{c.title} ({c.code})" for c in found.choices[:5])
            errors["target"] = (
                f"{LABELS['target']}: which one? {choices}. Type one of these titles or codes."
                if choices
                else f"{LABELS['target']}: nothing in the catalog is called “{target.strip()}”."
            )
    except PassionpathError as exc:
        errors["target"] = in_words(exc, LABELS["target"])
    if errors or code is None:
        return _list_page(request, status=422, values=values, errors=errors)
    try:
        stored = build_cv(
            SLUG, code, context(request), posting=posting.strip() or None, theme=theme, owner=user
        )
    except PassionpathError as exc:
        field = exc.field if exc.field in LABELS else "target"
        errors[field] = in_words(exc, LABELS[field])
        return _list_page(request, status=422, values=values, errors=errors)
    return RedirectResponse(f"/cvs/{stored.id}", status_code=303)


def _cv_page(
    request: Request,
    cv_id: int,
    *,
    status: int = 200,
    summary: str | None = None,
    errors: dict[str, str] | None = None,
    message: str | None = None,
) -> HTMLResponse:
    from passionpath.cv import get_cv

    cv = get_cv(cv_id, engine(request), owner=current_user(request))
    basics: Any = cv.document.get("basics") or {}
    return render(
        request,
        "cv_page.html",
        status,
        cv=cv,
        summary=summary if summary is not None else str(basics.get("summary") or ""),
        errors=errors or {},
        labels=LABELS,
        themes=THEME_NAMES,
        message=message,
        max_summary=MAX_SUMMARY_CHARS,
    )


@router.get("/cvs/{cv_id}", response_class=HTMLResponse)
def cv_page(request: Request, cv_id: int) -> Response:
    saved = request.query_params.get("saved")
    return _cv_page(request, cv_id, message="Saved." if saved else None)


@router.post("/cvs/{cv_id}")
def save(
    request: Request,
    cv_id: int,
    csrf: str = Form(""),
    summary: str = Form("", max_length=MAX_SUMMARY_CHARS * 2),
    theme: str = Form("classic", max_length=20),
) -> Response:
    from passionpath.cv import edit_cv

    check_csrf(request, csrf)
    errors: dict[str, str] = {}
    if theme not in THEME_NAMES:
        errors["theme"] = f"{LABELS['theme']}: choose classic or modern."
    if len(summary) > MAX_SUMMARY_CHARS:
        errors["summary"] = (
            f"{LABELS['summary']}: {len(summary)} characters is too long; the limit is "
            f"{MAX_SUMMARY_CHARS}."
        )
    if errors:
        return _cv_page(request, cv_id, status=422, summary=summary, errors=errors)
    edit_cv(cv_id, engine(request), summary=summary, theme=theme, owner=current_user(request))
    return RedirectResponse(f"/cvs/{cv_id}?saved=1", status_code=303)


@router.get("/cvs/{cv_id}/preview")
def preview(request: Request, cv_id: int) -> Response:
    """The CV as its own page (its theme's styles inside), for the preview frame."""
    from passionpath.cv import get_cv, render_html

    cv = get_cv(cv_id, engine(request), owner=current_user(request))
    return HTMLResponse(render_html(cv.document, cv.theme))


@router.get("/cvs/{cv_id}/cv.{extension}")
def download(request: Request, cv_id: int, extension: str) -> Response:
    from passionpath.cv import get_cv, render_html, render_pdf

    cv = get_cv(cv_id, engine(request), owner=current_user(request))
    headers = {"Content-Disposition": f'attachment; filename="cv-{cv.id}.{extension}"'}
    if extension == "pdf":
        return Response(
            render_pdf(cv.document, cv.theme), media_type="application/pdf", headers=headers
        )
    if extension == "html":
        return Response(
            render_html(cv.document, cv.theme),
            media_type="text/html; charset=utf-8",
            headers=headers,
        )
    return Response("Not found", status_code=404)


@router.post("/cvs/{cv_id}/delete")
def remove(request: Request, cv_id: int, csrf: str = Form("")) -> Response:
    from passionpath.cv import delete_cv

    check_csrf(request, csrf)
    delete_cv(cv_id, engine(request), owner=current_user(request))
    return RedirectResponse("/cvs", status_code=303)
