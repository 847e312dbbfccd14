"""Importing recruiters' e-mails: upload an .eml or mbox export, see what each message would
change, tick the changes to make, and only then are they logged. Plain forms, no script.

The upload waits in the cache directory (the core's pending uploads: named by the user and a
random token) between the page that asks and the form that applies: removed once applied,
after an hour, and with the account; a new upload replaces the person's earlier one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from passionpath.errors import PassionpathError
from passionpath.web._deps import context, current_user, render, submitted
from passionpath.web._errors import in_words

router = APIRouter()


def _cache(request: Request) -> Path:
    return context(request).settings.cache_dir


def _report(request: Request, user: int, data: bytes, name: str) -> Any:
    from passionpath.jobsearch import application_records, match_mail, read_mail_data

    ctx = context(request)
    read = read_mail_data(data, name)
    return match_mail(read, application_records(ctx.engine, owner=user, ctx=ctx), ctx)


@router.get("/applications/mail", response_class=HTMLResponse)
def mail_page(request: Request) -> Response:
    from passionpath.jobsearch import forget_uploads

    current_user(request)
    forget_uploads(_cache(request), kind="mail")
    return render(request, "applications_mail.html", report=None, error=None)


@router.post("/applications/mail", response_class=HTMLResponse)
async def mail_preview(request: Request) -> Response:
    """What the uploaded mail would change; nothing is changed yet."""
    from passionpath.jobsearch import keep_upload
    from passionpath.limits import MAX_MAIL_FILE_BYTES

    user = current_user(request)
    form, expired = await submitted(request)
    if expired:
        return render(request, "applications_mail.html", 400, report=None, error=expired)
    upload = form.get("file")
    if not isinstance(upload, UploadFile) or not upload.filename:
        error = "Mail file: choose an .eml file or an .mbox export."
        return render(request, "applications_mail.html", 400, report=None, error=error)
    data = await upload.read(MAX_MAIL_FILE_BYTES + 1)
    name = Path(upload.filename).name
    try:
        if len(data) > MAX_MAIL_FILE_BYTES:
            raise PassionpathError(f"the file is over {MAX_MAIL_FILE_BYTES // 1_000_000} MB.")
        report = _report(request, user, data, name)
    except PassionpathError as exc:
        error = f"Mail file: {in_words(exc)}"
        return render(request, "applications_mail.html", 400, report=None, error=error)
    token = ""
    if report.proposals:
        token = keep_upload(_cache(request), user, "mail", name, data)
    return render(request, "applications_mail.html", report=report, token=token, error=None)


@router.post("/applications/mail/apply")
async def mail_apply(request: Request) -> Response:
    """Log the ticked changes of an upload shown before, all or none."""
    from passionpath.jobsearch import apply_proposals, drop_upload, pending_upload

    user = current_user(request)
    form, expired = await submitted(request)
    if expired:
        return render(request, "applications_mail.html", 400, report=None, error=expired)
    token = str(form.get("token", ""))
    found = pending_upload(_cache(request), user, "mail", token)
    if found is None:
        error = "That upload is no longer here (it waits an hour). Upload the mail again."
        return render(request, "applications_mail.html", 400, report=None, error=error)
    name, data = found
    chosen = {int(str(n)) for n in form.getlist("apply") if str(n).isdigit()}
    try:
        report = _report(request, user, data, name)
        applied = apply_proposals(report, context(request).engine, owner=user, only=chosen)
    except PassionpathError as exc:
        error = f"Nothing was changed: {in_words(exc)}"
        return render(request, "applications_mail.html", 400, report=None, error=error)
    drop_upload(_cache(request), user, "mail", token)
    return RedirectResponse(f"/applications?logged={len(applied)}", status_code=303)
