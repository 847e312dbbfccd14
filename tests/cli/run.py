"""Running a command the way a test needs: its exit code and output, or asserting it
succeeded or failed cleanly."""

from __future__ import annotations

from typer.testing import CliRunner

from passionpath.cli._app import app

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def run_failing(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    return result.output
