"""Shared output helpers: JSON for machines, Rich for people, one-line errors."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from rich.console import Console

if TYPE_CHECKING:
    from passionpath.errors import PassionpathError

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
        # The only notice is the starter catalog's; on the command line, say how to replace it.
        how = "Run `passionpath data download` to import the real O*NET database."
        console.print(f"[yellow]{notice} {how}[/]", highlight=False)
    console.print(f"[dim]{text}[/]", highlight=False)


F = TypeVar("F", bound=Callable[..., Any])

#: Core fields whose command-line parameter has another name, tried in order after the
#: field's own name (``profile`` is the ``KEY`` argument of the ``profile`` commands, an
#: occupation ``code`` is ``--target`` when planning, a re-rated ``skill`` is ``--rate``).
_PARAMETER_NAMES: dict[str, tuple[str, ...]] = {
    "profile": ("key", "into"),
    "plan": ("plan_id",),
    "code": ("target", "from_code"),
    "skill": ("rate",),
    "level": ("rate",),
    "contact": ("contact_id", "contact_ids"),
    "contacts": ("contact_ids",),
    "display_name": ("name",),
    "given_name": ("given",),
    "family_name": ("family",),
    "emails": ("email",),
    "phones": ("phone",),
    "organisation": ("org",),
    "job_title": ("title",),
    "urls": ("url",),
    "tags": ("tag",),
    "occupation_codes": ("occupation",),
    "follow_up_on": ("follow_up",),
    "query": ("search",),
    "version": ("vcard_version",),
}

#: What to run, for the situations where the command line has a better answer than the
#: core's plain hint.
_SUGGESTIONS: dict[str, str] = {
    "empty_catalog": "Load the starter catalog with `passionpath data starter`, "
    "or the real O*NET database with `passionpath data download`.",
    "unknown_occupation": "Find codes with `passionpath occupations search TITLE`.",
    "no_profiles": "Create one with `passionpath profile new NAME` "
    "or `passionpath profile import FILE`.",
    "unknown_plan": "`passionpath plan list` shows your plans.",
    "no_active_plan": "Create one with `passionpath plan create PROFILE --target CODE`.",
    "unknown_benchmark": "`passionpath plan show` lists them.",
    "unknown_contact": "`passionpath contacts list` shows their ids.",
    "unknown_interaction": "`passionpath contacts show CONTACT` lists them.",
}


def _parameter_label(field: str) -> str:
    """How the running command spells the input ``field``: ``--hours-per-week``, ``CODE``.

    Falls back to the field's own name when the command has no such parameter (the input
    came from somewhere else, such as a stored plan)."""
    context = _current_context()
    if context is None:
        return field
    for name in (field, *_PARAMETER_NAMES.get(field, ())):
        flag = "--" + name.replace("_", "-")
        # A parameter called ``name``, or an option spelled ``--name`` whatever its Python
        # name (``--from`` is ``origin`` in ``passionpath path``).
        param = next((p for p in context.command.params if p.name == name or flag in p.opts), None)
        if param is None:
            continue
        if param.param_type_name == "option":
            long = [opt for opt in param.opts if opt.startswith("--")]
            return str((long or param.opts)[0])
        return str(getattr(param, "metavar", None) or param.name.upper())  # as in usage
    return field


def _current_context() -> Any:
    """The Click context of the command running now, or None outside a command.

    Typer (pinned in pyproject.toml) runs on its own bundled copy of Click, whose context
    stack is not the one ``click.get_current_context`` reads."""
    try:
        from typer._click import globals as click_globals
    except ImportError:  # a Typer that uses the Click package itself
        import click as click_globals  # type: ignore[no-redef]
    return click_globals.get_current_context(silent=True)


def error_line(exc: PassionpathError) -> str:
    """One line for a core error, in the command line's words."""
    text = exc.message or str(exc)
    if exc.field:
        text = f"{_parameter_label(exc.field)}: {text}"
    advice = _SUGGESTIONS.get(exc.kind or "", exc.hint)
    return f"{text} {advice}" if advice else text


def user_errors(func: F) -> F:
    """Turn a PassionpathError raised by a command into one red line and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from passionpath.errors import PassionpathError

        try:
            return func(*args, **kwargs)
        except PassionpathError as exc:
            fail(error_line(exc))

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


@contextmanager
def import_progress(
    label: str, enabled: bool = True
) -> Iterator[tuple[Callable[[str, int, int], None], Callable[[int, int], None]]]:
    """Progress of an import that may go on to embed texts: ``(bytes, texts)`` callbacks,
    ``bytes(current_file, done, total)`` and ``texts(done, total)``. One live display (Rich
    allows only one at a time); the texts bar appears when embedding starts."""
    from rich import filesize
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    if not enabled:
        yield (lambda _item, _done, _total: None), (lambda _done, _total: None)
        return
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[count]}"),
        TimeRemainingColumn(),
        TextColumn("{task.fields[item]}"),
        console=err_console,
        transient=False,
    ) as progress:
        reading = progress.add_task(label, total=None, item="", count="")
        embedding: list[Any] = []

        def read(item: str, done: int, total: int | None) -> None:
            sizes = f"{filesize.decimal(done)}/{filesize.decimal(total or 0)}"
            progress.update(reading, completed=done, total=total, item=item, count=sizes)

        def embed(done: int, total: int) -> None:
            if not embedding:
                embedding.append(
                    progress.add_task("Embedding occupation texts", total=total, item="", count="")
                )
            progress.update(embedding[0], completed=done, total=total, count=f"{done}/{total}")

        yield read, embed


def read_texts(text: str | None, input_file: Path | None) -> list[str]:
    """The texts a command works on: one TEXT, or the non-blank lines of --input FILE.

    They are checked here (empty, too long, not English) so an error can name the line
    of the file; the core checks again for callers that are not the CLI."""
    from passionpath.files import read_user_text
    from passionpath.limits import MAX_TEXT_FILE_BYTES, MAX_TEXTS
    from passionpath.text import TextInputError, check_text, check_total

    if input_file is not None:
        lines = read_user_text(input_file, max_bytes=MAX_TEXT_FILE_BYTES).splitlines()
        numbered = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
        if not numbered:
            fail(f"{input_file}: the file has no text; there is nothing to go on.")
        if len(numbered) > MAX_TEXTS:
            fail(f"{input_file}: {len(numbered)} texts; the limit is {MAX_TEXTS} (one per line).")
        for number, line in numbered:
            try:
                check_text(line)
            except TextInputError as exc:
                fail(f"{input_file}, line {number}: {exc.reason}")
        try:
            check_total([line for _, line in numbered])
        except TextInputError as exc:
            fail(f"{input_file}: {exc.reason}")
        return [line for _, line in numbered]
    if text is not None:
        try:
            return [check_text(text)]
        except TextInputError as exc:
            fail(exc.reason[:1].upper() + exc.reason[1:])
    fail("Give a TEXT or --input FILE.", 2)


def write_output(path: Path, data: str | bytes, option: str) -> None:
    """Write a file a command was asked for; a bad path is one line naming the option."""
    from passionpath.files import UserFileError, write_user_file

    try:
        write_user_file(path, data)
    except UserFileError as exc:
        fail(f"{option} {exc.path}: {exc.reason}")
