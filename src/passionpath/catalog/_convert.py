"""Column-wise field converters that name the file, line and column of a malformed value.

A file is read in batches of rows, and each column a table needs is converted in one go:
``float`` mapped over a whole column runs in C, where a call per field of every row cost more
than the database's own work. Only a column that holds a bad value is walked row by row, to find
which one. The error raised is the one a row-by-row reader would have met first: the earliest
row, and within that row the column the builder asked for first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import chain, compress
from typing import TypeVar

from passionpath.errors import ReleaseError

T = TypeVar("T")

#: Y/N columns, in either case; empty counts as N.
_FLAGS = {"Y": True, "y": True, "N": False, "n": False, "": False}


class Rows:
    """Some consecutive data rows of one file, held as one flat list of their fields.

    Converters look only at the rows before the first bad value found so far (``valid``): a
    value further down could not be the first error any more. ``check`` raises that error, or
    else the one that ended this batch early (a line with the wrong number of fields), and must
    be called before anything converted is used.
    """

    def __init__(
        self,
        file: str,
        header: Sequence[str],
        lines: Sequence[int],
        fields: list[str],
        pending: ReleaseError | None = None,
    ) -> None:
        """``fields`` holds the rows one after the other, each as wide as the header, with
        ``n/a`` already read as the empty string."""
        self.file = file
        self.header = tuple(header)
        #: The line number of each row, the header being line 1.
        self.lines = lines
        self._fields = fields
        self._position = {name: i for i, name in enumerate(self.header)}
        self._cleaned: dict[str, list[str]] = {}
        self._pending = pending
        self._error: ReleaseError | None = None
        self.valid = len(lines)

    def __len__(self) -> int:
        return len(self.lines)

    def __contains__(self, column: str) -> bool:
        return column in self._position

    def where(self, keep: Iterable[bool]) -> Rows:
        """The rows for which ``keep`` is true (the same file, lines and any pending error)."""
        mask = list(keep)
        width = len(self.header)
        columns = [compress(self._fields[i::width], mask) for i in range(width)]
        return Rows(
            self.file,
            self.header,
            list(compress(self.lines, mask)),
            list(chain.from_iterable(zip(*columns, strict=True))),
            self._pending,
        )

    def fail(self, index: int, message: str) -> None:
        """Record a bad value at row ``index``, unless an earlier row already failed."""
        if index < self.valid:
            self.valid = index
            self._error = ReleaseError(message, file=self.file, line=self.lines[index])

    def check(self) -> None:
        """Raise the first error met in these rows, if any."""
        if self._error is not None:
            raise self._error
        if self._pending is not None:
            raise self._pending

    def values(self, column: str) -> list[str]:
        """The column as text: each value stripped, ``n/a`` as the empty string."""
        cleaned = self._cleaned.get(column)
        if cleaned is None:
            start = self._position[column]
            cleaned = list(map(str.strip, self._fields[start :: len(self.header)]))
            self._cleaned[column] = cleaned
        return cleaned

    def _checked(self, column: str) -> list[str]:
        """The column's values in the rows still to check."""
        values = self.values(column)
        return values if self.valid == len(values) else values[: self.valid]

    def optional_text(self, column: str) -> list[str | None]:
        """The column's values, None where empty."""
        values = self.values(column)
        if "" not in values:
            return list(values)
        return [value or None for value in values]

    def text(self, column: str) -> list[str]:
        """The column's values, which must not be empty."""
        values = self._checked(column)
        if "" in values:
            index = values.index("")
            self.fail(index, f"column {column!r} is empty")
            return values[:index]
        return values

    def code(self, column: str, known: set[str]) -> list[str]:
        """The column's O*NET-SOC codes, each of which must be in ``known``."""
        values = self._checked(column)
        if known.issuperset(values):
            return values
        for index, value in enumerate(values):
            if value == "":
                self.fail(index, f"column {column!r} is empty")
                return values[:index]
            if value not in known:
                self.fail(
                    index,
                    f"column {column!r}: unknown O*NET-SOC code {value!r} "
                    "(not in Occupation Data.txt)",
                )
                return values[:index]
        return values

    def number(self, column: str) -> list[float]:
        return self._converted(column, float, "a number")

    def integer(self, column: str) -> list[int]:
        return self._converted(column, int, "a whole number")

    def optional_number(self, column: str) -> list[float | None]:
        return self._optional(column, float, "a number")

    def optional_integer(self, column: str) -> list[int | None]:
        return self._optional(column, int, "a whole number")

    def _converted(self, column: str, convert: Callable[[str], T], kind: str) -> list[T]:
        values = self._checked(column)
        try:
            return list(map(convert, values))
        except ValueError:
            pass
        converted: list[T] = []
        for index, raw in enumerate(values):
            if raw == "":
                self.fail(index, f"column {column!r} is empty")
                break
            try:
                converted.append(convert(raw))
            except ValueError:
                self.fail(index, f"column {column!r}: {raw!r} is not {kind}")
                break
        return converted

    def _optional(self, column: str, convert: Callable[[str], T], kind: str) -> list[T | None]:
        values = self._checked(column)
        try:
            if "" not in values:
                return list(map(convert, values))
            return [None if raw == "" else convert(raw) for raw in values]
        except ValueError:
            pass
        converted: list[T | None] = []
        for index, raw in enumerate(values):
            try:
                converted.append(None if raw == "" else convert(raw))
            except ValueError:
                self.fail(index, f"column {column!r}: {raw!r} is not {kind}")
                break
        return converted

    def flag(self, column: str) -> list[bool]:
        """A Y/N column; empty (``n/a``), or a column this layout lacks, counts as N."""
        if column not in self._position:
            return [False] * self.valid
        values = self._checked(column)
        flags = list(map(_FLAGS.get, values))
        if None not in flags:
            return flags  # type: ignore[return-value]  # every value was a key of _FLAGS
        found: list[bool] = []
        for index, raw in enumerate(values):
            upper = raw.upper()
            if upper not in ("Y", "N", ""):
                self.fail(index, f"column {column!r}: expected Y or N, found {upper!r}")
                break
            found.append(upper == "Y")
        return found
