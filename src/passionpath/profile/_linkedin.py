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


def read_linkedin_export(path: str | Path) -> ProfileDocument:
    path = Path(path)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise LinkedInImportError(f"{path}: not a readable zip archive ({exc}).") from exc
    with archive:
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
        work = []
        for n, r in enumerate(rows("Positions.csv", "Company Name", "Title"), start=2):
            where = f"Positions.csv, line {n}"
            work.append(
                _clean(
                    {
                        "name": r.get("Company Name"),
                        "position": r.get("Title"),
                        "summary": r.get("Description"),
                        "location": r.get("Location"),
                        "startDate": _date(r.get("Started On", ""), where),
                        "endDate": _date(r.get("Finished On", ""), where),
                    }
                )
            )
        education = []
        for n, r in enumerate(rows("Education.csv", "School Name"), start=2):
            where = f"Education.csv, line {n}"
            education.append(
                _clean(
                    {
                        "institution": r.get("School Name"),
                        "studyType": r.get("Degree Name"),
                        "area": r.get("Notes"),
                        "startDate": _date(r.get("Start Date", ""), where),
                        "endDate": _date(r.get("End Date", ""), where),
                    }
                )
            )
        skills = [{"name": r["Name"]} for r in rows("Skills.csv", "Name") if r.get("Name")]
        certificates = []
        for n, r in enumerate(rows("Certifications.csv", "Name"), start=2):
            where = f"Certifications.csv, line {n}"
            certificates.append(
                _clean(
                    {
                        "name": r.get("Name"),
                        "issuer": r.get("Authority"),
                        "url": r.get("Url"),
                        "date": _date(r.get("Started On", ""), where),
                    }
                )
            )
        projects = []
        for n, r in enumerate(rows("Projects.csv", "Title"), start=2):
            where = f"Projects.csv, line {n}"
            projects.append(
                _clean(
                    {
                        "name": r.get("Title"),
                        "description": r.get("Description"),
                        "url": r.get("Url"),
                        "startDate": _date(r.get("Started On", ""), where),
                        "endDate": _date(r.get("Finished On", ""), where),
                    }
                )
            )
        languages = [
            _clean({"language": r.get("Name"), "fluency": r.get("Proficiency")})
            for r in rows("Languages.csv", "Name")
        ]
    for key, value in (
        ("work", work),
        ("education", education),
        ("skills", skills),
        ("certificates", certificates),
        ("projects", projects),
        ("languages", languages),
    ):
        if value:
            document[key] = value
    return parse_document(document, str(path))
