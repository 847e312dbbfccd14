"""LinkedIn's files: ``Connections.csv`` on its own, or the whole data export zip (its
connections, and its ``messages.csv`` as interactions).

``Connections.csv`` comes in two layouts. The current one starts with a byte-order mark and a
"Notes:" paragraph of a few lines before its header ``First Name,Last Name,URL,Email
Address,Company,Position,Connected On`` and writes dates as ``04 Dec 2026``; the older one has
no notes, no ``URL`` column, and dates like ``12/4/26`` (month first). Either is found by its
header line, wherever it is. Rows without a name are members who hide theirs from exports:
they are skipped and counted.

``messages.csv`` has one row per message (``CONVERSATION ID``, ``FROM``, ``SENDER PROFILE URL``,
``TO``, ``RECIPIENT PROFILE URLS``, ``DATE`` like ``2026-05-12 14:03:22 UTC``, ``SUBJECT``,
``CONTENT``). Each conversation's messages of one day become one interaction with the people
in it who are contacts (by profile link, or by name in exports without links); the export
holder's own link matches nobody, so it needs no finding.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections import defaultdict
from datetime import date, datetime
from pathlib import PurePosixPath

from passionpath.limits import (
    MAX_IMPORT_CARDS,
    MAX_LINKEDIN_UNPACKED_BYTES,
    MAX_LINKEDIN_ZIP_BYTES,
)
from passionpath.network._contacts import ContactFields, Email
from passionpath.network._files import ImportFileError, check_binary, read_text
from passionpath.network._incoming import Incoming, IncomingMessage, checked
from passionpath.network._merge import linkedin_key, plain

#: Columns both layouts of Connections.csv have (and a Google or Outlook CSV has not all of).
REQUIRED = ("First Name", "Last Name", "Connected On")
#: How far down the "Notes:" preamble may push the header line.
_PREAMBLE_LINES = 30
#: How much of a message an interaction's note keeps.
_NOTE_CHARS = 300
_SLASH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def read_date(value: str) -> date | None:
    """``04 Dec 2026``, ``12/4/26`` (month first, as LinkedIn writes it), ``2026-12-04``."""
    value = value.strip()
    try:
        match = _ISO_DATE.match(value)
        if match:
            return date(*(int(g) for g in match.groups()))
        match = _SLASH_DATE.match(value)
        if match:
            month, day, year = (int(g) for g in match.groups())
            return date(year + 2000 if year < 100 else year, month, day)
        for pattern in ("%d %b %Y", "%d %B %Y", "%b %d, %Y"):
            try:
                return datetime.strptime(value, pattern).date()
            except ValueError:
                continue
    except ValueError:
        return None
    return None


def _header_index(lines: list[str]) -> int | None:
    for index, line in enumerate(lines[:_PREAMBLE_LINES]):
        cells = [c.strip() for c in next(csv.reader([line]), [])]
        if all(column in cells for column in REQUIRED):
            return index
    return None


def looks_like_connections(lines: list[str]) -> bool:
    return _header_index(lines) is not None


def _rows(
    filename: str, lines: list[str], required: tuple[str, ...]
) -> list[tuple[int, dict[str, str]]]:
    """(line number, row) for each data row under the header line, however far down."""
    start = _header_index(lines) if required == REQUIRED else 0
    if start is None:
        raise ImportFileError(
            filename,
            f"has no header line with the columns {', '.join(required)}.",
            hint="Give the Connections.csv of a LinkedIn data export.",
        )
    reader = csv.reader(io.StringIO("\n".join(lines[start:])))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        return []
    missing = [c for c in required if c not in header]
    if missing:
        raise ImportFileError(
            filename, f"has no column {missing[0]!r} in its header.", line=start + 1
        )
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for cells in reader:
            number = start + reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                raise ImportFileError(
                    filename,
                    f"has {len(cells)} columns where the header has {len(header)}.",
                    line=number,
                )
            if len(rows) >= MAX_IMPORT_CARDS:
                raise ImportFileError(
                    filename, f"holds more than {MAX_IMPORT_CARDS:,} rows.", line=number
                )
            rows.append((number, {h: c.strip() for h, c in zip(header, cells, strict=False)}))
    except csv.Error as exc:
        raise ImportFileError(
            filename, f"is not valid CSV ({exc}).", line=start + reader.line_num
        ) from exc
    return rows


def read_connections(
    filename: str, lines: list[str], region: str | None
) -> tuple[list[Incoming], list[str]]:
    """The connections as contacts, and the rows skipped (members without a name)."""
    contacts: list[Incoming] = []
    skipped: list[str] = []
    for number, row in _rows(filename, lines, REQUIRED):
        given, family = row.get("First Name", ""), row.get("Last Name", "")
        email = row.get("Email Address", "")
        if not (given or family):
            skipped.append(
                f"line {number} has no name (LinkedIn leaves out members who hide it); skipped."
            )
            continue
        warnings = []
        emails: tuple[Email, ...] = ()
        if email and "@" in email.strip("@"):
            emails = (Email(email),)
        elif email:
            warnings.append(
                f"line {number}: {email[:60]!r} is not an email address; it was left out."
            )
        connected = row.get("Connected On", "")
        on = read_date(connected) if connected else None
        if connected and on is None:
            warnings.append(f"line {number}: {connected[:30]!r} is not a date; it was left out.")
        url = row.get("URL", "")
        data = ContactFields(
            given_name=given or None,
            family_name=family or None,
            emails=emails,
            urls=(url,) if url else (),
            organisation=row.get("Company") or None,
            job_title=row.get("Position") or None,
            how_met=f"Connected on LinkedIn on {on.isoformat()}" if on else None,
        )
        data = checked(filename, data, region=region, line=number)
        contacts.append(Incoming(f"line {number}", data, tuple(warnings)))
    return contacts, skipped


def _note(row: dict[str, str]) -> str:
    text = " ".join((row.get("CONTENT") or row.get("SUBJECT") or "").split())
    if len(text) > _NOTE_CHARS:
        text = text[: _NOTE_CHARS - 1].rstrip() + "…"
    return f"LinkedIn message: {text}" if text else "LinkedIn message"


def read_messages(member: str, lines: list[str]) -> tuple[list[IncomingMessage], list[str]]:
    """One interaction per conversation and day; rows without a readable date are counted."""
    days: dict[tuple[str, date], list[tuple[str, dict[str, str]]]] = defaultdict(list)
    unreadable = 0
    for _, row in _rows(member, lines, ("DATE",)):
        if (row.get("IS MESSAGE DRAFT") or "").lower() in ("yes", "true"):
            continue
        on = read_date(row.get("DATE", ""))
        if on is None:
            unreadable += 1
            continue
        conversation = row.get("CONVERSATION ID") or f"{row.get('FROM')}|{row.get('TO')}"
        days[(conversation, on)].append((row.get("DATE", ""), row))
    messages = []
    for (_, on), rows in days.items():
        rows.sort(key=lambda item: item[0])
        urls: set[str] = set()
        names: set[str] = set()
        for _, row in rows:
            recipients = re.split(r"[,\s]+", row.get("RECIPIENT PROFILE URLS", ""))
            links = [row.get("SENDER PROFILE URL", ""), *recipients]
            urls.update(k for k in (linkedin_key(u) for u in links if u) if k)
            names.update(
                plain(n) for n in (row.get("FROM"), *(row.get("TO") or "").split(",")) if n
            )
        messages.append(
            IncomingMessage(on, _note(rows[-1][1]), tuple(sorted(urls)), tuple(sorted(names)))
        )
    warnings = (
        [f"{member}: {unreadable} messages without a readable date were left out."]
        if unreadable
        else []
    )
    return sorted(messages, key=lambda m: m.on), warnings


def _member_text(filename: str, archive: zipfile.ZipFile, member: str) -> list[str]:
    where = f"{filename} ({member})"
    try:
        data = archive.read(member)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError,
            RuntimeError) as exc:  # fmt: skip
        # A damaged or encrypted member: zipfile says so in many ways.
        raise ImportFileError(where, f"cannot be read from the archive ({exc}).") from exc
    text = read_text(where, data)
    check_binary(where, text)
    return text.lines


def read_linkedin_zip(
    filename: str, data: bytes, region: str | None
) -> tuple[list[Incoming], list[IncomingMessage], list[str], list[str]]:
    """Connections, message days, skipped rows and warnings of a LinkedIn data export."""
    if len(data) > MAX_LINKEDIN_ZIP_BYTES:
        raise ImportFileError(
            filename,
            f"is {len(data) / 1_000_000:.1f} MB; the limit for a LinkedIn export is "
            f"{MAX_LINKEDIN_ZIP_BYTES / 1_000_000:g} MB.",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, NotImplementedError) as exc:
        raise ImportFileError(filename, f"is not a readable zip archive ({exc}).") from exc
    with archive:
        # The directory says what unpacking would produce: a zip bomb is refused unread.
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_LINKEDIN_UNPACKED_BYTES:
            raise ImportFileError(
                filename,
                f"unpacks to {unpacked / 1_000_000:.1f} MB; the limit is "
                f"{MAX_LINKEDIN_UNPACKED_BYTES / 1_000_000:g} MB.",
            )
        members = {PurePosixPath(n).name.casefold(): n for n in archive.namelist()}
        if "connections.csv" not in members:
            raise ImportFileError(
                filename,
                "holds no Connections.csv, so it is no LinkedIn export of your connections.",
                hint="Ask LinkedIn for a data export that includes Connections.",
            )
        connections = members["connections.csv"]
        contacts, skipped = read_connections(
            f"{filename} ({connections})", _member_text(filename, archive, connections), region
        )
        messages: list[IncomingMessage] = []
        warnings: list[str] = []
        if "messages.csv" in members:
            member = members["messages.csv"]
            messages, warnings = read_messages(
                f"{filename} ({member})", _member_text(filename, archive, member)
            )
    return contacts, messages, skipped, warnings
