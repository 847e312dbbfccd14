"""Storage: SQLAlchemy models, engines, Alembic migrations, and the owner filter."""

from passionpath.store.engine import dispose_engines, get_engine, migrate
from passionpath.store.owned import owned_by, owned_tables, ownership_path

__all__ = [
    "dispose_engines",
    "get_engine",
    "migrate",
    "owned_by",
    "owned_tables",
    "ownership_path",
]
