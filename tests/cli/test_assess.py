"""`passionpath assess`: the interest inventory, skills and work values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.catalog import load_starter
from passionpath.profile import items, load_profile
from tests.cli.run import run, run_failing


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
