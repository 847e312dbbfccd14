"""Free text -> occupation retrieval (`passionpath explore`), on task statements held out
from the index during the run.

One task per occupation that has at least two (at random, fixed seed) is removed from the
index: from the task vectors, the task centroids, the whitening and the BM25 documents.
Each held-out task is then a query whose right answer is its own occupation.
Reports hit@1 and hit@10. TF-IDF baseline: about 0.26 / 0.57. Goal: 0.45 / 0.80.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
from _common import onet_context, ranks_of

from passionpath.match._explore import EXPLORE_WEIGHTS, TextIndex, _standardise
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._scoring import normalise_rows, phrase_similarity


def held_out(
    m: CatalogMatrices, seed: int = 11
) -> tuple[TextIndex, np.ndarray, list[str], np.ndarray, np.ndarray]:
    """The index without one task per occupation that has two or more (at random, fixed
    seed), those tasks' vectors, texts and owners, and the mask of tasks kept."""
    rng = np.random.default_rng(seed)
    held = []
    for row in np.unique(m.task_owner):
        tasks = np.flatnonzero(m.task_owner == row)
        if tasks.size >= 2:
            held.append(int(rng.choice(tasks)))
    keep = np.ones(m.task_owner.size, dtype=bool)
    keep[held] = False
    index = TextIndex.build(
        m.task_vectors[keep],
        m.task_owner[keep],
        m.description_vectors,
        m.title_vectors,
        m.documents(keep),
    )
    texts = [m.task_texts[i] for i in held]
    return index, m.task_vectors[held], texts, m.task_owner[held], keep


def hits(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """hit@1 and hit@10: the share of rows whose right column ranks first / in the top ten."""
    rank = ranks_of(scores, truth)
    return float((rank <= 1).mean()), float((rank <= 10).mean())


def diagnostics(
    m: CatalogMatrices, scores: np.ndarray, texts: list[str], truth: np.ndarray, kept: np.ndarray
) -> None:
    """How far the misses are from the answer: some held-out statements are listed word for
    word under another occupation too, and many misses land on a sibling occupation."""
    holders: dict[str, set[int]] = {}
    for i in np.flatnonzero(kept):
        holders.setdefault(m.task_texts[i].strip().lower(), set()).add(int(m.task_owner[i]))
    top = scores.argmax(axis=1)
    shared = np.array([bool(holders.get(t.strip().lower())) for t in texts])
    lenient = np.array(
        [
            top[k] == truth[k] or top[k] in holders.get(t.strip().lower(), set())
            for k, t in enumerate(texts)
        ]
    )
    print(
        f"  {shared.mean():.1%} of held-out statements are listed word for word under another "
        f"occupation; hit@1 counting those as right: {lenient.mean():.3f}"
    )
    codes = np.asarray(m.codes).astype(str)
    for label, width in (("broad group (XX-XXX)", 6), ("minor group (XX-XX)", 5)):
        group = np.array([c[:width] for c in codes])
        print(f"  top result in the same SOC {label}: {(group[top] == group[truth]).mean():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--views", action="store_true", help="Also score each signal alone.")
    args = parser.parse_args()
    matrices = load_matrices(onet_context())
    started = time.perf_counter()
    index, vectors, texts, truth, kept = held_out(matrices)
    print(f"index built in {time.perf_counter() - started:.1f} s")
    scores = index.scores(vectors, texts)
    at1, at10 = hits(scores, truth)
    print(f"explore on {truth.size} held-out task statements: hit@1 {at1:.3f}  hit@10 {at10:.3f}")
    if args.views:
        diagnostics(matrices, scores, texts, truth, kept)
        lexical = np.vstack([index.lexical.scores(t) for t in texts]) if index.lexical else None
        if lexical is not None:
            print("  BM25 alone:       hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(lexical, truth)))
        centroids = np.zeros_like(matrices.title_vectors)
        np.add.at(centroids, matrices.task_owner[kept], matrices.task_vectors[kept])
        centroids = normalise_rows(centroids)
        raw = phrase_similarity(
            vectors, [matrices.title_vectors, matrices.description_vectors, centroids]
        )
        print(
            "  raw cosine, best of title/description/task centroid: "
            "hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(raw, truth))
        )
        semantic = _standardise(index.semantic(vectors))
        print("  embeddings alone: hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(semantic, truth)))
        for name in EXPLORE_WEIGHTS:
            alone = {k: float(k == name) for k in EXPLORE_WEIGHTS}
            print(
                f"    {name:<12} "
                + "hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(index.semantic(vectors, alone), truth))
            )


if __name__ == "__main__":
    main()
