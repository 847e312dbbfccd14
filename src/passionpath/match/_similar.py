"""Transferability between occupations: the product's own adjacency model.

Eight views of an occupation are compared pairwise: skills (importance x level), interests,
work values, work styles, job zone, required education, technology, and the description's
sentence embedding. Each view's similarities are standardised (z-scores over all pairs) and
added with the weights below. By design it reads nothing O*NET used to build its Related
Occupations list: no task statements, knowledge ratings, alternate titles or related lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from passionpath.match._matrices import CatalogMatrices
from passionpath.match._scoring import normalise_rows, top_k

if TYPE_CHECKING:
    from passionpath.context import Context

F32 = NDArray[np.float32]

#: Weights of the standardised views, found by coordinate search with
#: benchmarks/eval_related.py. Tuned on half the occupations, the same search scored
#: nDCG@20 0.596 on the other half, so the weights are not just fitted to the yardstick.
VIEW_WEIGHTS: dict[str, float] = {
    "skills": 0.45,
    "interests": 2.7,
    "values": 0.2,
    "styles": 0.15,
    "job_zone": 0.35,
    "education": 0.3,
    "technology": 0.25,
    "description": 1.8,
}


def _cosine(matrix: NDArray[np.floating]) -> F32:
    unit = normalise_rows(np.nan_to_num(np.asarray(matrix, dtype=np.float32), nan=0.0))
    return (unit @ unit.T).astype(np.float32)


def _centred_cosine(matrix: F32) -> F32:
    """Cosine after removing each column's mean (so shared baselines do not count)."""
    present = ~np.isnan(matrix)
    mean = np.nan_to_num(matrix, nan=0.0).sum(axis=0) / np.maximum(present.sum(axis=0), 1)
    return _cosine(np.where(present, matrix - mean[None, :], 0.0))


def _row_correlation(matrix: F32) -> F32:
    """Pearson correlation between rows (rows without data correlate 0)."""
    filled = np.nan_to_num(matrix, nan=0.0)
    counts = np.maximum((~np.isnan(matrix)).sum(axis=1, keepdims=True), 1)
    return _cosine(filled - filled.sum(axis=1, keepdims=True) / counts)


def views(m: CatalogMatrices) -> dict[str, tuple[F32, NDArray[np.bool_]]]:
    """Each view's (n, n) similarity, and which rows have the data for it."""
    skills = np.nan_to_num(m.importance, nan=0) * np.nan_to_num(m.level, nan=0)
    skills = skills[:, [k == "skill" for k in m.descriptor_kinds]]
    zone = np.nan_to_num(m.job_zone, nan=float(np.nanmean(m.job_zone)))
    expected_education = (m.education * np.arange(1, 13)).sum(axis=1) / np.maximum(
        m.education.sum(axis=1), 1e-9
    )
    df = np.maximum((m.technology > 0).sum(axis=0), 1)
    tech = m.technology * np.log(m.codes.size / df)[None, :]
    return {
        "skills": (_centred_cosine(skills), m.has_skills),
        "interests": (_row_correlation(m.interests), m.has_interests),
        "values": (_row_correlation(m.values), ~np.isnan(m.values).any(axis=1)),
        "styles": (_centred_cosine(m.styles), ~np.isnan(m.styles).all(axis=1)),
        "job_zone": (
            (1 - np.abs(zone[:, None] - zone[None, :]) / 4).astype(np.float32),
            ~np.isnan(m.job_zone),
        ),
        "education": (
            (1 - np.abs(expected_education[:, None] - expected_education[None, :]) / 11).astype(
                np.float32
            ),
            m.education.sum(axis=1) > 0,
        ),
        "technology": (_cosine(tech), m.technology.sum(axis=1) > 0),
        "description": (
            (m.description_vectors @ m.description_vectors.T).astype(np.float32),
            np.linalg.norm(m.description_vectors, axis=1) > 0,
        ),
    }


def _standardise(similarity: F32, present: NDArray[np.bool_]) -> F32:
    pair = present[:, None] & present[None, :]
    np.fill_diagonal(pair, False)
    values = similarity[pair]
    if values.size < 2 or values.std() == 0:
        return np.zeros_like(similarity)
    z = (similarity - values.mean()) / values.std()
    return np.where(pair, z, 0.0).astype(np.float32)


def combine(
    view_matrices: dict[str, tuple[F32, NDArray[np.bool_]]], weights: dict[str, float]
) -> F32:
    n = next(iter(view_matrices.values()))[0].shape[0]
    total = np.zeros((n, n), dtype=np.float32)
    for name, weight in weights.items():
        if weight:
            similarity, present = view_matrices[name]
            total += np.float32(weight) * _standardise(similarity, present)
    np.fill_diagonal(total, -np.inf)
    return total


@dataclass
class TransferModel:
    matrices: CatalogMatrices
    similarity: F32

    @classmethod
    def build(cls, m: CatalogMatrices, weights: dict[str, float] | None = None) -> TransferModel:
        return cls(m, combine(views(m), weights or VIEW_WEIGHTS))

    def neighbours(self, row: int, top: int = 10) -> list[tuple[int, float]]:
        scores = self.similarity[row]
        order = np.argsort(-scores, kind="stable")[:top]
        return [(int(j), float(scores[j])) for j in order]

    def top_all(self, top: int = 10) -> NDArray[np.int64]:
        """(n, top) neighbour rows for every occupation, best first; worked out once per
        ``top`` (every path search needs the whole table)."""
        tables = self.__dict__.setdefault("_tables", {})
        if top not in tables:
            tables[top] = top_k(self.similarity, top)[0]
        table: NDArray[np.int64] = tables[top]
        return table


def transfer_model(matrices: CatalogMatrices, ctx: Context) -> TransferModel:
    """The transferability model of ``matrices``, built once per release and text model."""
    key = (matrices.release_sha, matrices.model_id)
    return ctx.shared.get_or_make("transfer-models", key, lambda: TransferModel.build(matrices), 2)
