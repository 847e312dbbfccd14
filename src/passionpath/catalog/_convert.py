"""Field converters that name the file, line and column when a value is malformed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from passionpath.errors import ReleaseError

T = TypeVar("T")


class FieldReader:
    """Parses the fields of one file; errors carry the file name and current line."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.line = 0

    def fail(self, message: str) -> ReleaseError:
        return ReleaseError(message, file=self.file, line=self.line)

    def number(self, row: dict[str, str], column: str) -> float:
        return self._present(column, self.optional_number(row, column))

    def optional_number(self, row: dict[str, str], column: str) -> float | None:
        return self._converted(row, column, float, "a number")

    def integer(self, row: dict[str, str], column: str) -> int:
        return self._present(column, self.optional_integer(row, column))

    def optional_integer(self, row: dict[str, str], column: str) -> int | None:
        return self._converted(row, column, int, "a whole number")

    def _converted(
        self, row: dict[str, str], column: str, convert: Callable[[str], T], kind: str
    ) -> T | None:
        """The column's value through ``convert``; None when it is empty."""
        raw = row[column]
        if raw == "":
            return None
        try:
            return convert(raw)
        except ValueError:
            raise self.fail(f"column {column!r}: {raw!r} is not {kind}") from None

    def _present(self, column: str, value: T | None) -> T:
        if value is None:
            raise self.fail(f"column {column!r} is empty")
        return value

    def flag(self, row: dict[str, str], column: str) -> bool:
        """A Y/N column; empty (``n/a``) counts as N."""
        raw = row.get(column, "").upper()
        if raw not in ("Y", "N", ""):
            raise self.fail(f"column {column!r}: expected Y or N, found {raw!r}")
        return raw == "Y"

    def text(self, row: dict[str, str], column: str) -> str:
        raw = row[column]
        if raw == "":
            raise self.fail(f"column {column!r} is empty")
        return raw

    def code(self, row: dict[str, str], column: str, known: set[str]) -> str:
        value = self.text(row, column)
        if value not in known:
            raise self.fail(
                f"column {column!r}: unknown O*NET-SOC code {value!r} (not in Occupation Data.txt)"
            )
        return value
