"""What every face does to make a CV: name a profile, tailor it, store it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from passionpath.cv._store import StoredCV, check_posting, check_theme, save_cv
from passionpath.cv._tailor import tailor
from passionpath.profile import store_resolved

if TYPE_CHECKING:
    from passionpath.context import Context


def build_cv(
    profile: str | Path | None,
    target: str,
    ctx: Context,
    *,
    posting: str | None = None,
    theme: str = "classic",
    owner: int | None = None,
) -> StoredCV:
    """Tailor the profile ``profile`` names (a stored slug, or a file, stored first) to the
    occupation ``target`` and store the CV, tied to the profile version it came from."""
    check_theme(theme)
    check_posting(posting)
    stored = store_resolved(profile, ctx.engine, owner=owner)
    tailored = tailor(stored.document, target, ctx, posting=posting)
    return save_cv(
        tailored,
        stored.record,
        stored.record.current_version,
        ctx.engine,
        theme=theme,
        posting=posting,
        owner=owner,
    )
