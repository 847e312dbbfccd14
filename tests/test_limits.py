"""Every text and list a person can send has a documented limit, enforced in the core and
answered 422 by the API naming the field.

Kept whole at ``tests/``, next to ``passionpath/limits.py``: one limit is one promise made in
three places (the core, the API and the README table), and the file checks them side by side.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath import limits
from passionpath.cli._app import app
from passionpath.errors import PassionpathError
from passionpath.profile import (
    LinkedInImportError,
    ProfileValidationError,
    parse_document,
    read_linkedin_export,
)
from passionpath.server import create_app
from passionpath.store import get_engine
from passionpath.text import TextInputError, check_text, check_texts

README = Path(__file__).resolve().parents[1] / "README.md"
runner = CliRunner()
TOO_LONG = "I love baking bread. " * (limits.MAX_TEXT_CHARS // 10)


def test_a_huge_reflection_is_refused_naming_the_field() -> None:
    document = {"passionpath": {"reflections": {"causes": "x" * 1_000_000}}}
    with pytest.raises(ProfileValidationError) as caught:
        parse_document(document, "me.json")
    [(path, message)] = caught.value.problems
    assert path == "passionpath.reflections.causes"
    assert f"the limit is {limits.MAX_TEXT_CHARS}" in message


def test_long_lists_and_resume_texts_are_bounded_too() -> None:
    document = {
        "skills": [{"name": f"skill {i}"} for i in range(limits.MAX_LIST_ITEMS + 1)],
        "work": [{"name": "Acme", "summary": TOO_LONG}],
    }
    with pytest.raises(ProfileValidationError) as caught:
        parse_document(document)
    paths = [path for path, _ in caught.value.problems]
    assert paths == ["skills", "work[0].summary"]


def test_within_the_limits_a_document_is_accepted() -> None:
    text = "a" * limits.MAX_TEXT_CHARS
    document = parse_document({"passionpath": {"reflections": {"causes": text}}})
    assert document.pp.reflections.causes == text


def test_stored_versions_are_read_without_the_limits() -> None:
    # A version saved before the limits existed must still open: nothing is lost.
    document = {"passionpath": {"reflections": {"causes": "x" * (limits.MAX_TEXT_CHARS + 1)}}}
    assert parse_document(document, check_limits=False).pp.reflections.causes.startswith("x")


def test_texts_are_bounded_in_length_and_number() -> None:
    with pytest.raises(TextInputError, match="the limit is"):
        check_text(TOO_LONG)
    with pytest.raises(TextInputError, match=f"the limit is {limits.MAX_TEXTS}"):
        check_texts(["I love baking"] * (limits.MAX_TEXTS + 1))
    assert check_texts(["I love baking"]) == ["I love baking"]


def test_a_huge_input_file_is_refused_before_any_work(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("I love baking bread\n" * 110_000)
    result = runner.invoke(app, ["interests", "infer", "--input", str(path)])
    assert result.exit_code == 1
    assert f"{path}: the file is 2.2 MB; the limit is 1 MB." in result.output


def test_a_linkedin_zip_that_unpacks_too_far_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nAda,Lovelace\n" + " " * 5000)
    path = tmp_path / "export.zip"
    path.write_bytes(buffer.getvalue())
    assert read_linkedin_export(path).display_name == "Ada Lovelace"
    monkeypatch.setattr("passionpath.profile._linkedin.MAX_LINKEDIN_UNPACKED_BYTES", 1000)
    with pytest.raises(LinkedInImportError, match="unpacks to"):
        read_linkedin_export(path)
    monkeypatch.setattr("passionpath.profile._linkedin.MAX_LINKEDIN_ZIP_BYTES", 100)
    with pytest.raises(LinkedInImportError, match="the limit for a LinkedIn export"):
        read_linkedin_export(path)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    engine: Engine = get_engine(f"sqlite:///{tmp_path / 'limits.db'}")
    with TestClient(create_app(engine=engine)) as test_client:
        yield test_client


def _locs(response: Any) -> list[list[Any]]:
    assert response.status_code == 422, response.text
    return [detail["loc"] for detail in response.json()["detail"]]


def test_api_bounds_each_text_and_the_list(client: TestClient) -> None:
    body = {"texts": ["I love baking", TOO_LONG]}
    assert _locs(client.post("/api/v1/interests/infer", json=body)) == [["body", "texts", 1]]
    many = {"texts": ["I love baking"] * (limits.MAX_TEXTS + 1)}
    assert _locs(client.post("/api/v1/explore", json=many)) == [["body", "texts"]]


def test_api_bounds_profile_documents(client: TestClient) -> None:
    headers = _sign_up(client)
    document = {"passionpath": {"reflections": {"talents": TOO_LONG}}}
    locs = _locs(client.post("/api/v1/profiles", json={"document": document}, headers=headers))
    assert locs == [["body", "document", "passionpath", "reflections", "talents"]]


def _sign_up(client: TestClient) -> dict[str, str]:
    credentials = {"email": "limits@example.org", "password": "long enough password"}
    assert client.post("/api/v1/auth/register", json=credentials).status_code == 201
    token = client.post("/api/v1/auth/token", json=credentials).json()["token"]
    return {"Authorization": f"Bearer {token}"}


def test_every_limit_is_in_the_readme_table() -> None:
    section = README.read_text(encoding="utf-8").split("## Limits", 1)[1].split("\n## ", 1)[0]
    for name in limits.__all__:
        value = getattr(limits, name)
        assert f"`{name}`" in section, name
        shown = f"{value:,}" if value < 1_000_000 else f"{value / 1_000_000:g} MB"
        assert re.search(rf"\|\s*{re.escape(shown)}\b", section), (name, shown)


def test_api_bounds_inventory_answers_and_plan_obstacles(client: TestClient) -> None:
    headers = _sign_up(client)
    answers = {f"item{i}": 3 for i in range(limits.MAX_INVENTORY_ANSWERS + 1)}
    response = client.post(
        "/api/v1/profiles/me/inventory", json={"answers": answers}, headers=headers
    )
    assert _locs(response) == [["body", "answers"]]
    plan = {"target": "51-3011.00", "obstacles": ["time"] * (limits.MAX_OBSTACLES + 1)}
    response = client.post("/api/v1/profiles/me/plans", json=plan, headers=headers)
    assert _locs(response) == [["body", "obstacles"]]
    plan = {"target": "51-3011.00", "obstacles": ["t" * (limits.MAX_LABEL_CHARS + 1)]}
    response = client.post("/api/v1/profiles/me/plans", json=plan, headers=headers)
    assert _locs(response) == [["body", "obstacles", 0]]


def test_texts_and_passion_writing_are_bounded_together() -> None:
    full = "a" * limits.MAX_TEXT_CHARS
    count = limits.MAX_TEXTS_TOTAL_CHARS // limits.MAX_TEXT_CHARS + 1
    with pytest.raises(TextInputError, match="add up to"):
        check_texts([full] * count)
    count = limits.MAX_PASSION_TOTAL_CHARS // limits.MAX_TEXT_CHARS + 1
    keys = ["lose_track_of_time", "causes", "talents", "unpaid"][:count]
    document = {"passionpath": {"reflections": dict.fromkeys(keys, full)}}
    with pytest.raises(ProfileValidationError) as caught:
        parse_document(document)
    [(path, message)] = caught.value.problems
    assert path == "passionpath" and "add up to" in message


def test_api_bounds_the_texts_together(client: TestClient) -> None:
    full = "I love baking. " * (limits.MAX_TEXT_CHARS // 15)
    count = limits.MAX_TEXTS_TOTAL_CHARS // len(full) + 1
    response = client.post("/api/v1/explore", json={"texts": [full] * count})
    assert _locs(response) == [["body", "texts"]]


def test_an_email_address_is_bounded_by_the_core(default_starter_engine: Engine) -> None:
    from passionpath.accounts import register

    too_long = "a" * limits.MAX_EMAIL_CHARS + "@example.org"
    for email in (too_long, "no-at-sign", "@"):
        with pytest.raises(PassionpathError, match="not an email address") as refused:
            register(default_starter_engine, email, "a long enough password")
        assert refused.value.field == "email"


def test_bodies_over_their_cap_are_refused_before_a_face_reads_them(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("passionpath.body_limit.MAX_FORM_BYTES", 1000)
    monkeypatch.setattr("passionpath.body_limit.MAX_JSON_BYTES", 1000)
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    page = client.post("/login", content=b"email=" + b"a" * 2000, headers=form)
    assert page.status_code == 413 and "too much to send" in page.text
    assert "text/html" in page.headers["content-type"]
    answer = client.post("/api/v1/explore", json={"texts": ["I love baking " * 100]})
    assert answer.status_code == 413
    assert answer.json()["detail"][0]["loc"] == ["body"]

    def chunks(count: int) -> Iterator[bytes]:
        yield b'{"email": "streamed@example.org", "password": "'
        for _ in range(count):
            yield b"long-pass "
        yield b'"}'

    # A body streamed without its length is counted as it comes ...
    streamed = client.post("/api/v1/auth/register", content=chunks(200), headers=_json())
    assert streamed.status_code == 413
    # ... and one under the cap reaches the route whole.
    small = client.post("/api/v1/auth/register", content=chunks(3), headers=_json())
    assert small.status_code == 201, small.text
    assert _locs(client.post("/api/v1/explore", json={"texts": []})) == [["body", "texts"]]


def _json() -> dict[str, str]:
    return {"Content-Type": "application/json"}
