"""`passionpath cv`: build, show, edit, sent, render, validate, import, export and match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.run import invoke, run, run_failing

ROOT = Path(__file__).resolve().parents[2]
MAYA = ROOT / "examples" / "profiles" / "maya.json"
POSTING = ROOT / "examples" / "postings" / "food-photographer.txt"
QUIRKS = ROOT / "tests" / "cv" / "data" / "quirks.json"


@pytest.fixture
def built(starter_engine: Engine) -> int:
    run("profile", "import", str(MAYA), "--slug", "maya")
    out = json.loads(run("cv", "build", "maya", "--target", "27-4021.00", "--json"))
    return int(out["id"])


def test_build_explain_show_edit_and_sent(built: int) -> None:
    text = run("cv", "show", str(built), "--explain")
    assert "Why the CV looks like this" in text and "gaps left out" in text
    run("cv", "edit", str(built), "--summary", "Food photographer in Lyon.", "--theme", "modern")
    shown = json.loads(run("cv", "show", str(built), "--json"))
    assert shown["document"]["basics"]["summary"] == "Food photographer in Lyon."
    assert (shown["theme"], shown["summary_edited"]) == ("modern", True)
    run("cv", "sent", str(built), "12")
    listed = json.loads(run("cv", "list", "--json"))["cvs"]
    assert [(c["id"], c["applications"]) for c in listed] == [(built, [12])]


def test_render_stored_cv_and_file(built: int, tmp_path: Path) -> None:
    pdf, html = tmp_path / "cv.pdf", tmp_path / "cv.html"
    run("cv", "render", str(built), "--format", "pdf", "-o", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF-")
    run("cv", "render", str(QUIRKS), "--format", "html", "--theme", "modern", "-o", str(html))
    assert "Zoë Ōkubo-Nakamura" in html.read_text(encoding="utf-8")


def test_validate_warns_with_paths_and_import_export_is_lossless(
    engine: Engine, tmp_path: Path
) -> None:
    report = json.loads(run("cv", "validate", str(QUIRKS), "--json"))
    paths = {w["path"] for w in report["schema"]}
    assert {"work[0].startDate", "basics.location"} <= paths
    assert {w["path"] for w in report["matching"]} >= {"work[3]"}
    code, _ = invoke("cv", "import", str(QUIRKS), "--slug", "zoe")
    assert code == 0
    out = tmp_path / "out.json"
    run("cv", "export", "zoe", "-o", str(out))
    assert json.loads(out.read_text()) == json.loads(QUIRKS.read_text())


def test_the_target_may_be_named_by_its_title(built: int) -> None:
    out = json.loads(run("cv", "build", "maya", "--target", "Photographers", "--json"))
    assert out["target"]["code"] == "27-4021.00"


def test_match_against_a_posting(built: int) -> None:
    result = json.loads(run("cv", "match", str(built), str(POSTING), "--json"))
    assert 0 < result["coverage"] < 1
    assert "Adobe Photoshop" in {m["name"] for m in result["missing"]}
    assert "on the CV" in run("cv", "match", str(MAYA), str(POSTING))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("cv", "build", "maya", "--target", "27-4021.00", "--theme", "gothic"), "--theme"),
        (("cv", "render", "99", "--format", "pdf", "-o", "x.pdf"), "No CV 99"),
        (("cv", "render", str(MAYA), "--format", "docx", "-o", "x.docx"), "--format"),
        (("cv", "match", str(MAYA), "no-such-posting.txt"), "no-such-posting.txt"),
        (("cv", "validate", str(POSTING)), "not valid JSON"),
        (("cv", "build", "maya", "--target", "zzqq"), "--target 'zzqq'"),
    ],
)
def test_bad_input_is_one_clear_line(
    starter_engine: Engine, args: tuple[str, ...], words: str
) -> None:
    assert words in run_failing(*args)
