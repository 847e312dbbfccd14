"""``passionpath gaps``: what stands between you and a target career."""

from __future__ import annotations

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, attribution_line, console, emit_json, user_errors
from passionpath.cli._profiles import PROFILE_HELP


@user_errors
def gaps_command(
    profile: str = typer.Argument(..., help=f"{PROFILE_HELP}."),
    target: str = typer.Option(..., "--target", "-t", help="The target's O*NET-SOC code."),
    as_json: bool = JSON,
) -> None:
    """List the gaps to a target occupation, most important first, and what transfers."""
    from rich.table import Table

    from passionpath.jobsearch import cited_counts
    from passionpath.plan import analyse_gaps

    ctx = open_context()
    report = analyse_gaps(profile, target, ctx, cited=cited_counts(ctx.engine))
    if as_json:
        emit_json(report.as_dict())
        return
    console.rule(f"[bold]{report.profile}[/] -> {report.title} ({report.code})")
    if report.skills_estimated:
        console.print(
            "[yellow]This occupation has no skill ratings in the catalog; its "
            "requirements are estimated from similar occupations.[/]"
        )
    table = Table(title="Skill and knowledge gaps (importance x shortfall)", title_justify="left")
    for column in ("Descriptor", "Kind", "You", "Needed", "Importance"):
        table.add_column(column)
    for g in report.skills[:12]:
        name = f"{g.name} ({g.reason})" if g.reason else g.name
        table.add_row(name, g.kind, f"{g.current:.1f}", f"{g.required:.1f}", f"{g.importance:.1f}")
    console.print(table if report.skills else "No skill or knowledge gaps.")
    p = report.preparation
    if p is not None:
        line = (
            f"Preparation: job zone {p.job_zone or '-'} (you: {p.person_zone}); typical "
            f"education {p.typical_education or 'unknown'} (you: {p.person_education})"
        )
        console.print(("[red]Gap.[/] " if p.gap else "[green]OK.[/] ") + line, highlight=False)
    c = report.credential
    if c is not None:
        if c.held:
            console.print(f"[green]OK.[/] Credential: {c.name} (you: {c.held_as})", highlight=False)
        else:
            mark = "[red]Needed.[/]" if c.required else "[yellow]Usual.[/]"
            console.print(f"{mark} Credential: {c.name}. {c.evidence} {c.note}", highlight=False)
    e = report.experience
    if e is not None and e.typical:
        line = f"Experience: typically {e.typical} (you: {e.person_years:g} years)"
        console.print(("[red]Gap.[/] " if e.gap else "[green]OK.[/] ") + line, highlight=False)
    missing = [t for t in report.technology if not t.have]
    if missing:
        names = [t.name + (" (hot)" if t.hot else "") for t in missing[:10]]
        console.print("Technology to learn: " + ", ".join(names), highlight=False)
    if report.transfers:
        console.print(
            "What transfers: "
            + ", ".join(
                f"{t.name} ({t.current:.1f} >= {t.required:.1f})" for t in report.transfers[:6]
            ),
            highlight=False,
        )
    attribution_line(report.attribution, report.notice)
