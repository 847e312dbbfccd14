"""Applications as part of an account: every application with its whole stage log in the
export. Deletion needs no database hook: applications carry the user's id, so ON DELETE
CASCADE removes them with their events and linked contacts; the uploads waiting for the
person's confirmation (a mailbox, a CSV) are removed from the cache directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.jobsearch._pending import forget_uploads
from passionpath.jobsearch._prefer import learning_on, list_votes
from passionpath.jobsearch._store import list_applications


def export_applications(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["applications"] = [a.as_dict() for a in list_applications(engine, owner=user_id)]
    export["preference_votes"] = list_votes(engine, owner=user_id)
    export["learned_preferences_on"] = learning_on(engine, owner=user_id)


def forget_user_uploads(cache_dir: Path, user_id: int) -> None:
    forget_uploads(cache_dir, user=user_id)


register_owned_data(
    "applications",
    tables=(
        "application",
        "application_contact",
        "application_event",
        "preference_vote",
        "preference_setting",
    ),
    export=export_applications,
    delete_files=forget_user_uploads,
)
