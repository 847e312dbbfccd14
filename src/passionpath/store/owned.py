"""Rows that belong to a user, found by following foreign keys up to ``app_user``.

Every owned query filters with ``owned_by(model, owner)``, so "a user only sees their own
data" is decided in one place, also for models owned through a parent (a plan belongs to
whoever owns its profile; a benchmark to whoever owns its objective's plan). The path is read
from the foreign keys themselves, so a new owned table needs no entry here.
"""

from __future__ import annotations

from collections import deque
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, ForeignKey, Table, false, select

from passionpath.store import models as m

USER_TABLE = "app_user"

__all__ = ["USER_TABLE", "owned_by", "owned_tables", "ownership_path"]


def _tables() -> dict[str, Table]:
    return dict(m.Base.metadata.tables)


@cache
def ownership_path(table: Table) -> tuple[ForeignKey, ...] | None:
    """The shortest chain of foreign keys from ``table`` to ``app_user`` (required keys are
    preferred over optional ones of the same length); () for app_user itself, None when the
    table belongs to no user."""
    if table.name == USER_TABLE:
        return ()
    seen = {table.name}
    queue: deque[tuple[Table, tuple[ForeignKey, ...]]] = deque([(table, ())])
    while queue:
        current, path = queue.popleft()
        keys = sorted(
            current.foreign_keys, key=lambda fk: (bool(fk.parent.nullable), fk.parent.name)
        )
        for fk in keys:
            target = fk.column.table
            if target.name == USER_TABLE:
                return (*path, fk)
            if target.name not in seen and isinstance(target, Table):
                seen.add(target.name)
                queue.append((target, (*path, fk)))
    return None


def owned_tables() -> set[str]:
    """The names of every table whose rows belong to a user (app_user included)."""
    return {name for name, table in _tables().items() if ownership_path(table) is not None}


def owned_by(model: Any, owner: int | None) -> ColumnElement[bool]:
    """The WHERE clause selecting the rows of ``model`` (a mapped class or a Table) that
    belong to ``owner``: a user id, or None for the local CLI user, whose rows have no user."""
    table: Table = model if isinstance(model, Table) else model.__table__
    path = ownership_path(table)
    if path is None:
        raise TypeError(f"Rows of {table.name!r} belong to no user.")
    if not path:
        return false() if owner is None else table.c.id == owner
    user_key = path[-1].parent
    condition: ColumnElement[bool] = user_key.is_(None) if owner is None else user_key == owner
    # Walk back down from the table that holds the user id: each step keeps the rows whose
    # parent is among the owned rows of the step above.
    for fk in reversed(path[:-1]):
        condition = fk.parent.in_(select(fk.column).where(condition))
    return condition
