"""``passionpath data``: load, download and inspect the occupation catalog."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    byte_progress,
    console,
    emit_json,
    import_progress,
    user_errors,
)

if TYPE_CHECKING:
    from passionpath.context import Context

T = TypeVar("T")

app = typer.Typer(help="Load and inspect the occupation catalog.", no_args_is_help=True)

NO_EMBED = typer.Option(
    False,
    "--no-embed",
    help="Skip embedding occupation texts now (they are embedded on first use).",
)


def _print_report(report: Any, as_json: bool) -> None:
    if as_json:
        emit_json(report.as_dict())
        return
    if report.unchanged:
        console.print(
            f"{report.name} {report.version} is already loaded and unchanged; nothing to do "
            "(use --force to import it again)."
        )
        return
    total = sum(report.counts.values())
    console.print(
        f"[green]Imported[/] {report.name} {report.version}: "
        f"{report.counts.get('Occupation Data.txt', 0):,} occupations, {total:,} rows "
        f"from {len(report.files_read)} files in {report.seconds:.1f} s."
    )
    if report.files_skipped:
        console.print(f"Skipped (not in this release): {', '.join(report.files_skipped)}")
    if report.files_ignored:
        console.print(f"[dim]Not used by passionpath: {', '.join(report.files_ignored)}[/]")
    if report.embeddings:
        e = report.embeddings
        console.print(
            f"Text vectors ({e['model']}): {e['texts']:,} texts, {e['computed']:,} newly computed."
        )


def _load_with_progress(
    label: str, ctx: Context, load: Callable[..., T], *, no_embed: bool, as_json: bool
) -> T:
    """Run a catalog ``load`` (``import_release`` or ``load_starter`` with its own arguments
    bound) with the progress display and the embedding options every load takes."""
    with import_progress(label, not as_json) as (progress, embedding):
        return load(
            engine=ctx.engine,
            progress=progress,
            embed=not no_embed,
            embed_progress=embedding,
            text_model=ctx.settings.text_model,
        )


def _import_and_report(
    ctx: Context, path: Path, *, force: bool, no_embed: bool, as_json: bool
) -> None:
    """Import a release file, then say what was imported."""
    from passionpath.catalog import import_release

    load = partial(import_release, path, force=force)
    report = _load_with_progress("Importing", ctx, load, no_embed=no_embed, as_json=as_json)
    _print_report(report, as_json)


@app.command("import")
@user_errors
def import_(
    path: Path = typer.Argument(..., help="O*NET text release: the .zip or its extracted folder."),
    force: bool = typer.Option(False, "--force", help="Re-import even if unchanged."),
    no_embed: bool = NO_EMBED,
    as_json: bool = JSON,
) -> None:
    """Import an O*NET text release, replacing the catalog in one transaction."""
    _import_and_report(open_context(), path, force=force, no_embed=no_embed, as_json=as_json)


@app.command()
@user_errors
def download(
    release: str = typer.Option("30.0", "--release", help="O*NET release number."),
    no_embed: bool = NO_EMBED,
    as_json: bool = JSON,
) -> None:
    """Download an official O*NET text release (resumable), verify it, then import it."""
    from passionpath.catalog import download_release

    ctx = open_context()
    settings = ctx.settings
    with byte_progress(f"Downloading O*NET {release}", enabled=not as_json) as progress:
        path = download_release(
            release,
            template=settings.onet_download_url,
            directory=settings.data_dir / "downloads",
            progress=lambda done, total: progress("", done, total or 0),
        )
    _import_and_report(ctx, path, force=False, no_embed=no_embed, as_json=as_json)


@app.command()
@user_errors
def starter(
    if_empty: bool = typer.Option(
        False, "--if-empty", help="Only load it when no catalog is loaded yet."
    ),
    no_embed: bool = NO_EMBED,
    as_json: bool = JSON,
) -> None:
    """Load the bundled approximate starter catalog (works offline)."""
    from passionpath.catalog import load_starter

    load = partial(load_starter, if_empty=if_empty)
    report = _load_with_progress(
        "Loading starter catalog", open_context(), load, no_embed=no_embed, as_json=as_json
    )
    if report is None:
        if as_json:
            emit_json({"loaded": False, "reason": "a catalog is already loaded"})
        else:
            console.print("A catalog is already loaded; the starter catalog was not needed.")
        return
    _print_report(report, as_json)


@app.command()
@user_errors
def status(as_json: bool = JSON) -> None:
    """Show which release is loaded, with counts and attribution."""
    from rich.table import Table

    from passionpath.catalog import catalog_status
    from passionpath.cli._output import attribution_line

    ctx = open_context()
    current = catalog_status(ctx.engine)
    database = ctx.settings.resolved_database_url
    if as_json:
        emit_json({"database": database, "catalog": current.as_dict() if current else None})
        return
    console.print(f"Database: {database}", highlight=False)
    if current is None:
        console.print(
            "No catalog loaded. Run `passionpath data starter` (offline, approximate) or "
            "`passionpath data download` (the real O*NET database)."
        )
        return
    console.print(
        f"[bold]{current.name}[/] {current.version}, imported {current.imported_at}",
        highlight=False,
    )
    table = Table(show_header=False, box=None, padding=(0, 2))
    for key, value in current.counts.items():
        table.add_row(key.replace("_", " "), f"{value:,}")
    console.print(table)
    if current.files_skipped:
        console.print(f"Files not in this release: {', '.join(current.files_skipped)}")
    attribution_line(current.attribution, current.notice)
