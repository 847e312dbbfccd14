"""Bulk inserts for the importer, below SQLAlchemy's per-row parameter handling.

A full O*NET release is over a million rows. SQLAlchemy builds and checks parameters for each
of them, which costs more than the database's own work; here rows go to the driver as plain
tuples: PostgreSQL's COPY through psycopg, ``executemany`` elsewhere. Both run on the
connection's current transaction, so an import stays all-or-nothing.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, FromClause, Table, insert
from sqlalchemy.exc import IntegrityError


def integrity_errors() -> tuple[type[Exception], ...]:
    """What a repeated key or a broken reference raises: SQLAlchemy's error, or the drivers'
    own when rows go to them directly. psycopg is named only once a PostgreSQL connection has
    loaded it, so a SQLite user's commands never pay for importing it."""
    found: list[type[Exception]] = [IntegrityError, sqlite3.IntegrityError]
    psycopg = sys.modules.get("psycopg")
    if psycopg is not None:
        found.append(psycopg.IntegrityError)
    return tuple(found)


def _column_defaults(table: Table, names: Sequence[str]) -> list[Any]:
    """The scalar Python-side default of each column, as SQLAlchemy would have filled it in."""
    found = []
    for name in names:
        default = table.c[name].default
        found.append(
            getattr(default, "arg", None) if default is not None and default.is_scalar else None
        )
    return found


def insert_columns(
    conn: Connection, model_table: FromClause, columns: Mapping[str, Iterable[Any]]
) -> None:
    """Insert rows given column by column (``{name: values}``, all as long as each other, or
    endless like ``itertools.repeat`` for a constant) in one driver call. Columns left out
    take their scalar default."""
    assert isinstance(model_table, Table)
    table = model_table
    names = [
        c.name
        for c in table.columns
        if c.name in columns or (c.default is not None and c.default.is_scalar)
    ]
    values = [
        columns[name] if name in columns else repeat(default)
        for name, default in zip(names, _column_defaults(table, names), strict=True)
    ]
    tuples = zip(*values)  # noqa: B905  # endless constants stop with the real columns
    dialect = conn.dialect.name
    raw = conn.connection.driver_connection
    if dialect == "postgresql" and raw is not None and hasattr(raw, "cursor"):
        quoted = ", ".join(f'"{n}"' for n in names)
        with (
            raw.cursor() as cursor,
            cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy,
        ):
            write = copy.write_row
            for record in tuples:
                write(record)
        return
    if dialect == "sqlite" and raw is not None:
        placeholders = ", ".join("?" for _ in names)
        quoted = ", ".join(f'"{n}"' for n in names)
        cursor = raw.cursor()
        try:
            cursor.executemany(
                f'INSERT INTO "{table.name}" ({quoted}) VALUES ({placeholders})', tuples
            )
        finally:
            cursor.close()
        return
    rows = [dict(zip(names, record, strict=True)) for record in tuples]
    if rows:
        conn.execute(insert(table), rows)
