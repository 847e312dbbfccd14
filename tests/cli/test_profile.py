"""Profile, assessment and interest-inference commands, end to end through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.catalog import load_starter
from passionpath.cli._app import app
from passionpath.profile import items, load_profile

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"
runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def run_failing(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.fixture
def maya(engine: Engine) -> str:
    run("profile", "import", str(EXAMPLES / "maya.json"), "--slug", "maya")
    return "maya"


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


def test_inventory_from_answers_is_saved_to_the_profile(maya: str, engine: Engine) -> None:
    answers = ",".join("5" if i.area == "S" else "2" for i in items("full"))
    result = json.loads(
        run("assess", "interests", "--answers", answers, "--profile", maya, "--json")
    )
    assert result["scores"]["S"] == 40 and result["scores"]["R"] == 10
    assert result["code"] == "SRI" and result["saved_version"] == 2
    _, document = load_profile(maya, engine)
    assert document.pp.inventory is not None and document.pp.inventory.code == "SRI"


def test_short_inventory_from_file_and_bad_answers(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "answers.txt"
    path.write_text(" ".join(["4"] * 30))
    result = json.loads(
        run("assess", "interests", "--short", "--answers-file", str(path), "--json")
    )
    assert result["scores"] == dict.fromkeys("RIASEC", 30.0) and result["flat"]
    output = run_failing("assess", "interests", "--answers", "1,2,7")
    assert "answer 3 is '7'" in output
    output = run_failing("assess", "interests", "--answers", "1,2,3")
    assert "full form has 60 items" in output


@pytest.mark.usefixtures("starter_engine")
def test_skills_from_a_job_title_then_adjusted(engine: Engine, maya: str) -> None:
    load_starter(engine=engine)
    result = json.loads(
        run(
            "assess",
            "skills",
            "--from-title",
            "accountant",
            "--ratings",
            "Programming=3",
            "--profile",
            maya,
            "--json",
        )
    )
    levels = {r["name"]: (r["level"], r["source"]) for r in result["skills"]}
    assert levels["Programming"] == (3.0, "self")
    assert any(source == "job" for _, source in levels.values())
    output = run_failing("assess", "skills", "--ratings", "Juggling=3")
    assert "'Juggling' is not a skill" in output


def test_work_values_by_rank(maya: str) -> None:
    order = "Relationships,Achievement,Independence,Support,Working Conditions,Recognition"
    result = json.loads(run("assess", "values", "--rank", order, "--profile", maya, "--json"))
    assert result["work_values"]["Relationships"] == 7 and result["work_values"]["Recognition"] == 2
    assert "six values once" in run_failing("assess", "values", "--rank", "Achievement")


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
