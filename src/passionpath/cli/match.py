"""``passionpath match``: careers where passion and qualification overlap."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, attribution_line, console, emit_json, fail, user_errors
from passionpath.cli._profiles import PROFILE_HELP

if TYPE_CHECKING:
    from rich.table import Table

    from passionpath.match import MatchResult, SimilarCareer


def register(root: typer.Typer) -> None:
    """Add ``match`` to the ``passionpath`` command."""
    root.command("match")(match_command)


@user_errors
def match_command(
    profile: str = typer.Argument(None, help=f"{PROFILE_HELP} (default: the only profile)."),
    top: int = typer.Option(10, "--top", "-n", help="How many careers."),
    quadrant: str = typer.Option(
        None,
        "--quadrant",
        "-q",
        help="Only one quadrant: 'sweet spot', 'passion stretch', 'safe fit' or 'neither'.",
    ),
    no_stretch: bool = typer.Option(
        False, "--no-stretch", help="Leave out careers above your maximum job zone."
    ),
    chart: Path = typer.Option(None, "--chart", help="Also draw the quadrant map (.svg or .png)."),
    no_learned: bool = typer.Option(
        False, "--no-learned", help="Leave out what your applications and votes say you prefer."
    ),
    as_json: bool = JSON,
) -> None:
    """Rank careers by passion fit x qualification fit, with the reasons and the gaps."""
    from rich.table import Table

    from passionpath.match import QUADRANTS
    from passionpath.profile import find_profile

    if quadrant is not None:
        quadrant = quadrant.replace("-", " ").lower()
        if quadrant not in QUADRANTS:
            fail(f"--quadrant must be one of: {', '.join(QUADRANTS)}.", 2)
    if top < 1:
        fail("--top must be at least 1.", 2)
    ctx = open_context()
    target = profile if profile is not None else find_profile(None, ctx.engine).slug
    with console.status("Matching...", spinner="dots") if not as_json else nullcontext():
        from passionpath.jobsearch import match_with_preferences

        report, _ = match_with_preferences(
            target,
            ctx,
            top=top,
            quadrant=quadrant,
            include_stretch=not no_stretch,
            learned=not no_learned,
        )
    if chart is not None:
        from passionpath.files import UserFileError
        from passionpath.match.chart import write_chart

        try:
            write_chart(report, chart)
        except UserFileError as exc:
            fail(f"--chart {exc.path}: {exc.reason}")
    if as_json:
        emit_json(report.as_dict())
        return
    for warning in report.warnings:
        console.print(f"[yellow]Note:[/] {warning}", highlight=False)
    if not report.results and not report.worth_the_stretch:
        if not report.warnings:  # a quadrant filter left nothing
            console.print("No careers to show.")
        return
    code = report.interest_code or "-"
    console.print(
        f"[bold]{report.profile}[/]: interest code {code}, prepared for job zone {report.zone}"
    )
    table = Table(title="Careers where passion and qualification overlap", show_lines=True)
    table.add_column("Career", overflow="fold")
    table.add_column("Score", no_wrap=True, justify="right")
    table.add_column("Passion\nQualif.", no_wrap=True, justify="right")
    table.add_column("Quadrant")
    table.add_column("Why", overflow="fold")
    table.add_column("Top gaps", overflow="fold")
    for r in report.results:
        why = [f'"{_short(p.phrase)}"' for p in r.explanation.passions[:1]]
        if r.explanation.shared_interests:
            why.append("interests " + "".join(r.explanation.shared_interests))
        why += [s.name for s in r.explanation.matching_skills[:1]]
        shown = r.explanation.gaps[:2]
        # A skill and a knowledge area can share a name ("Mathematics"): then say which.
        twice = len({g.name for g in shown}) < len(shown)
        gaps = [
            f"{g.name}{f' ({g.kind})' if twice else ''} {g.current:.1f}->{g.required:.1f}"
            for g in shown
        ]
        stretch = ", stretch" if r.stretch else ""
        title = f"{r.title}\n[dim]{r.code}, zone {r.job_zone or '-'}{stretch}[/]"
        if r.similar:
            title += f"\n[dim]and {len(r.similar)} similar: {_similar_titles(r.similar)}[/]"
        table.add_row(
            title,
            f"{r.score:.2f}",
            f"{r.passion:.2f}\n{r.qualification:.2f}",
            r.quadrant,
            "\n".join(why),
            "\n".join(gaps),
        )
    console.print(table)
    if report.worth_the_stretch:
        console.print(_stretch_table(report.worth_the_stretch))
    if chart is not None:
        console.print(f"Chart written to {chart}")
    attribution_line(report.attribution, report.notice)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _similar_titles(similar: list[SimilarCareer]) -> str:
    names = [s.title for s in similar[:3]]
    more = f" (+{len(similar) - 3})" if len(similar) > 3 else ""
    return "; ".join(names) + more


def _stretch_table(results: list[MatchResult]) -> Table:
    """Careers the person loves but is not yet qualified for, with what reaching them takes."""
    from rich.table import Table

    table = Table(title="Worth the stretch: what you love, and what it takes", show_lines=True)
    table.add_column("Career", overflow="fold")
    table.add_column("Passion\nQualif.", no_wrap=True, justify="right")
    table.add_column("What it takes", overflow="fold")
    for r in results:
        takes = r.what_it_takes
        title = f"{r.title}\n[dim]{r.code}, zone {r.job_zone or '-'}[/]"
        if r.similar:
            title += f"\n[dim]and {len(r.similar)} similar[/]"
        steps = []
        if takes is not None:
            time = "a few months" if takes.years < 1 else f"about {takes.years:g} years"
            steps.append(f"{takes.preparation} ({time})")
            if takes.skills_to_gain:
                steps.append("Build: " + ", ".join(takes.skills_to_gain))
        table.add_row(title, f"{r.passion:.2f}\n{r.qualification:.2f}", "\n".join(steps))
    return table
