"""Free text -> occupations: what work does this text describe?"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

F32 = NDArray[np.float32]

#: How the four text views add up, chosen with benchmarks/eval_explore.py.
EXPLORE_WEIGHTS = {"task": 0.45, "centroid": 0.25, "description": 0.15, "title": 0.15}


@dataclass
class TextIndex:
    """Occupation-side vectors: every task, each occupation's task centroid, description
    and title (rows of the last three as in the catalog matrices)."""

    task_vectors: F32
    task_owner: NDArray[np.int64]
    centroids: F32
    descriptions: F32
    titles: F32

    def scores(self, queries: F32, weights: dict[str, float] | None = None) -> F32:
        """(queries, occupations) relevance; an occupation's task score is its best task."""
        w = weights or EXPLORE_WEIGHTS
        n = self.titles.shape[0]
        per_task = queries @ self.task_vectors.T
        best_task = np.full((queries.shape[0], n), -1.0, dtype=np.float32)
        # Sorting tasks by owner lets one reduceat find every occupation's best task.
        order = np.argsort(self.task_owner, kind="stable")
        owners = self.task_owner[order]
        if owners.size:
            starts = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]])
            best_task[:, owners[starts]] = np.maximum.reduceat(per_task[:, order], starts, axis=1)
        best_task = np.where(best_task < -0.5, 0.0, best_task)
        return (
            w["task"] * best_task
            + w["centroid"] * (queries @ self.centroids.T)
            + w["description"] * (queries @ self.descriptions.T)
            + w["title"] * (queries @ self.titles.T)
        ).astype(np.float32)
