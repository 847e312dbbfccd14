"""The README's example output is produced by running the commands; this fails when it drifts."""

from __future__ import annotations

from pathlib import Path

from cogapp import Cog

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_examples_are_current() -> None:
    cog = Cog()
    cog.options.check = True
    cog.options.verbosity = 0
    assert cog.main(["cog", "--check", str(README)]) == 0, (
        "README examples are stale: run `.venv/bin/cog -r README.md`"
    )


def test_readme_quick_start_has_the_two_commands() -> None:
    text = README.read_text()
    quick_start = text[text.index("## Quick start") :].split("\n## ")[0]
    assert "make run" in quick_start and "make test" in quick_start
    assert "USDOL/ETA" in text and "CC BY 4.0" in text
