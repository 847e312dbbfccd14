"""``passionpath profile``: create, read, edit, import, export and compare profiles."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    console,
    emit_json,
    err_console,
    fail,
    user_errors,
    write_output,
)

app = typer.Typer(help="Your profile: passions, interests, skills, values.", no_args_is_help=True)

KEY = typer.Argument(None, help="Profile slug or id (optional when there is only one).")


def _saved(result: Any, as_json: bool, verb: str) -> None:
    if as_json:
        emit_json(
            {"profile": result.profile.slug, "version": result.version, "changed": result.changed}
        )
    elif result.changed:
        console.print(f"{verb} profile [bold]{result.profile.slug}[/], version {result.version}.")
    else:
        console.print(f"No change: {result.profile.slug} stays at version {result.version}.")


@app.command("list")
@user_errors
def list_(as_json: bool = JSON) -> None:
    """List profiles."""
    from passionpath.profile import list_profiles

    profiles = list_profiles(open_context().engine)
    if as_json:
        emit_json([p.as_dict() for p in profiles])
        return
    if not profiles:
        console.print("No profiles yet: `passionpath profile new NAME` creates one.")
    for p in profiles:
        console.print(f"{p.slug:<20} {p.name:<30} v{p.current_version}", highlight=False)


def _ask_reflections(document: Any) -> None:
    from passionpath.profile import PASSION_QUESTIONS

    console.print("Answer in your own words; press Enter to skip a question.")
    reflections = document.pp.reflections
    for key, question in PASSION_QUESTIONS.items():
        answer = typer.prompt(question, default="", show_default=False)
        setattr(reflections, key, answer.strip())


@app.command()
@user_errors
def new(
    name: str = typer.Argument(..., help="Your name, as it should appear on the profile."),
    slug: str = typer.Option(None, "--slug", help="Short id for commands (default: from name)."),
    ask: bool = typer.Option(
        None, "--ask/--no-ask", help="Ask the four passion questions (default: in a terminal)."
    ),
    as_json: bool = JSON,
) -> None:
    """Create a profile, asking the passion questions when run in a terminal."""
    from passionpath.profile import ProfileDocument, create_profile

    document = ProfileDocument.model_validate({"basics": {"name": name}})
    if ask if ask is not None else sys.stdin.isatty():
        _ask_reflections(document)
    _saved(create_profile(document, open_context().engine, slug=slug), as_json, "Created")


def _render(slug: str, version: int, document: Any) -> None:
    from rich.table import Table

    from passionpath.profile import AREA_NAMES, PASSION_QUESTIONS, InventoryError, score

    block = document.passionpath
    basics = document.basics
    console.rule(f"[bold]{document.display_name}[/] ({slug}, version {version})")
    if basics and basics.label:
        console.print(basics.label, highlight=False)
    if block is None:
        console.print("No passionpath answers yet: try `passionpath assess interests`.")
        return
    for key, question in PASSION_QUESTIONS.items():
        answer = getattr(block.reflections, key)
        if answer:
            console.print(f"[bold]{question}[/]\n  {answer}", highlight=False)
    if block.activities:
        console.print("[bold]Activities:[/] " + ", ".join(a.name for a in block.activities))
    if block.inventory:
        try:
            result = score(block.inventory.answers, block.inventory.form)
            scores = result.scores
            console.print(
                f"[bold]Interest code:[/] {result.code}"
                + ("  (flat profile)" if result.flat else "")
            )
        except InventoryError as exc:
            scores = block.inventory.scores or {}
            console.print(f"[bold]Inventory:[/] incomplete ({exc})")
        for area, value in scores.items():
            bar = "█" * round(value / 40 * 20)
            console.print(f"  {AREA_NAMES[area]:<14} {bar:<20} {value:4.0f}/40", highlight=False)
    for title, items in (("Skills", block.skills), ("Knowledge", block.knowledge)):
        if items:
            table = Table(title=f"{title} (level 0-7)", title_justify="left")
            table.add_column(title)
            table.add_column("Level", justify="right")
            for item in sorted(items, key=lambda d: -d.level)[:12]:
                table.add_row(item.name or item.element_id, f"{item.level:.1f}")
            console.print(table)
    if block.work_values:
        values = sorted(block.work_values.items(), key=lambda kv: -kv[1])
        console.print("[bold]Work values:[/] " + ", ".join(f"{n} {v:g}" for n, v in values))
    c = block.constraints
    limits = [
        f"job zone <= {c.max_job_zone}" if c.max_job_zone else "",
        c.location or "",
        c.remote or "",
        f"pay >= {c.min_pay.amount:g} {c.min_pay.currency}/{c.min_pay.period}" if c.min_pay else "",
    ]
    if any(limits):
        console.print("[bold]Constraints:[/] " + ", ".join(x for x in limits if x))
    if block.preferences.wants or block.preferences.does_not_want:
        console.print(
            f"[bold]Wants:[/] {', '.join(block.preferences.wants) or '-'}   "
            f"[bold]Not:[/] {', '.join(block.preferences.does_not_want) or '-'}"
        )


@app.command()
@user_errors
def show(
    key: str = KEY,
    version: int = typer.Option(None, "--version", "-v", help="A past version."),
    as_json: bool = JSON,
) -> None:
    """Show a profile (the current version unless --version)."""
    from passionpath.profile import load_profile

    profile, document = load_profile(key, open_context().engine, version=version)
    if as_json:
        emit_json(document.to_json_dict())
        return
    _render(profile.slug, version or profile.current_version, document)


def _set_path(data: dict[str, Any], dotted: str, raw: str) -> None:
    try:
        value: Any = json.loads(raw)
    except json.JSONDecodeError:
        value = raw
    target: Any = data
    parts = dotted.split(".")
    for part in parts[:-1]:
        if isinstance(target, list):
            target = target[int(part)]
        else:
            target = target.setdefault(part, {})
    if isinstance(target, list):
        target[int(parts[-1])] = value
    else:
        target[parts[-1]] = value


@app.command()
@user_errors
def edit(
    key: str = KEY,
    set_: list[str] = typer.Option(
        None, "--set", help="FIELD.PATH=VALUE (JSON or text); repeatable. Skips the editor."
    ),
    note: str = typer.Option(None, "--note", help="Why this version was saved."),
    as_json: bool = JSON,
) -> None:
    """Edit a profile in $EDITOR (or with --set), saving a new version when valid."""
    from passionpath.profile import load_profile, parse_document, save_profile

    engine = open_context().engine
    profile, document = load_profile(key, engine)
    data = document.to_json_dict()
    if set_:
        for assignment in set_:
            if "=" not in assignment:
                fail(f"--set {assignment!r}: expected FIELD.PATH=VALUE.", 2)
            path, raw = assignment.split("=", 1)
            try:
                _set_path(data, path.strip(), raw)
            except (ValueError, IndexError, TypeError, AttributeError):
                fail(f"--set {assignment!r}: {path} does not lead to a field.", 2)
        edited = parse_document(data, "--set")
    else:
        edited = _edit_in_editor(data, profile.slug)
    _saved(save_profile(profile.slug, edited, engine, note=note or "edited"), as_json, "Saved")


def _edit_in_editor(data: dict[str, Any], slug: str) -> Any:
    from passionpath.profile import ProfileValidationError, parse_document

    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    text = json.dumps(data, indent=2, ensure_ascii=False)
    with tempfile.NamedTemporaryFile("w+", suffix=".json", prefix=f"{slug}-", delete=False) as tmp:
        tmp.write(text)
    path = Path(tmp.name)
    try:
        while True:
            subprocess.run([*editor.split(), str(path)], check=False)
            try:
                return parse_document(
                    json.loads(path.read_text(encoding="utf-8")), "edited profile"
                )
            except (json.JSONDecodeError, ProfileValidationError) as exc:
                err_console.print(f"[red]{exc}[/]")
                if not typer.confirm("Edit again? (No discards your changes)", default=True):
                    fail("Nothing was saved.")
    finally:
        path.unlink(missing_ok=True)


@app.command("import")
@user_errors
def import_(
    file: Path = typer.Argument(
        ..., help="JSON Resume / passionpath JSON, or a LinkedIn export zip."
    ),
    slug: str = typer.Option(None, "--slug", help="Slug for a new profile."),
    into: str = typer.Option(None, "--into", help="Add as a new version of this profile."),
    as_json: bool = JSON,
) -> None:
    """Import a profile file. A bad file changes nothing."""
    from rich.markup import escape

    from passionpath.profile import create_profile, load_profile, read_profile_file, save_profile

    document = read_profile_file(file)
    for where, message in document.reading_warnings:
        err_console.print(
            f"[yellow]{escape(f'{file}: {where}: {message}')}[/]", highlight=False, soft_wrap=True
        )
    engine = open_context().engine
    note = f"imported {file.name}"
    if into:
        _, current = load_profile(into, engine)
        if document.passionpath is None and current.passionpath is not None:
            document.passionpath = current.passionpath
        _saved(save_profile(into, document, engine, note=note), as_json, "Updated")
    else:
        _saved(create_profile(document, engine, slug=slug, note=note), as_json, "Imported")


@app.command()
@user_errors
def export(
    key: str = KEY,
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    resume_only: bool = typer.Option(
        False, "--resume-only", help="Plain JSON Resume, without the passionpath block."
    ),
    version: int = typer.Option(None, "--version", "-v", help="A past version."),
) -> None:
    """Export a profile as JSON Resume (with its passionpath block unless --resume-only)."""
    from passionpath.profile import load_profile

    _, document = load_profile(key, open_context().engine, version=version)
    text = (
        json.dumps(document.to_json_dict(resume_only=resume_only), indent=2, ensure_ascii=False)
        + "\n"
    )
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, "--output")
        err_console.print(f"Wrote {output}")


def _to_the_second(saved_at: str) -> str:
    """A saved-at time for the table, to the second as people read it (the JSON has it
    whole, as the API does)."""
    from datetime import datetime

    return datetime.fromisoformat(saved_at).isoformat(timespec="seconds")


@app.command()
@user_errors
def history(key: str = KEY, as_json: bool = JSON) -> None:
    """List the versions of a profile."""
    from passionpath.profile import find_profile, interest_scores, load_profile, profile_history

    engine = open_context().engine
    profile = find_profile(key, engine)
    rows = []
    for info in profile_history(profile.slug, engine):
        _, document = load_profile(profile.slug, engine, version=info.version)
        block = document.passionpath
        _, code = interest_scores(document)
        rows.append(
            {
                **info.as_dict(),
                "interest_code": code,
                "skills": len(block.skills) if block else 0,
                "activities": len(block.activities) if block else 0,
            }
        )
    if as_json:
        emit_json({"profile": profile.slug, "versions": rows})
        return
    from rich.table import Table

    table = Table(title=f"History of {profile.slug}")
    for column in ("Version", "Saved", "Note", "Code", "Skills", "Activities"):
        table.add_column(column)
    for r in rows:
        table.add_row(
            str(r["version"]),
            _to_the_second(str(r["saved_at"])),
            str(r["note"] or ""),
            str(r["interest_code"] or "-"),
            str(r["skills"]),
            str(r["activities"]),
        )
    console.print(table)


@app.command()
@user_errors
def diff(
    key: str = typer.Argument(None, help="Profile slug or id."),
    a: int = typer.Argument(None, help="Older version (default: the one before B)."),
    b: int = typer.Argument(None, help="Newer version (default: current)."),
    as_json: bool = JSON,
) -> None:
    """Show how interests, skills, values and passions changed between two versions."""
    from passionpath.profile import diff_profiles, find_profile, load_profile

    engine = open_context().engine
    profile = find_profile(key, engine)
    b = b or profile.current_version
    a = a or max(1, b - 1)
    _, old = load_profile(profile.slug, engine, version=a)
    _, new_ = load_profile(profile.slug, engine, version=b)
    change = diff_profiles(old, new_)
    if as_json:
        emit_json({"profile": profile.slug, "from": a, "to": b, **change.as_dict()})
        return
    console.rule(f"{profile.slug}: version {a} -> {b}")
    if change.empty:
        console.print("No differences.")
        return
    if change.interest_code:
        console.print(f"Interest code: {change.interest_code[0]} -> {change.interest_code[1]}")
    for area, (x, y) in change.interest_scores.items():
        console.print(f"  {area}: {x} -> {y}", highlight=False)
    for title, items in (("Skills", change.skills), ("Knowledge", change.knowledge)):
        for item in items:
            console.print(f"{title}: {item.name}: {item.before} -> {item.after}", highlight=False)
    for name, (x, y) in change.work_values.items():
        console.print(f"Work value {name}: {x} -> {y}", highlight=False)
    for question, (x, y) in change.reflections.items():
        console.print(f"Reflection '{question}':\n  - {x}\n  + {y}", highlight=False)
    for name in change.activities_added:
        console.print(f"[green]+ activity[/] {name}", highlight=False)
    for name in change.activities_removed:
        console.print(f"[red]- activity[/] {name}", highlight=False)
    for field_name, (x, y) in change.constraints.items():
        console.print(f"Constraint {field_name}: {x} -> {y}", highlight=False)
    for section, (x, y) in change.sections.items():
        console.print(f"Section {section}: {x} -> {y} entries", highlight=False)


@app.command()
@user_errors
def delete(
    key: str = typer.Argument(..., help="Profile slug or id."),
    yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation."),
) -> None:
    """Delete a profile and all its versions."""
    from passionpath.profile import delete_profile, find_profile

    engine = open_context().engine
    profile = find_profile(key, engine)
    if not yes and not typer.confirm(
        f"Delete {profile.slug} and its {profile.current_version} versions?"
    ):
        raise typer.Exit(1)
    delete_profile(profile.slug, engine)
    console.print(f"Deleted {profile.slug}.")
