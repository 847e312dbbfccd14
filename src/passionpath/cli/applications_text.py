"""``passionpath applications classify`` (and ``import-mail``): what recruiters' e-mails say.

The commands are plain functions registered onto the ``applications`` Typer app with
:func:`register`, so the group itself can live in ``cli/applications.py``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import (
    JSON,
    attribution_line,
    console,
    err_console,
    fail,
    user_errors,
)


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


def register(app: typer.Typer) -> None:
    """Add these commands to the ``applications`` group."""
    app.command("classify")(classify_command)
