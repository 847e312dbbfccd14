"""`passionpath interests infer`: one text or a file of texts, as JSON lines."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.cli.run import run


def test_interests_infer_json_lines(engine: Engine, tmp_path: Path) -> None:
    source = tmp_path / "texts.txt"
    source.write_text("I rebuild old motorbikes in my garage\n\nI organise the team's accounts\n")
    output = run("interests", "infer", "--input", str(source), "--json")
    lines = [json.loads(line) for line in output.splitlines()]
    assert [line["top"] for line in lines] == ["R", "C"]
    assert set(lines[0]) == {"text", "scores", "top"}
    assert set(lines[0]["scores"]) == set("RIASEC")
    single = json.loads(run("interests", "infer", "I teach swimming to kids", "--json"))
    assert single["top"] == "S" and single["drivers"]["S"]
