"""`passionpath applications classify TEXT | --input FILE`: JSON lines out, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from passionpath.limits import MAX_CLASSIFY_TEXTS
from tests.cli.run import run, run_failing

KINDS = {"rejection", "interview", "offer", "acknowledgement", "other"}


def test_one_text_as_json(engine: Engine) -> None:
    output = run(
        "applications",
        "classify",
        "--json",
        "Unfortunately we will not be moving forward with your application.",
    )
    line = json.loads(output)
    assert set(line) == {"kind", "confidence", "stage", "reasons", "skills"}
    assert line["kind"] == "rejection"
    assert line["reasons"][0]["category"] == "templated_unknown"
    assert set(line["reasons"][0]["phrases"][0]) == {"text", "start", "end"}


def test_one_text_for_people(engine: Engine) -> None:
    output = run("applications", "classify", "We are pleased to offer you the role of Analyst.")
    assert output.startswith("offer")


def test_a_file_of_lines_and_a_jsonl_file(engine: Engine, tmp_path: Path) -> None:
    lines = tmp_path / "mail.txt"
    lines.write_text(
        "We have received your application.\n\nCould you do a phone call on Friday?\n",
        encoding="utf-8",
    )
    out = [
        json.loads(x) for x in run("applications", "classify", "--input", str(lines)).splitlines()
    ]
    assert [x["kind"] for x in out] == ["acknowledgement", "interview"]
    spanning = tmp_path / "mail.jsonl"
    texts = ["Dear Lee,\nWe regret that you were not selected.\nKim", "Job alert: 5 new jobs"]
    spanning.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    out = [
        json.loads(x)
        for x in run("applications", "classify", "--input", str(spanning)).splitlines()
    ]
    assert len(out) == 2 and all(x["kind"] in KINDS for x in out)
    assert out[0]["kind"] == "rejection"


def test_bad_input_names_the_file_and_line(engine: Engine, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine, we received it"}\n{"txt": "oops"}\n', encoding="utf-8")
    output = run_failing("applications", "classify", "--input", str(bad))
    assert f"{bad}, line 2" in output and '"text"' in output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{not json\n', encoding="utf-8")
    assert f"{broken}, line 2: not JSON" in run_failing(
        "applications", "classify", "--input", str(broken)
    )
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    assert "no text" in run_failing("applications", "classify", "--input", str(empty))
    many = tmp_path / "many.txt"
    many.write_text("we received your application\n" * (MAX_CLASSIFY_TEXTS + 1), encoding="utf-8")
    assert "the limit is 1,000" in run_failing("applications", "classify", "--input", str(many))
    missing = tmp_path / "missing.txt"
    assert str(missing) in run_failing("applications", "classify", "--input", str(missing))
    assert "Give a TEXT or --input FILE" in run_failing("applications", "classify")
