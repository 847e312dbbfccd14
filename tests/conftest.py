"""Shared fixtures: isolated settings, and the same database tests on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from passionpath.config import get_settings
from passionpath.context import Context
from passionpath.store import dispose_engines, get_engine
from tests.release_factory import write_release

ONET_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "onet" / "db_30_0_text"
PG_ADMIN_URL = os.environ.get(
    "PASSIONPATH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test gets its own data and cache directories and the default SQLite database."""
    monkeypatch.setenv("PASSIONPATH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PASSIONPATH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PASSIONPATH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
    dispose_engines()


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to connect means: no server here
        pytest.skip(f"PostgreSQL is not answering at {PG_ADMIN_URL} ({type(exc).__name__})")
    name = f"passionpath_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    dispose_engines()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A brand-new empty database: a SQLite file, or a fresh schema in the session's PG database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    base = request.getfixturevalue("pg_database")
    schema = f"s_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield f"{base}?options=-csearch_path%3D{schema}"
    dispose_engines()
    with engine.connect() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def engine(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """A migrated engine, also made the default so CLI commands use it."""
    monkeypatch.setenv("PASSIONPATH_DATABASE_URL", database_url)
    get_settings.cache_clear()
    return get_engine(database_url)


@pytest.fixture
def ctx(engine: Engine) -> Context:
    """A context on the test's database and settings (fresh memo, the test's cache dir)."""
    return Context.open(engine=engine)


@pytest.fixture
def release_dir(tmp_path: Path) -> Path:
    return write_release(tmp_path / "release")


@pytest.fixture
def onet_dir() -> Path:
    if not (ONET_DIR / "Occupation Data.txt").exists():
        pytest.skip(f"the O*NET release is not present at {ONET_DIR}")
    return ONET_DIR
