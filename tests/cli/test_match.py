"""`passionpath match`, `similar`, `explore` and `path`: JSON, charts, and bad options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


runner = CliRunner()


@pytest.fixture
def starter(starter_engine: Engine) -> Engine:
    return starter_engine


def test_cli_faces(starter: Engine, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "match",
            str(EXAMPLES / "amara.json"),
            "--top",
            "3",
            "--json",
            "--chart",
            str(tmp_path / "map.svg"),
        ],
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert len(payload["results"]) == 3 and payload["attribution"]
    svg = (tmp_path / "map.svg").read_text()
    assert svg.startswith("<svg") and "qualification fit" in svg and "Realistic" in svg
    png = tmp_path / "map.png"
    assert (
        runner.invoke(app, ["match", str(EXAMPLES / "amara.json"), "--chart", str(png)]).exit_code
        == 0
    )
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    lines = runner.invoke(app, ["similar", "--all", "--top", "2"]).output.splitlines()
    first = json.loads(lines[0])
    assert set(first) == {"code", "similar"} and len(first["similar"]) == 2
    source = tmp_path / "texts.txt"
    source.write_text("I love baking bread\nI fix car engines\n")
    out = runner.invoke(app, ["explore", "--input", str(source), "--top", "2"]).output
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in rows] == ["I love baking bread", "I fix car engines"]
    assert len(rows[0]["results"]) == 2 and {"code", "title", "score"} == set(rows[0]["results"][0])
    bad = runner.invoke(app, ["match", str(EXAMPLES / "amara.json"), "--quadrant", "best"])
    assert bad.exit_code == 2 and "--quadrant must be one of" in bad.output
    unknown = runner.invoke(app, ["path", "--from", "00-0000.00", "--to", "27-2022.00"])
    assert unknown.exit_code == 1 and "--from: No occupation with code" in unknown.output


def test_a_profile_with_nothing_to_rank_says_so_instead_of_a_list(
    starter: Engine, tmp_path: Path
) -> None:
    empty = tmp_path / "new.json"
    empty.write_text(json.dumps({"basics": {"name": "New"}}), encoding="utf-8")
    result = runner.invoke(app, ["match", str(empty)])
    assert result.exit_code == 0, result.output
    assert "Nothing to rank yet" in result.output
    assert "Careers where passion" not in result.output  # no empty table
    as_json = json.loads(runner.invoke(app, ["match", str(empty), "--json"]).output)
    assert as_json["results"] == [] and "Nothing to rank yet" in as_json["warnings"][-1]
