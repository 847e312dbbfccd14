"""Core errors speak no face's language; each face names the input at fault in its own words.

This file stays whole at ``tests/``, next to ``passionpath/errors.py``, because its point
crosses the faces: the same core error is raised once and read through the CLI, the API and
the pages side by side. How the CLI labels a field on its own is in ``tests/cli/test_output.py``;
how the API places a validation error, in ``tests/api/test_errors.py``.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app
from passionpath.errors import NotFoundError, PassionpathError, ReleaseError
from passionpath.server import create_app

SRC = Path(__file__).resolve().parents[1] / "src" / "passionpath"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "profiles"
PASSWORD = "correct horse battery"
runner = CliRunner()

# A CLI flag (``--hours``) or a backticked command (`passionpath profile new NAME`).
CLI_WORDS = re.compile(r"--[a-z]|`passionpath\b")


# --- the error itself --------------------------------------------------------------------


def test_an_error_carries_field_and_hint_and_reads_as_one_line() -> None:
    exc = PassionpathError("must be more than 0.", field="hours_per_week", hint="Try 5.")
    assert exc.message == "must be more than 0."
    assert (exc.field, exc.hint) == ("hours_per_week", "Try 5.")
    assert str(exc) == "hours_per_week: must be more than 0. Try 5."
    assert str(PassionpathError("The catalog is empty.")) == "The catalog is empty."
    assert isinstance(NotFoundError("x", field="code"), PassionpathError)


def test_release_errors_keep_file_and_line() -> None:
    exc = ReleaseError("expected 3 fields, found 2", file="Skills.txt", line=4)
    assert (exc.file, exc.line, exc.reason) == ("Skills.txt", 4, "expected 3 fields, found 2")
    assert str(exc) == "Skills.txt, line 4: expected 3 fields, found 2"
    assert exc.field is None and exc.hint is None


# --- no core message speaks CLI ----------------------------------------------------------


def _message_texts(call: ast.Call) -> Iterator[str]:
    """The literal text of every string (and f-string part) passed to an exception."""
    for node in [*call.args, *(k.value for k in call.keywords)]:
        for part in ast.walk(node):
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                yield part.value


def _core_error_texts() -> Iterator[tuple[str, int, str]]:
    for path in sorted(SRC.rglob("*.py")):
        if "cli" in path.relative_to(SRC).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            calls: list[ast.Call] = []
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
                calls.append(node.exc)
            # Error classes that build their own message (EmptyCatalogError) do it in
            # ``super().__init__(...)``.
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "__init__"
            ):
                calls.append(node)
            for call in calls:
                for text in _message_texts(call):
                    yield str(path.relative_to(SRC)), call.lineno, text


def test_the_scan_sees_the_raise_sites() -> None:
    texts = {text for _, _, text in _core_error_texts()}
    assert "must be more than 0." in texts  # a plain raise
    assert "The catalog is empty." in texts  # a message built in super().__init__
    assert "hours_per_week" in texts  # keyword arguments are scanned too


def test_no_core_error_message_names_a_cli_flag_or_command() -> None:
    offenders = [
        f"{path}:{line}: {text!r}"
        for path, line, text in _core_error_texts()
        if CLI_WORDS.search(text)
    ]
    assert offenders == []


# --- the same core error on both faces ---------------------------------------------------


@pytest.fixture
def starter(default_starter_engine: Engine) -> Engine:
    """The starter catalog in the default (per-test SQLite) database, which the CLI uses."""
    return default_starter_engine


@pytest.fixture
def client(starter: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=starter)) as test_client:
        yield test_client


@pytest.fixture
def auth(client: TestClient) -> dict[str, str]:
    credentials = {"email": "errors@example.org", "password": PASSWORD}
    assert client.post("/api/v1/auth/register", json=credentials).status_code == 201
    token = client.post("/api/v1/auth/token", json=credentials).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def _only_error(response: object) -> dict[str, object]:
    detail = response.json()["detail"]  # type: ignore[attr-defined]
    assert len(detail) == 1
    entry: dict[str, object] = detail[0]
    assert not CLI_WORDS.search(str(entry.get("msg"))) and not CLI_WORDS.search(
        str(entry.get("hint", ""))
    )
    return entry


def test_unknown_occupation_code(client: TestClient) -> None:
    result = runner.invoke(app, ["occupations", "show", "00-0000.00"])
    assert result.exit_code == 1
    assert "CODE: No occupation with code '00-0000.00'." in result.output
    assert "`passionpath occupations search TITLE`" in result.output
    response = client.get("/api/v1/occupations/00-0000.00")
    assert response.status_code == 404
    error = _only_error(response)
    assert error["loc"] == ["path", "code"]
    assert error["msg"] == "No occupation with code '00-0000.00'."
    assert error["hint"] == "Search the occupations by title to find codes."


def test_unknown_target_occupation(client: TestClient, auth: dict[str, str]) -> None:
    priya = str(EXAMPLES / "priya.json")
    result = runner.invoke(app, ["gaps", priya, "--target", "99-9999.00"])
    assert result.exit_code == 1
    assert "--target: No occupation with code '99-9999.00'." in result.output
    document = {"basics": {"name": "Priya"}}
    created = client.post(
        "/api/v1/profiles", headers=auth, json={"document": document, "slug": "priya"}
    )
    assert created.status_code == 201
    response = client.get(
        "/api/v1/profiles/priya/gaps", headers=auth, params={"target": "99-9999.00"}
    )
    assert response.status_code == 404
    assert _only_error(response)["loc"] == ["query", "target"]


def test_profile_slug_taken(client: TestClient, auth: dict[str, str]) -> None:
    priya = str(EXAMPLES / "priya.json")
    assert runner.invoke(app, ["profile", "import", priya, "--slug", "priya"]).exit_code == 0
    result = runner.invoke(app, ["profile", "import", priya, "--slug", "priya"])
    assert result.exit_code == 1
    assert "--slug: A profile called 'priya' exists already." in result.output
    body = {"document": {"basics": {"name": "Priya"}}, "slug": "priya"}
    assert client.post("/api/v1/profiles", headers=auth, json=body).status_code == 201
    response = client.post("/api/v1/profiles", headers=auth, json=body)
    assert response.status_code == 400
    error = _only_error(response)
    assert error["loc"] == ["body", "slug"]
    assert error["msg"] == "A profile called 'priya' exists already."


def test_unknown_profile(client: TestClient, auth: dict[str, str]) -> None:
    result = runner.invoke(app, ["profile", "show", "nobody"])
    assert result.exit_code == 1
    assert "KEY: No profile 'nobody'." in result.output
    response = client.get("/api/v1/profiles/nobody", headers=auth)
    assert response.status_code == 404
    assert _only_error(response)["loc"] == ["path", "slug"]


def test_web_pages_name_the_field_in_plain_words(client: TestClient) -> None:
    page = client.get("/occupations/00-0000.00")
    assert page.status_code == 404
    assert "Code: No occupation with code" in page.text
    assert "passionpath occupations" not in page.text
