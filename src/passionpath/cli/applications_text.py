"""``passionpath applications classify`` (and ``import-mail``): what recruiters' e-mails say.

The commands are plain functions registered onto the ``applications`` Typer app with
:func:`register`, so the group itself can live in ``cli/applications.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    attribution_line,
    console,
    emit_json,
    err_console,
    fail,
    user_errors,
)

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.jobsearch import ApplicationRecord, MailImport


@user_errors
def classify_command(
    text: str = typer.Argument(None, help="An e-mail or a piece of feedback, in quotes."),
    input_file: Path = typer.Option(
        None,
        "--input",
        help='A file with one text per line, or a .jsonl file of {"text": ...} objects '
        "(one JSON line out per text).",
    ),
    as_json: bool = JSON,
) -> None:
    """Say what a recruiting e-mail is (rejection, interview, offer, acknowledgement, other),
    the stage it is about, a rejection's reasons with the phrases behind them, and the skills
    it names."""
    from passionpath.jobsearch import (
        classifier_stored,
        classify_models,
        classify_texts,
        read_classify_input,
    )

    if input_file is not None:
        if text is not None:
            fail("Give a TEXT or --input FILE, not both.", 2)
        texts = read_classify_input(input_file)
    elif text is not None:
        texts = [text]
    else:
        fail("Give a TEXT or --input FILE.", 2)
    ctx = open_context()
    if not classifier_stored(ctx):
        with err_console.status("Fitting the classifier on our training texts (once)..."):
            classify_models(ctx)
    results = classify_texts(texts, ctx)
    if as_json or input_file is not None:
        for result in results:
            sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
        return
    for result in results:
        stage = f", stage: {result.stage}" if result.stage else ""
        console.print(
            f"[bold]{result.kind}[/] (confidence {result.confidence:.2f}){stage}", highlight=False
        )
        for reason in result.reasons:
            console.print(f"  {reason.label}", highlight=False)
            for phrase in reason.phrases:
                console.print(f'    "{phrase.text}"', highlight=False, soft_wrap=True)
        if result.skills:
            named = ", ".join(f'{s.name} ({s.kind}, from "{s.text}")' for s in result.skills)
            console.print(f"  skills named: {named}", highlight=False, soft_wrap=True)
    if any(result.skills for result in results):
        from passionpath.catalog import release_attribution

        attribution_line(*release_attribution(ctx.engine))


def _records(ctx: Context) -> list[ApplicationRecord]:
    """The applications e-mails are matched against: the tracker's."""
    from passionpath.jobsearch import application_records

    return application_records(ctx.engine, ctx=ctx)


@user_errors
def import_mail_command(
    file: Path = typer.Argument(
        ..., help="An .eml file, or an .mbox export (Gmail Takeout, Thunderbird)."
    ),
    apply: bool = typer.Option(
        False, "--apply", help="Log the proposed stage changes (without it, nothing changes)."
    ),
    as_json: bool = JSON,
) -> None:
    """Match e-mails to your applications and propose stage changes with the e-mail as
    evidence; every message that matches nothing is listed. `--apply` logs the proposals."""
    from passionpath.jobsearch import (
        apply_proposals,
        classifier_stored,
        classify_models,
        import_mail,
    )

    ctx = open_context()
    if not classifier_stored(ctx):
        with err_console.status("Fitting the classifier on our training texts (once)..."):
            classify_models(ctx)
    records = _records(ctx)
    names = {r.id: f"{r.id}: {r.role_title} at {r.company}" for r in records}
    with err_console.status("Reading and classifying the mail..."):
        report = import_mail([file], records, ctx)
    applied = apply_proposals(report, ctx.engine) if apply else []
    if as_json:
        emit_json({**report.as_dict(), "applied_events": [number for _, number in applied]})
        return
    _print_mail_report(report, names, applied=apply)


def _print_mail_report(report: MailImport, names: dict[Any, str], applied: bool) -> None:
    from rich.table import Table

    if report.proposals:
        title = "Logged stage changes" if applied else "Proposed stage changes (--apply logs them)"
        table = Table(title=title, title_justify="left")
        for column in ("#", "application", "change", "e-mail", "why this application"):
            table.add_column(column)
        for number, p in enumerate(report.proposals, start=1):
            change = f"{p.from_stage or '?'} -> {p.to_stage}"
            if p.to_stage == "rejected":
                reasons = ", ".join(r["label"] for r in p.reasons)
                change += f" (at {p.rejected_at or '?'}; {reasons})"
            mail = f"{(p.evidence.date or '')[:10]} {p.evidence.sender}\n{p.evidence.subject}"
            why = ", ".join(p.matched_by)
            name = names.get(p.application_id, str(p.application_id))
            table.add_row(str(number), name, change, mail, why)
        console.print(table)
    else:
        console.print("No stage changes to propose.")
    for kept in report.unchanged:
        _line(
            f"Kept as it is: {names.get(kept.application_id, kept.application_id)}: "
            f"{kept.evidence.subject!r} "
            f"({kept.kind}; {kept.why})"
        )
    if report.unmatched:
        _line(f"Not matched to any application ({len(report.unmatched)}):")
        for u in report.unmatched:
            company = f", from {u.company_hint}" if u.company_hint else ""
            _line(
                f"  {u.evidence.source}: {(u.evidence.date or 'no date')[:10]} "
                f"{u.evidence.subject!r} ({u.kind}{company}; {u.why})"
            )
    for source, reason in report.unreadable:
        _line(f"Unreadable: {source}: {reason}")


def _line(text: Any) -> None:
    console.print(text, highlight=False, markup=False, soft_wrap=True)


def register(app: typer.Typer) -> None:
    """Add these commands to the ``applications`` group."""
    app.command("classify")(classify_command)
    app.command("import-mail")(import_mail_command)
