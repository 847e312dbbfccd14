"""Importing applications from a CSV (Huntr, Teal, a spreadsheet): upload it, see its
columns as they would be read and change any of them, then import every row or none.

The file waits in the cache directory (the core's pending uploads) between the upload and
the import: removed once imported, after an hour, and with the account."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_APPLICATIONS_FILE_BYTES, MAX_IMPORT_APPLICATIONS
from passionpath.web._deps import context, current_user, render, submitted
from passionpath.web._errors import in_words
from passionpath.web.pages.applications import EDIT_LABELS

router = APIRouter()

#: Each field a column can be read as, in the page's words.
FIELD_WORDS = (
    {name: EDIT_LABELS[name] for name in ("company", "role_title")}
    | {
        "occupation_code": "Occupation code",
        "status": "Stage",
        "saved_on": "Date saved",
        "applied_on": "Date applied",
        "interview_on": "Interview date",
        "offer_on": "Offer date",
        "closed_on": "Date it ended",
    }
    | {
        name: EDIT_LABELS[name]
        for name in ("posting_url", "posting_text", "source", "location", "pay", "notes")
    }
)
_KIND = "csv"


def _cache(request: Request) -> Path:
    return context(request).settings.cache_dir


def _page(request: Request, status: int = 200, **values: object) -> HTMLResponse:
    values.setdefault("preview", None)
    values.setdefault("error", None)
    return render(
        request,
        "applications_import.html",
        status,
        words=FIELD_WORDS,
        limit_mb=MAX_APPLICATIONS_FILE_BYTES // 1_000_000,
        limit_rows=MAX_IMPORT_APPLICATIONS,
        **values,
    )


def _in_words(exc: PassionpathError) -> str:
    """A row's error as the page says it: the line and the column first."""
    from passionpath.jobsearch import ImportRowError

    if isinstance(exc, ImportRowError):
        where = f"Line {exc.line} of the file"
        if exc.column:
            where += f", column “{exc.column}”"
        return f"{where}: {exc.detail} Nothing was imported."
    return f"{in_words(exc, 'CSV file')} Nothing was imported."


@router.get("/applications/import", response_class=HTMLResponse)
def import_page(request: Request) -> Response:
    current_user(request)
    return _page(request)


@router.post("/applications/import", response_class=HTMLResponse)
async def upload(request: Request) -> Response:
    """The uploaded file's columns as they would be read; nothing is imported yet."""
    from passionpath.jobsearch import keep_upload, preview_applications_csv

    user = current_user(request)
    form, expired = await submitted(request)
    if expired:
        return _page(request, 400, error=expired)
    file = form.get("file")
    if not isinstance(file, UploadFile) or not file.filename:
        return _page(request, 400, error="CSV file: choose a .csv file to upload.")
    data = await file.read(MAX_APPLICATIONS_FILE_BYTES + 1)
    name = Path(file.filename).name
    try:
        preview = preview_applications_csv(data, filename=name)
    except PassionpathError as exc:
        return _page(request, 400, error=_in_words(exc))
    token = keep_upload(_cache(request), user, _KIND, name, data)
    fields = [f or "" for f in preview.fields]
    return _page(request, preview=preview, fields=fields, token=token, name=name)


def _chosen(form: FormData, width: int) -> list[str]:
    return [str(form.get(f"column-{i}", "")) for i in range(width)]


@router.post("/applications/import/confirm", response_class=HTMLResponse)
async def confirm(request: Request) -> Response:
    """With the columns as chosen: show the preview again ("Check"), or import every row."""
    from passionpath.jobsearch import (
        REQUIRED_IMPORT_FIELDS,
        drop_upload,
        import_applications_csv,
        mapping_from_columns,
        pending_upload,
        preview_applications_csv,
    )

    user = current_user(request)
    form, expired = await submitted(request)
    token = str(form.get("token", ""))
    found = None if expired else pending_upload(_cache(request), user, _KIND, token)
    if found is None:
        error = (
            expired or "That upload is no longer here (it waits an hour). Upload the file again."
        )
        return _page(request, 400, error=error)
    name, data = found
    ctx = context(request)
    preview = preview_applications_csv(data, filename=name)
    fields = [f if f in FIELD_WORDS else "" for f in _chosen(form, len(preview.header))]
    shown = {"preview": preview, "fields": fields, "token": token, "name": name}
    try:
        mapping = mapping_from_columns(preview.header, [f or None for f in fields])
        missing = [FIELD_WORDS[f] for f in REQUIRED_IMPORT_FIELDS if f not in mapping]
        if missing:
            error = f"Choose the column that holds the {' and the '.join(missing)}."
            return _page(request, 400, error=error, **shown)
        dry_run = form.get("action") != "import"
        report = import_applications_csv(
            data,
            ctx.engine,
            filename=name,
            owner=user,
            mapping=mapping,
            detect=False,
            dry_run=dry_run,
            ctx=ctx,
        )
    except PassionpathError as exc:
        message = f"{exc.message} Nothing was imported." if exc.field == "mapping" else None
        return _page(request, 400, error=message or _in_words(exc), **shown)
    if dry_run:
        return _page(request, 200, checked=report, **shown)
    drop_upload(_cache(request), user, _KIND, token)
    return RedirectResponse(f"/applications?imported={len(report.added)}", status_code=303)
