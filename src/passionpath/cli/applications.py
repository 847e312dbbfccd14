"""``passionpath applications``: the jobs you applied for, their stages, the funnel and what
the rejections teach."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, emit_json, fail, user_errors

if TYPE_CHECKING:
    from passionpath.jobsearch import ApplicationView, Funnel, Insights

app = typer.Typer(
    help="Applications: every job you applied for, its stages, your funnel, and what the "
    "rejections teach.",
    no_args_is_help=True,
)

APPLICATION = typer.Argument(..., metavar="APP", help="Application id (see `list`).")
ON = typer.Option(None, "--on", help="When, YYYY-MM-DD (default: today).")
TODAY = typer.Option(None, "--today", help="As of this date, YYYY-MM-DD (default: today).")
GHOST = typer.Option(
    30, "--ghost-days", help="Days without news after which a waiting application is ghosted."
)
# The fields add and edit share, named as the core names them (errors then name the flag).
OCCUPATION = typer.Option(
    None, "--occupation", help="O*NET-SOC code of the role (default: read from the title)."
)
URL = typer.Option(None, "--url", help="The posting's web address.")
POSTING = typer.Option(None, "--posting-file", help="A text file holding the posting.")
SOURCE = typer.Option(None, "--source", help="Where you found it: LinkedIn, referral, ...")
LOCATION = typer.Option(None, "--location", help="Where the job is.")
PAY = typer.Option(None, "--pay", help="Pay, if known, as you would write it.")
PROFILE = typer.Option(None, "--profile", help="The profile you applied with (its slug).")
VERSION = typer.Option(None, "--profile-version", help="That profile's version.")
CV = typer.Option(None, "--cv", help="The id or name of the CV you sent.")
NOTES = typer.Option(None, "--notes", help="Notes.")
NEXT = typer.Option(None, "--next", help="Your next action.")
NEXT_ON = typer.Option(None, "--next-on", help="When, YYYY-MM-DD.")
REFERRER = typer.Option(None, "--referrer", help="Contact id of who referred you; repeatable.")
RECRUITER = typer.Option(None, "--recruiter", help="Contact id of the recruiter; repeatable.")
INTERVIEWER = typer.Option(None, "--interviewer", help="Contact id of an interviewer; repeatable.")


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{flag} {text!r} is not a date like 2026-12-01.", 2)


def _fields(given: dict[str, Any]) -> dict[str, Any]:
    from passionpath.files import read_user_text
    from passionpath.jobsearch import LinkedContact
    from passionpath.limits import MAX_POSTING_CHARS

    out: dict[str, Any] = {}
    for name in (
        "company role_title occupation_code posting_url source location pay profile_slug "
        "profile_version cv_id notes next_action"
    ).split():
        if given.get(name) is not None:
            out[name] = given[name]
    if given.get("posting_text") is not None:
        out["posting_text"] = read_user_text(given["posting_text"], max_bytes=4 * MAX_POSTING_CHARS)
    if given.get("next_action_on") is not None:
        out["next_action_on"] = _day(given["next_action_on"], "--next-on")
    links = [
        LinkedContact(i, role)
        for role in ("referrer", "recruiter", "interviewer")
        for i in given.get(role) or []
    ]
    if links:
        out["contacts"] = tuple(links)
    return out


def _status_words(view: ApplicationView) -> str:
    s = view.status
    if s is None:
        return ""
    if s.ghosted_computed:
        return f"ghosted (no news since {s.since})"
    if s.stage == "rejected":
        return f"rejected at the {s.ended_at}"
    return s.stage


def _descriptor_names(ctx: Any) -> dict[str, str]:
    from passionpath.catalog import descriptors

    return {
        d.element_id: d.name
        for domain in ("skills", "knowledge")
        for d in descriptors(domain, ctx.engine)
    }


def _names(ctx: Any) -> dict[int, str]:
    from passionpath.network import list_contacts

    return {c.id: c.display_name or "" for c in list_contacts(ctx.engine)}


@app.command()
@user_errors
def add(
    company: str = typer.Argument(..., help="The employer."),
    role_title: str = typer.Argument(..., metavar="ROLE", help="The role's title."),
    stage: str = typer.Option("applied", "--stage", help="saved (not sent yet) or applied."),
    on: str = ON,
    occupation_code: str = OCCUPATION,
    posting_url: str = URL,
    posting_text: Path = POSTING,
    source: str = SOURCE,
    location: str = LOCATION,
    pay: str = PAY,
    profile_slug: str = PROFILE,
    profile_version: int = VERSION,
    cv_id: str = CV,
    notes: str = NOTES,
    next_action: str = NEXT,
    next_action_on: str = NEXT_ON,
    referrer: list[int] = REFERRER,
    recruiter: list[int] = RECRUITER,
    interviewer: list[int] = INTERVIEWER,
    as_json: bool = JSON,
) -> None:
    """Add a job you applied for (or saved); its occupation is read from the title."""
    from passionpath.jobsearch import ApplicationFields, add_application, get_application

    fields = ApplicationFields(**_fields(locals()))
    ctx = open_context()
    new = add_application(fields, ctx.engine, stage=stage, on=_day(on, "--on"), ctx=ctx)
    view = get_application(new, ctx.engine, ctx=ctx)
    if as_json:
        emit_json(view.as_dict())
        return
    occupation = (
        f"{view.occupation_title} ({view.occupation_code})"
        if view.occupation_code
        else "none (the title names no one occupation; set one with --occupation)"
    )
    console.print(
        f"Added application {view.id}: {view.role_title} at {view.company}, "
        f"{_status_words(view)}. Occupation: {occupation}.",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def edit(
    application: int = APPLICATION,
    company: str = typer.Option(None, "--company", help="The employer."),
    role_title: str = typer.Option(None, "--role", help="The role's title."),
    occupation_code: str = OCCUPATION,
    posting_url: str = URL,
    posting_text: Path = POSTING,
    source: str = SOURCE,
    location: str = LOCATION,
    pay: str = PAY,
    profile_slug: str = PROFILE,
    profile_version: int = VERSION,
    cv_id: str = CV,
    notes: str = NOTES,
    next_action: str = NEXT,
    next_action_on: str = NEXT_ON,
    referrer: list[int] = REFERRER,
    recruiter: list[int] = RECRUITER,
    interviewer: list[int] = INTERVIEWER,
    as_json: bool = JSON,
) -> None:
    """Change what you give; people given replace the linked people."""
    from passionpath.jobsearch import update_application

    changes = _fields(locals())
    changes.pop("application", None)
    if not changes:
        fail("Give at least one field to change, such as --occupation or --next.", 2)
    ctx = open_context()
    view = update_application(application, changes, ctx.engine, ctx=ctx)
    if as_json:
        emit_json(view.as_dict())
        return
    console.print(
        f"Saved application {view.id}: {view.role_title} at {view.company} "
        f"({view.occupation_title or view.occupation_code or 'no occupation'}).",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def delete(application: int = APPLICATION) -> None:
    """Delete an application with its whole log."""
    from passionpath.jobsearch import delete_application, get_application

    engine = open_context().engine
    view = get_application(application, engine)
    delete_application(application, engine)
    console.print(
        f"Deleted application {application}: {view.role_title} at {view.company}.",
        highlight=False,
        markup=False,
    )


@app.command("list")
@user_errors
def list_(
    stage: str = typer.Option(None, "--stage", help="Only those at this stage now."),
    open_only: bool = typer.Option(False, "--open", help="Only those still open."),
    ghost_days: int = GHOST,
    today: str = TODAY,
    as_json: bool = JSON,
) -> None:
    """Your applications, newest first, with where each stands."""
    from rich.table import Table

    from passionpath.jobsearch import list_applications

    ctx = open_context()
    views = list_applications(
        ctx.engine,
        stage=stage,
        open_only=open_only,
        today=_day(today, "--today"),
        ghost_after=ghost_days,
        ctx=ctx,
    )
    if as_json:
        emit_json([v.as_dict() for v in views])
        return
    if not views:
        console.print("No applications." if not (stage or open_only) else "None matches.")
        return
    table = Table()
    for column in ("Id", "Company", "Role", "Occupation", "Applied", "Now", "Next"):
        table.add_column(column)
    for v in views:
        s = v.status
        nxt = " ".join(x for x in (v.next_action, str(v.next_action_on or "")) if x)
        cells = (
            v.company or "",
            v.role_title or "",
            v.occupation_code or "",
            str(s.applied_on) if s and s.applied_on else "-",
            _status_words(v),
            nxt,
        )
        table.add_row(str(v.id), *(escape(c) for c in cells))
    console.print(table)


def _event_line(e: Any, names: dict[int, str], skills: dict[str, str] | None = None) -> str:
    parts = [f"#{e.id} {e.on} {e.stage}"]
    if e.interview_kind:
        parts.append(f"({e.interview_kind})")
    people = [names.get(c, f"contact {c}") for c in e.contact_ids] + list(e.people)
    if people:
        parts.append("with " + ", ".join(people))
    if e.stage == "rejected":
        by = {"they": "by them", "you": "by you", "nobody_said": "nobody said by whom"}
        parts.append(f"at the {e.at_stage}, {by.get(e.ended_by or 'they', 'by them')}")
        if e.reasons:
            parts.append("- " + ", ".join(r.replace("_", " ") for r in e.reasons))
    text = " ".join(parts)
    if e.cited:
        text += f"; named {', '.join((skills or {}).get(c, c) for c in e.cited)}"
    if e.feedback:
        text += f'; feedback: "{e.feedback}"'
    if e.note:
        text += f": {e.note}"
    return text


@app.command()
@user_errors
def show(
    application: int = APPLICATION,
    ghost_days: int = GHOST,
    today: str = TODAY,
    as_json: bool = JSON,
) -> None:
    """An application with its whole stage log."""
    from passionpath.jobsearch import get_application

    ctx = open_context()
    v = get_application(
        application, ctx.engine, today=_day(today, "--today"), ghost_after=ghost_days, ctx=ctx
    )
    if as_json:
        emit_json(v.as_dict())
        return
    names = _names(ctx)
    console.rule(f"[bold]{escape(v.role_title or '')}[/] at {escape(v.company or '')} ({v.id})")
    occupation = (
        f"{v.occupation_title or v.occupation_code} ({v.occupation_code})"
        + (" (read from the title)" if v.occupation_inferred else "")
        if v.occupation_code
        else ""
    )
    s = v.status
    rows = [
        ("Now", _status_words(v)),
        ("Got as far as", s.furthest if s else ""),
        ("Occupation", occupation),
        ("Posting", v.posting_url or ""),
        ("Source", v.source or ""),
        ("Location", v.location or ""),
        ("Pay", v.pay or ""),
        (
            "Sent",
            " ".join(
                x
                for x in (
                    f"profile {v.profile_slug}" if v.profile_slug else "",
                    f"version {v.profile_version}" if v.profile_version else "",
                    f"CV {v.cv_id}" if v.cv_id else "",
                )
                if x
            ),
        ),
        (
            "People",
            ", ".join(f"{names.get(c.contact_id, c.contact_id)} ({c.role})" for c in v.contacts),
        ),
        ("Next", " ".join(x for x in (v.next_action, str(v.next_action_on or "")) if x)),
        ("Notes", v.notes or ""),
    ]
    for label, value in rows:
        if value:
            console.print(f"[bold]{label}:[/] {escape(value)}", highlight=False)
    if v.posting_text:
        console.print(f"[bold]Posting text:[/] {len(v.posting_text):,} characters")
    console.print("\n[bold]Log[/]")
    skills = _descriptor_names(ctx)
    for e in v.events:
        console.print("  " + _event_line(e, names, skills), highlight=False, markup=False)


@app.command()
@user_errors
def move(
    application: int = APPLICATION,
    stage: str = typer.Argument(
        ...,
        help="saved, applied, screen, assessment, interview, offer, accepted, declined, "
        "withdrawn, ghosted (a rejection has its own command).",
    ),
    on: str = ON,
    note: str = typer.Option(None, "--note", "-n", help="What happened."),
    interview_kind: str = typer.Option(
        None,
        "--kind",
        help="An interview's kind: phone, video, onsite, panel, technical, "
        "portfolio, case, behavioural, final, other.",
    ),
    contact_ids: list[int] = typer.Option(
        None, "--with", help="Contact id of someone there (an interviewer); repeatable."
    ),
    people: list[str] = typer.Option(
        None, "--person", help="Name of someone there not in your book; repeatable."
    ),
) -> None:
    """Log the next stage: the history stays, the status follows the latest."""
    from passionpath.jobsearch import StageEvent, get_application, log_event

    if stage.strip().lower() == "rejected":
        fail("Use `passionpath applications reject APP` to record a rejection and its reasons.", 2)
    engine = open_context().engine
    event = StageEvent(
        0,
        stage,
        _day(on, "--on") or date.today(),
        note=note,
        interview_kind=interview_kind,
        contact_ids=tuple(contact_ids or ()),
        people=tuple(people or ()),
    )
    number = log_event(application, event, engine)
    view = get_application(application, engine)
    console.print(
        f"Logged {event.stage.strip().lower()} #{number} for {view.role_title} at "
        f"{view.company} on {event.on}. Now: {_status_words(view)}.",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def reject(
    application: int = APPLICATION,
    on: str = ON,
    at_stage: str = typer.Option(
        None, "--at", help="The stage it ended at (default: the furthest reached)."
    ),
    ended_by: str = typer.Option(
        None, "--by", help="Who ended it: they (default), you, nobody_said."
    ),
    reasons: list[str] = typer.Option(
        None,
        "--reason",
        help="skills_gap, experience_seniority, credentials, "
        "interview_performance, location_visa, pay, fit_values, position_filled, "
        "templated_unknown; repeatable.",
    ),
    feedback: str = typer.Option(None, "--feedback", help="What they said, in their words."),
    cited: list[str] = typer.Option(
        None,
        "--cite",
        help="A skill or knowledge area they named (Design, or 2.C.3.c); repeatable.",
    ),
    note: str = typer.Option(None, "--note", "-n", help="Your own note."),
) -> None:
    """Record a rejection: the stage, who ended it, why, their feedback and the skills named."""
    from passionpath.jobsearch import StageEvent, cited_ids, get_application, log_event

    engine = open_context().engine
    event = StageEvent(
        0,
        "rejected",
        _day(on, "--on") or date.today(),
        note=note,
        at_stage=at_stage,
        ended_by=ended_by,
        reasons=tuple(reasons or ()),
        feedback=feedback,
        cited=cited_ids(cited or [], engine),
    )
    log_event(application, event, engine)
    view = get_application(application, engine)
    console.print(
        f"Recorded the rejection of {view.role_title} at {view.company} ({_status_words(view)}).",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def log(
    limit: int = typer.Option(50, "--limit", help="How many entries at most."),
    as_json: bool = JSON,
) -> None:
    """Every stage logged across your applications, newest first."""
    from passionpath.jobsearch import list_applications

    ctx = open_context()
    views = list_applications(ctx.engine)
    entries = sorted(
        ((e, v) for v in views for e in v.events),
        key=lambda ev: (ev[0].on, ev[0].id),
        reverse=True,
    )[: max(limit, 0)]
    if as_json:
        emit_json([{"application": v.id, "company": v.company, **e.as_dict()} for e, v in entries])
        return
    if not entries:
        console.print("Nothing logged yet.")
        return
    names = _names(ctx)
    skills = _descriptor_names(ctx)
    for e, v in entries:
        console.print(
            f"{v.company} - {v.role_title} (#{v.id}): {_event_line(e, names, skills)}",
            highlight=False,
            markup=False,
        )


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _group(name: str, f: Funnel) -> str:
    """A group's name with an occupation's title for its code."""
    kind, _, key = name.partition(" ")
    return f"{kind} {f.titles.get(key, key)}" if kind == "occupation" else name


def _print_funnel(f: Funnel) -> None:
    from rich.table import Table

    console.print(
        f"[bold]{f.applied}[/] applications sent ({f.saved_only} saved, not sent yet); "
        f"{f.responded} answered ({_percent(f.response_rate)}).",
        highlight=False,
    )
    table = Table(title="Funnel", title_justify="left")
    for column in ("Stage", "Reached", "From the stage before", "Of all sent"):
        table.add_column(column)
    for r in f.stages:
        table.add_row(r.stage, str(r.reached), _percent(r.conversion), _percent(r.of_applied))
    console.print(table)
    times = Table(title="Days in each stage", title_justify="left")
    for column in ("Stage", "Left", "Median", "Mean", "Waiting now", "Longest wait"):
        times.add_column(column)
    for t in f.times:
        times.add_row(
            t.stage,
            str(t.left),
            "-" if t.median_days is None else f"{t.median_days:g}",
            "-" if t.mean_days is None else f"{t.mean_days:g}",
            str(t.waiting),
            "-" if t.longest_wait is None else str(t.longest_wait),
        )
    console.print(times)
    for label, rows in (
        ("By occupation", f.by_occupation),
        ("By source", f.by_source),
        ("By month", f.by_month),
    ):
        group = Table(title=label, title_justify="left")
        for column in ("", "Sent", "Answered", "Interview", "Offer"):
            group.add_column(column)
        for g in rows:
            key = f.titles.get(g.key, g.key) if label == "By occupation" else g.key
            group.add_row(
                escape(key),
                str(g.applied),
                f"{g.responded} ({_percent(g.response_rate)})",
                f"{g.interviews} ({_percent(g.interview_rate)})",
                f"{g.offers} ({_percent(g.offer_rate)})",
            )
        console.print(group)
    healthy = Table(title="Your own best, step by step", title_justify="left")
    for column in ("Step", "You overall", "Your best", "Where"):
        healthy.add_column(column)
    for h in f.healthy:
        where = (
            f"{_group(h.best_group, f)} ({h.best_entered} entered)"
            if h.best_group
            else ("not enough applications in any one group yet")
        )
        healthy.add_row(h.step, f"{_percent(h.yours)} of {h.entered}", _percent(h.best), where)
    console.print(healthy)
    outcomes = ", ".join(f"{k} {n}" for k, n in f.outcomes.items())
    console.print(f"Where they stand: {outcomes or 'nothing sent yet'}.", highlight=False)


@app.command()
@user_errors
def funnel(
    chart: Path = typer.Option(None, "--chart", help="Also draw the funnel to a .svg or .png."),
    ghost_days: int = GHOST,
    today: str = TODAY,
    as_json: bool = JSON,
) -> None:
    """Your funnel: conversion per stage, days in stage, answers, by occupation, source and
    month, and your own best as the healthy reference."""
    from passionpath.jobsearch import funnel as make_funnel
    from passionpath.jobsearch import list_applications, tracks, write_funnel_chart

    ctx = open_context()
    day = _day(today, "--today")
    views = list_applications(ctx.engine, today=day, ghost_after=ghost_days, ctx=ctx)
    f = make_funnel(tracks(views), today=day, ghost_after=ghost_days)
    f.titles = {
        v.occupation_code: v.occupation_title or v.occupation_code
        for v in views
        if v.occupation_code
    }
    if chart is not None:
        write_funnel_chart(f, chart)
    if as_json:
        emit_json(f.as_dict())
        return
    _print_funnel(f)
    if chart is not None:
        console.print(f"Chart written to {chart}.", highlight=False, markup=False)


def _print_insights(i: Insights) -> None:
    console.rule("[bold]What your applications say[/]")
    for sentence in i.said:
        console.print(f"- {sentence}", highlight=False, markup=False, soft_wrap=False)
    if i.attribution:
        console.print(f"[dim]{i.attribution}[/]", highlight=False)


@app.command()
@user_errors
def insights(
    profile: str = typer.Option(None, "--profile", help="Your profile (default: your only one)."),
    ghost_days: int = GHOST,
    today: str = TODAY,
    as_json: bool = JSON,
) -> None:
    """Where you fall out and why, the gaps to work on, roles to try and whom to ask."""
    from passionpath.jobsearch import insights as read_insights

    found = read_insights(
        open_context(), profile=profile, today=_day(today, "--today"), ghost_after=ghost_days
    )
    if as_json:
        emit_json(found.as_dict())
        return
    _print_insights(found)


@app.command("import")
@user_errors
def import_(
    file: Path = typer.Argument(..., help="A CSV exported from Huntr, Teal or a spreadsheet."),
    mapping: list[str] = typer.Option(
        None, "--map", help='Read a field from a column: role_title="Job", repeatable.'
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Read and report; store nothing."),
    as_json: bool = JSON,
) -> None:
    """Import applications from a CSV: all rows or none, errors name the line and column."""
    from passionpath.files import read_user_bytes
    from passionpath.jobsearch import import_applications_csv
    from passionpath.limits import MAX_APPLICATIONS_FILE_BYTES

    pairs: dict[str, str] = {}
    for item in mapping or []:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            fail(f'--map {item!r}: write it as field="Column name".', 2)
        pairs[name.strip()] = column.strip().strip('"')
    ctx = open_context()
    data = read_user_bytes(file, max_bytes=MAX_APPLICATIONS_FILE_BYTES)
    report = import_applications_csv(
        data, ctx.engine, filename=str(file), mapping=pairs, dry_run=dry_run, ctx=ctx
    )
    if as_json:
        emit_json(report.as_dict())
        return
    verb = "Would import" if dry_run else "Imported"
    stages = ", ".join(f"{k} {n}" for k, n in sorted(report.by_stage.items()))
    read = ", ".join(f"{k} <- {v!r}" for k, v in report.columns.items())
    console.print(f"{verb} {report.rows} applications ({stages}).", highlight=False, markup=False)
    console.print(f"Columns read: {read}.", highlight=False, markup=False)
    if report.ignored:
        console.print(
            f"Columns left out: {', '.join(report.ignored)}.", highlight=False, markup=False
        )


@app.command()
@user_errors
def export(
    output: Path = typer.Option(
        None, "--output", "-o", help="Write to this file (default: print)."
    ),
) -> None:
    """Export every application with its whole log as JSON."""
    import json

    from passionpath.files import write_user_file
    from passionpath.jobsearch import export_applications_json

    data = export_applications_json(open_context().engine)
    if output is None:
        emit_json(data)
        return
    write_user_file(output, json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")
    console.print(
        f"Wrote {len(data['applications'])} applications to {output}.",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def prefer(
    occupation_code: str = typer.Argument(
        ..., metavar="CODE", help="O*NET-SOC code of an occupation among your matches."
    ),
    up: bool = typer.Option(True, "--up/--down", help="Thumbs up (default) or down."),
) -> None:
    """A thumbs up or down on an occupation: it teaches the match ranking what you want."""
    from passionpath.jobsearch import vote

    vote(occupation_code, up, open_context().engine)
    said = "up" if up else "down"
    console.print(f"Noted: thumbs {said} for {occupation_code}.", highlight=False)


@app.command()
@user_errors
def preferences(
    on: bool = typer.Option(None, "--on/--off", help="Use what was learned in `match`, or not."),
    as_json: bool = JSON,
) -> None:
    """What your applications and votes say you want and avoid, as `match` uses it."""
    from passionpath.jobsearch import MIN_SIGNALS, learn_preferences, set_learning

    ctx = open_context()
    if on is not None:
        set_learning(on, ctx.engine)
    learned = learn_preferences(ctx)
    if as_json:
        emit_json(learned.as_dict())
        return
    state = "on" if learned.on else "off"
    console.print(
        f"Learned preferences are {state} in `passionpath match` (switch with --on / --off).",
        highlight=False,
        markup=False,
    )
    if not learned.direction:
        console.print(
            f"Too little to go on yet: {len(learned.signals)} of the {MIN_SIGNALS} "
            "applications or votes needed.",
            highlight=False,
        )
    for lean in learned.leans:
        console.print(f"- You lean {lean.said} ({lean.amount:+.2f} sd).", highlight=False)
    if learned.direction and not learned.leans:
        console.print("- No strong lean yet.")
    if learned.words_liked:
        console.print("- Words in postings you went for: " + ", ".join(learned.words_liked))
    if learned.words_avoided:
        console.print("- Words in postings you turned down: " + ", ".join(learned.words_avoided))
    for s in learned.signals:
        console.print(f"  {s.weight:+.1f} {s.code}: {s.why}", highlight=False, markup=False)
