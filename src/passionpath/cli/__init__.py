"""Command-line face: thin Typer commands over the core library."""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer


def main() -> None:
    from passionpath.errors import PassionpathError

    args = sys.argv[1:]
    alone = args[:1] == ["match"]
    if alone:
        # `passionpath match` runs once and exits. The collector would walk the ~150,000
        # long-lived objects its imports create (classes, functions, ORM mappers) several
        # times over, a sixth of a warm match, to free next to nothing; so it stays off, and
        # what is left is frozen at the end so that the interpreter's last pass skips it.
        gc.disable()
        # Its matrix products are small (phrases x occupations): a second BLAS thread gains
        # them nothing, and its spinning while it waits for work takes a core from the match
        # itself, a quarter of the run on a busy two-core machine. Set before numpy loads;
        # a value the user chose is kept.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        _command_app(alone)()
    except PassionpathError as exc:
        from passionpath.cli._output import err_console, error_line

        err_console.print(f"[bold red]Error:[/] {error_line(exc)}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted: nothing was changed.\n")
        sys.exit(130)
    finally:
        if alone:
            gc.freeze()


def _command_app(alone: bool) -> typer.Typer:
    """The whole ``passionpath`` command, or, for ``passionpath match``, the same root holding
    only ``match``: the other commands' modules stay unimported, and what ``match`` prints,
    its help and its errors included, is the same either way."""
    if alone:
        from passionpath.cli import match
        from passionpath.cli._root import root_app

        app = root_app()
        match.register(app)
        return app
    from passionpath.cli._app import app

    return app
