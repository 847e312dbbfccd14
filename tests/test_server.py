"""The server module: one context per app, both faces mounted, errors in each face's voice,
and faces that do not import each other."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.accounts import token_digest
from passionpath.catalog import load_starter
from passionpath.context import Context
from passionpath.server import create_app

PASSWORD = "a long enough password"


def _token(client: TestClient, email: str) -> str:
    body = {"email": email, "password": PASSWORD}
    assert client.post("/api/v1/auth/register", json=body).status_code == 201
    token: str = client.post("/api/v1/auth/token", json=body).json()["token"]
    return token


def test_the_app_holds_the_context_it_was_given(engine: Engine) -> None:
    ctx = Context.open(engine=engine)
    assert create_app(ctx).state.ctx is ctx
    assert create_app(engine=engine).state.ctx.engine is engine


def test_each_app_remembers_tokens_in_its_own_context(engine: Engine) -> None:
    first, second = create_app(engine=engine), create_app(engine=engine)
    with TestClient(first) as a, TestClient(second) as b:
        token = _token(a, "two-apps@example.org")
        auth = {"Authorization": f"Bearer {token}"}
        assert a.get("/api/v1/profiles", headers=auth).status_code == 200
        digest = token_digest(token)
        assert first.state.ctx.memo.get("tokens", digest) is not None
        assert second.state.ctx.memo.get("tokens", digest) is None
        # Deleting the account through one app revokes the token there at once.
        assert a.delete("/api/v1/account", headers=auth).status_code == 204
        assert first.state.ctx.memo.get("tokens", digest) is None
        assert a.get("/api/v1/profiles", headers=auth).status_code == 401
        assert b.get("/api/v1/profiles", headers=auth).status_code == 401


@pytest.mark.usefixtures("starter_engine")
def test_errors_speak_json_to_the_api_and_html_to_the_pages(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as client:
        api = client.get("/api/v1/occupations/00-0000.00")
        assert api.status_code == 404 and api.json()["detail"][0]["msg"]
        page = client.get("/occupations/00-0000.00")
        assert page.status_code == 404 and page.text.startswith("<!doctype html>")
        assert client.get("/feed/short.ics").status_code == 404
        assert client.get("/feed/" + "x" * 32 + ".ics").status_code == 404
        login = client.get("/plans", follow_redirects=False)
        assert login.status_code == 303 and login.headers["location"] == "/login"


@pytest.mark.parametrize(("face", "other"), [("api", "web"), ("web", "api")])
def test_a_face_does_not_import_the_other(face: str, other: str) -> None:
    code = f"import sys, passionpath.{face}; print('passionpath.{other}' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
