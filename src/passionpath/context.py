"""The handle every face builds once and passes down: settings, the database, the caches.

Core functions take what they need from it (``ctx.engine`` for storage, ``ctx`` itself where
results are cached) instead of reaching for process-wide globals, so two contexts (two
databases, two test cases, two tenants) never see each other's state.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from passionpath.cache import SHARED, DiskCache, Memo
from passionpath.config import Settings

__all__ = ["Context"]


@dataclass(eq=False)
class Context:
    settings: Settings
    engine: Engine
    #: This context's own tables: state of its database (tokens, cached responses).
    memo: Memo = field(default_factory=Memo)
    #: Content-addressed tables shared by every context of the process (see cache.SHARED).
    shared: Memo = field(default_factory=lambda: SHARED)

    @property
    def disk(self) -> DiskCache:
        return DiskCache(self.settings.cache_dir)

    @classmethod
    def open(cls, settings: Settings | None = None, engine: Engine | None = None) -> Context:
        """A context on ``settings`` (default: the environment's) and its database, migrated."""
        from passionpath.config import get_settings
        from passionpath.store import get_engine

        settings = settings or get_settings()
        return cls(settings, engine or get_engine(settings.resolved_database_url))
