"""Migration 0009 (CVs) goes down to 0007 and up again on SQLite and PostgreSQL, keeping the
profiles that were there before it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect

from passionpath.cv import TailoredCV, get_cv, save_cv
from passionpath.profile import create_profile, load_profile, parse_document
from passionpath.store.engine import MIGRATIONS_DIR, current_revision

MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"
CV_TABLES = {"cv", "cv_application"}


def _run(engine: Engine, step: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, step)(config, revision)


@pytest.mark.usefixtures("blank_database")
def test_cv_migration_goes_down_and_up(engine: Engine) -> None:
    saved = create_profile(parse_document(json.loads(MAYA.read_text())), engine, slug="maya")
    cv = save_cv(TailoredCV("27-4021.00", "Photographers", {}), saved.profile, 1, engine)
    assert get_cv(cv.id, engine).target_code == "27-4021.00"
    _run(engine, "downgrade", "0007")
    assert current_revision(engine) == "0007"
    assert not CV_TABLES & set(inspect(engine).get_table_names())
    _run(engine, "upgrade", "head")
    assert set(inspect(engine).get_table_names()) >= CV_TABLES
    assert load_profile("maya", engine)[0].slug == "maya"


def test_deleting_a_profile_deletes_its_cvs(engine: Engine) -> None:
    from passionpath.cv import list_cvs, record_sent
    from passionpath.profile import delete_profile

    saved = create_profile(parse_document(json.loads(MAYA.read_text())), engine, slug="maya")
    cv = save_cv(TailoredCV("27-4021.00", "Photographers", {}), saved.profile, 1, engine)
    from passionpath.jobsearch import ApplicationFields, add_application

    record_sent(
        cv.id, add_application(ApplicationFields(company="A", role_title="B"), engine), engine
    )
    delete_profile("maya", engine)
    assert list_cvs(engine) == []
