"""LinkedIn data export (the zip of CSV files) -> a JSON Resume profile document."""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import Any

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_LINKEDIN_UNPACKED_BYTES, MAX_LINKEDIN_ZIP_BYTES
from passionpath.profile._document import ProfileDocument, parse_document

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


class LinkedInImportError(PassionpathError):
    pass


def _date(value: str, where: str) -> str | None:
    """LinkedIn writes 'Jan 2020', '2020' or '2020-01-15'; JSON Resume wants ISO 8601."""
    value = value.strip()
    if not value:
        return None
    if re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return value
    match = re.fullmatch(r"([A-Za-z]{3})[a-z]*\.? (\d{4})", value)
    if match and match.group(1).lower() in _MONTHS:
        return f"{match.group(2)}-{_MONTHS[match.group(1).lower()]:02d}"
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2,4})", value)
    if match:
        month, day, year = match.groups()
        year = year if len(year) == 4 else f"20{year}"
        return f"{year}-{int(month):02d}-{int(day):02d}"
    raise LinkedInImportError(f"{where}: {value!r} is not a date LinkedIn writes (e.g. Jan 2020).")


def _rows(archive: zipfile.ZipFile, member: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of one CSV, skipping any 'Notes:' preamble before the header line."""
    try:
        text = archive.read(member).decode("utf-8-sig")
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise LinkedInImportError(f"{member}: cannot be read from the archive ({exc}).") from exc
    except UnicodeDecodeError as exc:
        raise LinkedInImportError(f"{member}: not UTF-8 text.") from exc
    lines = text.splitlines()
    for start, line in enumerate(lines):  # noqa: B007 (start is used after the loop)
        if all(column in line for column in required):
            break
    else:
        raise LinkedInImportError(f"{member}, line 1: expected the columns {', '.join(required)}.")
    reader = csv.DictReader(io.StringIO("\n".join(lines[start:])))
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def _clean(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v not in (None, "", [])}


#: JSON Resume section -> (CSV file, columns it must have, {field: column}, {date field: column})
_SECTIONS: dict[str, tuple[str, tuple[str, ...], dict[str, str], dict[str, str]]] = {
    "work": (
        "Positions.csv",
        ("Company Name", "Title"),
        {
            "name": "Company Name",
            "position": "Title",
            "summary": "Description",
            "location": "Location",
        },
        {"startDate": "Started On", "endDate": "Finished On"},
    ),
    "education": (
        "Education.csv",
        ("School Name",),
        {"institution": "School Name", "studyType": "Degree Name", "area": "Notes"},
        {"startDate": "Start Date", "endDate": "End Date"},
    ),
    "skills": ("Skills.csv", ("Name",), {"name": "Name"}, {}),
    "certificates": (
        "Certifications.csv",
        ("Name",),
        {"name": "Name", "issuer": "Authority", "url": "Url"},
        {"date": "Started On"},
    ),
    "projects": (
        "Projects.csv",
        ("Title",),
        {"name": "Title", "description": "Description", "url": "Url"},
        {"startDate": "Started On", "endDate": "Finished On"},
    ),
    "languages": ("Languages.csv", ("Name",), {"language": "Name", "fluency": "Proficiency"}, {}),
}


def read_linkedin_export(path: str | Path) -> ProfileDocument:
    path = Path(path)
    try:
        size = path.stat().st_size
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise LinkedInImportError(f"{path}: not a readable zip archive ({exc}).") from exc
    with archive:
        if size > MAX_LINKEDIN_ZIP_BYTES:
            raise LinkedInImportError(
                f"{path}: the archive is {size / 1_000_000:.1f} MB; the limit for a LinkedIn "
                f"export is {MAX_LINKEDIN_ZIP_BYTES / 1_000_000:g} MB."
            )
        # The sizes in the directory are what unpacking would produce: refuse archives
        # that would unpack to far more than a data export holds before reading any.
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_LINKEDIN_UNPACKED_BYTES:
            raise LinkedInImportError(
                f"{path}: the archive unpacks to {unpacked / 1_000_000:.1f} MB; the limit is "
                f"{MAX_LINKEDIN_UNPACKED_BYTES / 1_000_000:g} MB."
            )
        members = {PurePosixPath(n).name: n for n in archive.namelist()}
        if "Profile.csv" not in members:
            raise LinkedInImportError(
                f"{path}: Profile.csv is missing, so this is not a LinkedIn data export."
            )

        def rows(name: str, *required: str) -> list[dict[str, str]]:
            return _rows(archive, members[name], required) if name in members else []

        profile_rows = rows("Profile.csv", "First Name", "Last Name")
        if not profile_rows:
            raise LinkedInImportError(f"{path}: Profile.csv has no data row.")
        p = profile_rows[0]
        document: dict[str, Any] = {
            "basics": _clean(
                {
                    "name": f"{p.get('First Name', '')} {p.get('Last Name', '')}".strip(),
                    "label": p.get("Headline"),
                    "summary": p.get("Summary"),
                    "location": _clean(
                        {
                            "address": p.get("Geo Location") or None,
                            "postalCode": p.get("Zip Code") or None,
                        }
                    )
                    or None,
                }
            )
        }
        emails = rows("Email Addresses.csv", "Email Address")
        if emails:
            primary = [e for e in emails if e.get("Primary", "").lower() == "yes"] or emails
            document["basics"]["email"] = primary[0]["Email Address"]
        for section, (file, required, fields, dates) in _SECTIONS.items():
            entries = []
            for line, row in enumerate(rows(file, *required), start=2):
                entry: dict[str, Any] = {key: row.get(column) for key, column in fields.items()}
                for key, column in dates.items():
                    entry[key] = _date(row.get(column, ""), f"{file}, line {line}")
                if _clean(entry):
                    entries.append(_clean(entry))
            if entries:
                document[section] = entries
    return parse_document(document, str(path))
