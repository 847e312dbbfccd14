"""Accuracy of the English-only check (passionpath.text.guess_language).

The evaluation set, tests/data/language_eval.tsv, holds English passion sentences (short,
misspelt, slangy, with emoji, with jargon) and sentences in French, Spanish, German,
Portuguese, Italian and Dutch, some mixed with English words. The rules were tuned on the
`tune` split only; the `test` split is the held-out figure. Prints accuracy per split and per
label, and every mistake.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

from passionpath.text import guess_language

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "language_eval.tsv"


def main() -> None:
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    right: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    mistakes = []
    for row in rows:
        key = (row["split"], row["label"])
        english = guess_language(row["text"]).english
        total[key] += 1
        if english == (row["label"] == "en"):
            right[key] += 1
        else:
            mistakes.append(f"  {row['split']:<5} {row['lang']:<6} {row['text']}")
    print(f"{'split':<6} {'label':<6} {'right':>5} {'of':>4} {'accuracy':>9}")
    for split in ("tune", "test"):
        for label in ("en", "other"):
            n, ok = total[split, label], right[split, label]
            print(f"{split:<6} {label:<6} {ok:>5} {n:>4} {ok / max(n, 1):>9.2f}")
        n = total[split, "en"] + total[split, "other"]
        ok = right[split, "en"] + right[split, "other"]
        print(f"{split:<6} {'all':<6} {ok:>5} {n:>4} {ok / max(n, 1):>9.2f}")
    if mistakes:
        print("Mistakes:")
        print("\n".join(mistakes))


if __name__ == "__main__":
    main()
