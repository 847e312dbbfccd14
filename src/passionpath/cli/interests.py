"""``passionpath interests``: RIASEC interests inferred from free text."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, read_texts, user_errors

app = typer.Typer(help="Understand interests from your own words.", no_args_is_help=True)


@app.command()
@user_errors
def infer(
    text: str = typer.Argument(None, help="What you love doing, in your own words."),
    input_file: Path = typer.Option(
        None, "--input", help="A file with one text per line (one JSON line out per text)."
    ),
    as_json: bool = JSON,
) -> None:
    """Score free text on the six RIASEC areas (0-1), with the phrases behind each."""
    from passionpath.profile import AREA_NAMES
    from passionpath.text import infer_interests

    texts = read_texts(text, input_file)
    results = infer_interests(texts, open_context())
    if as_json or input_file is not None:
        for result in results:
            payload = result.as_dict(with_drivers=input_file is None)
            sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
        return
    for result in results:
        console.print(f"Strongest: [bold]{AREA_NAMES[result.top]}[/] ({result.top})")
        for area, value in sorted(result.scores.items(), key=lambda kv: -kv[1]):
            bar = "█" * round(value * 20)
            drivers = result.drivers.get(area, [])
            because = "  <- " + "; ".join(f'"{d.text}"' for d in drivers[:2]) if drivers else ""
            console.print(
                f"  {AREA_NAMES[area]:<14} {bar:<20} {value:.2f}{because}", highlight=False
            )
