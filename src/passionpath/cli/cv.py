"""``passionpath cv``: CVs tailored to a target occupation, rendered, checked and matched."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape
from rich.table import Table

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    attribution_line,
    console,
    emit_json,
    err_console,
    fail,
    user_errors,
    write_output,
)

if TYPE_CHECKING:
    from passionpath.cv import StoredCV

app = typer.Typer(
    help="CVs: tailored to a target occupation, as HTML or PDF, checked against JSON Resume "
    "and matched against a job posting.",
    no_args_is_help=True,
)

THEME = typer.Option("classic", "--theme", help="classic or modern.")
CV_REF = typer.Argument(..., help="A stored CV's id, or a JSON Resume file.")


def _explain(stored: StoredCV) -> None:
    table = Table(title="Why the CV looks like this", show_lines=False)
    table.add_column("Where")
    table.add_column("What")
    table.add_column("Why")
    for choice in stored.choices:
        table.add_row(escape(choice.where), escape(choice.what), escape(choice.why))
    console.print(table)


def _show(stored: StoredCV, *, explain: bool = False) -> None:
    console.print(
        f"[bold]CV {stored.id}[/] for [bold]{escape(stored.target_title)}[/] "
        f"({stored.target_code}), from profile {escape(stored.profile_slug)} "
        f"v{stored.profile_version}, theme {stored.theme}",
        highlight=False,
    )
    summary = (stored.document.get("basics") or {}).get("summary") or ""
    edited = " (your words)" if stored.summary_edited else " (drafted: edit with cv edit --summary)"
    console.print(f"[dim]Summary{edited}:[/] {escape(summary)}", highlight=False)
    skills = [s.get("name") for s in stored.document.get("skills") or [] if isinstance(s, dict)]
    if skills:
        console.print(
            f"[dim]Skills:[/] {escape(', '.join(str(s) for s in skills))}", highlight=False
        )
    if stored.applications:
        sent = ", ".join(str(a) for a in stored.applications)
        console.print(f"[dim]Sent with applications:[/] {sent}", highlight=False)
    if explain:
        _explain(stored)


def _occupation(text: str, ctx: Any) -> str:
    """An O*NET-SOC code as given, or the one occupation a title names."""
    import re

    from passionpath.catalog import resolve_occupation

    if re.match(r"^\d{2}-\d{4}(\.\d{2})?$", text.strip()):
        return text.strip()
    found = resolve_occupation(text, ctx, field="target")
    if found.code is not None:
        return found.code
    choices = "; ".join(f"{c.title} ({c.code})" for c in found.choices[:6])
    if choices:
        fail(f"--target {text!r} could be several occupations: {choices}. Give one code.", 2)
    fail(f"--target {text!r}: no occupation has that title or code.", 2)


@app.command()
@user_errors
def build(
    profile: str = typer.Argument(..., help="A stored profile's slug, or a profile file."),
    target: str = typer.Option(
        ..., "--target", help="O*NET-SOC code of the occupation (or its title)."
    ),
    posting: Path = typer.Option(None, "--posting", help="A job posting's text file."),
    theme: str = THEME,
    explain: bool = typer.Option(False, "--explain", help="Say why each choice was made."),
    as_json: bool = JSON,
) -> None:
    """Tailor a profile to an occupation (and a posting) and store the CV."""
    from passionpath.catalog import release_attribution
    from passionpath.cv import build_cv, check_theme, read_posting

    check_theme(theme, "--theme")
    text = read_posting(posting) if posting is not None else None
    ctx = open_context()
    target = _occupation(target, ctx)
    with err_console.status("Tailoring the CV…"):
        stored = build_cv(profile, target, ctx, posting=text, theme=theme)
    if as_json:
        emit_json(stored.as_dict())
        return
    _show(stored, explain=explain)
    console.print(
        f"Render it: passionpath cv render {stored.id} --format pdf -o cv.pdf", highlight=False
    )
    attribution_line(*release_attribution(ctx.engine))


@app.command("list")
@user_errors
def list_(
    profile: str = typer.Option(None, "--profile", help="Only this profile's CVs."),
    as_json: bool = JSON,
) -> None:
    """List the stored CVs."""
    from passionpath.cv import list_cvs

    cvs = list_cvs(open_context().engine, profile=profile)
    if as_json:
        emit_json({"cvs": [{k: v for k, v in c.as_dict().items() if k != "document"} for c in cvs]})
        return
    if not cvs:
        console.print("No CVs yet: passionpath cv build PROFILE --target CODE")
        return
    table = Table()
    for column in ("Id", "Profile", "Target", "Theme", "Sent with"):
        table.add_column(column)
    for c in cvs:
        table.add_row(
            str(c.id),
            f"{c.profile_slug} v{c.profile_version}",
            f"{c.target_title} ({c.target_code})",
            c.theme,
            ", ".join(str(a) for a in c.applications),
        )
    console.print(table)


@app.command()
@user_errors
def show(
    cv_id: int = typer.Argument(..., help="The CV's id."),
    explain: bool = typer.Option(False, "--explain", help="Say why each choice was made."),
    as_json: bool = JSON,
) -> None:
    """Show a stored CV."""
    from passionpath.cv import get_cv

    stored = get_cv(cv_id, open_context().engine)
    if as_json:
        emit_json(stored.as_dict())
    else:
        _show(stored, explain=explain)


@app.command()
@user_errors
def edit(
    cv_id: int = typer.Argument(..., help="The CV's id."),
    summary: str = typer.Option(None, "--summary", help="The summary, in your own words."),
    theme: str = typer.Option(None, "--theme", help="classic or modern."),
    as_json: bool = JSON,
) -> None:
    """Change a CV's summary or theme."""
    from passionpath.cv import check_theme, edit_cv

    if summary is None and theme is None:
        fail("Give --summary or --theme.", 2)
    if theme is not None:
        check_theme(theme, "--theme")
    stored = edit_cv(cv_id, open_context().engine, summary=summary, theme=theme)
    if as_json:
        emit_json(stored.as_dict())
    else:
        _show(stored)


@app.command()
@user_errors
def sent(
    cv_id: int = typer.Argument(..., help="The CV's id."),
    application_id: int = typer.Argument(..., help="The application it was sent with."),
) -> None:
    """Note that a CV was sent with an application."""
    from passionpath.cv import record_sent

    stored = record_sent(cv_id, application_id, open_context().engine)
    console.print(f"CV {stored.id} was sent with applications {stored.applications}.")


@app.command()
@user_errors
def delete(cv_id: int = typer.Argument(..., help="The CV's id.")) -> None:
    """Delete a stored CV."""
    from passionpath.cv import delete_cv

    delete_cv(cv_id, open_context().engine)
    console.print(f"Deleted CV {cv_id}.")


@app.command()
@user_errors
def render(
    cv: str = CV_REF,
    output_format: str = typer.Option("pdf", "--format", help="html or pdf."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    theme: str = typer.Option(None, "--theme", help="classic or modern (default: the CV's)."),
) -> None:
    """Render a CV (stored or a JSON Resume file) as HTML or PDF."""
    from passionpath.cv import check_theme, open_cv, render_html, render_pdf

    if output_format not in ("html", "pdf"):
        fail(f"--format {output_format!r}: use html or pdf.", 2)
    if theme is not None:
        check_theme(theme, "--theme")
    source = open_cv(cv, open_context().engine)
    chosen = theme or source.theme
    data: str | bytes = (
        render_pdf(source.document, chosen, source=source.name)
        if output_format == "pdf"
        else render_html(source.document, chosen, source=source.name)
    )
    write_output(output, data, "--output")
    err_console.print(f"Wrote {output} ({output_format}, theme {chosen})", highlight=False)


def _warnings(path: Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    from passionpath.cv import read_json_file, validate_resume
    from passionpath.profile import parse_document

    data = read_json_file(path)
    schema = [w.as_dict() for w in validate_resume(data)]
    reading = [
        {"path": p, "message": m} for p, m in parse_document(data, str(path)).reading_warnings
    ]
    return schema, reading


@app.command()
@user_errors
def validate(
    file: Path = typer.Argument(..., help="A JSON Resume file."),
    as_json: bool = JSON,
) -> None:
    """Check a JSON Resume against the v1.0.0 schema. Warnings only: nothing is changed."""
    schema, reading = _warnings(file)
    if as_json:
        emit_json({"schema": schema, "matching": reading})
        return
    if not schema:
        console.print(f"{file}: valid JSON Resume 1.0.0.", highlight=False)
    for warning in schema:
        said = escape(f"{file}: {warning['path']}: {warning['message']}")
        console.print(f"[yellow]{said}[/]", highlight=False, soft_wrap=True)
    for warning in reading:
        console.print(
            escape(f"{file}: {warning['path']}: matching cannot read it: {warning['message']}"),
            highlight=False,
            soft_wrap=True,
        )
    if schema or reading:
        console.print(
            f"{len(schema)} schema warning(s), {len(reading)} left out of matching; the file "
            "imports as it is and exports unchanged.",
            highlight=False,
        )


@app.command("import")
@user_errors
def import_(
    file: Path = typer.Argument(..., help="A JSON Resume file."),
    slug: str = typer.Option(None, "--slug", help="Slug for the new profile."),
    as_json: bool = JSON,
) -> None:
    """Import a JSON Resume as a profile, kept exactly as written."""
    from passionpath.profile import create_profile, read_profile_file

    schema, reading = _warnings(file)
    document = read_profile_file(file)
    saved = create_profile(document, open_context().engine, slug=slug, note=f"imported {file.name}")
    if as_json:
        emit_json(
            {
                "profile": saved.profile.slug,
                "version": saved.version,
                "schema": schema,
                "matching": reading,
            }
        )
        return
    for warning in [*schema, *reading]:
        err_console.print(
            escape(f"{file}: {warning['path']}: {warning['message']}"),
            style="yellow",
            highlight=False,
            soft_wrap=True,
        )
    console.print(f"Imported profile {saved.profile.slug}, version {saved.version}.")


@app.command()
@user_errors
def export(
    ref: str = typer.Argument(..., help="A stored CV's id, or a profile's slug."),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export a stored CV, or a profile's own JSON Resume exactly as imported."""
    from passionpath.cv import get_cv
    from passionpath.profile import load_profile

    engine = open_context().engine
    data: dict[str, Any]
    if ref.isdigit():
        data = get_cv(int(ref), engine).document
    else:
        data = load_profile(ref, engine)[1].to_json_dict(resume_only=True)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text, "--output")
        err_console.print(f"Wrote {output}", highlight=False)


@app.command("match")
@user_errors
def match_(
    cv: str = CV_REF,
    posting: Path = typer.Argument(..., help="The job posting, as a text file."),
    as_json: bool = JSON,
) -> None:
    """How well a CV covers a posting: the skills, knowledge and technology it asks for."""
    from passionpath.catalog import release_attribution
    from passionpath.cv import match_posting, open_cv, read_posting

    text = read_posting(posting)
    ctx = open_context()
    source = open_cv(cv, ctx.engine)
    with err_console.status("Reading the posting…"):
        drafted = source.stored is not None and not source.stored.summary_edited
        result = match_posting(source.document, text, ctx, drafted_summary=drafted)
    if as_json:
        emit_json(result.as_dict())
        return
    total = len(result.covered) + len(result.missing)
    console.print(
        f"[bold]{len(result.covered)} of {total}[/] terms the posting asks for are on the CV "
        f"({result.coverage:.0%}); keywords {len(result.keywords_found)} of "
        f"{len(result.keywords)} ({result.keyword_coverage:.0%}).",
        highlight=False,
    )
    table = Table(title="On the CV")
    for column in ("Term", "Kind", "Where", "CV says"):
        table.add_column(column)
    for c in result.covered:
        table.add_row(escape(c.term.name), c.term.kind, escape(c.where), escape(c.text))
    console.print(table)
    if result.missing:
        table = Table(title="Asked for, not on the CV")
        for column in ("Term", "Kind", "Posting says", "Could show it"):
            table.add_column(column)
        for m in result.missing:
            could = "; ".join(f"{w}: {t}" for w, t, _ in m.could_cover) or "-"
            table.add_row(
                escape(m.term.name), m.term.kind, escape(m.term.posting_text), escape(could)
            )
        console.print(table)
    attribution_line(*release_attribution(ctx.engine))
