"""The scoring formulas, as pure numpy functions over the catalog matrices."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

F32 = NDArray[np.float32]


def top_k(scores: F32, k: int) -> tuple[NDArray[np.int64], F32]:
    """(rows, values) of the k highest scores in each row, best first."""
    part = np.argpartition(-scores, k, axis=1)[:, :k]
    picked = np.take_along_axis(scores, part, axis=1)
    order = np.argsort(-picked, axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1), np.take_along_axis(picked, order, axis=1)


def normalise_rows(matrix: NDArray[np.floating]) -> F32:
    """Each row scaled to unit length; all-zero rows stay zero."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return (matrix / np.where(norms > 0, norms, 1)).astype(np.float32)


def importance_weights(importance: F32) -> F32:
    """O*NET importance 1-5 as a weight 0-1: (IM - 1) / 4; missing counts as 0."""
    return np.clip((np.nan_to_num(importance, nan=1.0) - 1.0) / 4.0, 0.0, 1.0).astype(np.float32)


#: A shortfall of this share of the (importance-weighted) required levels gives a fit of 0.
#: Typical shortfalls are 0-30%, so fits spread over the whole 0-1 range.
FULL_SHORTFALL = 0.4


def skill_fit(levels: F32, required: F32, importance: F32) -> F32:
    """How far the person's levels reach the occupation's, importance-weighted, in [0, 1].

    shortfall = sum_d w_d * max(0, R_d - L_d) / sum_d w_d * R_d, with w = (IM - 1) / 4;
    fit = max(0, 1 - shortfall / FULL_SHORTFALL).
    Deficits lower the fit; a surplus on one descriptor never makes up for a deficit on
    another, because each term is clipped at zero.
    """
    return skill_fit_weighted(
        levels, np.nan_to_num(required, nan=0.0), importance_weights(importance)
    )


def skill_fit_weighted(levels: F32, required: F32, weights: F32) -> F32:
    """``skill_fit`` with missing levels already zero and importance already weights."""
    deficit = np.maximum(required - levels[None, :], 0.0)
    need = (weights * required).sum(axis=1)
    short = (weights * deficit).sum(axis=1)
    shortfall = np.where(need > 0, short / np.where(need > 0, need, 1.0), 0.0)
    return np.clip(1.0 - shortfall / FULL_SHORTFALL, 0.0, 1.0).astype(np.float32)


def preparation_fit(person_zone: int, person_education: int, job_zone: F32, education: F32) -> F32:
    """Education and experience against the job zone and the required-education spread.

    Half of it is the job-zone gap: each zone the person is short costs 0.35; each zone
    beyond the first that the job sits below the person costs 0.25 (a senior accountant is
    qualified to be a cashier, but it is not a fit). The other half is the share of
    incumbents whose education is no higher than the person's (O*NET's RL data; the zone
    part stands in where that is missing).
    """
    zones = np.nan_to_num(job_zone, nan=person_zone)
    short = np.maximum(zones - person_zone, 0.0)
    below = np.maximum(person_zone - zones - 1.0, 0.0)
    zone_fit = np.clip(1.0 - 0.35 * short - 0.25 * below, 0.0, 1.0)
    totals = education.sum(axis=1)
    reached = education[:, :person_education].sum(axis=1)
    share = np.where(totals > 0, reached / np.where(totals > 0, totals, 1.0), zone_fit)
    return (0.5 * zone_fit + 0.5 * share).astype(np.float32)


def level_factor(person_zone: int, job_zone: F32) -> F32:
    """Careers well below what the person has prepared for are shown, but lower: 10% off
    for each zone beyond the first that the job sits below the person."""
    below = np.maximum(person_zone - np.nan_to_num(job_zone, nan=person_zone) - 1, 0)
    return (1.0 - 0.1 * below).astype(np.float32)


def values_fit(person: F32, occupations: F32) -> F32:
    """How well each occupation offers what the person values, in [0, 1].

    fit = sum_v w_v * (EX_v - 1) / 6 / sum_v w_v, with w_v = (rating_v - 1) / 6.
    """
    weights = np.clip((person - 1.0) / 6.0, 0.0, 1.0)
    offered = np.clip((np.nan_to_num(occupations, nan=4.0) - 1.0) / 6.0, 0.0, 1.0)
    total = weights.sum()
    if total <= 0:
        return np.full(occupations.shape[0], 0.5, dtype=np.float32)
    return ((offered @ weights) / total).astype(np.float32)


def phrase_similarity(phrase_vectors: F32, kind_vectors: list[F32]) -> F32:
    """(phrases, occupations): each phrase's best cosine with an occupation's title,
    description or task centroid."""
    best = phrase_vectors @ kind_vectors[0].T
    for vectors in kind_vectors[1:]:
        np.maximum(best, phrase_vectors @ vectors.T, out=best)
    return best.astype(np.float32)


#: Where text evidence starts to count and how much more makes it a full fit: cosines
#: (raw phrase similarity) and standardised explore scores (z, per phrase) differ in scale.
COSINE_SCALE = (0.10, 0.45)
Z_SCALE = (0.0, 4.0)


def text_fit(similarity: F32, scale: tuple[float, float] = COSINE_SCALE) -> F32:
    """Occupation score from phrase scores: the mean of its best half of phrases, mapped
    from [low, low + span] onto [0, 1]. Using the best half lets two distinct passions both
    count without every phrase having to fit every job."""
    phrases = similarity.shape[0]
    if phrases == 0:
        return np.zeros(similarity.shape[1], dtype=np.float32)
    keep = max(1, -(-phrases // 2))
    top = np.sort(similarity, axis=0)[-keep:]
    low, span = scale
    return np.clip((top.mean(axis=0) - low) / span, 0.0, 1.0).astype(np.float32)


#: A field of study whose best cosine with an occupation's title or description reaches
#: the upper value leads straight to it; below the lower value it says nothing.
STUDY_SCALE = (0.25, 0.35)


def study_fit(study_vectors: F32, kind_vectors: list[F32]) -> F32:
    """(occupations,) in [0, 1]: how directly the fields and courses studied lead to each
    occupation, from their best cosine with its title or description."""
    best = phrase_similarity(study_vectors, kind_vectors).max(axis=0)
    low, span = STUDY_SCALE
    return np.clip((best - low) / span, 0.0, 1.0).astype(np.float32)


def sweet_spot(passion: F32, qualification: F32, values: F32 | None, values_weight: float) -> F32:
    """sqrt(passion * qualification), scaled by values: high only when both axes are high."""
    score = np.sqrt(np.clip(passion, 0, 1) * np.clip(qualification, 0, 1))
    if values is not None:
        score = score * (1.0 - values_weight + values_weight * values)
    return score.astype(np.float32)


QUADRANTS = ("sweet spot", "passion stretch", "safe fit", "neither")


def quadrants(
    passion: F32, qualification: F32, candidates: NDArray[np.bool_], high: float = 0.6
) -> tuple[NDArray[np.str_], float, float]:
    """Quadrant per occupation; "high" means at or above the person's own 60th percentile
    on that axis (among the candidate occupations)."""
    p_cut = float(np.quantile(passion[candidates], high)) if candidates.any() else 0.5
    q_cut = float(np.quantile(qualification[candidates], high)) if candidates.any() else 0.5
    hi_p, hi_q = passion >= p_cut, qualification >= q_cut
    labels = np.where(
        hi_p & hi_q,
        QUADRANTS[0],
        np.where(hi_p, QUADRANTS[1], np.where(hi_q, QUADRANTS[2], QUADRANTS[3])),
    )
    return labels, p_cut, q_cut
