"""How the CLI words a core error: the field named by the command's own parameter, and
the CLI's own command in place of the plain hint."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from passionpath.cli._output import user_errors
from passionpath.errors import NotFoundError, PassionpathError

runner = CliRunner()


demo = typer.Typer()


@demo.command()
@user_errors
def plan(
    key: str = typer.Argument(None),
    hours_per_week: float = typer.Option(5.0, "--hours-per-week", "-h"),
    origin: str = typer.Option(None, "--from"),
    field: str = typer.Option("hours_per_week", "--field"),
) -> None:
    raise PassionpathError("must be more than 0.", field=field, hint="Give a positive number.")


@demo.command()
@user_errors
def other() -> None:
    raise NotFoundError("There are no profiles yet.", field="profile", kind="no_profiles")


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("hours_per_week", "--hours-per-week: "),  # the option whose name is the field
        ("profile", "KEY: "),  # an alias: the profile commands call it KEY
        ("from", "--from: "),  # an option spelled like the field, whatever its Python name
        ("start", "start: "),  # no such parameter: the field's own name
    ],
)
def test_cli_labels_the_field_with_the_commands_parameter(field: str, label: str) -> None:
    result = runner.invoke(demo, ["plan", "--field", field])
    assert result.exit_code == 1
    assert f"Error: {label}must be more than 0. Give a positive number." in result.output


def test_cli_puts_its_own_command_in_place_of_the_plain_hint() -> None:
    result = runner.invoke(demo, ["other"])
    assert result.exit_code == 1
    assert "profile: There are no profiles yet." in result.output
    assert "`passionpath profile new NAME`" in result.output
