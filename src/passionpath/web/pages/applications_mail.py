"""Importing recruiters' e-mails: upload an .eml or mbox export, see what each message would
change, tick the changes to make, and only then are they logged. Plain forms, no script.

The upload waits in the cache directory (named by the user and a random token) between the
page that asks and the form that applies: removed once applied, and after an hour (any visit
to these pages clears older ones); a new upload replaces the person's earlier one."""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from passionpath.errors import PassionpathError
from passionpath.web._deps import context, current_user, render, submitted
from passionpath.web._errors import in_words

router = APIRouter()

#: How long an upload waits for its "apply" (seconds).
UPLOAD_TTL = 3600
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _folder(request: Request) -> Path:
    return context(request).settings.cache_dir / "mail-uploads"


def _stored(request: Request, user: int, token: str) -> Path | None:
    if not _TOKEN.match(token):
        return None
    path = _folder(request) / f"{user}-{token}.mail"
    return path if path.exists() else None


def _forget_old(folder: Path, user: int | None = None) -> None:
    """Remove uploads older than UPLOAD_TTL, and all of ``user``'s."""
    now = time.time()
    for old in folder.glob("*.mail"):
        if user is not None and old.name.startswith(f"{user}-"):
            old.unlink(missing_ok=True)
            continue
        try:
            if now - old.stat().st_mtime > UPLOAD_TTL:
                old.unlink()
        except OSError:
            continue


def _report(request: Request, user: int, data: bytes, name: str) -> Any:
    from passionpath.jobsearch import application_records, match_mail, read_mail_data

    ctx = context(request)
    read = read_mail_data(data, name)
    return match_mail(read, application_records(ctx.engine, owner=user, ctx=ctx), ctx)


@router.get("/applications/mail", response_class=HTMLResponse)
def mail_page(request: Request) -> Response:
    current_user(request)
    if _folder(request).exists():
        _forget_old(_folder(request))
    return render(request, "applications_mail.html", report=None, error=None)


@router.post("/applications/mail", response_class=HTMLResponse)
async def mail_preview(request: Request) -> Response:
    """What the uploaded mail would change; nothing is changed yet."""
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
        folder = _folder(request)
        folder.mkdir(parents=True, exist_ok=True)
        _forget_old(folder, user)
        token = secrets.token_urlsafe(24)
        (folder / f"{user}-{token}.mail").write_bytes(name.encode() + b"\n" + data)
    return render(request, "applications_mail.html", report=report, token=token, error=None)


@router.post("/applications/mail/apply")
async def mail_apply(request: Request) -> Response:
    """Log the ticked changes of an upload shown before, all or none."""
    from passionpath.jobsearch import apply_proposals

    user = current_user(request)
    form, expired = await submitted(request)
    if expired:
        return render(request, "applications_mail.html", 400, report=None, error=expired)
    if _folder(request).exists():
        _forget_old(_folder(request))
    path = _stored(request, user, str(form.get("token", "")))
    if path is None:
        error = "That upload is no longer here (it waits an hour). Upload the mail again."
        return render(request, "applications_mail.html", 400, report=None, error=error)
    name, _, data = path.read_bytes().partition(b"\n")
    chosen = {int(str(n)) for n in form.getlist("apply") if str(n).isdigit()}
    try:
        report = _report(request, user, data, name.decode())
        applied = apply_proposals(report, context(request).engine, owner=user, only=chosen)
    except PassionpathError as exc:
        error = f"Nothing was changed: {in_words(exc)}"
        return render(request, "applications_mail.html", 400, report=None, error=error)
    path.unlink(missing_ok=True)
    return RedirectResponse(f"/applications?logged={len(applied)}", status_code=303)
