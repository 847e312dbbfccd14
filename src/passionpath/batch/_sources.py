"""Where records come from, in partitions: Parquet row groups, JSON lines chunks, or
PostgreSQL rows read through a server-side cursor. A partition is small and picklable: it
names what to read (a file's row group or byte range), or carries the rows themselves when
they were streamed from a database; it never holds the whole population."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import numpy as np

from passionpath.batch._records import BadRecord, RecordError, Rows, canonical, rows_from_json_lines
from passionpath.errors import PassionpathError

if TYPE_CHECKING:
    import pyarrow as pa

#: Records per JSON lines chunk and per PostgreSQL fetch (Parquet keeps its row groups).
CHUNK_RECORDS = 50_000


class BatchInputError(PassionpathError):
    """The input as a whole cannot be read (a missing file, a column of the wrong type)."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, field="input", hint=hint, kind="batch_input")


@dataclass
class Part:
    index: int
    first_position: int
    size: int

    def read(self) -> tuple[pa.Table, list[BadRecord], list[int] | None]:
        """(canonical table, records already found bad, their positions or None when the
        table's rows are consecutive from ``first_position``)."""
        raise NotImplementedError


@dataclass
class ParquetPart(Part):
    path: str = ""
    row_group: int = 0

    def read(self) -> tuple[pa.Table, list[BadRecord], list[int] | None]:
        import pyarrow.parquet as pq

        table = pq.ParquetFile(self.path).read_row_group(self.row_group)
        return _canonical(table, self.path), [], None


@dataclass
class JsonLinesPart(Part):
    path: str = ""
    start: int = 0
    end: int = 0

    def read(self) -> tuple[pa.Table, list[BadRecord], list[int] | None]:
        with open(self.path, "rb") as f:
            f.seek(self.start)
            data = f.read(self.end - self.start)
        lines = data.split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        rows = rows_from_json_lines(lines, self.first_position)
        return _canonical(rows.table(), self.path), rows.bad, rows.positions


@dataclass
class RowsPart(Part):
    records: list[dict[str, Any]] = field(default_factory=list)
    source: str = ""

    def read(self) -> tuple[pa.Table, list[BadRecord], list[int] | None]:
        rows = Rows()
        for offset, record in enumerate(self.records):
            rows.add(record, self.first_position + offset)
        return _canonical(rows.table(), self.source), rows.bad, rows.positions


def _canonical(table: pa.Table, source: str) -> pa.Table:
    try:
        return canonical(table)
    except RecordError as exc:
        raise BatchInputError(f"{source}: the column {exc.field} {exc.message}") from exc


@dataclass
class Source:
    """An input opened for a run."""

    description: str
    #: Changes when the input does: a checkpoint of another input is never resumed.
    fingerprint: str
    #: Records in the input, when known before reading it.
    total: int | None
    #: Partitions known in advance (files); a database streams them from ``stream``.
    parts: list[Part] | None = None
    url: str | None = None
    table: str | None = None
    chunk: int = CHUNK_RECORDS

    def stream(self, skip: set[int]) -> Iterator[Part]:
        """Every partition in order; those in ``skip`` are passed over without their rows
        being fetched where the input allows it (files), or fetched and dropped (a cursor)."""
        if self.parts is not None:
            for part in self.parts:
                if part.index not in skip:
                    yield part
            return
        yield from _postgresql_parts(self, skip)


def open_source(location: str, table: str = "profiles", chunk: int = CHUNK_RECORDS) -> Source:
    """The input named by ``location``: a .parquet or .jsonl file, or a postgresql:// URL.
    ``chunk`` is the number of records per partition of JSON lines and PostgreSQL input."""
    if location.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        source = _postgresql_source(location, table)
        source.chunk = chunk
        return source
    path = Path(location).expanduser()
    if not path.is_file():
        raise BatchInputError(f"{location} is not a file")
    stat = path.stat()
    fingerprint = _digest(str(path.resolve()), stat.st_size, stat.st_mtime_ns)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _parquet_source(path, fingerprint)
    if suffix in (".jsonl", ".ndjson", ".json"):
        return _json_lines_source(path, fingerprint, chunk)
    raise BatchInputError(
        f"{location}: unknown kind of input",
        "Give a .parquet or .jsonl file or a postgresql:// URL.",
    )


def _digest(*parts: object) -> str:
    return hashlib.sha256("\0".join(map(str, parts)).encode()).hexdigest()[:32]


def _parquet_source(path: Path, fingerprint: str) -> Source:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (pa.ArrowInvalid, OSError) as exc:
        raise BatchInputError(f"{path} is not a Parquet file ({exc})") from exc
    parts: list[Part] = []
    position = 1
    for i in range(meta.num_row_groups):
        rows = meta.row_group(i).num_rows
        parts.append(ParquetPart(i, position, rows, str(path.resolve()), i))
        position += rows
    return Source(str(path), fingerprint, meta.num_rows, parts)


def _json_lines_source(path: Path, fingerprint: str, chunk_records: int) -> Source:
    """Byte ranges of ``chunk_records`` lines each, found by one pass counting newlines."""
    newlines: list[int] = []
    offset = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 24):
            found = np.flatnonzero(np.frombuffer(block, np.uint8) == 10)
            newlines.extend((found + offset).tolist())
            offset += len(block)
    size = offset
    ends = [n + 1 for n in newlines]
    if not ends or ends[-1] != size:
        ends.append(size)  # a last line without a newline
    ends = [e for e in ends if e > 0]
    parts: list[Part] = []
    start, position = 0, 1
    for i in range(0, len(ends), chunk_records):
        chunk = ends[i : i + chunk_records]
        parts.append(
            JsonLinesPart(len(parts), position, len(chunk), str(path.resolve()), start, chunk[-1])
        )
        start, position = chunk[-1], position + len(chunk)
    return Source(str(path), fingerprint, len(ends), parts)


# --- PostgreSQL --------------------------------------------------------------------------


def _plain_url(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, "", ""))


def _connect(url: str) -> Any:
    import psycopg

    try:
        return psycopg.connect(_plain_url(url))
    except psycopg.Error as exc:
        raise BatchInputError(
            f"{_without_password(url)}: cannot connect ({str(exc).strip()})"
        ) from exc


def _table_columns(conn: Any, table: str) -> list[str]:
    found = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_name = %s AND table_schema = ANY (current_schemas(false)) "
        "ORDER BY ordinal_position",
        (table,),
    ).fetchall()
    return [row[0] for row in found]


def _postgresql_source(url: str, table: str) -> Source:
    from psycopg import sql

    with _connect(url) as conn:
        columns = _table_columns(conn, table)
        if not columns:
            raise BatchInputError(f"{_without_password(url)}: there is no table {table!r}")
        total = conn.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
        ).fetchone()[0]
    clean = _without_password(url)
    return Source(
        f"{clean} table {table}", _digest(clean, table, total), int(total), None, url, table
    )


def _postgresql_parts(source: Source, skip: set[int]) -> Iterator[Part]:
    """Rows in id order (the physical order when there is no id column) through a named,
    server-side cursor: only one chunk is in this process at a time."""
    from psycopg import sql
    from psycopg.rows import dict_row

    assert source.url is not None and source.table is not None
    with _connect(source.url) as conn:
        columns = _table_columns(conn, source.table)
        order = sql.Identifier("id") if "id" in columns else sql.SQL("ctid")
        query = sql.SQL("SELECT * FROM {} ORDER BY {}").format(sql.Identifier(source.table), order)
        with conn.transaction(), conn.cursor(name="passionpath_batch", row_factory=dict_row) as cur:
            cur.itersize = source.chunk
            cur.execute(query)
            index, position = 0, 1
            while rows := cur.fetchmany(source.chunk):
                if index not in skip:
                    yield RowsPart(
                        index, position, len(rows), [dict(r) for r in rows], source.description
                    )
                index, position = index + 1, position + len(rows)
