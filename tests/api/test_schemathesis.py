"""Property-based run over the OpenAPI spec: no request may produce a server error."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine

from passionpath.server import create_app
from passionpath.store import get_engine

MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"


@pytest.fixture(scope="module")
def api_app(starter_sqlite: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The API over a copy of the starter catalog, built when the tests run (not on import)."""
    path = tmp_path_factory.mktemp("schema") / "schema.db"
    shutil.copyfile(starter_sqlite, path)
    yield create_app(engine=get_engine(f"sqlite:///{path}"))


@pytest.fixture(scope="module")
def auth_headers(api_app: FastAPI) -> dict[str, str]:
    """A signed-up user with one profile, so authenticated routes get past the login check."""
    from passionpath.accounts import issue_token, register
    from passionpath.profile import create_profile, parse_document

    engine = api_app.state.ctx.engine
    user = register(engine, "schema@example.org", "a long enough password")
    created = create_profile(
        parse_document(json.loads(MAYA.read_text())), slug="maya", engine=engine, owner=user
    )
    # one CV, so the /cvs/{cv_id} routes are reached past the owner check now and then
    from passionpath.cv import TailoredCV, save_cv

    save_cv(
        TailoredCV("27-4021.00", "Photographers", json.loads(MAYA.read_text())),
        created.profile,
        1,
        engine,
        owner=user,
    )
    return {"Authorization": f"Bearer {issue_token(engine, user)}"}


def _spec() -> dict[str, Any]:
    """The OpenAPI document, from an app whose database is never opened: collecting the
    tests needs the operations, and only running them needs a database."""
    return create_app(engine=create_engine("sqlite://")).openapi()


schema = schemathesis.openapi.from_dict(_spec())


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(
    case: schemathesis.Case, api_app: FastAPI, auth_headers: dict[str, str]
) -> None:
    response = case.call(app=api_app, headers=auth_headers)
    assert response.status_code < 500, (
        case.method,
        case.path,
        response.status_code,
        response.text[:300],
    )
