"""What the person has done: education, jobs, certificates, their summary in their own words,
and the level of work they are open to. Typed into a form or read from a CV file."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from passionpath.errors import PassionpathError
from passionpath.limits import (
    MAX_LABEL_CHARS,
    MAX_LINKEDIN_ZIP_BYTES,
    MAX_LIST_ITEMS,
    MAX_TEXT_CHARS,
)
from passionpath.web._deps import me, render_step, save_me, submitted

router = APIRouter()

#: Empty rows offered under the entries already there, in each section.
SPARE_ROWS = 2
#: Rows one form can send per section: every entry a profile may hold, and the spare rows.
MAX_ROWS = MAX_LIST_ITEMS + SPARE_ROWS
SECTIONS: dict[str, tuple[str, ...]] = {
    "edu": ("level", "area", "institution", "end"),
    "job": ("position", "employer", "start", "end", "summary"),
    "cert": ("name", "issuer", "date"),
}


def _rows_from_document(document: Any) -> dict[str, list[dict[str, str]]]:
    education = [
        {
            "level": e.studyType or "",
            "area": e.area or "",
            "institution": e.institution or "",
            "end": e.endDate or "",
        }
        for e in document.education or []
    ]
    jobs = [
        {
            "position": w.position or "",
            "employer": w.name or "",
            "start": w.startDate or "",
            "end": w.endDate or "",
            "summary": w.summary or "",
        }
        for w in document.work or []
    ]
    certificates = [
        {"name": c.name or "", "issuer": c.issuer or "", "date": c.date or ""}
        for c in document.certificates or []
    ]
    return {"edu": education, "job": jobs, "cert": certificates}


def _rows_from_form(form: FormData) -> dict[str, list[dict[str, str]]]:
    rows: dict[str, list[dict[str, str]]] = {}
    for section, fields in SECTIONS.items():
        found = []
        for i in range(MAX_ROWS):
            row = {f: str(form.get(f"{section}-{i}-{f}", "")).strip() for f in fields}
            if any(f"{section}-{i}-{f}" in form for f in fields):
                found.append(row)
        rows[section] = found
    return rows


def _page(
    request: Request,
    rows: dict[str, list[dict[str, str]]],
    values: dict[str, Any],
    status: int = 200,
    errors: dict[str, str] | None = None,
    **extra: Any,
) -> Response:
    from passionpath.profile import EDUCATION_CHOICES

    blank = {section: dict.fromkeys(fields, "") for section, fields in SECTIONS.items()}
    shown = {
        section: (entries + [dict(blank[section]) for _ in range(SPARE_ROWS)])[:MAX_ROWS]
        for section, entries in rows.items()
    }
    return render_step(
        request,
        "background.html",
        "background",
        status,
        rows=shown,
        values=values,
        errors=errors or {},
        choices=EDUCATION_CHOICES,
        limits={"text": MAX_TEXT_CHARS, "label": MAX_LABEL_CHARS},
        **extra,
    )


@router.get("/background", response_class=HTMLResponse)
def background_page(request: Request) -> Response:
    _, document = me(request)
    values = {"summary": (document.basics.summary if document.basics else None) or ""}
    return _page(request, _rows_from_document(document), values)


def _checked(rows: dict[str, list[dict[str, str]]]) -> tuple[dict[str, Any], dict[str, str]]:
    """The rows as JSON Resume sections, and an error per form field that is wrong."""
    from passionpath.profile import year_month

    errors: dict[str, str] = {}

    def date(section: str, i: int, field: str, label: str) -> str | None:
        key = f"{section}-{i}-{field}"
        try:
            return year_month(rows[section][i][field], label)
        except PassionpathError as exc:
            errors[key] = str(exc)
            return None

    def text(section: str, i: int, field: str, label: str, limit: int) -> str | None:
        value = rows[section][i][field]
        if len(value) > limit:
            errors[f"{section}-{i}-{field}"] = f"{label}: at most {limit} characters."
        return value or None

    education, work, certificates = [], [], []
    for i, row in enumerate(rows["edu"]):
        if not any(row.values()):
            continue
        education.append(
            {
                "studyType": text("edu", i, "level", f"Education {i + 1}, level", MAX_LABEL_CHARS),
                "area": text("edu", i, "area", f"Education {i + 1}, field", MAX_LABEL_CHARS),
                "institution": text(
                    "edu", i, "institution", f"Education {i + 1}, school", MAX_LABEL_CHARS
                ),
                "endDate": date("edu", i, "end", f"Education {i + 1}, finished"),
            }
        )
    for i, row in enumerate(rows["job"]):
        if not any(row.values()):
            continue
        if not row["position"]:
            errors[f"job-{i}-position"] = f"Job {i + 1}: give the job title."
        work.append(
            {
                "position": text("job", i, "position", f"Job {i + 1}, title", MAX_LABEL_CHARS),
                "name": text("job", i, "employer", f"Job {i + 1}, employer", MAX_LABEL_CHARS),
                "startDate": date("job", i, "start", f"Job {i + 1}, from"),
                "endDate": date("job", i, "end", f"Job {i + 1}, until"),
                "summary": text("job", i, "summary", f"Job {i + 1}, what you did", MAX_TEXT_CHARS),
            }
        )
    for i, row in enumerate(rows["cert"]):
        if not any(row.values()):
            continue
        if not row["name"]:
            errors[f"cert-{i}-name"] = f"Certificate {i + 1}: give its name."
        certificates.append(
            {
                "name": text("cert", i, "name", f"Certificate {i + 1}, name", MAX_LABEL_CHARS),
                "issuer": text(
                    "cert", i, "issuer", f"Certificate {i + 1}, issuer", MAX_LABEL_CHARS
                ),
                "date": date("cert", i, "date", f"Certificate {i + 1}, date"),
            }
        )
    sections = {"education": education, "work": work, "certificates": certificates}
    return {
        k: [{f: v for f, v in e.items() if v} for e in rows_] for k, rows_ in sections.items()
    }, errors


@router.post("/background")
async def background(request: Request) -> Response:
    from passionpath.profile import parse_document

    form, expired = await submitted(request)
    user, document = me(request)
    rows = _rows_from_form(form)
    summary = str(form.get("summary", "")).strip()
    values = {"summary": summary}
    if expired:
        return _page(request, rows, values, 400, error=expired)
    sections, errors = _checked(rows)
    if len(summary) > MAX_TEXT_CHARS:
        errors["summary"] = f"Your summary: at most {MAX_TEXT_CHARS} characters."
    if errors:
        return _page(
            request, rows, values, 400, errors, error="Please correct the fields marked below."
        )
    data = document.to_json_dict()
    data.update(sections)
    basics = data.setdefault("basics", {})
    basics["summary"] = summary or None
    data["basics"] = {k: v for k, v in basics.items() if v is not None}
    try:
        updated = parse_document(data, "background")
    except PassionpathError as exc:
        return _page(request, rows, values, 400, error=str(exc))
    save_me(request, user, updated, "education, work and certificates")
    return RedirectResponse("/skills", status_code=303)


@router.post("/background/import")
async def import_background(request: Request) -> Response:
    """A JSON Resume file or a LinkedIn data export zip, read into the profile; the passion
    answers and the inventory stay."""
    from passionpath.profile import read_profile_file, with_background

    form, expired = await submitted(request)
    user, document = me(request)
    upload = form.get("file")
    current = _rows_from_document(document)
    values = {"summary": (document.basics.summary if document.basics else None) or ""}
    if expired:
        return _page(request, current, values, 400, error=expired)
    if not isinstance(upload, UploadFile) or not upload.filename:
        return _page(request, current, values, 400, {"file": "Choose a file first."})
    content = await upload.read(MAX_LINKEDIN_ZIP_BYTES + 1)
    if len(content) > MAX_LINKEDIN_ZIP_BYTES:
        limit = MAX_LINKEDIN_ZIP_BYTES // 1_000_000
        return _page(request, current, values, 400, {"file": f"The file is over {limit} MB."})
    suffix = Path(upload.filename).suffix.lower()
    if suffix not in {".json", ".zip"}:
        message = "Choose a JSON Resume file (.json) or a LinkedIn data export (.zip)."
        return _page(request, current, values, 400, {"file": message})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / Path(upload.filename).name
        path.write_bytes(content)
        try:
            imported = read_profile_file(path)
        except PassionpathError as exc:
            # Name the file as the person knows it, never the temporary copy.
            message = str(exc).replace(str(path), Path(upload.filename).name)
            if not message.startswith(Path(upload.filename).name):
                message = f"{Path(upload.filename).name}: {message}"
            return _page(request, current, values, 400, {"file": message})
    updated = with_background(document, imported)
    save_me(request, user, updated, f"imported {Path(upload.filename).name}")
    return RedirectResponse("/background?imported=1", status_code=303)
