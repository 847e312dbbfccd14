"""`passionpath plan`: create, check, log, status and export, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app

runner = CliRunner()


def test_cli_plan_flow_and_bad_input(engine: Engine, sam: str, tmp_path: Path) -> None:
    created = runner.invoke(
        app,
        [
            "plan",
            "create",
            sam,
            "--target",
            "15-1252.00",
            "--hours-per-week",
            "5",
            "--no-ask",
            "--json",
        ],
    )
    assert created.exit_code == 0, created.output
    plan = json.loads(created.output)
    benchmark = plan["objectives"][0]["benchmarks"][0]["id"]
    assert runner.invoke(app, ["plan", "check", str(benchmark)]).exit_code == 0
    assert runner.invoke(app, ["plan", "log", "--hours", "2", "--objective", "1"]).exit_code == 0
    status = json.loads(runner.invoke(app, ["plan", "status", "--json"]).output)
    assert status["objectives"][0]["benchmarks_done"] == 1
    assert status["objectives"][0]["hours_logged"] == 2
    shown = runner.invoke(app, ["plan", "status"])
    assert "Programming" in shown.output or "Reading" in shown.output
    ics = tmp_path / "plan.ics"
    assert runner.invoke(app, ["plan", "export", "--ical", str(ics)]).exit_code == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    bad_target = runner.invoke(app, ["plan", "create", sam, "--target", "99-9999.00", "--no-ask"])
    assert bad_target.exit_code == 1 and "No occupation with code" in bad_target.output
    bad_hours = runner.invoke(
        app, ["plan", "create", sam, "--target", "15-1252.00", "--hours-per-week", "-3", "--no-ask"]
    )
    assert bad_hours.exit_code == 1 and "--hours-per-week: must be more than 0" in bad_hours.output
    bad_log = runner.invoke(app, ["plan", "log", "--hours", "-1"])
    assert bad_log.exit_code == 2 and "--hours must be more than 0" in bad_log.output
    assert "Traceback" not in bad_target.output + bad_hours.output + bad_log.output
