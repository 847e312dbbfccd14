"""Property-based run over the OpenAPI spec: no request may produce a server error."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from passionpath.catalog import load_starter
from passionpath.config import get_settings
from passionpath.server import create_app
from passionpath.store import dispose_engines, get_engine


def _app():  # type: ignore[no-untyped-def]
    import os
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="passionpath-schema-"))
    os.environ["PASSIONPATH_DATA_DIR"] = str(folder)
    os.environ["PASSIONPATH_CACHE_DIR"] = str(folder / "cache")
    get_settings.cache_clear()
    engine = get_engine(f"sqlite:///{folder / 'schema.db'}")
    load_starter(engine=engine)
    return create_app(engine=engine)


app = _app()
_engine = app.state.ctx.engine


def _token() -> str:
    """A signed-up user with one profile, so authenticated routes get past the login check."""
    import json

    from passionpath.accounts import issue_token, register
    from passionpath.profile import create_profile, parse_document

    user = register(_engine, "schema@example.org", "a long enough password")
    maya = Path(__file__).resolve().parents[1] / "examples" / "profiles" / "maya.json"
    create_profile(
        parse_document(json.loads(maya.read_text())), slug="maya", engine=_engine, owner=user
    )
    return issue_token(_engine, user)


AUTH = {"Authorization": f"Bearer {_token()}"}
schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


@pytest.fixture(autouse=True, scope="module")
def _cleanup() -> object:
    yield None
    dispose_engines()


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call(headers=AUTH)
    assert response.status_code < 500, (
        case.method,
        case.path,
        response.status_code,
        response.text[:300],
    )
