"""The catalog CLI: human output, --json, and clear errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app
from tests.release_factory import corrupt_zip, zip_release

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def imported(engine: Engine, release_dir: Path) -> Engine:
    code, output = invoke("data", "import", str(release_dir))
    assert code == 0, output
    return engine


def test_import_reports_counts_and_skipped_files(engine: Engine, release_dir: Path) -> None:
    code, output = invoke("data", "import", str(release_dir), "--json")
    assert code == 0, output
    report = json.loads(output[output.index("{") :])
    assert report["counts"]["Occupation Data.txt"] == 3
    assert report["files_skipped"] == ["Abilities.txt", "Work Activities.txt"]
    code, output = invoke("data", "import", str(release_dir))
    assert "already loaded and unchanged" in output


def test_status_json(imported: Engine) -> None:
    code, output = invoke("data", "status", "--json")
    assert code == 0
    status = json.loads(output)["catalog"]
    assert status["counts"]["occupations"] == 3
    assert "USDOL/ETA" in status["attribution"]


def test_status_on_an_empty_catalog_says_what_to_do(engine: Engine) -> None:
    code, output = invoke("data", "status")
    assert code == 0
    assert "passionpath data starter" in output


def test_search_json_and_table(imported: Engine) -> None:
    code, output = invoke("occupations", "search", "pastri chef", "--json")
    assert code == 0
    payload = json.loads(output)
    assert payload["results"][0]["code"] == "51-3011.00"
    assert payload["results"][0]["matched_title"] == "Pastry Chef"
    assert "CC BY 4.0" in payload["attribution"]
    code, output = invoke("occupations", "search", "baker")
    assert "Bakers" in output and "51-3011.00" in output
    assert "O*NET" in output


def test_show_includes_related_occupations(imported: Engine) -> None:
    code, output = invoke("occupations", "show", "51-3011.00", "--json")
    assert code == 0
    profile = json.loads(output)
    assert profile["related"] == [
        {"code": "27-2022.00", "title": "Coaches and Scouts", "tier": "Primary-Short"}
    ]
    assert profile["interests"]["R"] == 6.5
    code, output = invoke("occupations", "show", "51-3011.00")
    assert "Related occupations" in output and "Coaches and Scouts" in output


def test_unknown_code_is_a_clear_error(imported: Engine) -> None:
    code, output = invoke("occupations", "show", "00-0000.00")
    assert code == 1
    assert "No occupation with code '00-0000.00'" in output
    assert "Traceback" not in output


def test_search_on_an_empty_catalog_explains(engine: Engine) -> None:
    code, output = invoke("occupations", "search", "baker")
    assert code == 1
    assert "catalog is empty" in output


def test_corrupted_zip_from_the_command_line(
    imported: Engine, release_dir: Path, tmp_path: Path
) -> None:
    bad = corrupt_zip(zip_release(release_dir, tmp_path / "good.zip"), tmp_path / "bad.zip")
    code, output = invoke("data", "import", str(bad))
    assert code == 1
    assert "bad.zip" in output and "Traceback" not in output
    code, output = invoke("data", "status", "--json")
    assert json.loads(output)["catalog"]["counts"]["occupations"] == 3


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    for command in (["passionpath"], [sys.executable, "-m", "passionpath"]):
        if command == ["passionpath"]:
            command = [str(Path(sys.executable).with_name("passionpath"))]
        result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
        assert result.stdout.startswith("passionpath ")


def test_help_does_not_import_heavy_modules() -> None:
    probe = (
        "import sys; from passionpath.cli._app import app; "
        "heavy = [m for m in ('sqlalchemy', 'numpy', 'pydantic', 'httpx', 'alembic') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
