"""Plans as part of an account: each profile's plans, nested in that profile's export entry.

Registered with ``passionpath.accounts`` when accounts imports this module, to run after the
profiles' part, so each profile's entry exists when its plans are added to it.
Deletion needs no hook: plans and their parts go with the profile through ON DELETE CASCADE.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.plan._store import list_plans, load_plan
from passionpath.profile import find_profile


def export_plans(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    for entry in export.get("profiles", []):
        profile = find_profile(entry["slug"], engine, owner=user_id)
        entry["plans"] = [
            load_plan(p["id"], engine, owner=user_id).as_dict()
            for p in list_plans(profile.id, engine)
        ]


register_owned_data(
    "plans",
    tables=(
        "plan",
        "plan_objective",
        "plan_benchmark",
        "plan_action",
        "plan_obstacle",
        "plan_event",
    ),
    export=export_plans,
    after=("profiles",),
)
