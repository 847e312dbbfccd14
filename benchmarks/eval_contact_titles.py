"""How well a contact's occupations are read from their job title (starter catalog).

Prints, for each half of benchmarks/data/contact_titles.tsv (the rule's constants were chosen
on the tune half only): titles given the expected occupation, titles given a wrong one, and
titles rightly left without one. Run: .venv/bin/python benchmarks/eval_contact_titles.py
"""

from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "contact_titles.tsv"


def main() -> None:
    folder = tempfile.mkdtemp(prefix="eval-titles-")
    os.environ["PASSIONPATH_DATA_DIR"] = folder
    os.environ["PASSIONPATH_CACHE_DIR"] = os.path.join(folder, "cache")
    os.environ.pop("PASSIONPATH_DATABASE_URL", None)
    from passionpath.catalog import load_starter
    from passionpath.context import Context
    from passionpath.network import occupations_for_title

    ctx = Context.open()
    load_starter(engine=ctx.engine, if_empty=True)
    lines = [line for line in DATA.read_text().splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for half in ("tune", "test"):
        right = wrong = missed = 0
        for row in (r for r in rows if r["half"] == half):
            found = occupations_for_title(row["title"], ctx)
            expected = row["expected"]
            if expected == "-":
                right += not found
                wrong += bool(found)
                if found:
                    print(f"  {half}: {row['title']!r} -> {found}, expected none")
            elif expected in found:
                right += 1
            elif found:
                wrong += 1
                print(f"  {half}: {row['title']!r} -> {found}, expected {expected}")
            else:
                missed += 1
                print(f"  {half}: {row['title']!r} -> none, expected {expected}")
        total = right + wrong + missed
        print(
            f"{half} half (n={total}): right {right} ({right / total:.0%}), "
            f"wrong {wrong}, left without one {missed}"
        )


if __name__ == "__main__":
    main()
