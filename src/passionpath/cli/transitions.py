"""``passionpath similar``, ``path`` and ``explore``: moving between careers, and free text."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    attribution_line,
    console,
    emit_json,
    fail,
    read_texts,
    user_errors,
)

if TYPE_CHECKING:
    from passionpath.context import Context


def _attribution(ctx: Context) -> tuple[str, str | None]:
    from passionpath.catalog import release_attribution

    return release_attribution(ctx.engine)


@user_errors
def similar_command(
    code: str = typer.Argument(None, help="O*NET-SOC code, e.g. 13-2011.00."),
    top: int = typer.Option(10, "--top", "-n", help="How many occupations."),
    every: bool = typer.Option(
        False, "--all", help="Every occupation's top N, one JSON line each."
    ),
    as_json: bool = JSON,
) -> None:
    """Occupations that are easiest to move to from CODE (transferable skills, interests,
    values, work styles, preparation, technology and the work itself)."""
    from dataclasses import asdict

    from rich.table import Table

    from passionpath.match import similar, similar_all

    ctx = open_context()
    if every:
        for source, ranked in similar_all(ctx, top):
            line = {"code": source, "similar": [{"code": r.code, "score": r.score} for r in ranked]}
            sys.stdout.write(json.dumps(line) + "\n")
        return
    if code is None:
        fail("Give an occupation CODE, or --all.", 2)
    ranked = similar(code, ctx, top)
    attribution, notice = _attribution(ctx)
    if as_json:
        emit_json(
            {"code": code, "similar": [asdict(r) for r in ranked], "attribution": attribution}
        )
        return
    table = Table(title=f"Moves from {code}")
    for column in ("#", "Code", "Title", "Zone", "Score"):
        table.add_column(column)
    for i, r in enumerate(ranked, start=1):
        table.add_row(str(i), r.code, r.title, str(r.job_zone or "-"), f"{r.score:.2f}")
    console.print(table)
    attribution_line(attribution, notice)


@user_errors
def path_command(
    origin: str = typer.Option(..., "--from", help="Where you are: an O*NET-SOC code."),
    goal: str = typer.Option(..., "--to", help="Where you want to be: an O*NET-SOC code."),
    as_json: bool = JSON,
) -> None:
    """Stepping stones from one occupation to another (at most three moves)."""
    from passionpath.match import career_path

    ctx = open_context()
    route = career_path(origin, goal, ctx)
    attribution, notice = _attribution(ctx)
    if as_json:
        emit_json({**route.as_dict(), "attribution": attribution})
        return
    console.print(
        f"Cost of the route {route.total_cost:.2f} (straight move: "
        f"{route.direct_cost:.2f}); lower is easier."
    )
    for i, step in enumerate(route.steps, start=1):
        console.print(f"\n[bold]{i}. {step.to_title}[/] ({step.to_code}), cost {step.cost:.2f}")
        for skill in step.skills_to_gain:
            console.print(
                f"   gain {skill.name}: {skill.current:.1f} -> {skill.required:.1f} "
                f"(importance {skill.importance:.1f})",
                highlight=False,
            )
        console.print(f"   {step.preparation}", highlight=False)
    attribution_line(attribution, notice)


@user_errors
def explore_command(
    text: str = typer.Argument(None, help="What you love doing, in your own words."),
    top: int = typer.Option(10, "--top", "-n", help="How many occupations."),
    input_file: Path = typer.Option(
        None, "--input", help="One text per line; one JSON line out per text."
    ),
    as_json: bool = JSON,
) -> None:
    """Occupations whose work matches a free-text description (no profile needed)."""
    from passionpath.match import explore

    texts = read_texts(text, input_file)
    if top < 1:
        fail("--top must be at least 1.", 2)
    ctx = open_context()
    results = explore(texts, ctx, top)
    if input_file is not None or as_json:
        for source, ranked in zip(texts, results, strict=True):
            line = {
                "text": source,
                "results": [{"code": r.code, "title": r.title, "score": r.score} for r in ranked],
            }
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        return
    for i, r in enumerate(results[0], start=1):
        console.print(
            f"{i:>2}. {r.title} ({r.code}, zone {r.job_zone or '-'})  {r.score:.2f}",
            highlight=False,
        )
    attribution_line(*_attribution(ctx))
