"""Storage: migrations run on first use, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from passionpath.config import get_settings
from passionpath.errors import DatabaseError
from passionpath.store import get_engine
from passionpath.store.engine import HEAD_REVISION, MIGRATIONS_DIR, current_revision
from passionpath.store.models import Base


def test_head_revision_constant_matches_alembic() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD_REVISION


@pytest.mark.usefixtures("blank_database")
def test_first_use_creates_every_table(engine: Engine) -> None:
    assert current_revision(engine) == HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


@pytest.mark.usefixtures("blank_database")
def test_migrations_match_the_models(engine: Engine) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_default_database_is_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = get_settings()
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'passionpath.db'}"
    get_engine()
    assert (tmp_path / "data" / "passionpath.db").exists()


def test_unreachable_database_gives_a_clear_error() -> None:
    with pytest.raises(DatabaseError, match="Cannot open the database"):
        get_engine("postgresql+psycopg://nobody@127.0.0.1:1/none?connect_timeout=2")
