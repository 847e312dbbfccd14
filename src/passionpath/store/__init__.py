"""Storage: SQLAlchemy models, engines and Alembic migrations."""

from passionpath.store.engine import dispose_engines, get_engine, migrate, session_scope

__all__ = ["dispose_engines", "get_engine", "migrate", "session_scope"]
