"""Free text -> occupation retrieval (`passionpath explore`), on text held out from the index.

Two hold-outs, each scored through the product's own path (embeddings and BM25):

- task statements: one task per occupation that has at least two (at random, fixed seed) is
  removed from the index (task vectors, task centroids, whitening, BM25 documents) and is the
  query. TF-IDF baseline: about 0.26 / 0.57. Goal: 0.45 / 0.80.
- descriptions: each occupation's own description (a short paragraph, two sentences on
  average, the way a job is described elsewhere) is the query, with it taken out of that
  occupation's row only: its description vector and its words in the BM25 document. The
  title and the tasks stay, and every other occupation keeps its description.
  Goal: 0.55 / 0.90.

Reports hit@1 and hit@10 on the tune half (even catalog rows: tune any choice on this half
only), the other half (odd rows) and all.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from dataclasses import replace

import numpy as np
from _common import onet_context, ranks_of

from passionpath.match._explore import (
    EXPLORE_WEIGHTS,
    TextIndex,
    _project,
    _standardise,
    blend,
)
from passionpath.match._lexical import _B, _K1, terms
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._scoring import normalise_rows, phrase_similarity
from passionpath.text import embed_cached, get_embedder


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


class HoldOutBm25:
    """BM25 as ``Bm25Index`` scores it, over the same documents except that one of them has
    lost some of its words (its own held-out text), with document frequencies and the
    average length following. Only the query's terms are touched per query."""

    def __init__(self, documents: list[str]) -> None:
        counts = [Counter(terms(d)) for d in documents]
        self.lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
        found: dict[str, tuple[list[int], list[int]]] = {}
        for doc, count in enumerate(counts):
            for term, tf in count.items():
                docs, tfs = found.setdefault(term, ([], []))
                docs.append(doc)
                tfs.append(tf)
        self.postings = {t: (np.array(d), np.array(f, np.float64)) for t, (d, f) in found.items()}
        self.size = len(documents)

    def scores(self, query: str, row: int, removed: str) -> np.ndarray:
        gone = Counter(terms(removed))
        lengths = self.lengths.copy()
        lengths[row] -= sum(gone.values())
        average = max(lengths.mean(), 1.0)
        out = np.zeros(self.size)
        for term in set(terms(query)):
            if term not in self.postings:
                continue
            docs, tf = self.postings[term]
            if gone[term]:
                tf = np.where(docs == row, tf - gone[term], tf)
            df = int((tf > 0).sum())
            if not df:
                continue
            idf = np.log(1 + (self.size - df + 0.5) / (df + 0.5))
            norm = _K1 * (1 - _B + _B * lengths[docs] / average)
            out[docs] += idf * tf * (_K1 + 1) / (tf + norm)
        return out


def without_own_description(
    index: TextIndex, queries: np.ndarray, rows: np.ndarray, lexical: np.ndarray | None
) -> np.ndarray:
    """``index.scores`` as if each query's own occupation (``rows``) had no description: the
    description view is linear in the query, so its part for that one occupation is taken
    away, leaving what an occupation without a description gets (zero)."""
    semantic = index.semantic(queries)
    own = np.einsum("ij,ij->i", _project(queries, index.transform), index.descriptions[rows])
    semantic[np.arange(rows.size), rows] -= EXPLORE_WEIGHTS["description"] * own
    return blend(semantic, lexical)


def descriptions_held_out(
    m: CatalogMatrices, index: TextIndex, queries: np.ndarray, rows: np.ndarray
) -> np.ndarray:
    """Scores of each occupation's description (rows) against the index without it, checked
    once against an index really built without the first one."""
    documents = m.documents()
    bm25 = HoldOutBm25(documents)
    texts = [m.descriptions[r] for r in rows]
    lexical = np.vstack([bm25.scores(t, int(r), t) for t, r in zip(texts, rows, strict=True)])
    scores = without_own_description(index, queries, rows, lexical)
    # The shortcut against the real thing: the index rebuilt without one description.
    assert index.lexical is not None
    assert np.allclose(bm25.scores(texts[0], 0, ""), index.lexical.scores(texts[0]), rtol=1e-4)
    blanked = list(m.descriptions)
    blanked[rows[0]] = ""
    vectors = m.description_vectors.copy()
    vectors[rows[0]] = 0
    rebuilt = TextIndex.build(
        m.task_vectors,
        m.task_owner,
        vectors,
        m.title_vectors,
        replace(m, descriptions=blanked).documents(),
    )
    direct = rebuilt.scores(queries[:1], texts[:1])
    assert np.allclose(direct, scores[:1], atol=1e-4), "hold-out shortcut differs from a rebuild"
    return scores


def hits(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """hit@1 and hit@10: the share of rows whose right column ranks first / in the top ten."""
    rank = ranks_of(scores, truth)
    return float((rank <= 1).mean()), float((rank <= 10).mean())


def halves(scores: np.ndarray, truth: np.ndarray) -> str:
    """hit@1 / hit@10 on the tune half (even rows), the other half and all."""
    tune = truth % 2 == 0
    parts = [("tune half", tune), ("other half", ~tune), ("all", np.ones_like(tune))]
    return ";  ".join(
        "{} {:.3f} / {:.3f}".format(name, *hits(scores[mask], truth[mask])) for name, mask in parts
    )


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


def task_views(
    m: CatalogMatrices,
    index: TextIndex,
    vectors: np.ndarray,
    texts: list[str],
    truth: np.ndarray,
    kept: np.ndarray,
) -> None:
    lexical = np.vstack([index.lexical.scores(t) for t in texts]) if index.lexical else None
    if lexical is not None:
        print("  BM25 alone:       hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(lexical, truth)))
    centroids = np.zeros_like(m.title_vectors)
    np.add.at(centroids, m.task_owner[kept], m.task_vectors[kept])
    centroids = normalise_rows(centroids)
    raw = phrase_similarity(vectors, [m.title_vectors, m.description_vectors, centroids])
    print(
        "  raw cosine, best of title/description/task centroid: hit@1 {:.3f}  hit@10 {:.3f}".format(
            *hits(raw, truth)
        )
    )
    semantic = _standardise(index.semantic(vectors))
    print("  embeddings alone: hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(semantic, truth)))
    for name in EXPLORE_WEIGHTS:
        alone = {k: float(k == name) for k in EXPLORE_WEIGHTS}
        print(
            f"    {name:<12} "
            + "hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(index.semantic(vectors, alone), truth))
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--views", action="store_true", help="Also score each signal alone.")
    args = parser.parse_args()
    ctx = onet_context()
    matrices = load_matrices(ctx)
    embedder = get_embedder(ctx.settings.text_model)

    def embed(texts: list[str]) -> np.ndarray:
        return embed_cached(texts, ctx.engine, embedder=embedder)[0]

    started = time.perf_counter()
    index, vectors, texts, truth, kept = held_out(matrices)
    print(f"index built in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    scores = index.scores(vectors, texts)
    per_query = (time.perf_counter() - started) / truth.size
    print(f"explore on {truth.size} held-out task statements: {halves(scores, truth)}")
    print(f"  scoring {per_query * 1000:.2f} ms a query in-process, vectors given")
    if args.views:
        diagnostics(matrices, scores, texts, truth, kept)
        task_views(matrices, index, vectors, texts, truth, kept)

    full = matrices.text_index
    assert full is not None
    has_tasks = np.bincount(matrices.task_owner, minlength=matrices.codes.size) > 0
    rows = np.flatnonzero(has_tasks & np.array([bool(d.strip()) for d in matrices.descriptions]))
    descriptions = [matrices.descriptions[r] for r in rows]
    queries = embed(descriptions)
    scores = descriptions_held_out(matrices, full, queries, rows)
    print(
        f"explore on {rows.size} descriptions, each out of its own occupation: "
        f"{halves(scores, rows)}"
    )
    if args.views:
        alone = without_own_description(full, queries, rows, None)
        print(f"  embeddings alone: {halves(alone, rows)}")
        # The right answer is the one occupation without a description, so the description
        # view can only pull its neighbours ahead; with no description anywhere it is even.
        blank = replace(matrices, descriptions=[""] * matrices.codes.size)
        bare = TextIndex.build(
            matrices.task_vectors,
            matrices.task_owner,
            np.zeros_like(matrices.description_vectors),
            matrices.title_vectors,
            blank.documents(),
        )
        print(
            "  with no occupation keeping its description (view and words): "
            f"{halves(bare.scores(queries, descriptions), rows)}"
        )


if __name__ == "__main__":
    main()
