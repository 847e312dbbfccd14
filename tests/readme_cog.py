"""Runs the README's example commands for cog, so the examples are real output.

`cog -r README.md` rewrites them; tests/test_readme.py fails when they drift.
Commands run in-process against a fresh data directory holding the starter catalog.
"""

from __future__ import annotations

import os
import shlex
import tempfile

_workdir = tempfile.mkdtemp(prefix="passionpath-readme-")


def _prepare() -> None:
    os.environ["PASSIONPATH_DATA_DIR"] = os.path.join(_workdir, "data")
    # Under pytest the session's shared cache is kept, so matrices are not rebuilt for cog.
    if "PYTEST_CURRENT_TEST" not in os.environ:
        os.environ["PASSIONPATH_CACHE_DIR"] = os.path.join(_workdir, "cache")
    os.environ.pop("PASSIONPATH_DATABASE_URL", None)
    from passionpath.catalog import load_starter
    from passionpath.config import get_settings
    from passionpath.context import Context

    get_settings.cache_clear()
    load_starter(engine=Context.open().engine, if_empty=True)


def output_of(command: str) -> str:
    """The text `command` prints (it must start with `passionpath`)."""
    from typer.testing import CliRunner

    from passionpath.cli import _output
    from passionpath.cli._app import app

    _prepare()
    # The console may have been created earlier (under pytest) with another width.
    _output.console.width = 100
    _output.err_console.width = 100
    args = shlex.split(command)
    assert args[0] == "passionpath", command
    result = CliRunner().invoke(app, args[1:], terminal_width=100)
    if result.exit_code != 0:
        raise RuntimeError(f"{command} failed: {result.output}")
    return "\n".join(line.rstrip() for line in result.output.rstrip().splitlines())


def example(command: str, lines: int | None = None) -> None:
    """Print a fenced console block for cog: the command, then its output."""
    import cog

    text = output_of(command)
    if lines is not None:
        kept = text.splitlines()[:lines]
        text = "\n".join([*kept, "..."])
    cog.outl("```console")
    cog.outl(f"$ {command}")
    cog.outl(text)
    cog.outl("```")
