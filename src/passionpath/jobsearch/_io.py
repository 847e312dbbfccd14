"""Applications in and out: a CSV import with column mapping (the shapes Huntr, Teal and
spreadsheets export) and a JSON export of everything.

The import reads the whole file before it stores anything, and stores every row in one
transaction: a bad row (a status we cannot place, a date we cannot read, a missing company)
is an error naming its line and column, and nothing is imported. Columns are matched by
their header, case and spacing aside (``Company Name``, ``company`` and ``Employer`` are all
the company); ``mapping`` names a column for a field where the header is something else.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, insert

from passionpath.files import decode_user_text
from passionpath.jobsearch._fields import (
    ApplicationError,
    ApplicationFields,
    check_event,
    check_fields,
)
from passionpath.jobsearch._stages import StageEvent
from passionpath.jobsearch._store import (
    _event_row,
    _stage_before_rejection,
    insert_application,
    list_applications,
)
from passionpath.limits import MAX_APPLICATIONS_FILE_BYTES, MAX_IMPORT_APPLICATIONS
from passionpath.store import models as m

if TYPE_CHECKING:
    from passionpath.context import Context

__all__ = [
    "COLUMN_NAMES",
    "IMPORT_FIELDS",
    "PREVIEW_ROWS",
    "REQUIRED_IMPORT_FIELDS",
    "STATUS_WORDS",
    "ApplicationsImport",
    "CsvPreview",
    "ImportRowError",
    "export_applications_json",
    "import_applications_csv",
    "mapping_from_columns",
    "preview_applications_csv",
]

#: The fields every imported row needs a column for.
REQUIRED_IMPORT_FIELDS = ("company", "role_title")
#: How many of the file's rows a preview shows.
PREVIEW_ROWS = 5

#: What each field's column may be called (compared as lower-case letters and digits only).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "company": ("company", "companyname", "employer", "organization", "organisation"),
    "role_title": ("jobtitle", "title", "position", "role", "job", "jobposition"),
    "posting_url": ("url", "joburl", "link", "joblink", "postingurl", "jobpostingurl"),
    "posting_text": ("description", "jobdescription", "posting", "postingtext"),
    "source": ("source", "jobboard", "board", "via", "channel"),
    "location": ("location", "city", "joblocation"),
    "pay": ("salary", "pay", "compensation", "salaryrange", "payrange"),
    "notes": ("notes", "note", "comments", "comment"),
    "status": ("status", "stage", "list", "jobstatus", "applicationstatus"),
    "saved_on": (
        "datesaved",
        "saved",
        "dateadded",
        "created",
        "createdat",
        "datecreated",
        "bookmarked",
        "datebookmarked",
    ),
    "applied_on": ("dateapplied", "applied", "appliedon", "applieddate", "applicationdate", "date"),
    "interview_on": ("interviewdate", "dateinterview", "firstinterview", "interview"),
    "offer_on": ("offerdate", "dateoffered", "offer"),
    "closed_on": ("rejecteddate", "daterejected", "dateclosed", "closed", "enddate", "rejected"),
    "occupation_code": ("occupationcode", "onetsoccode", "soccode", "onetcode"),
}
#: The fields ``mapping`` can name a column for.
IMPORT_FIELDS = tuple(COLUMN_NAMES)
#: Status words of the common trackers (lower-case letters only) -> our stage.
STATUS_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("wishlist", "bookmarked", "saved", "interested", "applying", "todo", "tosubmit", "draft"),
        "saved",
    ),
    **dict.fromkeys(("applied", "submitted", "sent", "inprogress"), "applied"),
    **dict.fromkeys(("screen", "phonescreen", "screening", "recruitercall"), "screen"),
    **dict.fromkeys(("assessment", "test", "takehome", "challenge"), "assessment"),
    **dict.fromkeys(("interview", "interviewing", "interviews", "onsite"), "interview"),
    **dict.fromkeys(("offer", "offered", "negotiating", "negotiation"), "offer"),
    **dict.fromkeys(("accepted", "hired", "signed"), "accepted"),
    **dict.fromkeys(("declined", "ideclined", "turneddown", "declinedoffer"), "declined"),
    **dict.fromkeys(("withdrawn", "withdrew", "iwithdrew", "archived"), "withdrawn"),
    **dict.fromkeys(("rejected", "notselected", "rejection", "unsuccessful", "closed"), "rejected"),
    **dict.fromkeys(("ghosted", "noresponse", "noanswer"), "ghosted"),
}
_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%m/%d/%Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%d.%m.%Y",
)


@dataclass
class ApplicationsImport:
    """What an import read (and, unless a dry run, stored)."""

    rows: int
    added: list[int] = field(default_factory=list)
    #: Our field -> the column it was read from.
    columns: dict[str, str] = field(default_factory=dict)
    #: Columns left unread.
    ignored: list[str] = field(default_factory=list)
    by_stage: dict[str, int] = field(default_factory=dict)
    dry_run: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CsvPreview:
    """A CSV's columns before it is imported: the header, the first rows, and the field each
    column would be read as (``None``: left out)."""

    header: list[str]
    rows: list[list[str]]
    total: int
    fields: list[str | None]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


class ImportRowError(ApplicationError):
    """A row (by its line in the file, the header being line 1) and column that cannot be
    imported; ``detail`` says why without the place, for faces that name it their way."""

    def __init__(self, line: int, column: str | None, detail: str) -> None:
        where = f"line {line}" + (f", column {column!r}" if column else "")
        super().__init__(f"{where}: {detail}", field="file")
        self.line = line
        self.column = column
        self.detail = detail


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _error(line: int, column: str | None, message: str) -> ApplicationError:
    return ImportRowError(line, column, message)


def _columns(header: list[str], mapping: Mapping[str, str], detect: bool = True) -> dict[str, int]:
    keys = [_key(h) for h in header]
    out: dict[str, int] = {}
    for name, column in mapping.items():
        if name not in COLUMN_NAMES:
            raise ApplicationError(
                f"{name!r} is not a field to map; use one of {', '.join(IMPORT_FIELDS)}.",
                field="mapping",
            )
        if _key(column) not in keys:
            raise ApplicationError(
                f"{name}={column!r}: the file has no such column (it has "
                f"{', '.join(repr(h) for h in header)}).",
                field="mapping",
            )
        out[name] = keys.index(_key(column))
    for name, names in COLUMN_NAMES.items():
        if name in out or not detect:
            continue
        for alias in names:
            if alias in keys and keys.index(alias) not in out.values():
                out[name] = keys.index(alias)
                break
    return out


def _day(text: str, line: int, column: str) -> date | None:
    value = text.strip()
    if not value:
        return None
    head = value[:10] if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", value) else value
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date()
        except ValueError:
            continue
    raise _error(line, column, f"{value!r} is not a date we can read (use 2026-03-14).")


def _events(values: dict[str, str], line: int, names: dict[str, str]) -> list[StageEvent]:
    def day(name: str) -> date | None:
        return _day(values.get(name, ""), line, names.get(name, name))

    status_text = values.get("status", "").strip()
    stage = "applied"
    if status_text:
        stage = STATUS_WORDS.get(re.sub(r"[^a-z]", "", status_text.lower()), "")
        if not stage:
            raise _error(
                line,
                names.get("status"),
                f"{status_text!r} is not a status we can place; map it to one of saved, "
                "applied, screen, assessment, interview, offer, accepted, declined, "
                "withdrawn, rejected, ghosted.",
            )
    saved, applied = day("saved_on"), day("applied_on")
    interview, offer, closed = day("interview_on"), day("offer_on"), day("closed_on")
    first = applied or saved or date.today()
    events = [StageEvent(0, "saved", saved)] if saved and (not applied or saved < applied) else []
    if stage != "saved":
        events.append(StageEvent(0, "applied", applied or first))
    if interview and stage not in ("saved", "applied", "screen", "assessment"):
        events.append(StageEvent(0, "interview", interview))
    if offer and stage in ("offer", "accepted", "declined"):
        events.append(StageEvent(0, "offer", offer))
    last = max((e.on for e in events), default=first)
    if stage == "saved" and not events:
        events.append(StageEvent(0, "saved", first))
    elif stage == "rejected":
        at = _stage_before_rejection(events)
        events.append(StageEvent(0, stage, max(closed or last, last), at_stage=at, ended_by="they"))
    elif stage not in ("saved", "applied") and stage not in {e.stage for e in events}:
        events.append(StageEvent(0, stage, max(closed or last, last)))
    return [check_event(e) for e in events]


def _read_rows(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the non-empty rows with their line numbers; the size limits checked."""
    if len(data) > MAX_APPLICATIONS_FILE_BYTES:
        raise ApplicationError(
            f"the file is {len(data):,} bytes; the limit is {MAX_APPLICATIONS_FILE_BYTES:,}.",
            field="file",
        )
    text = decode_user_text(data, filename)
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _error(start, None, f"not CSV we can read ({exc}).") from None
    if not rows:
        raise ApplicationError("the file is empty; there is nothing to import.", field="file")
    header, body = rows[0][1], rows[1:]
    if len(body) > MAX_IMPORT_APPLICATIONS:
        raise ApplicationError(
            f"the file has {len(body):,} rows; the limit is {MAX_IMPORT_APPLICATIONS:,}.",
            field="file",
        )
    return header, body


def preview_applications_csv(data: bytes, *, filename: str = "applications.csv") -> CsvPreview:
    """The file's columns, its first rows and the field each column would be read as (by its
    header, as the import reads it), for a person to check and change before importing."""
    header, body = _read_rows(data, filename)
    columns = _columns(header, {})
    by_index = {i: name for name, i in columns.items()}
    return CsvPreview(
        header=header,
        rows=[row for _, row in body[:PREVIEW_ROWS]],
        total=len(body),
        fields=[by_index.get(i) for i in range(len(header))],
    )


def mapping_from_columns(header: list[str], fields: list[str | None]) -> dict[str, str]:
    """The import's ``mapping`` (field -> column) from the field chosen for each column
    (None or "" to leave a column out); a field chosen for two columns is an error naming
    both (as ``field="mapping"``)."""
    mapping: dict[str, str] = {}
    for column, name in zip(header, fields, strict=False):
        if not name:
            continue
        if name not in COLUMN_NAMES:
            raise ApplicationError(f"{name!r} is not a field to map.", field="mapping")
        if name in mapping:
            raise ApplicationError(
                f"{name.replace('_', ' ')} is chosen for two columns, {mapping[name]!r} and "
                f"{column!r}; choose it for one.",
                field="mapping",
            )
        mapping[name] = column
    return mapping


def import_applications_csv(
    data: bytes,
    engine: Engine,
    *,
    filename: str = "applications.csv",
    owner: int | None = None,
    mapping: Mapping[str, str] | None = None,
    dry_run: bool = False,
    detect: bool = True,
    ctx: Context | None = None,
) -> ApplicationsImport:
    """Read an applications CSV and store every row, all or nothing (see the module note).
    With ``detect`` false, only the columns ``mapping`` names are read."""
    header, body = _read_rows(data, filename)
    columns = _columns(header, mapping or {}, detect)
    names = {name: header[i] for name, i in columns.items()}
    for needed in REQUIRED_IMPORT_FIELDS:
        if needed not in columns:
            raise ApplicationError(
                f"no column for {needed.replace('_', ' ')} (the file has "
                f"{', '.join(repr(h) for h in header)}); name one with a mapping such as "
                f'{needed}="Your column".',
                field="mapping",
            )
    parsed: list[tuple[ApplicationFields, list[StageEvent]]] = []
    for number, row in body:
        values = {name: row[i] if i < len(row) else "" for name, i in columns.items()}
        try:
            fields = check_fields(
                ApplicationFields(
                    company=values.get("company"),
                    role_title=values.get("role_title"),
                    occupation_code=values.get("occupation_code") or None,
                    posting_url=values.get("posting_url") or None,
                    posting_text=values.get("posting_text") or None,
                    source=values.get("source") or None,
                    location=values.get("location") or None,
                    pay=values.get("pay") or None,
                    notes=values.get("notes") or None,
                )
            )
        except ApplicationError as exc:
            raise _error(number, names.get(exc.field or "", exc.field), exc.message) from None
        parsed.append((fields, _events(values, number, names)))
    report = ApplicationsImport(
        rows=len(parsed),
        columns=names,
        ignored=[h for i, h in enumerate(header) if i not in columns.values()],
        dry_run=dry_run,
    )
    for _, events in parsed:
        final = events[-1].stage
        report.by_stage[final] = report.by_stage.get(final, 0) + 1
    if dry_run:
        return report
    with engine.begin() as conn:
        logs: list[dict[str, Any]] = []
        for fields, events in parsed:
            new = insert_application(conn, fields, [], owner=owner, ctx=ctx)
            report.added.append(new)
            logs += [_event_row(new, e) for e in events]
        # One batch for every row's log: the import is one transaction either way.
        if logs:
            conn.execute(insert(m.ApplicationEvent), logs)
    return report


def export_applications_json(engine: Engine, *, owner: int | None = None) -> dict[str, Any]:
    """Every application with its whole log, as JSON-ready data."""
    return {
        "format": "passionpath-applications",
        "version": 1,
        "applications": [a.as_dict() for a in list_applications(engine, owner=owner)],
    }
