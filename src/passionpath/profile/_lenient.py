"""Reading a JSON Resume the way real people write them, without losing a byte.

A résumé found in the wild has dates like "07/2025" or "Present", empty strings, pre-1.0 key
names (``company``, ``website``), a string where the schema has an object, sections of its
own. None of that is a reason to refuse it. Two things are kept apart:

- the person's document, verbatim (:func:`merge_back` writes it back out unchanged, with only
  the edits made here applied on top);
- the engine's reading of it (:func:`reading`): a copy where what can be understood is put in
  the v1.0.0 shape ("07/2025" read as 2025-07, ``company`` as ``name``) and what cannot is
  left out, each with a warning that names its JSON path.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

#: Sections the engine reads that are lists of entries.
LIST_SECTIONS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)
_DATE_FIELDS = ("startDate", "endDate", "date", "releaseDate")
_TEXT_LISTS = ("highlights", "keywords", "courses", "roles")
#: Keys of JSON Resume before 1.0 (and of popular exporters), read as their 1.0 names when
#: the 1.0 name is absent. The old key stays in the person's document.
_OLD_NAMES: dict[str, dict[str, str]] = {
    "basics": {"website": "url", "picture": "image"},
    "work": {"company": "name", "website": "url"},
    "volunteer": {"website": "url"},
    "education": {"gpa": "score"},
    "publications": {"website": "url"},
    "projects": {"website": "url"},
    "awards": {"awardedBy": "awarder"},
    "languages": {"name": "language", "level": "fluency"},
}
_ONGOING = {
    "present",
    "current",
    "currently",
    "now",
    "today",
    "ongoing",
    "heute",
    "actuel",
    "actualidad",
    "presente",
    "aujourd'hui",
}
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            ("jan", "january", "januar", "janvier", "enero"),
            ("feb", "february", "februar", "fevrier", "février", "febrero"),
            ("mar", "march", "märz", "maerz", "mars", "marzo"),
            ("apr", "april", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juni", "juin", "junio"),
            ("jul", "july", "juli", "juillet", "julio"),
            ("aug", "august", "août", "aout", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "oktober", "octobre", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "dezember", "décembre", "decembre", "diciembre"),
        )
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ISO_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[/.]\s*(\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})$")
_NAMED_MONTH = re.compile(r"^([^\W\d_]+)\.?,?\s+(\d{4})$")

Warnings = list[tuple[str, str]]


def json_copy(value: Any) -> Any:
    """A deep copy of decoded JSON (several times faster than copy.deepcopy for it)."""
    try:
        return json.loads(json.dumps(value))
    except (TypeError, ValueError):
        return copy.deepcopy(value)


def read_date(value: str) -> tuple[str | None, bool]:
    """(ISO 8601 date or None, understood). "Present" and "" are understood as no date."""
    text = value.strip()
    if not text or text.lower() in _ONGOING:
        return None, True
    found = _ISO.match(text)
    if found:
        year, month, day = found.groups()
        return _iso(year, month, day)
    found = _ISO_TIME.match(text)
    if found:
        return found.group(1), True
    found = _MONTH_YEAR.match(text)
    if found:
        return _iso(found.group(2), found.group(1), None)
    found = _YEAR_MONTH.match(text)
    if found:
        return _iso(found.group(1), found.group(2), None)
    found = _DAY_MONTH_YEAR.match(text)
    if found:
        first, second, year = (int(g) for g in found.groups())
        # 03/04/2021 is March or April depending on the writer: keep only what is certain.
        if first > 12 >= second:
            return _iso(str(year), str(second), str(first))
        if second > 12 >= first:
            return _iso(str(year), str(first), str(second))
        return _iso(str(year), None, None)
    found = _NAMED_MONTH.match(text)
    if found and found.group(1).lower() in _MONTHS:
        return _iso(found.group(2), str(_MONTHS[found.group(1).lower()]), None)
    return None, False


def _iso(year: str, month: str | None, day: str | None) -> tuple[str | None, bool]:
    if not 1000 <= int(year) <= 2999:
        return None, False
    if month is None:
        return year, True
    if not 1 <= int(month) <= 12:
        return None, False
    if day is None:
        return f"{year}-{int(month):02d}", True
    if not 1 <= int(day) <= 31:
        return None, False
    return f"{year}-{int(month):02d}-{int(day):02d}", True


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return None


def _entry(entry: dict[str, Any], section: str, where: str, warnings: Warnings) -> None:
    """Put one entry (or basics) in the shape the engine reads, in place."""
    for old, new in _OLD_NAMES.get(section, {}).items():
        if old in entry and new not in entry:
            entry[new] = entry[old]
    for key in list(entry):
        value = entry[key]
        path = f"{where}.{key}"
        if key in _DATE_FIELDS and section != "basics":
            if value is None:
                continue
            if not isinstance(value, str):
                warnings.append((path, "not a date; left out of matching"))
                del entry[key]
                continue
            date, understood = read_date(value)
            if not understood:
                warnings.append((path, f"{value!r} is not a date we can read; left out"))
            if date is None:
                del entry[key]
            else:
                entry[key] = date
        elif key in _TEXT_LISTS:
            if isinstance(value, str):
                entry[key] = [value] if value.strip() else []
            elif isinstance(value, list):
                kept = []
                for i, item in enumerate(value):
                    text = _text(item)
                    if text is None:
                        warnings.append((f"{path}[{i}]", "not text; left out"))
                    else:
                        kept.append(text)
                entry[key] = kept
            elif value is not None:
                warnings.append((path, "not a list of texts; left out"))
                del entry[key]


def _fix_location(basics: dict[str, Any], warnings: Warnings) -> None:
    location = basics.get("location")
    if isinstance(location, str):
        basics["location"] = {"address": location}
        warnings.append(("basics.location", "a text where an object is expected; read as address"))
    profiles = basics.get("profiles")
    if isinstance(profiles, dict):
        # {"twitter": "me", ...}, as some exporters write it
        basics["profiles"] = [
            {"network": str(k), "url" if "/" in str(v) else "username": v}
            for k, v in profiles.items()
            if isinstance(v, str)
        ]
        warnings.append(("basics.profiles", "an object where a list is expected; read by network"))


def reading(data: dict[str, Any]) -> tuple[dict[str, Any], Warnings, dict[str, list[int]]]:
    """The engine's copy of a document (the ``passionpath`` block untouched), what it could
    not read as (JSON path, message) pairs, and for each section whose entries were left out
    the person's index of each entry kept. ``data`` itself is not changed."""
    positions: dict[str, list[int]] = {}
    copied = {k: (v if k == "passionpath" else json_copy(v)) for k, v in data.items()}
    warnings: Warnings = []
    basics = copied.get("basics")
    if isinstance(basics, dict):
        _fix_location(basics, warnings)
        _entry(basics, "basics", "basics", warnings)
    elif basics is not None:
        warnings.append(("basics", "not an object; left out"))
        del copied["basics"]
    for section in LIST_SECTIONS:
        entries = copied.get(section)
        if entries is None:
            continue
        if isinstance(entries, dict):
            # one entry written on its own, or entries keyed by name
            entries = (
                [entries]
                if not all(isinstance(v, dict) for v in entries.values())
                else [{"name": k, **v} if "name" not in v else v for k, v in entries.items()]
            )
            warnings.append((section, "an object where a list is expected; read as a list"))
        if not isinstance(entries, list):
            warnings.append((section, "not a list; left out"))
            del copied[section]
            continue
        kept = []
        indices = []
        for i, entry in enumerate(entries):
            where = f"{section}[{i}]"
            if isinstance(entry, str) and section in ("skills", "interests", "languages"):
                key = "language" if section == "languages" else "name"
                kept.append({key: entry})
            elif isinstance(entry, dict):
                _entry(entry, section, where, warnings)
                kept.append(entry)
            else:
                warnings.append((where, "not an object; left out"))
                continue
            indices.append(i)
        copied[section] = kept
        if len(indices) != len(entries):
            positions[section] = indices
    return copied, warnings, positions


def as_written(location: tuple[Any, ...], positions: dict[str, list[int]]) -> tuple[Any, ...]:
    """A location in the reading as a location in the person's document."""
    if len(location) >= 2 and location[0] in positions and isinstance(location[1], int):
        return (location[0], positions[location[0]][location[1]], *location[2:])
    return location


def text_at(data: Any, location: tuple[Any, ...]) -> bool:
    """Turn a number at ``location`` into text (a score of 3.7, a postal code 12345)."""
    parent = data
    for part in location[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    try:
        value = parent[location[-1]]
    except (KeyError, IndexError, TypeError):
        return False
    if isinstance(value, int | float) and not isinstance(value, bool):
        parent[location[-1]] = str(value)
        return True
    return False


def drop_at(data: Any, location: tuple[Any, ...]) -> bool:
    """Remove the value at ``location`` (a pydantic error location) from ``data``."""
    parent = data
    for part in location[:-1]:
        try:
            parent = parent[part]
        except (KeyError, IndexError, TypeError):
            return False
    last = location[-1] if location else None
    if isinstance(parent, dict) and last in parent:
        del parent[last]
        return True
    if isinstance(parent, list) and isinstance(last, int) and last < len(parent):
        del parent[last]
        return True
    return False


def merge_back(original: Any, read: Any, current: Any) -> Any:
    """The person's document with the edits made since reading (``read`` to ``current``)
    applied: unchanged, it is ``original`` exactly. A list whose entries were read as they
    stand (same length in all three) is merged entry by entry; one edited otherwise, or one
    the reading reshaped, is written as it is now."""
    if read == current:
        return json_copy(original)
    if isinstance(original, dict) and isinstance(read, dict) and isinstance(current, dict):
        result = json_copy(original)
        for key in read:
            if key not in current:
                result.pop(key, None)
        for key, value in current.items():
            if key in read and key in original:
                result[key] = merge_back(original[key], read[key], value)
            elif key not in read or read[key] != value:
                # new here, or something the reading added (a 1.0 name) that was edited
                result[key] = json_copy(value)
        return result
    if (
        isinstance(original, list)
        and isinstance(read, list)
        and isinstance(current, list)
        and len(original) == len(read) == len(current)
    ):
        return [merge_back(o, r, c) for o, r, c in zip(original, read, current, strict=True)]
    return json_copy(current)


def is_reading_error(location: tuple[Any, ...]) -> bool:
    """Whether a validation error may be read past (anything outside our own block)."""
    return bool(location) and location[0] != "passionpath"
