"""Command-line face: thin Typer commands over the core library."""

from __future__ import annotations

import sys


def main() -> None:
    from passionpath.cli._app import app
    from passionpath.errors import PassionpathError

    try:
        app()
    except PassionpathError as exc:
        from passionpath.cli._output import err_console, error_line

        err_console.print(f"[bold red]Error:[/] {error_line(exc)}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted: nothing was changed.\n")
        sys.exit(130)
