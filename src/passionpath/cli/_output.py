"""Shared output helpers: JSON for machines, Rich for people, one-line errors."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)

#: The ``--json`` flag every command that prints results shares.
JSON = typer.Option(False, "--json", help="Print machine-readable JSON.")


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    err_console.print(f"[bold red]Error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def attribution_line(text: str, notice: str | None = None) -> None:
    if notice:
        console.print(f"[yellow]{notice}[/]", highlight=False)
    console.print(f"[dim]{text}[/]", highlight=False)


F = TypeVar("F", bound=Callable[..., Any])


def user_errors(func: F) -> F:
    """Turn a PassionpathError raised by a command into one red line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from passionpath.errors import PassionpathError

        try:
            return func(*args, **kwargs)
        except PassionpathError as exc:
            fail(str(exc))

    return wrapper  # type: ignore[return-value]


@contextmanager
def byte_progress(
    label: str, enabled: bool = True, unit: str = "bytes"
) -> Iterator[Callable[[str, int, int], None]]:
    """A Rich progress bar driven by ``callback(current_item, done, total)``."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    if not enabled:
        yield lambda _item, _done, _total: None
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        DownloadColumn() if unit == "bytes" else MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}"),
        console=err_console,
        transient=False,
    ) as progress:
        task = progress.add_task(label, total=None, item="")

        def update(item: str, done: int, total: int | None) -> None:
            progress.update(task, completed=done, total=total, item=item)

        yield update


def read_texts(text: str | None, input_file: Path | None) -> list[str]:
    """The texts a command works on: one TEXT, or the non-blank lines of --input FILE."""
    if input_file is not None:
        try:
            lines = input_file.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            fail(f"{input_file}: cannot read the file ({exc.strerror}).")
        return [line.strip() for line in lines if line.strip()]
    if text:
        return [text]
    fail("Give a TEXT or --input FILE.", 2)
