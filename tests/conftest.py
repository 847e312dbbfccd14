"""Shared fixtures: isolated settings, and the same database tests on SQLite and PostgreSQL.

What is expensive is done once per session and copied, never redone per test:

* the schema is migrated, and the starter catalog imported, once into template databases
  (SQLite files, and PostgreSQL databases used as ``CREATE DATABASE ... TEMPLATE``); each
  test gets a fresh copy, holding the starter catalog when it asks for ``starter_engine``;
* matrices, title indexes and the like are pickled into one cache directory for the session
  (they are keyed by the release's content, so tests cannot see each other's data through it);
* every test's database lives at the same address, so the per-process caches keyed by address
  and release (matrices in memory, the trained interest model, similarity) are reused the way a
  long-running server reuses them, while the contents are still brand new for each test.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

# Test apps come and go by the hundred: none of them loads the catalog in the background.
os.environ["PASSIONPATH_WARM_UP"] = "false"

from passionpath.catalog import import_release
from passionpath.config import get_settings
from passionpath.context import Context
from passionpath.profile import create_profile, parse_document
from passionpath.store import dispose_engines, get_engine
from tests.release_factory import write_release

ONET_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "onet" / "db_30_0_text"
PG_ADMIN_URL = os.environ.get(
    "PASSIONPATH_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
#: The fixture whose presence makes `database_url` start from the starter template.
STARTER_FIXTURE = "starter_engine"
#: The fixture whose presence makes `database_url` give a database without any tables.
BLANK_FIXTURE = "blank_database"


@pytest.fixture(scope="session", autouse=True)
def one_thread_for_the_math() -> Iterator[None]:
    """numpy's BLAS and the ONNX text model each run a thread per core by default. On the
    small, shared machines the suite runs on, their threads waiting for one another cost more
    CPU than the small matrices of a test gain from them, so the session keeps both to one
    (the text model reads OMP_NUM_THREADS when it loads, as do commands run as subprocesses)."""
    from threadpoolctl import threadpool_limits

    with pytest.MonkeyPatch.context() as patch, threadpool_limits(limits=1):
        patch.setenv("OMP_NUM_THREADS", "1")
        yield


@pytest.fixture(scope="session")
def shared_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the whole run: cached matrices are keyed by release content."""
    return tmp_path_factory.mktemp("cache")


@contextmanager
def _settings(data_dir: Path, cache_dir: Path) -> Iterator[None]:
    """Point the settings at these folders for the duration of a session-level build."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PASSIONPATH_DATA_DIR", str(data_dir))
        patch.setenv("PASSIONPATH_CACHE_DIR", str(cache_dir))
        patch.delenv("PASSIONPATH_DATABASE_URL", raising=False)
        get_settings.cache_clear()
        try:
            yield
        finally:
            get_settings.cache_clear()


@pytest.fixture(autouse=True)
def isolated_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared_cache_dir: Path
) -> Iterator[None]:
    """Every test gets its own data directory and the default SQLite database."""
    monkeypatch.setenv("PASSIONPATH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PASSIONPATH_CACHE_DIR", str(shared_cache_dir))
    monkeypatch.delenv("PASSIONPATH_DATABASE_URL", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
    dispose_engines()


# --- PostgreSQL -------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[Engine]:
    """An autocommit connection to the server, for creating and dropping databases."""
    try:
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # any failure to connect means: no server here
        pytest.skip(f"PostgreSQL is not answering at {PG_ADMIN_URL} ({type(exc).__name__})")
    yield admin
    admin.dispose()


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _pg_create(admin: Engine, name: str, template: str | None = None) -> str:
    clause = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"{clause}'))
    return _pg_url(name)


def _pg_drop(admin: Engine, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_prefix() -> str:
    """The name every PostgreSQL database of this session starts with."""
    return f"passionpath_test_{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def pg_database(pg_admin: Engine, pg_prefix: str) -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped at the end."""
    url = _pg_create(pg_admin, pg_prefix)
    yield url
    dispose_engines()
    _pg_drop(pg_admin, pg_prefix)


# --- templates: made once per session, copied for each test ------------------------------


def _load_and_warm_starter(engine: Engine) -> None:
    """Import the starter catalog and compute what tests would otherwise each recompute."""
    from passionpath.catalog import load_starter, search_occupations
    from passionpath.match import load_matrices
    from passionpath.text import interest_model

    assert load_starter(engine=engine) is not None
    ctx = Context.open(engine=engine)
    load_matrices(ctx)  # pickled into the shared cache, its text vectors stored in the db
    interest_model(ctx)  # stores the training sentences' vectors in the database
    search_occupations("baker", ctx)  # the title index, pickled


def _sqlite_template(folder: Path, cache_dir: Path, name: str, starter: bool) -> Path:
    path = folder / f"{name}.db"
    with _settings(folder / "data", cache_dir):
        engine = get_engine(f"sqlite:///{path}")  # migrated here, once
        if starter:
            _load_and_warm_starter(engine)
        with engine.connect() as conn:
            # Fold the write-ahead log into the file, so copying the file copies everything.
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        dispose_engines()
    return path


def _pg_template(admin: Engine, name: str, folder: Path, cache_dir: Path, starter: bool) -> str:
    url = _pg_create(admin, name)
    with _settings(folder, cache_dir):
        engine = get_engine(url)  # migrated here, once
        if starter:
            _load_and_warm_starter(engine)
        dispose_engines()  # a template database must have no open connections
    return name


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory, shared_cache_dir: Path) -> Path:
    """An empty SQLite file at the newest schema revision; copy it, never open it in a test."""
    return _sqlite_template(tmp_path_factory.mktemp("migrated"), shared_cache_dir, "empty", False)


@pytest.fixture(scope="session")
def starter_sqlite(tmp_path_factory: pytest.TempPathFactory, shared_cache_dir: Path) -> Path:
    """A SQLite file holding the starter catalog; copy it, never open it in a test."""
    return _sqlite_template(tmp_path_factory.mktemp("starter"), shared_cache_dir, "starter", True)


@pytest.fixture(scope="session")
def migrated_postgresql(
    pg_admin: Engine,
    pg_prefix: str,
    shared_cache_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The name of an empty, migrated PostgreSQL database, used as a template."""
    folder = tmp_path_factory.mktemp("migrated-pg")
    yield _pg_template(pg_admin, f"{pg_prefix}_empty", folder, shared_cache_dir, False)
    _pg_drop(pg_admin, f"{pg_prefix}_empty")


@pytest.fixture(scope="session")
def starter_postgresql(
    pg_admin: Engine,
    pg_prefix: str,
    shared_cache_dir: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """The name of a PostgreSQL database holding the starter catalog, used as a template."""
    folder = tmp_path_factory.mktemp("starter-pg")
    yield _pg_template(pg_admin, f"{pg_prefix}_starter", folder, shared_cache_dir, True)
    _pg_drop(pg_admin, f"{pg_prefix}_starter")


# --- the database each test gets --------------------------------------------------------


@pytest.fixture(scope="session")
def work_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where each test's SQLite database lives: the same address for every test."""
    return tmp_path_factory.mktemp("work")


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.fixture
def blank_database() -> None:
    """Ask for this when the test is about the first use of a database (migrations)."""


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, work_dir: Path) -> Iterator[str]:
    """A brand-new database of this test's own, copied from a session template: migrated and
    empty, or holding the starter catalog when the test asks for ``starter_engine``. With
    ``blank_database`` it is truly blank (no tables), so first use migrates it."""
    names = request.fixturenames
    kind = "blank" if BLANK_FIXTURE in names else "starter" if STARTER_FIXTURE in names else ""
    if request.param == "sqlite":
        path = work_dir / "test.db"
        _remove_sqlite(path)
        if kind != "blank":
            template = "starter_sqlite" if kind == "starter" else "migrated_sqlite"
            shutil.copyfile(request.getfixturevalue(template), path)
        yield f"sqlite:///{path}"
        dispose_engines()
        _remove_sqlite(path)
        return
    if kind != "blank":
        admin: Engine = request.getfixturevalue("pg_admin")
        template = "starter_postgresql" if kind == "starter" else "migrated_postgresql"
        name = f"{request.getfixturevalue('pg_prefix')}_work"
        url = _pg_create(admin, name, template=request.getfixturevalue(template))
        yield url
        dispose_engines()
        _pg_drop(admin, name)
        return
    base = request.getfixturevalue("pg_database")
    schema = "work"
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
    """A context on the test's database and settings (its own memo, the shared cache dir)."""
    return Context.open(engine=engine)


@pytest.fixture
def default_starter_engine(starter_sqlite: Path) -> Engine:
    """The default database (the per-test SQLite file that CLI commands open) holding a copy
    of the starter catalog, for tests on one backend that drive the CLI and the core alike."""
    url = get_settings().resolved_database_url
    path = Path(url.split("///", 1)[1])
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(starter_sqlite, path)
    return get_engine(url)


@pytest.fixture
def starter_engine(engine: Engine) -> Engine:
    """`engine`, holding a fresh copy of the starter catalog (see `database_url`)."""
    return engine


@pytest.fixture
def release_dir(tmp_path: Path) -> Path:
    return write_release(tmp_path / "release")


@pytest.fixture
def onet_dir() -> Path:
    if not (ONET_DIR / "Occupation Data.txt").exists():
        pytest.skip(f"the O*NET release is not present at {ONET_DIR}")
    return ONET_DIR


#: Sam, two rated skills and a bachelor's degree: the person the plans are made for, through
#: the core (``tests/plan``) and through ``passionpath plan`` (``tests/cli``).
SAM = {
    "basics": {"name": "Sam Lee"},
    "education": [{"institution": "X", "studyType": "Bachelor of Science"}],
    "passionpath": {
        "skills": [
            {"element_id": "2.A.1.a", "name": "Reading Comprehension", "level": 4.0},
            {"element_id": "2.B.3.e", "name": "Programming", "level": 3.0},
        ]
    },
}


@pytest.fixture
def sam(engine: Engine, release_dir: Path) -> str:
    """Sam's profile, slug ``sam``, on the small fixture release."""
    import_release(release_dir, engine=engine)
    create_profile(parse_document(SAM), slug="sam", engine=engine)
    return "sam"
