"""Exceptions a person can cause. Each one says what went wrong and where."""

from __future__ import annotations


class PassionpathError(Exception):
    """Base class: the CLI prints these as one clear message, never as a traceback."""


class NotFoundError(PassionpathError):
    """A requested record (occupation code, profile, ...) does not exist."""


class DatabaseError(PassionpathError):
    """The database cannot be reached or is not usable."""


class ReleaseError(PassionpathError):
    """A catalog release (zip or folder) is malformed. Carries the file and line."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        self.file = file
        self.line = line
        self.reason = message
        where = ""
        if file is not None:
            where = f"{file}, line {line}: " if line is not None else f"{file}: "
        super().__init__(f"{where}{message}")


class DownloadError(PassionpathError):
    """Fetching a release failed."""
