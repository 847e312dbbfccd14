"""``passionpath plan``: turn gaps into a dated plan, then track it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    console,
    emit_json,
    error_line,
    fail,
    user_errors,
    write_output,
)
from passionpath.cli._profiles import PROFILE_HELP, profile_slug, stored_profile

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.plan import PlanView

app = typer.Typer(help="Plans: objectives, benchmarks, actions and progress.", no_args_is_help=True)

PLAN = typer.Option(None, "--plan", help="Plan id (default: the profile's active plan).")
PROFILE = typer.Option(
    None,
    "--profile",
    "-p",
    help=f"Whose plan: {PROFILE_HELP} (default: the only profile).",
)


def _hours(text: str | None) -> float | None:
    """--hours as a number, or one line saying what was wrong with it."""
    if text is None:
        return None
    try:
        hours = float(text.strip())
    except ValueError:
        fail(f"--hours must be a number of hours, like 1.5; {text!r} is not a number.", 2)
    if hours != hours or hours in (float("inf"), float("-inf")):
        fail(f"--hours must be a number of hours, like 1.5; {text!r} is not.", 2)
    if hours <= 0:
        fail("--hours must be more than 0.", 2)
    return hours


def _plan(ctx: Context, plan_id: int | None, profile: str | None) -> PlanView:
    from passionpath.plan import find_plan

    return find_plan(plan_id, profile_slug(ctx, profile), ctx.engine)


def _show(plan: PlanView) -> None:
    console.rule(
        f"[bold]Plan {plan.id}[/]: {plan.profile} -> {plan.title} ({plan.code}), {plan.status}"
    )
    asked = f" (you asked for {plan.weeks_requested})" if plan.weeks_requested else ""
    console.print(
        f"From {plan.start} at {plan.hours_per_week:g} h/week: {plan.weeks_needed} "
        f"weeks{asked}. Reassess on {plan.reassess_on}.",
        highlight=False,
    )
    if plan.weeks_requested and plan.weeks_needed > plan.weeks_requested:
        console.print(
            f"[yellow]At {plan.hours_per_week:g} h/week the work needs "
            f"{plan.weeks_needed} weeks, not {plan.weeks_requested}: add hours or "
            "accept the longer plan.[/]"
        )
    for o in plan.objectives:
        console.print(
            f"\n[bold]{o.position}. {o.name}[/] [dim]({o.kind}, {o.start} -> {o.due}, "
            f"{o.hours:g} h)[/]\n   {o.statement}",
            highlight=False,
        )
        for b in o.benchmarks:
            box = "[x]" if b.done_at else "[ ]"
            console.print(f"   {box} #{b.id} by {b.due}: {b.check}", highlight=False)
    console.print("\n[bold]Actions[/]")
    for a in plan.actions:
        attached = f" -> {a.attached}" if a.attached else ""
        console.print(f"  #{a.id} {a.due} [{a.kind}] {a.title}{attached}", highlight=False)
    if plan.obstacles:
        console.print("\n[bold]Obstacles[/]")
        for ob in plan.obstacles:
            console.print(
                f"  {ob['kind']}: {ob['description']}\n    -> {ob['counter_move']}", highlight=False
            )


@app.command()
@user_errors
def create(
    profile: str = typer.Argument(
        None, help=f"{PROFILE_HELP}; a file is stored first (default: the only profile)."
    ),
    target: str = typer.Option(..., "--target", "-t", help="Target O*NET-SOC code."),
    weeks: int = typer.Option(None, "--weeks", help="How long you would like it to take."),
    hours_per_week: float = typer.Option(5.0, "--hours-per-week", help="Hours you can give."),
    obstacle: list[str] = typer.Option(
        None,
        "--obstacle",
        help="time, money, confidence, location (optionally 'money: details'); repeatable.",
    ),
    ask: bool = typer.Option(
        None, "--ask/--no-ask", help="Ask about obstacles (default: in a terminal)."
    ),
    start: str = typer.Option(None, "--start", help="Start date, YYYY-MM-DD (default: today)."),
    as_json: bool = JSON,
) -> None:
    """Turn the gaps to TARGET into a plan with SMART objectives, benchmarks and actions."""
    import sys

    from passionpath.plan import new_plan

    try:
        begin = date.fromisoformat(start) if start else None
    except ValueError:
        fail(f"--start {start!r} is not a date like 2026-12-01.", 2)
    obstacles = list(obstacle or [])
    if not obstacles and (ask if ask is not None else sys.stdin.isatty()):
        answer = typer.prompt(
            "What could get in the way? (time, money, confidence, location; "
            "comma-separated, Enter for none)",
            default="",
            show_default=False,
        )
        obstacles = [x.strip() for x in answer.split(",") if x.strip()]
    ctx = open_context()
    plan = new_plan(
        stored_profile(ctx, profile, as_json).record.slug if profile is not None else None,
        target,
        ctx,
        hours_per_week=hours_per_week,
        weeks=weeks,
        obstacles=obstacles,
        start=begin,
    )
    if as_json:
        emit_json(plan.as_dict())
        return
    _show(plan)


@app.command()
@user_errors
def show(plan_id: int = PLAN, profile: str = PROFILE, as_json: bool = JSON) -> None:
    """Show a plan: objectives, benchmarks (with ids to tick), actions, obstacles."""
    plan = _plan(open_context(), plan_id, profile)
    if as_json:
        emit_json(plan.as_dict())
        return
    _show(plan)


@app.command("list")
@user_errors
def list_(profile: str = PROFILE, as_json: bool = JSON) -> None:
    """List a profile's plans; one is active, the others are kept for reference."""
    from passionpath.plan import list_plans
    from passionpath.profile import find_profile

    ctx = open_context()
    plans = list_plans(find_profile(profile_slug(ctx, profile), ctx.engine).id, ctx.engine)
    if as_json:
        emit_json(plans)
        return
    for p in plans:
        console.print(
            f"{p['id']:>4}  {p['status']:<9} {p['code']}  {p['title']}  "
            f"(from {p['start']}, {p['weeks']} weeks)",
            highlight=False,
        )


@app.command()
@user_errors
def activate(plan_id: int = typer.Argument(..., help="Plan id.")) -> None:
    """Make a plan the active one (e.g. when switching back to an earlier target)."""
    from passionpath.plan import activate_plan

    activate_plan(plan_id, open_context().engine)
    console.print(f"Plan {plan_id} is now active.")


@app.command()
@user_errors
def check(
    benchmark: int = typer.Argument(..., help="Benchmark id (see `plan show`)."),
    undo: bool = typer.Option(False, "--undo", help="Untick it."),
    plan_id: int = PLAN,
    profile: str = PROFILE,
) -> None:
    """Tick a benchmark."""
    from passionpath.plan import check_benchmark

    ctx = open_context()
    result = check_benchmark(_plan(ctx, plan_id, profile), benchmark, ctx.engine, done=not undo)
    console.print(
        ("Ticked" if result.done_at else "Unticked") + f": {result.check}", highlight=False
    )


@app.command()
@user_errors
def log(
    # Read as text so "--hours abc" is one clear line rather than a usage box.
    hours_text: str = typer.Option(None, "--hours", metavar="<float>", help="Hours spent."),
    objective: int = typer.Option(None, "--objective", "-o", help="Objective number."),
    evidence: str = typer.Option(None, "--evidence", help="What you did or made (a link, a note)."),
    rate: str = typer.Option(None, "--rate", help="Re-rate a skill: 'Programming=4.5'."),
    plan_id: int = PLAN,
    profile: str = PROFILE,
) -> None:
    """Log hours or evidence, or re-rate a skill (which saves a new profile version)."""
    from passionpath.errors import PassionpathError
    from passionpath.plan import log_progress, rerate

    hours = _hours(hours_text)
    ctx = open_context()
    plan = _plan(ctx, plan_id, profile)
    if hours is None and evidence is None and rate is None:
        fail("Give --hours, --evidence or --rate.", 2)
    if hours is not None or evidence is not None:
        try:
            log_progress(plan, ctx.engine, hours=hours, evidence=evidence, objective=objective)
        except PassionpathError as exc:
            if exc.field != "objective":
                raise
            fail(error_line(exc), 2)  # a number the plan does not have: a usage error
        console.print("Logged.")
    if rate is not None:
        name, _, value = rate.partition("=")
        try:
            level = float(value)
        except ValueError:
            fail(f"--rate {rate!r}: expected NAME=LEVEL, e.g. 'Programming=4.5'.", 2)
        version = rerate(plan, name.strip(), level, ctx.engine)
        console.print(f"Re-rated {name.strip()} at {level:g}: profile version {version}.")


@app.command()
@user_errors
def status(
    plan_id: int = PLAN,
    profile: str = PROFILE,
    today: str = typer.Option(None, "--today", help="Assess as of this date (YYYY-MM-DD)."),
    as_json: bool = JSON,
) -> None:
    """Progress per objective against the schedule: on track or behind, and by how much."""
    from rich.progress_bar import ProgressBar
    from rich.table import Table

    from passionpath.plan import plan_progress

    plan = _plan(open_context(), plan_id, profile)
    try:
        when = date.fromisoformat(today) if today else date.today()
    except ValueError:
        fail(f"--today {today!r} is not a date like 2026-12-01.", 2)
    items, summary = plan_progress(plan, when)
    if as_json:
        emit_json(
            {
                "plan": plan.id,
                "today": when.isoformat(),
                "summary": summary,
                "objectives": [i.as_dict() for i in items],
            }
        )
        return
    table = Table(title=f"Plan {plan.id}: {plan.title}, as of {when}")
    for column in ("#", "Objective", "Progress", "", "Hours", "Benchmarks", "State"):
        table.add_column(column)
    for i in items:
        state = i.state + (f" by {i.behind_hours:g} h" if i.state == "behind" else "")
        table.add_row(
            str(i.position),
            i.name,
            ProgressBar(total=1.0, completed=i.progress, width=20),
            f"{i.progress:.0%}",
            f"{i.hours_logged:g}/{i.hours_planned:g}",
            f"{i.benchmarks_done}/{i.benchmarks_total}",
            state,
        )
    console.print(table)
    console.print(summary)


@app.command()
@user_errors
def attach(
    action: int = typer.Argument(..., help="Action id (see `plan show`)."),
    what: str = typer.Argument(..., help="The course, event or contact you picked."),
    plan_id: int = PLAN,
    profile: str = PROFILE,
) -> None:
    """Attach the course, event or person you chose to an action."""
    from passionpath.plan import attach_to_action

    ctx = open_context()
    attach_to_action(_plan(ctx, plan_id, profile), action, what, ctx.engine)
    console.print(f"Attached to action {action}.")


@app.command()
@user_errors
def export(
    ical: Path = typer.Option(..., "--ical", help="Write an iCalendar (.ics) file here."),
    plan_id: int = PLAN,
    profile: str = PROFILE,
) -> None:
    """Export benchmarks, actions and the reassessment as calendar to-dos with reminders."""
    from passionpath.plan import plan_calendar

    write_output(ical, plan_calendar(_plan(open_context(), plan_id, profile)), "--ical")
    console.print(f"Wrote {ical}: import it into any calendar app.")
