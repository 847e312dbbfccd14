"""Applications as part of an account: every application with its whole stage log in the
export. Deletion needs no hook: applications carry the user's id, so ON DELETE CASCADE
removes them with their events and linked contacts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.jobsearch._store import list_applications


def export_applications(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["applications"] = [a.as_dict() for a in list_applications(engine, owner=user_id)]


register_owned_data(
    "applications",
    tables=("application", "application_contact", "application_event"),
    export=export_applications,
)
