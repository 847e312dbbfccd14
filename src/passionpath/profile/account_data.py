"""Profiles as part of an account: every profile with all its versions in the export.

Registered with ``passionpath.accounts`` when accounts imports this module; deletion needs no
hook, the profile rows go with the user through ON DELETE CASCADE.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.profile._store import list_profiles, load_profile, profile_history


def export_profiles(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["profiles"] = [
        {
            "slug": record.slug,
            "versions": [
                {
                    **v.as_dict(),
                    "document": load_profile(record.slug, engine, version=v.version, owner=user_id)[
                        1
                    ].to_json_dict(),
                }
                for v in profile_history(record.slug, engine, owner=user_id)
            ],
        }
        for record in list_profiles(engine, owner=user_id)
    ]


register_owned_data("profiles", tables=("profile", "profile_version"), export=export_profiles)
