"""How well `passionpath similar` recovers O*NET's Related Occupations (the yardstick).

For every O*NET occupation with a related list, all other occupations are ranked by the
transferability model. Reported: nDCG@20 with tier grades (Primary-Short 3, Primary-Long 2,
Supplemental 1), P@5 against Primary-Short and P@10 against Primary (short + long).
Baseline on the same data: cosine on skills IM x LV + interests, nDCG@20 0.387. Goal 0.50.
`--views` also prints each view alone.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from _common import ONET_DIR, onet_engine

GRADES = {"Primary-Short": 3, "Primary-Long": 2, "Supplemental": 1}


def related_lists(index: dict[str, int]) -> dict[int, dict[int, int]]:
    import csv

    with (ONET_DIR / "Related Occupations.txt").open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        out: dict[int, dict[int, int]] = {}
        for r in rows:
            a, b = index.get(r["O*NET-SOC Code"]), index.get(r["Related O*NET-SOC Code"])
            if a is not None and b is not None:
                out.setdefault(a, {})[b] = GRADES[r["Relatedness Tier"]]
    return out


def evaluate(similarity: np.ndarray, related: dict[int, dict[int, int]]) -> dict[str, float]:
    discounts = 1.0 / np.log2(np.arange(2, 22))
    ndcg, p5, p10 = [], [], []
    for row, grades in related.items():
        ranked = np.argsort(-similarity[row], kind="stable")[:20]
        gains = np.array([grades.get(int(j), 0) for j in ranked], dtype=float)
        ideal = np.sort(np.array(list(grades.values()), dtype=float))[::-1][:20]
        ndcg.append(
            (gains * discounts[: gains.size]).sum() / (ideal * discounts[: ideal.size]).sum()
        )
        p5.append(np.mean([grades.get(int(j), 0) == 3 for j in ranked[:5]]))
        p10.append(np.mean([grades.get(int(j), 0) >= 2 for j in ranked[:10]]))
    return {
        "nDCG@20": float(np.mean(ndcg)),
        "P@5": float(np.mean(p5)),
        "P@10": float(np.mean(p10)),
        "n": len(related),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--views", action="store_true", help="Also score each view alone.")
    args = parser.parse_args()
    from passionpath.context import Context
    from passionpath.match._matrices import build_matrices
    from passionpath.match._similar import VIEW_WEIGHTS, TransferModel, combine, views

    engine = onet_engine()
    started = time.perf_counter()
    matrices = build_matrices(Context.open(engine=engine))
    print(f"matrices (incl. one-time text embedding): {time.perf_counter() - started:.1f} s")
    related = related_lists(matrices.index)
    started = time.perf_counter()
    model = TransferModel.build(matrices)
    print(
        f"transfer model for {matrices.codes.size} occupations: "
        f"{time.perf_counter() - started:.2f} s"
    )
    result = evaluate(model.similarity, related)
    print(
        f"passionpath similar: nDCG@20 {result['nDCG@20']:.3f}  P@5 {result['P@5']:.3f}  "
        f"P@10 {result['P@10']:.3f}  (n={result['n']})"
    )
    if args.views:
        view_matrices = views(matrices)
        for name in VIEW_WEIGHTS:
            alone = evaluate(combine(view_matrices, {name: 1.0}), related)
            print(
                f"  {name:<12} alone: nDCG@20 {alone['nDCG@20']:.3f}  P@5 {alone['P@5']:.3f}"
                f"  P@10 {alone['P@10']:.3f}"
            )


if __name__ == "__main__":
    main()
