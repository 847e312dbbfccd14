"""Naming a CV the way every face does: a stored CV's id, or a JSON Resume file."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from passionpath.cv._store import StoredCV, check_posting, get_cv
from passionpath.errors import PassionpathError
from passionpath.files import UserFileError, read_user_text
from passionpath.limits import MAX_CV_FILE_BYTES, MAX_POSTING_CHARS


@dataclass(frozen=True)
class CvSource:
    """A CV to render, check or match: its document, and the stored CV when it is one."""

    document: dict[str, Any]
    name: str
    stored: StoredCV | None = None

    @property
    def theme(self) -> str:
        return self.stored.theme if self.stored is not None else "classic"


def read_json_file(path: str | Path) -> dict[str, Any]:
    """A JSON object from a file; errors name the file, line and column."""
    text = read_user_text(path, max_bytes=MAX_CV_FILE_BYTES)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserFileError(path, f"not valid JSON ({exc.msg}).", line=exc.lineno) from None
    if not isinstance(data, dict):
        raise UserFileError(path, "a JSON Resume is a JSON object ({ ... }).")
    return data


def open_cv(ref: str | Path, engine: Engine, *, owner: int | None = None) -> CvSource:
    """A stored CV by its id (digits), else a JSON Resume file."""
    text = str(ref)
    if text.isdigit() and not Path(text).exists():
        stored = get_cv(int(text), engine, owner=owner)
        return CvSource(stored.document, f"CV {stored.id}", stored)
    return CvSource(read_json_file(ref), Path(ref).name)


def read_posting(path: str | Path) -> str:
    """A posting's text from a file, within MAX_POSTING_CHARS."""
    text = read_user_text(path, max_bytes=MAX_POSTING_CHARS * 4)
    if not text.strip():
        raise UserFileError(path, "the file has no text.")
    try:
        return str(check_posting(text))
    except PassionpathError as exc:
        raise UserFileError(path, str(exc).removeprefix("posting: ")) from None
