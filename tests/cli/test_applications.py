"""`passionpath applications`: the tracker through the command line, on the starter catalog."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.cli.run import run, run_failing

UX = "15-1255.00"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"
TODAY = "2026-10-01"


def _said_failing(*args: str) -> str:
    return " ".join(run_failing(*args).split())


def _said(*args: str) -> str:
    return " ".join(run(*args).split())


def test_add_move_reject_show_list_log(starter_engine: Engine) -> None:
    added = json.loads(
        run(
            "applications",
            "add",
            "Lumen Health",
            "UX Designer",
            "--on",
            "2026-09-01",
            "--source",
            "LinkedIn",
            "--pay",
            "$90k",
            "--cv",
            "cv-ux-3",
            "--json",
        )
    )
    app = str(added["id"])
    assert added["occupation_code"] == UX and added["occupation_inferred"] is True
    assert "Logged screen" in run("applications", "move", app, "screen", "--on", "2026-09-05")
    run(
        "applications",
        "move",
        app,
        "interview",
        "--on",
        "2026-09-12",
        "--kind",
        "portfolio",
        "--person",
        "Dana",
    )
    said = _said(
        "applications",
        "reject",
        app,
        "--on",
        "2026-09-20",
        "--reason",
        "skills_gap",
        "--cite",
        "Design",
        "--feedback",
        "More interaction design depth.",
    )
    assert "rejected at the interview" in said
    shown = _said("applications", "show", app, "--today", TODAY)
    assert "interview (portfolio) with Dana" in shown and "named Design" in shown
    assert "Got as far as: interview" in shown and "CV cv-ux-3" in shown
    listed = json.loads(run("applications", "list", "--json", "--today", TODAY))
    assert [a["status"]["stage"] for a in listed] == ["rejected"]
    log = json.loads(run("applications", "log", "--json"))
    assert [e["stage"] for e in log] == ["rejected", "interview", "screen", "applied"]
    edited = json.loads(run("applications", "edit", app, "--occupation", "27-1024", "--json"))
    assert edited["occupation_code"] == "27-1024.00" and not edited["occupation_inferred"]
    assert "Deleted application" in run("applications", "delete", app)
    assert json.loads(run("applications", "list", "--json")) == []


def test_funnel_and_insights_with_a_chart(starter_engine: Engine, tmp_path: Path) -> None:
    for company in ("A", "B", "C"):
        run("applications", "add", company, "UX Designer", "--on", "2026-09-01")
        app = json.loads(run("applications", "list", "--json"))[0]["id"]
        run("applications", "move", str(app), "screen", "--on", "2026-09-03")
        run(
            "applications",
            "reject",
            str(app),
            "--on",
            "2026-09-06",
            "--cite",
            "Design",
            "--reason",
            "experience_seniority",
        )
    chart = tmp_path / "funnel.png"
    funnel = json.loads(
        run("applications", "funnel", "--json", "--today", TODAY, "--chart", str(chart))
    )
    assert funnel["applied"] == 3 and funnel["stages"][1]["reached"] == 3
    assert chart.read_bytes()[:4] == b"\x89PNG"
    table = _said("applications", "funnel", "--today", TODAY)
    assert "3 applications sent" in table and "Web and Digital Interface Designers" in table
    said = _said("applications", "insights", "--today", TODAY)
    assert "3 of your 3 applications that ended did so at the screen" in said
    assert "Employers named Design in 3 rejections" in said


def test_import_export_and_errors_naming_the_flag(starter_engine: Engine, tmp_path: Path) -> None:
    sheet = tmp_path / "jobs.csv"
    sheet.write_text("Firm,Title,Status\nGlobex,UX Designer,Interviewing\nInitech,Designer,Maybe\n")
    failed = " ".join(
        run_failing("applications", "import", str(sheet), "--map", 'company="Firm"').split()
    )
    assert "line 3, column 'Status': 'Maybe'" in failed
    sheet.write_text("Firm,Title,Status\nGlobex,UX Designer,Interviewing\n")
    assert "Would import 1 applications (interview 1)" in _said(
        "applications", "import", str(sheet), "--map", "company=Firm", "--dry-run"
    )
    assert json.loads(run("applications", "list", "--json")) == []
    run("applications", "import", str(sheet), "--map", "company=Firm")
    out = tmp_path / "out.json"
    run("applications", "export", "-o", str(out))
    assert json.loads(out.read_text())["applications"][0]["company"] == "Globex"
    assert "--map" in run_failing("applications", "import", str(sheet), "--map", "nothing")
    assert "--kind" in run_failing("applications", "move", "1", "interview", "--kind", "dance")
    assert "--cite" in run_failing("applications", "reject", "1", "--cite", "Juggling")
    assert "APP" in run_failing("applications", "show", "99")
    assert "--url" in run_failing("applications", "add", "X", "Y", "--url", "nope")
    assert "--on" in run_failing("applications", "add", "X", "Y", "--on", "yesterday")


def test_learned_preferences_are_shown_switched_and_used_by_match(
    starter_engine: Engine,
) -> None:
    run("profile", "import", str(EXAMPLES / "priya.json"), "--slug", "priya")
    assert "Too little to go on yet: 0 of the 3" in _said("applications", "preferences")
    for company, title in (("A", "Graphic Designer"), ("B", "Technical Writer")):
        run("applications", "add", company, title, "--on", "2026-09-01")
    run("applications", "prefer", "27-1011.00")
    said = _said("applications", "preferences")
    assert "You lean towards Artistic work" in said and "+2.0 27-1011.00: thumbs up" in said
    learned = json.loads(run("match", "priya", "--top", "3", "--json"))
    assert "preference" in learned["results"][0]["components"]
    assert "Ranked with what your choices say" in learned["warnings"][-1]
    plain = json.loads(run("match", "priya", "--top", "3", "--json", "--no-learned"))
    assert "preference" not in plain["results"][0]["components"]
    assert "are off" in _said("applications", "preferences", "--off")
    off = json.loads(run("match", "priya", "--top", "3", "--json"))
    assert off["results"] == plain["results"]
    assert "CODE: 'baker' is not an O*NET-SOC code" in _said_failing(
        "applications", "prefer", "baker"
    )
