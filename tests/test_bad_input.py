"""Bad input as a new user would send it: one clear line naming the file, line or field,
nothing stored, no traceback.

Kept whole at ``tests/`` rather than split by face: each check follows one kind of bad input
(a binary file, a missing folder, blank or foreign text) through the core and then the face a
person would send it from, so the pair reads together. The ``passionpath.files`` checks are
here too, since reading a person's files is where bad input starts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.errors import PassionpathError
from passionpath.files import UserFileError, read_user_text, write_user_file
from passionpath.profile import list_profiles, read_profile_file
from passionpath.server import create_app
from passionpath.store import get_engine

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    # A traceback would surface as an exception the runner caught, not as output.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """One SQLite database made the default (these checks do not depend on the backend)."""
    from passionpath.config import get_settings

    url = f"sqlite:///{tmp_path / 'bad-input.db'}"
    monkeypatch.setenv("PASSIONPATH_DATABASE_URL", url)
    get_settings.cache_clear()
    return get_engine(url)


# --- reading a person's files -------------------------------------------------------------


def test_a_byte_order_mark_is_accepted(tmp_path: Path, sqlite: Engine) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"basics": {"name": "Bo M"}}).encode())
    assert read_profile_file(path).display_name == "Bo M"
    code, output = invoke("profile", "import", str(path), "--slug", "bom")
    assert code == 0, output
    assert [p.slug for p in list_profiles(sqlite)] == ["bom"]


def test_a_binary_profile_is_one_line_naming_the_file(tmp_path: Path, sqlite: Engine) -> None:
    path = tmp_path / "photo.json"
    path.write_bytes(b'{"basics":\n {"name": "x"}}\n\xff\xd8\xff\xe0 JFIF')
    code, output = invoke("profile", "import", str(path))
    assert code == 1
    assert f"{path}, line 3: not UTF-8 text" in output
    assert "Traceback" not in output and "UnicodeDecodeError" not in output
    assert list_profiles(sqlite) == []


def test_nul_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.bin"
    path.write_bytes(b"line one\nline\x00two\n")
    with pytest.raises(UserFileError) as caught:
        read_user_text(path, max_bytes=1000)
    assert caught.value.line == 2
    assert "binary" in caught.value.reason


def test_missing_folder_and_oversized_files_are_named(tmp_path: Path) -> None:
    with pytest.raises(UserFileError, match="no such file"):
        read_user_text(tmp_path / "nope.txt", max_bytes=10)
    with pytest.raises(UserFileError, match="folder, not a file"):
        read_profile_file(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    with pytest.raises(UserFileError, match="the limit is 1 kB"):
        read_user_text(big, max_bytes=1000)


def test_an_empty_document_is_refused(tmp_path: Path, sqlite: Engine) -> None:
    for name, content in (("empty.json", {}), ("other.json", {"name": "pkg", "version": "1"})):
        path = tmp_path / name
        path.write_text(json.dumps(content))
        code, output = invoke("profile", "import", str(path))
        assert code == 1
        assert f"{path}: there is nothing in this profile" in output
    assert list_profiles(sqlite) == []
    passions_only = tmp_path / "passions.json"
    passions_only.write_text(json.dumps({"passionpath": {"reflections": {"causes": "animals"}}}))
    assert read_profile_file(passions_only).pp.reflections.causes == "animals"


def test_input_files_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "texts.txt"
    path.write_text("I love baking bread\n\nMe encanta cocinar para mi familia los domingos\n")
    code, output = invoke("explore", "--input", str(path))
    assert code == 1
    assert f"{path}, line 3: this looks like Spanish, not English" in output
    blank = tmp_path / "blank.txt"
    blank.write_text("\n   \n")
    code, output = invoke("interests", "infer", "--input", str(blank))
    assert code == 1
    assert "there is nothing to go on" in output


# --- writing where a person asked ---------------------------------------------------------


def test_writing_into_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "x.svg"
    with pytest.raises(UserFileError, match="does not exist"):
        write_user_file(target, "<svg/>")
    write_user_file(tmp_path / "x.svg", "<svg/>")
    assert (tmp_path / "x.svg").read_text() == "<svg/>"


def test_ical_into_a_missing_folder_names_the_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import passionpath.cli.plan as plan_cli
    import passionpath.plan as plan_core

    monkeypatch.setattr(plan_cli, "_plan", lambda *_: object())
    monkeypatch.setattr(plan_core, "plan_calendar", lambda _plan: b"BEGIN:VCALENDAR\r\n")
    target = tmp_path / "missing_dir" / "x.ics"
    code, output = invoke("plan", "export", "--ical", str(target))
    assert code == 1
    assert f"--ical {target}: the folder" in output and "does not exist" in output


def test_chart_errors_and_language_warnings_in_match(
    tmp_path: Path, default_starter_engine: Engine
) -> None:
    sqlite = default_starter_engine
    profile = Path(__file__).resolve().parents[1] / "examples" / "profiles" / "maya.json"
    target = tmp_path / "missing_dir" / "x.svg"
    code, output = invoke("match", str(profile), "--chart", str(target), "-n", "3")
    assert code == 1
    assert f"--chart {target}: the folder" in output
    # A stored reflection in another language is kept and warned about, not refused.
    from passionpath.match import match

    document = read_profile_file(profile)
    document.pp.reflections.causes = "La cause qui me touche le plus, c'est l'écologie"
    report = match(document, Context.open(engine=sqlite), top=3)
    assert len(report.results) == 3
    assert report.warnings == report.as_dict()["warnings"]
    [warning] = report.warnings
    assert warning.startswith("passionpath.reflections.causes looks like French")


# --- empty text and CLI-only parsing ------------------------------------------------------


def test_blank_text_is_nothing_to_go_on() -> None:
    code, output = invoke("explore", "   ")
    assert code == 1
    assert "there is nothing to go on" in output
    code, output = invoke("interests", "infer", "")
    assert code == 1
    assert "there is nothing to go on" in output


def test_blank_text_is_refused_by_the_core_too() -> None:
    from passionpath.match import explore
    from passionpath.text import TextInputError, infer_interests

    with pytest.raises(TextInputError, match="nothing to go on"):
        explore(["  "], Context.open())
    with pytest.raises(TextInputError) as caught:
        infer_interests(["I love baking", ""], Context.open())
    assert caught.value.index == 1
    assert str(caught.value).startswith("Text 2:")


def test_hours_that_are_not_a_number_are_one_line() -> None:
    code, output = invoke("plan", "log", "--hours", "abc")
    assert code == 2
    assert (
        output.strip()
        == "Error: --hours must be a number of hours, like 1.5; 'abc' is not a number."
    )


# --- the API ------------------------------------------------------------------------------


@pytest.fixture
def client(sqlite: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=sqlite)) as test_client:
        yield test_client


def _problem(response: Any) -> tuple[list[Any], str]:
    [detail] = response.json()["detail"]
    return detail["loc"], detail["msg"]


def test_api_refuses_empty_and_foreign_texts_naming_the_index(client: TestClient) -> None:
    for route in ("/api/v1/explore", "/api/v1/interests/infer"):
        response = client.post(route, json={"texts": ["I love baking", ""]})
        assert response.status_code == 422
        loc, msg = _problem(response)
        assert loc == ["body", "texts", 1]
        assert "nothing to go on" in msg
    response = client.post(
        "/api/v1/explore", json={"texts": ["Ich liebe es, alte Autos zu reparieren"]}
    )
    assert response.status_code == 422
    loc, msg = _problem(response)
    assert loc == ["body", "texts", 0] and "German, not English" in msg


def test_core_errors_are_passionpath_errors() -> None:
    from passionpath.text import TextInputError

    assert issubclass(UserFileError, PassionpathError)
    assert issubclass(TextInputError, PassionpathError)
