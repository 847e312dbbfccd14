"""Nearest people by vector: a faiss index when faiss-cpu is installed (the ``scale`` extra),
exact numpy search otherwise, with the same answers below ``EXACT_LIMIT``.

* Below ``EXACT_LIMIT`` people the search is exact, a matrix product in numpy: on the 2-core
  machine measured, faiss's ``IndexFlatIP`` took 2.7 s for 5,000 queries over 5,000 people
  where numpy took 0.9 s, so faiss is kept for what only it does well.
* From ``EXACT_LIMIT`` up: an inverted file (``IVF``, about 2 sqrt(n) lists) over 8-bit scalar
  quantised vectors finds ``RESCORE_FACTOR`` times more candidates than asked, and those are
  re-scored exactly against the float vectors kept beside the index.
* ``add``, ``update`` and ``remove`` change the index in place (no rebuild); a removed person
  is gone from the very next search.

Vectors are unit rows, so the inner product is the cosine.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

#: Up to this many people, search is exact.
EXACT_LIMIT = 50_000
#: Candidates found by the approximate index for each one returned, re-scored exactly.
RESCORE_FACTOR = 5
#: Inverted lists: this many times sqrt(n); visited per query; training points per list.
IVF_LISTS_PER_ROOT = 2
NPROBE = 16
TRAIN_PER_LIST = 20


def spherical_kmeans(x: F32, k: int, rng: np.random.Generator, rounds: int = 6) -> F32:
    """``k`` unit centres for unit rows ``x`` (each row to its most similar centre)."""
    centres = x[rng.choice(x.shape[0], size=k, replace=False)].copy()
    for _ in range(rounds):
        nearest = np.argmax(x @ centres.T, axis=1)
        order = np.argsort(nearest, kind="stable")
        counts = np.bincount(nearest, minlength=k)
        sums = np.zeros_like(centres)
        some = counts > 0
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        sums[some] = np.add.reduceat(x[order], starts[some], axis=0)
        empty = ~sums.any(axis=1)
        sums[empty] = x[rng.choice(x.shape[0], size=int(empty.sum()), replace=False)]
        centres = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return np.ascontiguousarray(centres, dtype=np.float32)


def faiss_module() -> Any | None:
    """faiss, or None when the ``scale`` extra is not installed."""
    try:
        import faiss
    except ImportError:
        return None
    return faiss


@dataclass
class SearchResult:
    ids: I64  # (queries, k), -1 where fewer than k people exist
    scores: F32


class PeopleIndex:
    """Vectors by member id, searchable by inner product."""

    def __init__(self, dimension: int, *, use_faiss: bool | None = None) -> None:
        self.dimension = dimension
        faiss = faiss_module() if use_faiss in (None, True) else None
        if use_faiss and faiss is None:
            raise RuntimeError("faiss-cpu is not installed (pip install 'passionpath[scale]')")
        self._faiss = faiss
        self._missing = faiss is None and use_faiss is None
        self._vectors = np.zeros((0, dimension), dtype=np.float32)
        self._ids = np.zeros(0, dtype=np.int64)
        self._alive = np.zeros(0, dtype=bool)
        self._row: dict[int, int] = {}
        self._index: Any = None
        self._approximate = False

    @property
    def backend(self) -> str:
        """What answers searches: 'numpy exact', 'faiss IVF-SQ8 + exact re-scoring', or
        'numpy exact (faiss-cpu not installed)' (which is also exact, only slower at scale)."""
        if self._approximate:
            return "faiss IVF-SQ8 + exact re-scoring"
        return "numpy exact (faiss-cpu not installed)" if self._missing else "numpy exact"

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, member_id: int) -> bool:
        return member_id in self._row

    def build(self, ids: npt.ArrayLike, vectors: npt.ArrayLike) -> None:
        """Replace everything with these people (training the IVF when there are many)."""
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        self._vectors = vectors.copy()
        self._ids = ids.copy()
        self._alive = np.ones(ids.shape[0], dtype=bool)
        self._row = {int(i): r for r, i in enumerate(ids.tolist())}
        self._index = None
        self._approximate = False
        if self._faiss is None:
            return
        faiss = self._faiss
        n = ids.shape[0]
        if n < EXACT_LIMIT:
            return
        nlist = int(IVF_LISTS_PER_ROOT * math.sqrt(n))
        quantizer = faiss.IndexFlatIP(self.dimension)
        index = faiss.IndexIVFScalarQuantizer(
            quantizer,
            self.dimension,
            nlist,
            faiss.ScalarQuantizer.QT_8bit,
            faiss.METRIC_INNER_PRODUCT,
        )
        rng = np.random.default_rng(0)
        sample = vectors[rng.choice(n, size=min(n, TRAIN_PER_LIST * nlist), replace=False)]
        # The lists' centres by a few rounds of spherical k-means in numpy (whose matrix
        # products were three times faster than faiss's own on the machine measured); faiss
        # then only fits the 8-bit quantiser.
        quantizer.add(spherical_kmeans(sample, nlist, rng))
        index.train(sample)
        index.nprobe = NPROBE
        self._approximate = True
        index.add_with_ids(vectors, ids)
        self._index = index

    def add(self, ids: npt.ArrayLike, vectors: npt.ArrayLike) -> None:
        """Add people, or replace the vectors of those already in (an update)."""
        ids = np.asarray(ids, dtype=np.int64)
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        present = [i for i in ids.tolist() if i in self._row]
        if present:
            self.remove(present)
        start = self._vectors.shape[0]
        self._vectors = np.concatenate([self._vectors, vectors])
        self._ids = np.concatenate([self._ids, ids])
        self._alive = np.concatenate([self._alive, np.ones(ids.shape[0], dtype=bool)])
        for k, i in enumerate(ids.tolist()):
            self._row[int(i)] = start + k
        if self._index is not None:
            self._index.add_with_ids(vectors, ids)
        elif self._faiss is not None and len(self._row) >= EXACT_LIMIT:
            # Grown past the exact limit: train the inverted file on everyone now in.
            alive = np.flatnonzero(self._alive)
            self.build(self._ids[alive], self._vectors[alive])

    def update(self, ids: npt.ArrayLike, vectors: npt.ArrayLike) -> None:
        """Replace people's vectors (adding those not in yet)."""
        self.add(ids, vectors)

    def remove(self, ids: Any) -> None:
        """Take people out; unknown ids are ignored."""
        gone = [
            int(i) for i in np.atleast_1d(np.asarray(ids, dtype=np.int64)) if int(i) in self._row
        ]
        for i in gone:
            self._alive[self._row.pop(i)] = False
        if gone and self._index is not None:
            self._index.remove_ids(np.asarray(gone, dtype=np.int64))

    def vector(self, member_id: int) -> F32:
        return self._vectors[self._row[member_id]]

    def search(self, queries: npt.ArrayLike, k: int, *, exclude: I64 | None = None) -> SearchResult:
        """The ``k`` nearest people to each query row (``exclude[q]``: an id to skip for query
        ``q``, usually the asker)."""
        q = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dimension)
        extra = 1 if exclude is not None else 0
        if self._index is None:
            ids, scores = self._exact(q, k + extra)
        else:
            want = max((k + extra) * RESCORE_FACTOR, 50)
            _, candidates = self._index.search(q, want)
            ids, scores = self._rescore(q, candidates, k + extra)
        if exclude is not None:
            ids, scores = _drop(ids, scores, np.asarray(exclude, dtype=np.int64), k)
        return SearchResult(ids[:, :k], scores[:, :k])

    def _exact(self, q: F32, k: int) -> tuple[I64, F32]:
        alive = np.flatnonzero(self._alive)
        ids = np.full((q.shape[0], k), -1, dtype=np.int64)
        scores = np.full((q.shape[0], k), -np.inf, dtype=np.float32)
        if alive.size == 0:
            return ids, scores
        take = min(k, alive.size)
        for start in range(0, q.shape[0], 2048):
            block = q[start : start + 2048] @ self._vectors[alive].T
            top = np.argpartition(-block, take - 1, axis=1)[:, :take]
            part = np.take_along_axis(block, top, axis=1)
            order = np.argsort(-part, axis=1, kind="stable")
            top = np.take_along_axis(top, order, axis=1)
            ids[start : start + 2048, :take] = self._ids[alive][top]
            scores[start : start + 2048, :take] = np.take_along_axis(part, order, axis=1)
        return ids, scores

    def _rescore(self, q: F32, candidates: I64, k: int) -> tuple[I64, F32]:
        rows = np.full(candidates.shape, -1, dtype=np.int64)
        valid = candidates >= 0
        lookup = self._row
        flat = candidates[valid].tolist()
        rows[valid] = np.fromiter(
            (lookup.get(c, -1) for c in flat), dtype=np.int64, count=len(flat)
        )
        valid &= rows >= 0
        exact = np.einsum("qd,qkd->qk", q, self._vectors[np.where(valid, rows, 0)])
        exact = np.where(valid, exact, -np.inf).astype(np.float32)
        order = np.argsort(-exact, axis=1, kind="stable")[:, :k]
        ids = np.take_along_axis(np.where(valid, candidates, -1), order, axis=1)
        return ids.astype(np.int64), np.take_along_axis(exact, order, axis=1)


def _drop(ids: I64, scores: F32, exclude: I64, k: int) -> tuple[I64, F32]:
    """Push each row's excluded id to the end (so the first k are the others)."""
    hit = ids == exclude[:, None]
    order = np.argsort(hit, axis=1, kind="stable")
    return np.take_along_axis(ids, order, axis=1), np.take_along_axis(scores, order, axis=1)


def exact_top(vectors: F32, queries: F32, k: int) -> I64:
    """Rows of ``vectors`` nearest each query by exact inner product (for recall checks)."""
    index = PeopleIndex(vectors.shape[1], use_faiss=False)
    index.build(np.arange(vectors.shape[0]), vectors)
    return index.search(queries, k).ids
