"""How alike two people are, from what they wrote and chose: pure functions over arrays.

* Passions, phrase to phrase: each person's phrases are unit vectors; the cosine matrix between
  two people's phrases is read both ways (each phrase's best partner on the other side), so a
  person with one phrase in common among many is not drowned by the rest. Pairs above
  ``SHARED_COSINE`` are what the two share, and the suggestion names them in both people's
  own words.
* Interests (RIASEC): Pearson correlation of the two six-score profiles, mapped to 0-1.
* Target careers: the share of target careers in common (Jaccard).

The parts with nothing to compare (no interests given) drop out and the rest are reweighted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]

#: Two phrases count as the same passion at this cosine or above (MiniLM: "food photography"
#: and "taking photos of food" 0.90, "sourdough baking" and "baking bread at weekends" 0.42,
#: "sourdough baking" and "astronomy" 0.04). Chosen by reading pairs, not tuned on a set.
SHARED_COSINE = 0.40
#: Weights of passions, interests and target careers in the tribe score.
TRIBE_WEIGHTS = (0.6, 0.2, 0.2)


def unit_rows(vectors: npt.ArrayLike) -> F32:
    """Rows scaled to length 1 (zero rows stay zero)."""
    v = np.asarray(vectors, dtype=np.float32)
    if v.ndim == 1:
        v = v[None, :]
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    return np.divide(v, norms, out=np.zeros_like(v), where=norms > 0)


def person_vectors(phrase_vectors: F32, ptr: npt.NDArray[np.int64]) -> F32:
    """One vector per person (the unit mean of their phrases), for the nearest-neighbour index;
    ``ptr`` is a CSR pointer over the rows of ``phrase_vectors``. No phrases: a zero row."""
    n = ptr.shape[0] - 1
    d = phrase_vectors.shape[1] if phrase_vectors.ndim == 2 else 0
    sums = np.zeros((n, d), dtype=np.float32)
    if len(phrase_vectors):
        rows = unit_rows(phrase_vectors)
        counts = np.diff(ptr)
        some = counts > 0
        # Sums of each person's consecutive rows in one pass (people without phrases skipped).
        sums[some] = np.add.reduceat(rows, ptr[:-1][some], axis=0)
    return unit_rows(sums)


@dataclass(frozen=True)
class SharedPhrase:
    """One passion two people share: each side's own words, and how close they are."""

    mine: str
    theirs: str
    cosine: float


def phrase_overlap(
    mine: F32, theirs: F32, my_words: Sequence[str], their_words: Sequence[str]
) -> tuple[float, list[SharedPhrase]]:
    """(0-1 closeness of two people's passions, the phrases they share, closest first)."""
    if len(mine) == 0 or len(theirs) == 0:
        return 0.0, []
    cos = unit_rows(mine) @ unit_rows(theirs).T
    score = 0.5 * (float(cos.max(axis=1).mean()) + float(cos.max(axis=0).mean()))
    shared: list[SharedPhrase] = []
    used_mine: set[int] = set()
    used_theirs: set[int] = set()
    flat = np.argsort(-cos, axis=None)
    for k in flat.tolist():
        i, j = divmod(k, cos.shape[1])
        if cos[i, j] < SHARED_COSINE:
            break
        if i in used_mine or j in used_theirs:
            continue
        used_mine.add(i)
        used_theirs.add(j)
        shared.append(SharedPhrase(my_words[i], their_words[j], float(cos[i, j])))
    return max(0.0, score), shared


def riasec_closeness(a: Sequence[float] | None, b: Sequence[float] | None) -> float | None:
    """Pearson correlation of two interest profiles, as 0-1; None when either is missing."""
    if a is None or b is None:
        return None
    x = np.asarray(a, dtype=np.float64) - np.mean(a)
    y = np.asarray(b, dtype=np.float64) - np.mean(b)
    denominator = float(np.sqrt((x * x).sum() * (y * y).sum()))
    if denominator == 0:
        return 0.5
    return float((1 + (x @ y) / denominator) / 2)


def target_overlap(a: Sequence[str], b: Sequence[str]) -> tuple[float | None, list[str]]:
    """(Jaccard of two sets of target careers, those in common); None when either is empty."""
    if not a or not b:
        return None, []
    common = [c for c in a if c in set(b)]
    return len(common) / len(set(a) | set(b)), common


def combine(parts: Sequence[float | None], weights: Sequence[float]) -> float:
    """Weighted mean of the parts that are known (0 when none is)."""
    known = [(p, w) for p, w in zip(parts, weights, strict=True) if p is not None]
    total = sum(w for _, w in known)
    return sum(p * w for p, w in known) / total if total else 0.0
