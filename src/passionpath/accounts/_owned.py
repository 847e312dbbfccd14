"""Data that belongs to an account, as registered by the packages that store it.

A package holding a user's rows (profiles, plans, later contacts or applications) calls
``register_owned_data`` when it is imported, naming its tables and how to export them. The
account functions then cover it without knowing it: "download all my data" runs every
exporter and "delete my account" every delete hook, then deletes the user row and lets the
database's ON DELETE CASCADE remove the rest.

So that registration never depends on what happened to be imported first, the account
functions import every package in ``OWNED_DATA_PACKAGES`` before they look at the registry
(a package joins by registering and by being listed there; ``tests/test_accounts.py`` fails
when a table that reaches ``app_user`` through foreign keys is not covered by a registration).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, delete

from passionpath.accounts._tokens import forget_tokens
from passionpath.cache import Memo
from passionpath.store import models as m

#: Receives the export built so far (earlier registrations' parts included) and adds its own.
Exporter = Callable[[Engine, int, dict[str, Any]], None]
#: Runs before the user row is deleted, for anything the cascades cannot reach.
DeleteHook = Callable[[Engine, int], None]

#: The packages that register owned data, imported in this order (a part that nests into
#: another's, like plans inside profiles, comes after it).
OWNED_DATA_PACKAGES = ("passionpath.profile", "passionpath.plan")

#: Tables that the accounts package itself keeps for a user.
ACCOUNT_TABLES = ("app_user", "api_token")


@dataclass(frozen=True)
class OwnedData:
    name: str
    tables: tuple[str, ...]
    export: Exporter
    delete: DeleteHook | None = None


_registry: dict[str, OwnedData] = {}


def register_owned_data(
    name: str,
    *,
    tables: tuple[str, ...],
    export: Exporter,
    delete: DeleteHook | None = None,
) -> None:
    """Make ``tables`` part of every account's export and deletion. Registering a name again
    replaces the earlier entry (a reloaded module does not export twice)."""
    _registry[name] = OwnedData(name, tables, export, delete)


def owned_data() -> list[OwnedData]:
    """Every registration, after importing every package that registers."""
    for package in OWNED_DATA_PACKAGES:
        importlib.import_module(package)
    return list(_registry.values())


def export_account(engine: Engine, user_id: int) -> dict[str, Any]:
    """Everything the account holds, as one JSON-ready document."""
    document: dict[str, Any] = {}
    for part in owned_data():
        part.export(engine, user_id, document)
    return document


def delete_account(engine: Engine, user_id: int, tokens: Memo | None = None) -> None:
    """Delete the user; the foreign keys' ON DELETE CASCADE removes everything they own.
    With ``tokens`` (the context's memo), their remembered tokens stop working at once."""
    for part in owned_data():
        if part.delete is not None:
            part.delete(engine, user_id)
    with engine.begin() as conn:
        conn.execute(delete(m.User).where(m.User.id == user_id))
    if tokens is not None:
        forget_tokens(tokens, user_id)
