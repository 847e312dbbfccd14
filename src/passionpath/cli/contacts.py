"""``passionpath contacts``: the career network book, its check-ins and who works where."""

from __future__ import annotations

import mimetypes
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, emit_json, fail, user_errors, write_output

if TYPE_CHECKING:
    from passionpath.network import ContactFields, ContactView, DueEntry, InteractionView

app = typer.Typer(
    help="Contacts: your network, check-ins that reset when you talk, and who works where.",
    no_args_is_help=True,
)

# The options add and edit share, by the core's field names.
NAME = typer.Option(None, "--name", help="Name to show (default: given + family name).")
GIVEN = typer.Option(None, "--given", help="Given name.")
FAMILY = typer.Option(None, "--family", help="Family name.")
EMAIL = typer.Option(None, "--email", help="Email address; repeatable.")
PHONE = typer.Option(None, "--phone", help="Phone number as you have it; repeatable.")
ORG = typer.Option(None, "--org", help="Organisation they work for.")
TITLE = typer.Option(None, "--title", help="Job title (their occupations are read from it).")
URL = typer.Option(None, "--url", help="Web address (a LinkedIn profile, a site); repeatable.")
LOCATION = typer.Option(None, "--location", help="Where they are.")
TAG = typer.Option(None, "--tag", help="Tag, such as mentor or colleague; repeatable.")
HOW_MET = typer.Option(None, "--how-met", help="How you met.")
NOTES = typer.Option(None, "--notes", help="Notes.")
BIRTHDAY = typer.Option(None, "--birthday", help="Birthday, YYYY-MM-DD.")
PHOTO = typer.Option(None, "--photo", help="A picture file (JPEG, PNG, GIF or WebP).")
OCCUPATION = typer.Option(
    None, "--occupation", help="O*NET-SOC code they work in (instead of reading the title)."
)
PASSIONS = typer.Option(None, "--passions", help="What they love, in a few words.")
IDEAL = typer.Option(None, "--ideal-days", help="Check in every this many days (ideal).")
MAXIMUM = typer.Option(None, "--max-days", help="At most this many days between check-ins.")
REGION = typer.Option(
    None, "--region", help="Country for phone numbers without a country code, like GB."
)
TODAY = typer.Option(None, "--today", help="As of this date, YYYY-MM-DD (default: today).")

#: What ``edit --clear`` accepts, by option name, and the field each one empties.
_CLEARABLE = {
    "name": "display_name",
    "given": "given_name",
    "family": "family_name",
    "email": "emails",
    "phone": "phones",
    "org": "organisation",
    "title": "job_title",
    "url": "urls",
    "location": "location",
    "tag": "tags",
    "how-met": "how_met",
    "notes": "notes",
    "birthday": "birthday",
    "photo": "photo",
    "occupation": "occupation_codes",
    "passions": "passions",
    "ideal-days": "ideal_days",
    "max-days": "max_days",
}


def _day(text: str | None, flag: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        fail(f"{flag} {text!r} is not a date like 2026-12-01.", 2)


def _changes(**given: Any) -> dict[str, Any]:
    """The options given on the command line as the core's contact fields."""
    from passionpath.files import read_user_bytes
    from passionpath.limits import MAX_CONTACT_PHOTO_BYTES
    from passionpath.network import Email, Phone

    out: dict[str, Any] = {}
    simple = {
        "name": "display_name",
        "given": "given_name",
        "family": "family_name",
        "org": "organisation",
        "title": "job_title",
        "location": "location",
        "how_met": "how_met",
        "notes": "notes",
        "passions": "passions",
        "ideal_days": "ideal_days",
        "max_days": "max_days",
    }
    for option, field in simple.items():
        if given[option] is not None:
            out[field] = given[option]
    if given["email"]:
        out["emails"] = tuple(Email(e) for e in given["email"])
    if given["phone"]:
        out["phones"] = tuple(Phone(p) for p in given["phone"])
    for option, field in (("url", "urls"), ("tag", "tags"), ("occupation", "occupation_codes")):
        if given[option]:
            out[field] = tuple(given[option])
    if given["birthday"] is not None:
        out["birthday"] = _day(given["birthday"], "--birthday")
    if given["photo"] is not None:
        out["photo"] = read_user_bytes(given["photo"], max_bytes=MAX_CONTACT_PHOTO_BYTES)
        out["photo_type"] = mimetypes.guess_type(str(given["photo"]))[0] or "image/jpeg"
    return out


def _occupation_words(ctx: Any, view: ContactView) -> str:
    from passionpath.catalog import title_index

    if not view.occupation_codes:
        return "none" + (" (the job title names no one occupation)" if view.job_title else "")
    from passionpath.errors import PassionpathError

    try:
        index = title_index(ctx)
        titles = dict(zip(index.codes, index.titles, strict=True))
    except PassionpathError:  # no catalog loaded: the codes alone
        titles = {}
    said = ", ".join(f"{titles.get(c, c)} ({c})" for c in view.occupation_codes)
    return said + (" (read from the job title)" if view.occupations_inferred else "")


def _show(
    ctx: Any, view: ContactView, timeline: list[InteractionView], names: dict[int, str]
) -> None:
    console.rule(f"[bold]{escape(view.display_name or '')}[/] (contact {view.id})")
    rows: list[tuple[str, str]] = [
        ("Works", " at ".join(x for x in (view.job_title, view.organisation) if x)),
        ("Occupations", _occupation_words(ctx, view)),
        ("Emails", ", ".join(e.address for e in view.emails)),
        ("Phones", ", ".join(p.original for p in view.phones)),
        ("Web", ", ".join(view.urls)),
        ("Location", view.location or ""),
        ("Tags", ", ".join(view.tags)),
        ("How you met", view.how_met or ""),
        ("Passions", view.passions or ""),
        ("Birthday", view.birthday.isoformat() if view.birthday else ""),
        ("Photo", f"{len(view.photo):,} bytes" if view.photo else ""),
        ("Notes", view.notes or ""),
        ("Check in", f"every {view.cadence[0]} days, at most {view.cadence[1]}"),
    ]
    for label, value in rows:
        if value:
            console.print(f"[bold]{label}:[/] {escape(value)}", highlight=False)
    console.print("\n[bold]Timeline[/]" if timeline else "\nNothing logged yet.")
    for i in timeline:
        others = [names.get(c, f"#{c}") for c in i.contact_ids if c != view.id]
        extra = f" (with {', '.join(others)})" if others else ""
        follow = f" -> follow up {i.follow_up_on}" if i.follow_up_on else ""
        note = f": {i.note}" if i.note else ""
        console.print(
            f"  #{i.id} {i.on} {i.kind.replace('_', ' ')}{extra}{note}{follow}",
            highlight=False,
            markup=False,
        )


@app.command()
@user_errors
def add(
    name: str = typer.Argument(None, help="Name to show (or give --given and --family)."),
    given: str = GIVEN,
    family: str = FAMILY,
    email: list[str] = EMAIL,
    phone: list[str] = PHONE,
    org: str = ORG,
    title: str = TITLE,
    url: list[str] = URL,
    location: str = LOCATION,
    tag: list[str] = TAG,
    how_met: str = HOW_MET,
    notes: str = NOTES,
    birthday: str = BIRTHDAY,
    photo: Path = PHOTO,
    occupation: list[str] = OCCUPATION,
    passions: str = PASSIONS,
    ideal_days: int = IDEAL,
    max_days: int = MAXIMUM,
    region: str = REGION,
    as_json: bool = JSON,
) -> None:
    """Add someone to your book; their occupations are read from the job title."""
    from passionpath.network import ContactFields, add_contact, get_contact

    fields: ContactFields = ContactFields(**_changes(**locals_of(locals())))
    ctx = open_context()
    view = get_contact(add_contact(fields, ctx.engine, region=region, ctx=ctx), ctx.engine)
    if as_json:
        emit_json(view.as_dict())
        return
    said = _occupation_words(ctx, view)
    console.print(
        f"Added contact {view.id}: {view.display_name}. Occupations: {said}.",
        highlight=False,
        markup=False,
    )


def locals_of(values: dict[str, Any]) -> dict[str, Any]:
    """The contact options among a command's parameters (``name`` is display_name)."""
    keys = (
        "name given family email phone org title url location tag how_met notes birthday "
        "photo occupation passions ideal_days max_days"
    ).split()
    return {k: values.get(k) for k in keys}


@app.command("list")
@user_errors
def list_(
    tag: str = typer.Option(None, "--tag", help="Only contacts with this tag."),
    search: str = typer.Option(None, "--search", "-s", help="Only contacts matching these words."),
    as_json: bool = JSON,
) -> None:
    """Your contacts by name, with what they do and when you were last in touch."""
    from rich.table import Table

    from passionpath.network import list_contacts

    views = list_contacts(open_context().engine, tag=tag, query=search)
    if as_json:
        emit_json([v.as_dict() for v in views])
        return
    if not views:
        console.print("No contacts." if not (tag or search) else "No contact matches.")
        return
    table = Table()
    for column in ("Id", "Name", "Works", "Tags", "Last in touch"):
        table.add_column(column)
    for v in views:
        works = " at ".join(x for x in (v.job_title, v.organisation) if x)
        last = v.last_contacted.isoformat() if v.last_contacted else "never"
        cells = (v.display_name or "", works, ", ".join(v.tags))
        table.add_row(str(v.id), *(escape(c) for c in cells), last)
    console.print(table)


@app.command()
@user_errors
def show(
    contact_id: int = typer.Argument(..., metavar="CONTACT", help="Contact id (see `list`)."),
    as_json: bool = JSON,
) -> None:
    """A contact with their timeline of interactions."""
    from passionpath.network import get_contact, list_contacts, list_interactions

    ctx = open_context()
    view = get_contact(contact_id, ctx.engine)
    timeline = list_interactions(ctx.engine, contact_id=contact_id)
    if as_json:
        emit_json({**view.as_dict(), "interactions": [i.as_dict() for i in timeline]})
        return
    shared = {c for i in timeline for c in i.contact_ids} - {view.id}
    names = {v.id: v.display_name or "" for v in list_contacts(ctx.engine) if v.id in shared}
    _show(ctx, view, timeline, names)


@app.command()
@user_errors
def edit(
    contact_id: int = typer.Argument(..., metavar="CONTACT", help="Contact id (see `list`)."),
    name: str = NAME,
    given: str = GIVEN,
    family: str = FAMILY,
    email: list[str] = EMAIL,
    phone: list[str] = PHONE,
    org: str = ORG,
    title: str = TITLE,
    url: list[str] = URL,
    location: str = LOCATION,
    tag: list[str] = TAG,
    how_met: str = HOW_MET,
    notes: str = NOTES,
    birthday: str = BIRTHDAY,
    photo: Path = PHOTO,
    occupation: list[str] = OCCUPATION,
    passions: str = PASSIONS,
    ideal_days: int = IDEAL,
    max_days: int = MAXIMUM,
    clear: list[str] = typer.Option(
        None, "--clear", help="Empty a field, named as its option (tag, title, ...); repeatable."
    ),
    region: str = REGION,
    as_json: bool = JSON,
) -> None:
    """Change what you give; a list option (--email, --tag, ...) replaces the whole list."""
    from passionpath.network import update_contact

    changes = _changes(**locals_of(locals()))
    for option in clear or []:
        key = option.strip().removeprefix("--")
        if key not in _CLEARABLE:
            fail(f"--clear {option!r}: one of {', '.join(sorted(_CLEARABLE))}.", 2)
        field = _CLEARABLE[key]
        list_fields = {"emails", "phones", "urls", "tags", "occupation_codes"}
        changes[field] = () if field in list_fields else None
    if not changes:
        fail("Give at least one field to change, such as --title or --tag.", 2)
    ctx = open_context()
    view = update_contact(contact_id, changes, ctx.engine, region=region, ctx=ctx)
    if as_json:
        emit_json(view.as_dict())
        return
    said = _occupation_words(ctx, view)
    console.print(
        f"Saved contact {view.id}: {view.display_name}. Occupations: {said}.",
        highlight=False,
        markup=False,
    )


@app.command()
@user_errors
def delete(
    contact_id: int = typer.Argument(..., metavar="CONTACT", help="Contact id (see `list`)."),
) -> None:
    """Delete a contact; what you logged with them alone goes too, shared logs stay."""
    from passionpath.network import delete_contact, get_contact

    engine = open_context().engine
    name = get_contact(contact_id, engine).display_name
    delete_contact(contact_id, engine)
    console.print(f"Deleted contact {contact_id}: {name}.", highlight=False, markup=False)


@app.command()
@user_errors
def log(
    contact_ids: list[int] = typer.Argument(..., metavar="CONTACT...", help="Contact ids."),
    kind: str = typer.Option(
        ...,
        "--kind",
        "-k",
        help="meeting, call, message, event, informational interview, feedback, introduction.",
    ),
    on: str = typer.Option(None, "--on", help="When, YYYY-MM-DD (default: today)."),
    note: str = typer.Option(None, "--note", "-n", help="What you talked about."),
    follow_up: str = typer.Option(None, "--follow-up", help="Follow up on YYYY-MM-DD."),
) -> None:
    """Log an interaction with one or more contacts: it resets their check-in clock."""
    from passionpath.network import get_contact, log_interaction

    engine = open_context().engine
    day = _day(on, "--on") or date.today()
    interaction = log_interaction(
        contact_ids,
        kind,
        engine,
        on=day,
        note=note,
        follow_up_on=_day(follow_up, "--follow-up"),
    )
    names = [get_contact(c, engine).display_name or "" for c in dict.fromkeys(contact_ids)]
    what = kind.strip().lower().replace("_", " ")
    console.print(
        f"Logged {what} #{interaction} with {', '.join(names)} on {day}.",
        highlight=False,
        markup=False,
    )


def _due_rows(label: str, entries: list[DueEntry], total: int) -> None:
    if not entries:
        return
    console.print(f"[bold]{label}[/]")
    for e in entries:
        if e.last_contacted is None:
            seen = f"added {e.days_since} days ago, nothing logged"
        else:
            seen = f"{e.days_since} days since {e.last_contacted}"
            seen += f": {e.last_note}" if e.last_note else ""
        when = f"due {e.due_on}" if label != "Overdue" else f"overdue since {e.overdue_on}"
        console.print(
            f"  {e.name} (#{e.contact_id}), {when}; {seen}", highlight=False, markup=False
        )
    if total > len(entries):
        console.print(f"  and {total - len(entries):,} more", highlight=False)


#: Check-ins listed in each of overdue, due and coming up unless --all is given.
DUE_SHOWN = 20


@app.command()
@user_errors
def due(
    today: str = TODAY,
    show_all: bool = typer.Option(
        False, "--all", help=f"List everyone, not the first {DUE_SHOWN} of each list."
    ),
    as_json: bool = JSON,
) -> None:
    """Who to get back in touch with: overdue, due, and coming up in the next 14 days."""
    from passionpath.network import due_for

    limit = None if show_all else DUE_SHOWN
    result = due_for(open_context().engine, today=_day(today, "--today"), limit=limit)
    if as_json:
        emit_json(result.as_dict())
        return
    if not (result.overdue or result.due or result.coming_up):
        console.print("Nobody is due: you are in touch with everyone.")
        return
    _due_rows("Overdue", result.overdue, result.overdue_total)
    _due_rows("Due", result.due, result.due_total)
    _due_rows("Coming up", result.coming_up, result.coming_up_total)
    if result.more:
        console.print(f"{result.total:,} in all: --all lists everyone.", highlight=False)


@app.command("for")
@user_errors
def for_(
    code: str = typer.Argument(..., help="O*NET-SOC code, such as 15-1255.00."),
    top: int = typer.Option(20, "--top", help="How many people at most."),
    today: str = TODAY,
    as_json: bool = JSON,
) -> None:
    """People in your network who work in an occupation or near it, closest and warmest first."""
    from passionpath.network import contacts_for

    found = contacts_for(code, open_context(), top=top, today=_day(today, "--today"))
    if as_json:
        emit_json(found.as_dict())
        return
    console.print(f"[bold]People for {escape(found.title)} ({found.code})[/]", highlight=False)
    if not found.people:
        near = ", ".join(t for _, t in found.neighbours[:3])
        console.print(
            "Nobody in your book works in it or near it" + (f" (such as {near})." if near else "."),
            highlight=False,
            markup=False,
        )
        return
    for p in found.people:
        where = "works in it" if p.closeness == 0 else f"{p.title}, #{p.closeness} nearest"
        works = " at ".join(x for x in (p.job_title, p.organisation) if x)
        warm = (
            f"last in touch {p.last_contacted} ({p.days_since} days)"
            if p.last_contacted
            else "never in touch"
        )
        console.print(
            f"  {p.name} (#{p.contact_id}): {works or 'no title'}; {where}; {warm}",
            highlight=False,
            markup=False,
        )


@app.command()
@user_errors
def calendar(
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
    today: str = TODAY,
) -> None:
    """Due check-ins and open follow-ups as an iCalendar file (standard output without -o)."""
    import sys

    from passionpath.network import contacts_calendar

    data = contacts_calendar(open_context().engine, today=_day(today, "--today"))
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    write_output(output, data, "--output")
    console.print(f"Wrote {output}: import it into any calendar app.")


@app.command("import")
@user_errors
def import_(
    file: Path = typer.Argument(
        ..., help="A .vcf file, a LinkedIn Connections.csv, or a LinkedIn data export .zip."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="Say what would be added and merged, and store nothing."
    ),
    region: str = REGION,
    as_json: bool = JSON,
) -> None:
    """Import contacts; someone already in your book is merged, not added twice."""
    from passionpath.files import read_user_bytes
    from passionpath.limits import MAX_CONTACTS_FILE_BYTES
    from passionpath.network import import_book

    data = read_user_bytes(file, max_bytes=MAX_CONTACTS_FILE_BYTES)
    report = import_book(open_context(), str(file), data, dry_run=dry_run, region=region)
    if as_json:
        emit_json(report.as_dict())
        return
    verb = "Would import" if report.dry_run else "Imported"
    logged = f", {report.interactions_added} messages logged" if report.interactions_added else ""
    console.print(
        f"{verb} {file}: {report.added} added, {report.merged} merged, "
        f"{report.skipped} skipped{logged}.",
        highlight=False,
        markup=False,
    )
    for note in report.merges:
        into = f"{note.into} (#{note.into_id})" if note.into_id else note.into
        console.print(
            f"  merged {note.source} into {into}: {note.reason}", highlight=False, markup=False
        )
    for warning in report.warnings:
        console.print(f"  note: {warning}", highlight=False, markup=False)


@app.command()
@user_errors
def export(
    format_: str = typer.Option("vcard", "--format", help="vcard or csv."),
    vcard_version: str = typer.Option(
        "4.0", "--vcard-version", help="4.0, or 3.0 for Apple Contacts and Android."
    ),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file."),
) -> None:
    """Your whole book as vCard or CSV (standard output without -o)."""
    import sys

    from passionpath.network import export_csv, export_vcard

    engine = open_context().engine
    kind = format_.strip().lower()
    if kind not in ("vcard", "csv"):
        fail(f"--format {format_!r}: use vcard or csv.", 2)
    text = (
        export_vcard(engine, None, version=vcard_version)
        if kind == "vcard"
        else export_csv(engine, None)
    )
    if output is None:
        sys.stdout.write(text)
        return
    write_output(output, text, "--output")
    console.print(f"Wrote {output}.", highlight=False, markup=False)


@app.command()
@user_errors
def merge(
    keep: int = typer.Argument(..., help="The contact to keep."),
    other: int = typer.Argument(..., help="The contact merged into it (then deleted)."),
    as_json: bool = JSON,
) -> None:
    """Merge two contacts who are one person: emails, phones, tags and the timeline join."""
    from passionpath.network import get_contact, merge_contacts

    engine = open_context().engine
    gone = get_contact(other, engine).display_name
    view = merge_contacts(engine, None, keep, other)
    if as_json:
        emit_json(view.as_dict())
        return
    console.print(
        f"Merged contact {other} ({gone}) into {keep}: {view.display_name}.",
        highlight=False,
        markup=False,
    )
