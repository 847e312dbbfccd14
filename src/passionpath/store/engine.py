"""Engines and sessions. The schema is migrated with Alembic the first time a database is used."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from passionpath.errors import DatabaseError

#: The newest migration. A test checks it equals Alembic's head, so startup can compare
#: revisions with one query instead of importing Alembic on every command.
HEAD_REVISION = "0012"

MIGRATIONS_DIR = Path(__file__).with_name("migrations")

_engines: dict[str, Engine] = {}


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers keep the old catalog while an import writes the new one.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        database = url.split("///", 1)[-1]
        if database and database != ":memory:":
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        # Asking directly is cheaper than reflecting the schema on every start.
        try:
            with conn.begin():
                return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except ProgrammingError:
            return None
        except OperationalError as exc:
            if "no such table" in str(exc.orig):
                return None
            raise


def migrate(engine: Engine, revision: str = "head") -> None:
    """Apply Alembic migrations up to ``revision``."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (default: the configured database), migrated to the head revision."""
    if url is None:
        from passionpath.config import get_settings

        url = get_settings().resolved_database_url
    engine = _engines.get(url)
    if engine is not None:
        return engine
    engine = _make_engine(url)
    try:
        if current_revision(engine) != HEAD_REVISION:
            migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        raise DatabaseError(
            f"Cannot open the database at {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}. Check PASSIONPATH_DATABASE_URL."
        ) from exc
    _engines[url] = engine
    return engine


def dispose_engines() -> None:
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
