"""The approximate starter catalog shipped inside the package."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from passionpath.catalog._importer import (
    EmbedProgressCallback,
    ImportReport,
    ProgressCallback,
    import_release,
)
from passionpath.catalog._release import catalog_is_empty

STARTER_PATH = Path(__file__).with_name("starter_release")


def load_starter(
    *,
    engine: Engine,
    if_empty: bool = False,
    progress: ProgressCallback | None = None,
    embed: bool = False,
    embed_progress: EmbedProgressCallback | None = None,
    text_model: str | None = None,
) -> ImportReport | None:
    """Import the starter catalog; with ``if_empty``, only when no catalog is loaded.
    ``embed`` and the rest as for ``import_release``."""
    if if_empty and not catalog_is_empty(engine):
        return None
    return import_release(
        STARTER_PATH,
        engine=engine,
        progress=progress,
        embed=embed,
        embed_progress=embed_progress,
        text_model=text_model,
    )
