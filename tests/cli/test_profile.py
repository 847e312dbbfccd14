"""`passionpath profile`: new, show, import, export, edit, history and diff."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from passionpath.profile import load_profile
from tests.cli.run import run, run_failing

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


def test_new_show_export_round_trip(engine: Engine, tmp_path: Path) -> None:
    out = json.loads(run("profile", "new", "Sam Okafor", "--no-ask", "--json"))
    assert out == {"profile": "sam-okafor", "version": 1, "changed": True}
    shown = json.loads(run("profile", "show", "sam-okafor", "--json"))
    assert shown["basics"] == {"name": "Sam Okafor"}
    exported = tmp_path / "out.json"
    run("profile", "import", str(EXAMPLES / "priya.json"), "--slug", "priya")
    run("profile", "export", "priya", "--output", str(exported))
    assert json.loads(exported.read_text()) == json.loads((EXAMPLES / "priya.json").read_text())


def test_edit_with_set_creates_a_version_and_diff_shows_it(maya: str) -> None:
    run(
        "profile",
        "edit",
        maya,
        "--set",
        "passionpath.constraints.max_job_zone=3",
        "--set",
        "passionpath.reflections.causes=Zero food waste",
        "--note",
        "narrowed",
    )
    history = json.loads(run("profile", "history", maya, "--json"))
    assert [v["version"] for v in history["versions"]] == [1, 2]
    assert history["versions"][1]["note"] == "narrowed"
    diff = json.loads(run("profile", "diff", maya, "--json"))
    assert diff["constraints"]["max_job_zone"] == [4, 3]
    assert diff["reflections"]["causes"][1] == "Zero food waste"
    text = run("profile", "diff", maya, "1", "2")
    assert "max_job_zone: 4 -> 3" in text


def test_invalid_edit_names_the_field_and_saves_nothing(maya: str, engine: Engine) -> None:
    output = run_failing("profile", "edit", maya, "--set", "passionpath.constraints.max_job_zone=9")
    assert "passionpath.constraints.max_job_zone" in output
    _, document = load_profile(maya, engine)
    assert document.pp.constraints.max_job_zone == 4
