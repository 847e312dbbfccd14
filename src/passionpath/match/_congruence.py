"""Interest congruence between a person's RIASEC profile and occupations' profiles.

All functions take the person as a length-6 vector (or a 3-letter code) and the occupations
as an (n, 6) matrix (or a list of codes), in hexagon order R, I, A, S, E, C, and return n
scores. They are vectorised: no loop over occupations.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike, NDArray

AREAS = "RIASEC"
Vector = NDArray[np.float64]

#: Iachan (1984) M index weights: row = position of a letter in the person's code,
#: column = its position in the occupation's code. A perfect match scores 22 + 5 + 1 = 28.
IACHAN_WEIGHTS = np.array([[22, 10, 4], [10, 5, 2], [4, 2, 1]], dtype=np.float64)
IACHAN_MAX = 28.0
#: Brown-Gore C index: 3 x first letters + 2 x second + 1 x third, each scored by hexagon
#: distance (same 3, adjacent 2, alternate 1, opposite 0). Maximum 18.
BROWN_GORE_MAX = 18.0


def _as_matrix(occupations: NDArray[np.floating]) -> Vector:
    return np.atleast_2d(np.asarray(occupations, dtype=np.float64))


def profile_correlation(person: ArrayLike, occupations: NDArray[np.floating]) -> Vector:
    """Pearson correlation across the six areas, in [-1, 1].

    r = sum((p - mean p) * (o - mean o)) / sqrt(sum((p - mean p)^2) * sum((o - mean o)^2)).
    A flat profile (no variance) correlates 0 with everything.
    """
    p = np.asarray(person, dtype=np.float64)
    o = _as_matrix(occupations)
    pc = p - p.mean()
    oc = o - o.mean(axis=1, keepdims=True)
    denominator = np.sqrt((pc**2).sum() * (oc**2).sum(axis=1))
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (oc @ pc) / denominator
    result: Vector = np.where(denominator > 0, r, 0.0)
    return result


def standardised_euclidean(person: ArrayLike, occupations: NDArray[np.floating]) -> Vector:
    """Euclidean distance between profiles after each is z-scored across its own six areas.

    Distances run from 0 (same shape) to 2 * sqrt(6) (mirror images); returned as the
    similarity 1 - d / (2 sqrt 6), in [0, 1]. Equals (1 + r) / 2 only in the limit; it
    penalises shape differences the same way but is reported on a distance scale.
    """
    p = np.asarray(person, dtype=np.float64)
    o = _as_matrix(occupations)

    def z(x: Vector, axis: int) -> Vector:
        sd = x.std(axis=axis, keepdims=True)
        return np.where(sd > 0, (x - x.mean(axis=axis, keepdims=True)) / np.where(sd > 0, sd, 1), 0)

    distance = np.sqrt(((z(o, 1) - z(p[None, :], 1)) ** 2).sum(axis=1))
    return np.asarray(1.0 - distance / (2.0 * np.sqrt(6.0)), dtype=np.float64)


def top_code(scores: ArrayLike, letters: int = 3) -> str:
    """The highest areas, ties broken in hexagon order."""
    values = np.asarray(scores, dtype=np.float64)
    order = np.lexsort((np.arange(6), -values))
    return "".join(AREAS[i] for i in order[:letters])


def _positions(codes: Sequence[str]) -> NDArray[np.int64]:
    """(n, 3) area index of each code letter, -1 where a code is shorter than 3."""
    out = np.full((len(codes), 3), -1, dtype=np.int64)
    for row, code in enumerate(codes):
        for col, letter in enumerate(code[:3]):
            out[row, col] = AREAS.index(letter)
    return out


def iachan_m(person_code: str, occupation_codes: Sequence[str]) -> Vector:
    """Iachan's M index for each occupation code, scaled to [0, 1] (raw / 28)."""
    person = _positions([person_code])[0]
    occupations = _positions(occupation_codes)
    total = np.zeros(len(occupation_codes))
    for i, area in enumerate(person):
        if area < 0:
            continue
        # Column j where the occupation's j-th letter equals the person's i-th letter.
        match = occupations == area
        total += (match * IACHAN_WEIGHTS[i][None, :]).sum(axis=1)
    return total / IACHAN_MAX


def hexagon_proximity(a: NDArray[np.int64], b: NDArray[np.int64]) -> NDArray[np.int64]:
    """3 for the same area, 2 adjacent, 1 alternate, 0 opposite; 0 where either is missing."""
    steps = np.abs(a - b) % 6
    steps = np.minimum(steps, 6 - steps)
    result: NDArray[np.int64] = np.where((a < 0) | (b < 0), 0, 3 - steps)
    return result


def brown_gore_c(person_code: str, occupation_codes: Sequence[str]) -> Vector:
    """Brown and Gore's C index for each occupation code, scaled to [0, 1] (raw / 18)."""
    person = _positions([person_code])[0]
    occupations = _positions(occupation_codes)
    weights = np.array([3, 2, 1])
    raw = (hexagon_proximity(occupations, person[None, :]) * weights).sum(axis=1)
    return np.asarray(raw / BROWN_GORE_MAX, dtype=np.float64)


CONGRUENCE_METHODS = ("correlation", "euclidean", "iachan", "brown-gore")


def congruence(
    person: ArrayLike,
    occupations: NDArray[np.floating],
    occupation_codes: Sequence[str],
    method: str = "correlation",
) -> Vector:
    """Congruence in [0, 1] by the chosen method.

    The default is profile correlation, rescaled as ((1 + r) / 2)^2: it uses all six scores
    rather than three letters, so near-ties in a person's code do not flip the result, and
    squaring spreads out the many occupations that correlate moderately well. (Chosen with
    benchmarks/eval_selfmatch.py and the example profiles: (1 + r) / 2 alone gave MRR 0.51,
    the squared form 0.59.)
    """
    if method == "correlation":
        return ((1.0 + profile_correlation(person, occupations)) / 2.0) ** 2
    if method == "euclidean":
        return standardised_euclidean(person, occupations)
    if method == "iachan":
        return iachan_m(top_code(person), occupation_codes)
    if method == "brown-gore":
        return brown_gore_c(top_code(person), occupation_codes)
    raise ValueError(f"unknown congruence method {method!r}; use one of {CONGRUENCE_METHODS}")
