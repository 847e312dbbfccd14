"""The community as part of an account: membership, requests, blocks and reports in the
export; deleting the account leaves the community first, so every index forgets the person
at once, and the cascades remove the rest."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.community._store import export_member, forget_account, leave


def export_community(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["community"] = export_member(engine, user_id)


def delete_community(engine: Engine, user_id: int) -> None:
    leave(engine, owner=user_id)
    forget_account(engine, user_id)


register_owned_data(
    "community",
    tables=(
        "community_member",
        "community_request",
        "community_block",
        "community_report",
        "study_group",
        "study_group_member",
    ),
    export=export_community,
    delete=delete_community,
)
