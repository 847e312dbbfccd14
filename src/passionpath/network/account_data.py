"""Contacts as part of an account: every contact and every interaction in the export.

Registered with ``passionpath.accounts`` when accounts imports this module; deletion needs no
hook: contacts and interactions carry the user's id, so ON DELETE CASCADE removes them, and
their emails, phones and links go with them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.network._store import list_contacts, list_interactions


def export_contacts(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["contacts"] = [c.as_dict() for c in list_contacts(engine, owner=user_id)]
    export["interactions"] = [i.as_dict() for i in list_interactions(engine, owner=user_id)]


register_owned_data(
    "contacts",
    tables=(
        "contact",
        "contact_email",
        "contact_phone",
        "interaction",
        "interaction_contact",
        "contact_feed",
    ),
    export=export_contacts,
)
