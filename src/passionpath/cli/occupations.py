"""``passionpath occupations``: search and show occupations."""

from __future__ import annotations

from dataclasses import asdict

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, attribution_line, console, emit_json, user_errors

app = typer.Typer(help="Search and read occupations.", no_args_is_help=True)


def _bar(value: float, maximum: float, width: int = 14) -> str:
    filled = round(width * max(0.0, min(value, maximum)) / maximum)
    return "█" * filled + "·" * (width - filled)


@app.command()
@user_errors
def search(
    query: str = typer.Argument(..., help="A job title, typos welcome: 'pastry chef'."),
    limit: int = typer.Option(10, "--limit", "-n", help="How many results."),
    as_json: bool = JSON,
) -> None:
    """Find occupations by title or alternate title."""
    from rich.table import Table

    from passionpath.catalog import release_attribution, search_occupations

    ctx = open_context()
    hits = search_occupations(query, ctx, limit)
    attribution, notice = release_attribution(ctx.engine)
    if as_json:
        emit_json(
            {
                "query": query,
                "results": [asdict(h) for h in hits],
                "attribution": attribution,
                "notice": notice,
            }
        )
        return
    if not hits:
        console.print(f"No occupation title resembles {query!r}.")
        return
    table = Table(title=f"Occupations matching {query!r}")
    table.add_column("Code")
    table.add_column("Title")
    table.add_column("Matched title")
    table.add_column("Zone", justify="right")
    table.add_column("RIASEC")
    for hit in hits:
        matched = "" if hit.matched_title == hit.title else hit.matched_title
        table.add_row(
            hit.code, hit.title, matched, str(hit.job_zone or "-"), hit.riasec_code or "-"
        )
    console.print(table)
    attribution_line(attribution, notice)


@app.command()
@user_errors
def show(
    code: str = typer.Argument(..., help="O*NET-SOC code, e.g. 51-3011.00."),
    as_json: bool = JSON,
) -> None:
    """Show an occupation: interests, skills, knowledge, values, tasks, related occupations."""
    from rich.table import Table

    from passionpath.catalog import occupation_profile

    profile = occupation_profile(code.strip(), open_context().engine)
    if as_json:
        emit_json(profile.as_dict())
        return
    console.rule(f"[bold]{profile.title}[/] ({profile.code})")
    console.print(profile.description, highlight=False)
    zone = f"Job zone {profile.job_zone}" if profile.job_zone else "Job zone not rated"
    if profile.job_zone_name:
        zone = profile.job_zone_name
    console.print(f"{zone}   Interest code: {profile.riasec_code or '-'}", highlight=False)
    if profile.interests:
        console.print("\n[bold]Interests[/] (1-7)")
        for letter, value in profile.interests.items():
            console.print(f"  {letter} {_bar(value - 1, 6)} {value:.2f}", highlight=False)
    for heading, items in (("Skills", profile.skills), ("Knowledge", profile.knowledge)):
        if not items:
            continue
        table = Table(title=f"Top {heading.lower()}", title_justify="left")
        table.add_column(heading)
        table.add_column("Importance 1-5", justify="right")
        table.add_column("Level 0-7", justify="right")
        for item in items[:8]:
            flag = " *" if item.suppressed else ""
            table.add_row(
                item.name + flag,
                f"{item.importance:.2f}" if item.importance is not None else "-",
                f"{item.level:.2f}" if item.level is not None else "-",
            )
        console.print(table)
    if profile.work_values:
        console.print("[bold]Work values[/] (1-7)")
        for name, value in sorted(profile.work_values.items(), key=lambda kv: -kv[1]):
            console.print(f"  {name:<20} {_bar(value - 1, 6)} {value:.2f}", highlight=False)
    if profile.education:
        top = profile.education[0]
        console.print(
            f"[bold]Education[/]: most common is {top['description']} ({top['percent']:.0f}%)",
            highlight=False,
        )
    if profile.tasks:
        console.print("[bold]Tasks[/]")
        for task in profile.tasks[:6]:
            console.print(f"  • {task['text']}", highlight=False)
    if profile.technology:
        names = [t["example"] + (" (hot)" if t["hot"] else "") for t in profile.technology[:10]]
        console.print(f"[bold]Technology[/]: {', '.join(names)}", highlight=False)
    if profile.alternate_titles:
        console.print(
            f"[bold]Also called[/]: {', '.join(profile.alternate_titles[:10])}", highlight=False
        )
    if profile.related:
        table = Table(title="Related occupations (from the catalog)", title_justify="left")
        table.add_column("Code")
        table.add_column("Title")
        table.add_column("Tier")
        for related in profile.related:
            table.add_row(related["code"], related["title"], related["tier"])
        console.print(table)
    if any(item.suppressed for item in profile.skills + profile.knowledge):
        console.print("[dim]* the source recommends suppressing this value (low precision)[/]")
    attribution_line(profile.attribution, profile.notice)
