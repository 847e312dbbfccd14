"""How well `passionpath applications classify` reads recruiting e-mails (goal: kind accuracy
>= 0.95 on the held-out evaluation set).

The evaluation set (benchmarks/data/classify_eval.jsonl, 340 texts) was written and labelled
before the classifier, and is never used to fit or tune it. Prints kind accuracy, precision and
recall per kind, stage accuracy, reason micro-F1, time per text in-process and the CLI's
whole-process time.

  --tune   fit on one half of the training set and report the other half (the tune half).
           The evaluation set is not read.
  --cv K   K-fold cross-validation on the training set (default 5 folds, stratified by kind):
           each text is classified by a model fitted on the other folds; the figures the
           model's settings and text preparation are chosen on. The evaluation set is not read.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections import Counter
from pathlib import Path

from _common import PASSIONPATH, ROOT, percentiles, run_timed

from passionpath.jobsearch import KINDS, classify_texts
from passionpath.jobsearch._classify import REASONS, find_reasons
from passionpath.jobsearch._classify_model import (
    FIXED_STAGE,
    Example,
    fit_models,
    training_examples,
    tune_split,
)

EVAL_FILE = ROOT / "benchmarks" / "data" / "classify_eval.jsonl"


def _eval_examples() -> list[Example]:
    rows = [json.loads(line) for line in EVAL_FILE.read_text(encoding="utf-8").splitlines()]
    return [Example(r["text"], r["kind"], r["stage"] or "", tuple(r["reasons"])) for r in rows]


def report(
    truth: list[Example], kinds: list[str], stages: list[str], reasons: list[set[str]]
) -> None:
    n = len(truth)
    right = sum(k == t.kind for k, t in zip(kinds, truth, strict=True))
    print(f"texts: {n}  ({dict(Counter(t.kind for t in truth))})")
    print(f"kind accuracy: {right / n:.3f} ({right}/{n}; goal >= 0.95)")
    print(f"  {'kind':<16} {'precision':>9} {'recall':>7} {'n':>4}")
    for kind in KINDS:
        predicted = sum(k == kind for k in kinds)
        actual = sum(t.kind == kind for t in truth)
        hits = sum(k == kind == t.kind for k, t in zip(kinds, truth, strict=True))
        precision = hits / predicted if predicted else 0.0
        recall = hits / actual if actual else 0.0
        print(f"  {kind:<16} {precision:>9.3f} {recall:>7.3f} {actual:>4}")
    confusions = Counter(
        (t.kind, k) for k, t in zip(kinds, truth, strict=True) if k != t.kind
    ).most_common(6)
    print(
        "  most confused (truth -> said): " + ", ".join(f"{a}->{b} {c}" for (a, b), c in confusions)
    )
    staged = [(s, t) for s, t in zip(stages, truth, strict=True) if t.stage]
    stage_right = sum(s == t.stage for s, t in staged)
    print(
        f"stage accuracy (texts that name a stage): {stage_right / max(len(staged), 1):.3f} "
        f"({stage_right}/{len(staged)})"
    )
    tp = fp = fn = 0
    per: dict[str, list[int]] = {r: [0, 0, 0] for r in REASONS}
    for said, t in zip(reasons, truth, strict=True):
        gold = set(t.reasons)
        for r in REASONS:
            counts = per[r]
            counts[0] += r in said and r in gold
            counts[1] += r in said and r not in gold
            counts[2] += r in gold and r not in said
        tp += len(said & gold)
        fp += len(said - gold)
        fn += len(gold - said)
    micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    print(
        f"reason micro-F1 (all texts, categories as sets): {micro:.3f} (tp {tp}, fp {fp}, fn {fn})"
    )
    print(f"  {'reason':<22} {'precision':>9} {'recall':>7} {'n':>4}")
    for r, (a, b, c) in per.items():
        precision = a / (a + b) if a + b else 0.0
        recall = a / (a + c) if a + c else 0.0
        print(f"  {r:<22} {precision:>9.3f} {recall:>7.3f} {a + c:>4}")
    rejections = [t for t in truth if t.kind == "rejection"]
    unknown = sum("templated_unknown" in t.reasons for t in rejections)
    print(
        f"rejections giving no reason (templated_unknown): {unknown}/{len(rejections)} "
        f"= {unknown / max(len(rejections), 1):.0%} of the labelled rejections"
    )


def tune() -> None:
    fit_half, tune_half = tune_split(training_examples())
    started = time.perf_counter()
    models = fit_models(fit_half)
    print(
        f"fitted on {len(fit_half)} training texts in {time.perf_counter() - started:.2f} s; "
        f"tune half: {len(tune_half)} texts"
    )
    kinds, stages, reasons = [], [], []
    for e in tune_half:
        kind = models.kind.predict(e.text)[0]
        kinds.append(kind)
        stages.append(FIXED_STAGE[kind] if kind in FIXED_STAGE else models.stage.predict(e.text)[0])
        said = find_reasons(e.text) if kind == "rejection" else []
        reasons.append({r.category for r in said})
    report(tune_half, kinds, stages, reasons)


def cv_folds(examples: list[Example], k: int) -> list[int]:
    """The fold of each example: within each kind, examples are dealt out in a fixed shuffled
    order, so every fold holds every kind in about the same share."""
    rng = random.Random(15)
    fold = [0] * len(examples)
    for kind in KINDS:
        members = [i for i, e in enumerate(examples) if e.kind == kind]
        rng.shuffle(members)
        for n, i in enumerate(members):
            fold[i] = n % k
    return fold


def cross_validate(
    examples: list[Example], k: int, confidences: list[float] | None = None
) -> tuple[list[str], list[str], list[set[str]]]:
    """Kinds, stages and reasons each example gets from the model fitted without its fold
    (and the kind's probability, into ``confidences`` when given)."""
    fold = cv_folds(examples, k)
    kinds = [""] * len(examples)
    stages = [""] * len(examples)
    reasons: list[set[str]] = [set() for _ in examples]
    said_how_sure = [0.0] * len(examples)
    for f in range(k):
        models = fit_models([e for e, g in zip(examples, fold, strict=True) if g != f])
        for i, e in enumerate(examples):
            if fold[i] != f:
                continue
            kind, said_how_sure[i] = models.kind.predict(e.text)
            kinds[i] = kind
            stages[i] = (
                FIXED_STAGE[kind] if kind in FIXED_STAGE else models.stage.predict(e.text)[0]
            )
            said = find_reasons(e.text) if kind == "rejection" else []
            reasons[i] = {r.category for r in said}
    if confidences is not None:
        confidences[:] = said_how_sure
    return kinds, stages, reasons


def report_calibration(truth: list[Example], kinds: list[str], confidences: list[float]) -> None:
    """How far the kind's confidence is from how often it is right (expected calibration
    error over ten equal-width bins), and accuracy above a few thresholds."""
    n = len(truth)
    right = [k == t.kind for k, t in zip(kinds, truth, strict=True)]
    gap = 0.0
    for b in range(10):
        members = [i for i, c in enumerate(confidences) if b / 10 < c <= (b + 1) / 10]
        if members:
            accuracy = sum(right[i] for i in members) / len(members)
            mean = sum(confidences[i] for i in members) / len(members)
            gap += len(members) / n * abs(accuracy - mean)
    print(
        f"kind confidence: mean {sum(confidences) / n:.3f} against accuracy "
        f"{sum(right) / n:.3f}; expected calibration error {gap:.3f}"
    )
    for threshold in (0.5, 0.7, 0.9):
        chosen = [i for i, c in enumerate(confidences) if c >= threshold]
        if chosen:
            accuracy = sum(right[i] for i in chosen) / len(chosen)
            print(f"  confidence >= {threshold}: {len(chosen)}/{n} texts, accuracy {accuracy:.3f}")


def cv(k: int) -> None:
    examples = training_examples()
    started = time.perf_counter()
    confidences: list[float] = []
    kinds, stages, reasons = cross_validate(examples, k, confidences)
    print(
        f"{k}-fold cross-validation on the training set ({len(examples)} texts, folds stratified "
        f"by kind; {time.perf_counter() - started:.1f} s)"
    )
    report(examples, kinds, stages, reasons)
    report_calibration(examples, kinds, confidences)
    first = [i for i, e in enumerate(examples) if e.batch == 1]
    if len(first) < len(examples):
        print()
        for batch in sorted({e.batch for e in examples}):
            chosen = [i for i, e in enumerate(examples) if e.batch == batch]
            print(f"-- batch {batch} of the training set only ({len(chosen)} texts):")
            report(
                [examples[i] for i in chosen],
                [kinds[i] for i in chosen],
                [stages[i] for i in chosen],
                [reasons[i] for i in chosen],
            )


def evaluate() -> None:
    truth = _eval_examples()
    classify_texts(["warm-up: we regret to tell you"])  # fit once, outside the timing
    started = time.perf_counter()
    results = classify_texts([t.text for t in truth], skills=False)
    per_text = (time.perf_counter() - started) / len(truth)
    samples = []
    for t in truth[:100]:
        one = time.perf_counter()
        classify_texts([t.text], skills=False)
        samples.append(time.perf_counter() - one)
    report(
        truth,
        [r.kind for r in results],
        [r.stage or "" for r in results],
        [{x.category for x in r.reasons} for r in results],
    )
    print(
        f"classify time per text, in-process (model fitted, no skills lookup): "
        f"{per_text * 1000:.2f} ms mean over {len(truth)}; one at a time {percentiles(samples)}"
    )
    with tempfile.TemporaryDirectory() as home:
        env = {"PASSIONPATH_DATA_DIR": home, "PASSIONPATH_CACHE_DIR": str(Path(home) / "cache")}
        text = truth[0].text
        command = [PASSIONPATH, "applications", "classify", text]
        first = run_timed(command, env)
        warm = [run_timed(command, env).wall for _ in range(3)]
        file = Path(home) / "all.jsonl"
        file.write_text(
            "".join(json.dumps({"text": t.text}) + "\n" for t in truth), encoding="utf-8"
        )
        batch = run_timed([PASSIONPATH, "applications", "classify", "--input", str(file)], env)
    print(
        f"CLI whole process, one text: first run (fits and stores the model) {first.wall:.2f} s; "
        f"then {min(warm):.2f} s (best of 3, model read from the cache directory)"
    )
    print(
        f"CLI whole process, --input with all {len(truth)} texts: {batch.wall:.2f} s "
        f"({batch.wall / len(truth) * 1000:.1f} ms per text)"
    )
    print("(machine shared with other sessions while measuring)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tune", action="store_true", help="report the training set's tune half")
    parser.add_argument(
        "--cv",
        type=int,
        nargs="?",
        const=5,
        metavar="K",
        help="K-fold cross-validation on the training set (default 5)",
    )
    args = parser.parse_args()
    if args.cv:
        cv(args.cv)
    elif args.tune:
        tune()
    else:
        evaluate()


if __name__ == "__main__":
    main()
