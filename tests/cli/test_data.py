"""`passionpath data`: importing a release and the catalog status."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.cli.run import invoke
from tests.release_factory import corrupt_zip, zip_release


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


def test_corrupted_zip_from_the_command_line(
    imported: Engine, release_dir: Path, tmp_path: Path
) -> None:
    bad = corrupt_zip(zip_release(release_dir, tmp_path / "good.zip"), tmp_path / "bad.zip")
    code, output = invoke("data", "import", str(bad))
    assert code == 1
    assert "bad.zip" in output and "Traceback" not in output
    code, output = invoke("data", "status", "--json")
    assert json.loads(output)["catalog"]["counts"]["occupations"] == 3
