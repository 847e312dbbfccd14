"""The bare ``passionpath`` command: its name, help and --version, before any subcommand.

Kept apart from ``_app`` so that a command run on its own (see ``passionpath.cli.main``)
gets the very same root without importing the other commands' modules.
"""

from __future__ import annotations

import typer

from passionpath import __version__


def root_app() -> typer.Typer:
    """A new ``passionpath`` app holding no subcommand yet."""
    app = typer.Typer(
        name="passionpath",
        help="Find careers where what you love meets what you can do.",
        no_args_is_help=True,
        pretty_exceptions_show_locals=False,
        rich_markup_mode="rich",
    )
    app.callback()(_root)
    return app


def _version(value: bool) -> None:
    if value:
        typer.echo(f"passionpath {__version__}")
        raise typer.Exit()


def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Find careers where what you love meets what you can do."""
