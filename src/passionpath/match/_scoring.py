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


#: Each zone beyond the first that a job sits below the person takes this share off its
#: score: a graduate is shown a job two zones down at 80%, a doctor a zone-1 job at 40%.
BELOW_LEVEL_COST = 0.3


def level_factor(person_zone: int, job_zone: F32, *, lower_levels_ok: bool = False) -> F32:
    """Careers well below what the person has prepared for are a poor fit unless the person
    says lower levels are fine: BELOW_LEVEL_COST off for each zone beyond the first that
    the job sits below the person (at least 0.1 is left, so they still rank among themselves)."""
    if lower_levels_ok:
        return np.ones(job_zone.shape, dtype=np.float32)
    below = np.maximum(person_zone - np.nan_to_num(job_zone, nan=person_zone) - 1, 0)
    return np.maximum(1.0 - BELOW_LEVEL_COST * below, 0.1).astype(np.float32)


#: Each zone beyond the first that a job sits above the person takes this share off its
#: qualification fit: two zones up (a dental assistant's Certificate IV against a
#: prosthodontist's doctorate) is a stretch with its steps, never a sweet spot, however
#: much of the know-how the person already has. (0, 0.15, 0.25 and 0.35 were tried on the
#: tune parts.)
ABOVE_LEVEL_COST = 0.25


def above_factor(person_zone: int, job_zone: F32) -> F32:
    """(occupations,) multiplier of qualification for work more than one job zone above the
    person (at least 0.1 is left)."""
    above = np.maximum(np.nan_to_num(job_zone, nan=person_zone) - person_zone - 1, 0)
    return np.maximum(1.0 - ABOVE_LEVEL_COST * above, 0.1).astype(np.float32)


#: Work that (almost) nobody does without more education than the person has keeps at
#: least EDUCATION_GATE[0] of its qualification fit, all of it once EDUCATION_GATE[1] of its
#: incumbents have no more education than the person: a dental assistant knows much of a
#: prosthodontist's work, but not the dental degree. (Floors 0.6 and 0.75, full from
#: 0.1 and 0.25, were tried on the tune parts.)
EDUCATION_GATE = (0.6, 0.25)


def education_gate(person_education: int, education: F32) -> F32:
    """(occupations,) multiplier of qualification from the share of incumbents whose
    education is no higher than the person's (1 where the release has no spread)."""
    totals = education.sum(axis=1)
    reached = education[:, :person_education].sum(axis=1)
    share = np.where(totals > 0, reached / np.where(totals > 0, totals, 1.0), 1.0)
    floor, full = EDUCATION_GATE
    return np.clip(floor + (1.0 - floor) * share / full, floor, 1.0).astype(np.float32)


#: A held job's nearest occupations by description (its own field) that sit below it cost
#: STEP_BACK_COST of their qualification fit per job zone below: a registered nurse is
#: qualified to be a nursing assistant, and a head chef a kitchen hand, but offering it
#: reads as a demotion. Further afield, one zone down is an ordinary career change.
STEP_BACK_NEIGHBOURS = 16
STEP_BACK_COST = 0.3


def field_neighbours(held: list[int], description_vectors: F32) -> NDArray[np.int64]:
    """(held jobs, STEP_BACK_NEIGHBOURS): each held job's nearest other occupations by
    description, its own line of work."""
    rows = np.asarray(held, dtype=np.int64)
    closeness = description_vectors[rows] @ description_vectors.T
    closeness[np.arange(rows.size), rows] = -np.inf
    k = min(STEP_BACK_NEIGHBOURS, description_vectors.shape[0] - 1)
    return np.argpartition(-closeness, k - 1, axis=1)[:, :k]


def step_back_factor(
    held: list[int],
    description_vectors: F32,
    job_zone: F32,
    *,
    near: NDArray[np.int64] | None = None,
) -> F32:
    """(occupations,) multiplier of qualification for work in the field of a held job but
    at a lower job zone; 1 elsewhere, and for the held jobs themselves (``near``: their
    ``field_neighbours`` when already worked out)."""
    factor = np.ones(job_zone.shape, dtype=np.float32)
    if not held or job_zone.size < 2:
        return factor
    rows = np.asarray(held, dtype=np.int64)
    if near is None:
        near = field_neighbours(held, description_vectors)
    zones = np.nan_to_num(job_zone, nan=0.0)
    for row, neighbours in zip(rows.tolist(), near, strict=True):
        if np.isnan(job_zone[row]):
            continue
        drop = np.maximum(zones[row] - zones[neighbours], 0.0)
        drop[np.isnan(job_zone[neighbours])] = 0.0
        cost = np.maximum(1.0 - STEP_BACK_COST * drop, 0.1).astype(np.float32)
        factor[neighbours] = np.minimum(factor[neighbours], cost)
    factor[rows] = 1.0
    return factor


#: Interest congruence (((1 + r) / 2)^2 under the default method) at or below the lower
#: value vetoes a text match; from the upper value on it leaves it whole. The lower value is
#: a correlation of -0.5 (a clear contradiction), the upper one no correlation at all.
INTEREST_VETO = (0.0625, 0.25)


def interest_gate(interest: F32) -> F32:
    """How much of an occupation's text evidence its interest congruence lets through.

    Words can share a sense by accident ("games" with friends and casino games); the kind
    of work a person enjoys, read from everything they wrote, rarely does. So text that
    points at work whose interest profile runs against the person's counts for little.
    """
    low, high = INTEREST_VETO
    return np.clip((interest - low) / (high - low), 0.0, 1.0).astype(np.float32)


#: An aversion's standardised explore score (stretched by ``relative_to_best``) from which it
#: starts to weigh on an occupation, the span over which it reaches full weight, and that full
#: weight (a share of passion). Only the work an aversion names most clearly is hit: "tired
#: of the lab routine" weighs on laboratory technicians, barely on biology teaching.
AVERSION_SCALE = (3.0, 2.0)
AVERSION_WEIGHT = 0.6


#: When an aversion names a job the person has held (its stretched score reaches the lower
#: value: "leaving the classroom" from a primary teacher, "get out of the casino" from a
#: dealer), the person is leaving that line of work: the held job, and those of its field
#: neighbours that anything else they said they are leaving names (from LEAVING_NAMES),
#: keep only LEAVING_KEEPS of their passion fit. Work further afield that the aversion
#: touches (tutoring, for the teacher) keeps the ordinary rule. (2.5 and 2.8 were tried on
#: the tune parts: at 2.5 "operational firefighting" took fire inspection from a retiring
#: watch commander.)
LEAVING_NAMES = 2.8
LEAVING_KEEPS = 0.2


def aversion_factor(
    aversion_scores: F32,
    held: list[int] | None = None,
    field: NDArray[np.int64] | None = None,
    stated: NDArray[np.bool_] | None = None,
) -> F32:
    """(occupations,) multiplier of passion: work the person says they want to leave
    (their strongest matching aversion) keeps only part of its passion fit, and the line
    of work of a held job they said they are leaving (``field``: ``field_neighbours`` of
    ``held``; ``stated``: which aversions were said in a sentence) keeps LEAVING_KEEPS of
    it. A listed dislike ("visual-only design") is about a side of the work, not leaving it."""
    low, span = AVERSION_SCALE
    strength = np.clip((aversion_scores.max(axis=0) - low) / span, 0.0, 1.0)
    factor = (1.0 - AVERSION_WEIGHT * strength).astype(np.float32)
    if not held or field is None or stated is None or not stated.any():
        return factor
    for row, neighbours in zip(held, field, strict=True):
        if (stated & (aversion_scores[:, row] >= low)).any():
            # Leaving this line of work: whatever else they said they are leaving counts
            # for it too ("Driving", from an HGV driver, names light truck work).
            line = np.append(neighbours, row)
            named = line[(aversion_scores[stated][:, line] >= LEAVING_NAMES).any(axis=0)]
            factor[named] = np.minimum(factor[named], np.float32(LEAVING_KEEPS))
    return factor


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


#: At most this many of a person's best phrases are averaged for an occupation: someone who
#: writes twenty phrases, four of them squarely about one kind of work, should not see that
#: agreement diluted by the fragments around it.
MAX_POOLED_PHRASES = 6


def pooled_count(phrases: int) -> int:
    """How many of a person's best phrases count for an occupation: the best half, at most
    MAX_POOLED_PHRASES."""
    return min(max(1, -(-phrases // 2)), MAX_POOLED_PHRASES)


def text_fit(similarity: F32, scale: tuple[float, float] = COSINE_SCALE) -> F32:
    """Occupation score from phrase scores: the mean of its best phrases (``pooled_count``),
    mapped from [low, low + span] onto [0, 1]. Using the best half lets two distinct passions
    both count without every phrase having to fit every job."""
    phrases = similarity.shape[0]
    if phrases == 0:
        return np.zeros(similarity.shape[1], dtype=np.float32)
    keep = pooled_count(phrases)
    top = np.sort(similarity, axis=0)[-keep:]
    low, span = scale
    return np.clip((top.mean(axis=0) - low) / span, 0.0, 1.0).astype(np.float32)


def relative_to_best(z: F32, scale: tuple[float, float] = Z_SCALE) -> F32:
    """Each phrase's standardised scores stretched so that only its best occupations reach
    the top of the scale: the span grows to the phrase's own best score when that is above
    it. In a large catalog "restore furniture" then counts fully for furniture finishers and
    about half for janitors (who polish furniture), instead of fully for both; in a small
    catalog, where scores spread less, the fixed span applies."""
    low, span = scale
    best = z.max(axis=1, keepdims=True)
    spans = np.maximum(best - low, span)
    return (low + (z - low) * span / spans).astype(np.float32)


#: A phrase's explore score counts in full for an occupation only when the phrase also
#: resembles it (raw cosine with its title, description or tasks) from the upper value on,
#: and not at all below the lower one. Standardising a phrase's scores makes its best
#: occupations stand out however flat its profile is: "good with my hands" is closest to
#: gambling dealers (who deal cards) at a cosine of 0.23, which is no real likeness.
RESEMBLANCE = (0.18, 0.22)


def resemblance_gate(similarity: F32) -> F32:
    """(phrases, occupations) in [0, 1]: how much of each explore score to believe."""
    low, span = RESEMBLANCE
    return np.clip((similarity - low) / span, 0.0, 1.0).astype(np.float32)


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


def tail_key(passion: F32, qualification: F32) -> F32:
    """The order of careers without real passion (below PASSION_FLOOR, or step downs):
    passion**0.75 * qualification**0.25, as its fourth power passion**3 * qualification
    (the same order, in three products). Ordered by the score, sqrt(passion *
    qualification), qualification alone would rank work the person never mentioned
    (skincare for a forestry worker) before work they did mention but are further from.
    (0.5, 0.65, 0.75, 0.8 and 1 were tried on the tune halves; 0.75 was best.)"""
    p = np.clip(passion, 0, 1).astype(np.float32)
    q = np.clip(qualification, 0, 1).astype(np.float32)
    key = p * p
    key *= p
    key *= q
    return key


QUADRANTS = ("sweet spot", "passion stretch", "safe fit", "neither")


#: However the person's own scores spread, "high" never means less than this on either
#: axis: a qualification fit of 0.2 is not a sweet spot even if it is someone's best.
HIGH_AT_LEAST = 0.5


def quadrants(
    passion: F32, qualification: F32, candidates: NDArray[np.bool_], high: float = 0.6
) -> tuple[NDArray[np.str_], float, float]:
    """Quadrant per occupation; "high" means at or above the person's own 60th percentile
    on that axis (among the candidate occupations), and at least HIGH_AT_LEAST."""
    p_cut = float(np.quantile(passion[candidates], high)) if candidates.any() else 0.5
    q_cut = float(np.quantile(qualification[candidates], high)) if candidates.any() else 0.5
    p_cut, q_cut = max(p_cut, HIGH_AT_LEAST), max(q_cut, HIGH_AT_LEAST)
    hi_p, hi_q = passion >= p_cut, qualification >= q_cut
    labels = np.where(
        hi_p & hi_q,
        QUADRANTS[0],
        np.where(hi_p, QUADRANTS[1], np.where(hi_q, QUADRANTS[2], QUADRANTS[3])),
    )
    return labels, p_cut, q_cut
