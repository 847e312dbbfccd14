"""The ``passionpath`` command. Heavy modules are imported inside commands to keep --help fast."""

from __future__ import annotations

import typer

from passionpath import __version__
from passionpath.cli import (
    applications,
    applications_text,
    assess,
    batch,
    community,
    contacts,
    cv,
    data,
    gaps,
    interests,
    match,
    occupations,
    plan,
    profile,
    serve,
    transitions,
)

app = typer.Typer(
    name="passionpath",
    help="Find careers where what you love meets what you can do.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)
app.add_typer(data.app, name="data")
app.add_typer(occupations.app, name="occupations")
app.add_typer(profile.app, name="profile")
app.add_typer(assess.app, name="assess")
app.add_typer(interests.app, name="interests")
app.add_typer(plan.app, name="plan")
app.add_typer(contacts.app, name="contacts")
app.add_typer(batch.app, name="batch")
app.add_typer(applications.app, name="applications")
applications_text.register(applications.app)
app.add_typer(cv.app, name="cv")
community.register(app)
app.command("match")(match.match_command)
app.command("explore")(transitions.explore_command)
app.command("similar")(transitions.similar_command)
app.command("path")(transitions.path_command)
app.command("gaps")(gaps.gaps_command)
app.command("serve")(serve.serve_command)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"passionpath {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Find careers where what you love meets what you can do."""
