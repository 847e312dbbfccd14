"""CVs as part of an account: every tailored CV, with the applications it was sent with.

Registered with ``passionpath.accounts`` when accounts imports this module; deletion needs no
hook: CVs and their application links carry the user's id, so ON DELETE CASCADE removes
them (and a deleted profile takes its CVs with it).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from passionpath.accounts import register_owned_data
from passionpath.cv._store import list_cvs


def export_cvs(engine: Engine, user_id: int, export: dict[str, Any]) -> None:
    export["cvs"] = [
        {**cv.as_dict(), "posting": cv.posting} for cv in list_cvs(engine, owner=user_id)
    ]


register_owned_data("cvs", tables=("cv", "cv_application"), export=export_cvs)
