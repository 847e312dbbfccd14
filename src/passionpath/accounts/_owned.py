"""Data that belongs to an account, as registered by the packages that store it.

A package holding a user's rows (profiles, plans, later contacts or applications) has an
``account_data`` module that calls ``register_owned_data``, naming its tables and how to
export them. The
account functions then cover it without knowing it: "download all my data" runs every
exporter and "delete my account" every delete hook, then deletes the user row and lets the
database's ON DELETE CASCADE remove the rest.

The account functions import every ``passionpath.<package>.account_data`` module there is
(once per process), so nothing depends on what happened to be imported first: a new
package joins by having one, without an edit here (``tests/test_accounts.py`` fails when a
table that reaches ``app_user`` through foreign keys is not covered by a registration).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, delete

from passionpath.accounts._tokens import forget_tokens
from passionpath.cache import Memo
from passionpath.store import models as m

#: Receives the export built so far (earlier registrations' parts included) and adds its own.
Exporter = Callable[[Engine, int, dict[str, Any]], None]
#: Runs before the user row is deleted, for anything the cascades cannot reach.
DeleteHook = Callable[[Engine, int], None]
#: Removes the user's files from the cache directory (uploads waiting to be confirmed).
FilesHook = Callable[[Path, int], None]

#: The module a package holding a user's rows registers them from.
ACCOUNT_DATA_MODULE = "account_data"

#: Tables that the accounts package itself keeps for a user.
ACCOUNT_TABLES = ("app_user", "api_token")


@dataclass(frozen=True)
class OwnedData:
    name: str
    tables: tuple[str, ...]
    export: Exporter
    delete: DeleteHook | None = None
    #: Parts whose export must run first (plans nest inside the profiles' entries).
    after: tuple[str, ...] = ()
    delete_files: FilesHook | None = None


_registry: dict[str, OwnedData] = {}


def register_owned_data(
    name: str,
    *,
    tables: tuple[str, ...],
    export: Exporter,
    delete: DeleteHook | None = None,
    after: tuple[str, ...] = (),
    delete_files: FilesHook | None = None,
) -> None:
    """Make ``tables`` part of every account's export and deletion (and, with
    ``delete_files``, the user's files in the cache directory part of the deletion).
    Registering a name again replaces the earlier entry (a reloaded module does not export
    twice)."""
    _registry[name] = OwnedData(name, tables, export, delete, after, delete_files)


@functools.cache
def _import_registrations() -> None:
    """Import each package's ``account_data`` module; looked up as a file, so the packages
    that have none (and the faces) are never imported from here."""
    root = Path(__file__).resolve().parents[1]
    for module in sorted(root.glob(f"*/{ACCOUNT_DATA_MODULE}.py")):
        importlib.import_module(f"passionpath.{module.parent.name}.{ACCOUNT_DATA_MODULE}")


def owned_data() -> list[OwnedData]:
    """Every registration, each after the parts it names in ``after``."""
    _import_registrations()
    ordered: list[OwnedData] = []
    waiting = sorted(_registry.values(), key=lambda part: part.name)
    while waiting:
        ready = [p for p in waiting if all(a in {o.name for o in ordered} for a in p.after)]
        if not ready:
            names = ", ".join(p.name for p in waiting)
            raise RuntimeError(f"owned data waits on parts that never register: {names}")
        ordered.extend(ready)
        waiting = [p for p in waiting if p not in ready]
    return ordered


def export_account(engine: Engine, user_id: int) -> dict[str, Any]:
    """Everything the account holds, as one JSON-ready document."""
    document: dict[str, Any] = {}
    for part in owned_data():
        part.export(engine, user_id, document)
    return document


def delete_account(
    engine: Engine, user_id: int, tokens: Memo | None = None, cache_dir: Path | None = None
) -> None:
    """Delete the user; the foreign keys' ON DELETE CASCADE removes everything they own.
    With ``tokens`` (the context's memo), their remembered tokens stop working at once; with
    ``cache_dir`` (the context's), their files waiting there (uploads not yet confirmed) go
    too."""
    for part in owned_data():
        if part.delete is not None:
            part.delete(engine, user_id)
        if part.delete_files is not None and cache_dir is not None:
            part.delete_files(cache_dir, user_id)
    with engine.begin() as conn:
        conn.execute(delete(m.User).where(m.User.id == user_id))
    if tokens is not None:
        forget_tokens(tokens, user_id)
