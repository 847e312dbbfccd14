"""Exceptions a person can cause. Each one says what went wrong and where.

The core speaks no face's language: a message never names a CLI flag, a command or an
HTTP parameter. Instead an error carries

* ``field``: the neutral name of the input at fault (``"hours_per_week"``, ``"slug"``,
  ``"profile"``, ...), which each face renders in its own words (``--hours-per-week`` on
  the command line, ``["body", "hours_per_week"]`` in the API);
* ``hint``: what to do about it, in plain words that suit every face;
* ``kind``: a short stable name for the situation (``"no_profiles"``), so a face can put
  its own suggestion (a command to run, a page to visit) in place of the plain hint.
"""

from __future__ import annotations


class PassionpathError(Exception):
    """Base class: every face shows these as one clear message, never as a traceback.

    ``message`` reads well after ``"<field>: "`` when there is a field;
    ``str(exc)`` is that one line, with the hint after it.
    """

    def __init__(
        self,
        message: str = "",
        *,
        field: str | None = None,
        hint: str | None = None,
        kind: str | None = None,
    ) -> None:
        self.message = message
        self.field = field
        self.hint = hint
        self.kind = kind
        super().__init__(message)

    def __str__(self) -> str:
        text = f"{self.field}: {self.message}" if self.field else self.message
        return f"{text} {self.hint}" if self.hint else text


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
