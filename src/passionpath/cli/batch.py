"""``passionpath batch``: recommendations for a whole population on a Dask cluster."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, emit_json, err_console, fail, user_errors

app = typer.Typer(
    help="Population scale: recommendations for millions of records on a Dask cluster "
    "(needs `pip install 'passionpath[scale]'`).",
    no_args_is_help=True,
)


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[int, int | None, str], None]]:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if not enabled:
        yield lambda _done, _total, _what: None
        return
    labels = {
        "phrases": "Embedding phrases",
        "records": "Recommending",
        "vectors": "Community vectors",
        "tribe partitions": "Tribes",
    }
    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[what]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=err_console,
    ) as progress:
        task = progress.add_task(labels["records"], total=None, what="records")

        def update(done: int, total: int | None, what: str) -> None:
            label = labels.get(what, what)
            progress.update(task, completed=done, total=total, description=label, what=what)

        yield update


@app.command("recommend")
@user_errors
def recommend_command(
    input: str = typer.Option(
        ...,
        "--input",
        "-i",
        help="Population records: a .parquet or .jsonl file, or a postgresql:// URL "
        "(with --table). Files must be readable by every worker at the same path.",
    ),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="Parquet folder to write (one part file per partition; readable as one table).",
    ),
    scheduler: str = typer.Option(
        None,
        "--scheduler",
        help="A running Dask scheduler (tcp://HOST:8786); default: a local one.",
    ),
    top: int = typer.Option(20, "--top", "-n", help="Careers per person."),
    workers: int = typer.Option(
        None, "--workers", help="Worker processes of the local cluster (default: one per core)."
    ),
    table: str = typer.Option("profiles", "--table", help="The table of a PostgreSQL input."),
    chunk: int = typer.Option(
        None, "--chunk", help="Records per partition of JSON lines or PostgreSQL input (50,000)."
    ),
    errors: Path = typer.Option(
        None, "--errors", help="Where bad records are listed (default: OUTPUT.errors.jsonl)."
    ),
    restart: bool = typer.Option(
        False, "--restart", help="Start over instead of resuming an interrupted run."
    ),
    as_json: bool = JSON,
) -> None:
    """Every record's top careers, written as Parquet: person_id, rank, code, score,
    passion_fit, qualification_fit, quadrant. A run that stops resumes when started again."""
    from rich.markup import escape

    from passionpath.batch import ScaleMissingError, recommend, require_scale

    try:
        require_scale()
    except ScaleMissingError as exc:
        fail(escape(str(exc)))  # the extra's name is in brackets, which Rich would eat
    if workers is not None and workers < 1:
        fail("--workers must be at least 1.", 2)
    if chunk is not None and chunk < 1:
        fail("--chunk must be at least 1.", 2)
    ctx = open_context()
    with _progress(not as_json) as progress:
        summary = recommend(
            input,
            output,
            ctx,
            scheduler=scheduler,
            top=top,
            workers=workers,
            table=table,
            chunk=chunk,
            errors=errors,
            resume=not restart,
            progress=progress,
        )
    if as_json:
        emit_json(summary.as_dict())
        return
    rate = summary.people / summary.seconds if summary.seconds > 0 else 0.0
    resumed = f" ({summary.resumed} done by an earlier run)" if summary.resumed else ""
    console.print(
        f"Scored {summary.people:,} records in {summary.seconds:.1f} s ({rate:,.0f}/s) on "
        f"{summary.workers} worker(s); {summary.partitions} partitions{resumed} in "
        f"{summary.output}",
        highlight=False,
    )
    if summary.errors_file:
        console.print(
            f"[yellow]{summary.bad_records:,} bad record(s) skipped[/], listed in "
            f"{summary.errors_file}",
            highlight=False,
        )


@app.command("community")
@user_errors
def community_command(
    input: str = typer.Option(
        ...,
        "--input",
        "-i",
        help="Population records (.parquet, .jsonl or postgresql://) with passions, and "
        "target_careers for mentees, occupation and mentor_capacity for mentors.",
    ),
    output: Path = typer.Option(
        ..., "--output", "-o", help="A new folder: tribe/ (Parquet parts) and mentors.parquet."
    ),
    scheduler: str = typer.Option(
        None, "--scheduler", help="A running Dask scheduler; default: a local one."
    ),
    top: int = typer.Option(10, "--top", "-n", help="Tribe members per person."),
    per_mentee: int = typer.Option(20, "--per-mentee", help="Mentors each mentee ranks."),
    workers: int = typer.Option(None, "--workers", help="Worker processes of the local cluster."),
    table: str = typer.Option("profiles", "--table", help="The table of a PostgreSQL input."),
    chunk: int = typer.Option(None, "--chunk", help="Records per partition (JSON lines, SQL)."),
    restart: bool = typer.Option(
        False, "--restart", help="Start over instead of resuming an interrupted run."
    ),
    as_json: bool = JSON,
) -> None:
    """Tribe top-N for everyone (nearest people by passions, over lists of people built once
    with faiss k-means) and a stable mentor assignment for the whole cohort. A stopped run
    resumes when the same command is run again."""
    from rich.markup import escape

    from passionpath.batch import ScaleMissingError, community, require_scale

    try:
        require_scale(("distributed", "pyarrow", "faiss"))
    except ScaleMissingError as exc:
        fail(escape(str(exc)))
    if per_mentee < 1:
        fail("--per-mentee must be at least 1.", 2)
    ctx = open_context()
    with _progress(not as_json) as progress:
        summary = community(
            input,
            output,
            ctx,
            scheduler=scheduler,
            top=top,
            per_mentee=per_mentee,
            workers=workers,
            table=table,
            chunk=chunk,
            progress=progress,
            resume=not restart,
        )
    if as_json:
        emit_json(summary.as_dict())
        return
    console.print(
        f"Tribe lists for {summary.with_vectors:,} people ({summary.index}); "
        f"{summary.assigned:,} of {summary.mentees:,} mentees assigned to "
        f"{summary.mentors:,} mentors, in {summary.seconds['total']:.1f} s; {summary.output}",
        highlight=False,
    )
    if summary.errors_file:
        console.print(
            f"[yellow]{summary.bad_records:,} bad record(s) skipped[/], listed in "
            f"{summary.errors_file}",
            highlight=False,
        )
