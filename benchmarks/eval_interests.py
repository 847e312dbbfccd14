"""Held-out accuracy of free-text interest inference (goal: top-area accuracy >= 0.90).

Two held-out sets, never seen in training during their evaluation:
  1. our own held-out sentences (the `heldout` split of riasec_sentences.tsv);
  2. O*NET's illustrative activities (../shared), scored by 5-fold cross-validation: each fold
     is predicted by a model trained on our training sentences, O*NET's RIASEC keywords and
     the other four folds of activities.
Prints accuracy per set and per area, for the MiniLM embedder and the lexical fallback.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter

import numpy as np
from _common import ONET_DIR

from passionpath.text._embedding import get_embedder
from passionpath.text._interests import (
    AREAS,
    Example,
    InterestModel,
    corpus,
    examples_from_rows,
)


def _read(file: str) -> list[dict[str, str]]:
    path = ONET_DIR / file
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def onet_examples(file: str, column: str, kind: str) -> list[Example]:
    """O*NET's activities or keywords as labelled examples, read straight from ../shared."""
    links = [
        (r["Basic Interests Element ID"], r["RIASEC Element ID"])
        for r in _read("Basic Interests to RIASEC.txt")
    ]
    rows = [(r["Element ID"], kind, r[column].strip()) for r in _read(file)]
    return examples_from_rows(rows, links)


def accuracy(model: InterestModel, examples: list[Example]) -> Counter[str]:
    """How many examples of each area the model puts in the right top area."""
    results = model.infer_many([e.text for e in examples])
    return Counter(e.area for e, r in zip(examples, results, strict=True) if r.top == e.area)


def report(name: str, examples: list[Example], right: Counter[str]) -> None:
    totals = Counter(e.area for e in examples)
    per_area = "  ".join(f"{a} {right[a] / totals[a]:.2f}" for a in AREAS if totals[a])
    print(
        f"  {name:<34} {sum(right.values()) / len(examples):.3f}  (n={len(examples)})  {per_area}"
    )


def evaluate(model_name: str) -> None:
    embedder = get_embedder(model_name)
    train = corpus("train")
    heldout = corpus("heldout")
    keywords = onet_examples("RIASEC Keywords.txt", "Keyword", "keyword")
    activities = onet_examples("Interests Illustrative Activities.txt", "Activity", "activity")
    started = time.perf_counter()
    model = InterestModel.train(train + keywords + activities, embedder)
    print(
        f"{embedder.model_id}: trained on {len(train) + len(keywords) + len(activities)} "
        f"examples in {time.perf_counter() - started:.2f} s"
    )
    right = accuracy(model, heldout)
    report("own held-out sentences", heldout, right)
    if activities:
        rng = np.random.default_rng(7)
        folds = rng.permutation(len(activities)) % 5
        total: Counter[str] = Counter()
        for fold in range(5):
            kept = [a for a, f in zip(activities, folds, strict=True) if f != fold]
            test = [a for a, f in zip(activities, folds, strict=True) if f == fold]
            fold_model = InterestModel.train(train + keywords + kept, embedder)
            total += accuracy(fold_model, test)
        report("O*NET activities (5-fold)", activities, total)
        combined = heldout + activities
        report("both held-out sets", combined, right + total)
    else:
        print("  O*NET activities: skipped (../shared release not present)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", action="append", help="minilm and/or lexical")
    args = parser.parse_args()
    for name in args.model or ["minilm", "lexical"]:
        evaluate(name)


if __name__ == "__main__":
    main()
