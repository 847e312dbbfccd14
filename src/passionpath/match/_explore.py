"""Free text -> occupations: what work does this text describe?

Two signals, each standardised per query and then mixed: BM25 over each occupation's own
words (title, description, tasks), and sentence embeddings compared after whitening by
the within-occupation spread of task vectors (a linear discriminant projection), which
removes the directions every occupation's tasks share.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray

from passionpath.match._lexical import Bm25Index
from passionpath.match._scoring import normalise_rows

F32 = NDArray[np.float32]

#: How the embedding views add up, and the lexical share; chosen with eval_explore.py.
EXPLORE_WEIGHTS = {"task": 0.3, "centroid": 0.5, "description": 0.1, "title": 0.1}
LEXICAL_SHARE = 0.3
#: Shrinkage of the within-occupation covariance towards a multiple of the identity.
SHRINKAGE = 0.2
#: Queries scored against every task at a time.
QUERY_BLOCK = 256


def whitening(vectors: F32, owners: NDArray[np.int64], classes: int) -> F32:
    """S_w^(-1/2) for the shrunk within-class covariance S_w of ``vectors``."""
    x = vectors.astype(np.float64)
    means = np.zeros((classes, x.shape[1]))
    np.add.at(means, owners, x)
    means /= np.maximum(np.bincount(owners, minlength=classes), 1)[:, None]
    residual = x - means[owners]
    scatter = residual.T @ residual / max(len(residual), 1)
    dim = scatter.shape[0]
    scatter = (1 - SHRINKAGE) * scatter + SHRINKAGE * np.trace(scatter) / dim * np.eye(dim)
    values, vectors_ = np.linalg.eigh(scatter)
    # Tiny or degenerate catalogs can leave directions with no spread at all.
    values = np.maximum(values, max(float(values.max()), 1e-12) * 1e-6)
    return (vectors_ @ np.diag(values**-0.5) @ vectors_.T).astype(np.float32)


def _project(matrix: F32, transform: F32) -> F32:
    projected = matrix @ transform
    norms = np.linalg.norm(projected, axis=1, keepdims=True)
    present = np.linalg.norm(matrix, axis=1, keepdims=True) > 0
    return np.where(present, projected / np.where(norms > 0, norms, 1), 0).astype(np.float32)


def _standardise(scores: F32) -> F32:
    mean = scores.mean(axis=1, keepdims=True)
    std = scores.std(axis=1, keepdims=True)
    return ((scores - mean) / np.where(std > 0, std, 1)).astype(np.float32)


@dataclass
class TextIndex:
    """Occupation-side vectors (already whitened) and the BM25 index, one row per occupation."""

    task_vectors: F32
    task_owner: NDArray[np.int64]
    centroids: F32
    descriptions: F32
    titles: F32
    transform: F32
    lexical: Bm25Index | None = None

    @classmethod
    def build(
        cls,
        task_vectors: F32,
        task_owner: NDArray[np.int64],
        descriptions: F32,
        titles: F32,
        documents: list[str] | None,
    ) -> TextIndex:
        n = titles.shape[0]
        transform = whitening(task_vectors, task_owner, n)
        tasks = _project(task_vectors, transform)
        centroids = np.zeros((n, tasks.shape[1]), dtype=np.float32)
        np.add.at(centroids, task_owner, tasks)
        return cls(
            tasks,
            task_owner,
            normalise_rows(centroids),
            _project(descriptions, transform),
            _project(titles, transform),
            transform,
            Bm25Index.build(documents) if documents is not None else None,
        )

    @cached_property
    def _tasks_by_owner(self) -> tuple[F32, NDArray[np.int64], NDArray[np.int64]]:
        """The task vectors grouped by occupation (in their order within one), the first
        column of each group, and the occupation each group belongs to."""
        order = np.argsort(self.task_owner, kind="stable")
        owners = self.task_owner[order]
        starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if owners.size else owners
        return np.ascontiguousarray(self.task_vectors[order]), starts, owners[starts]

    def semantic(self, queries: F32, weights: dict[str, float] | None = None) -> F32:
        """(queries, occupations): an occupation's task score is its best task."""
        w = weights or EXPLORE_WEIGHTS
        q = _project(queries, self.transform)
        n = self.titles.shape[0]
        best = np.zeros((q.shape[0], n), dtype=np.float32)
        tasks, starts, owners = self._tasks_by_owner
        if owners.size:
            # A few hundred queries at a time: each (queries x tasks) block is 20 MB, not
            # gigabytes for a population's phrases.
            for s in range(0, q.shape[0], QUERY_BLOCK):
                per_task = q[s : s + QUERY_BLOCK] @ tasks.T
                best[s : s + QUERY_BLOCK, owners] = np.maximum.reduceat(per_task, starts, axis=1)
        return (
            w["task"] * best
            + w["centroid"] * (q @ self.centroids.T)
            + w["description"] * (q @ self.descriptions.T)
            + w["title"] * (q @ self.titles.T)
        ).astype(np.float32)

    def scores(self, queries: F32, texts: Sequence[str] | None = None) -> F32:
        """(queries, occupations): ``queries`` are the texts' vectors; without ``texts``
        (or without a BM25 index) the embeddings alone count."""
        lexical = None
        if self.lexical is not None and texts is not None:
            lexical = np.vstack([self.lexical.scores(t) for t in texts])
        return blend(self.semantic(queries), lexical)


def blend(semantic: F32, lexical: F32 | None) -> F32:
    """Both signals standardised per query, then mixed: LEXICAL_SHARE of BM25."""
    if lexical is None:
        return _standardise(semantic)
    mixed = (1 - LEXICAL_SHARE) * _standardise(semantic) + LEXICAL_SHARE * _standardise(lexical)
    return mixed.astype(np.float32)
