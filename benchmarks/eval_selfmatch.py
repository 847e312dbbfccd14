"""Synthetic incumbents: does matching find the occupation a profile was made from?

For every occupation with interests and skills, three synthetic people are made from its
own data with noise and no title or text: interests = OI + N(0, 0.5), skill and knowledge
levels = LV + N(0, 0.75) clipped to 0-7, their job zone, the education most incumbents
have, and work values = EX + N(0, 0.75). Reports the mean reciprocal rank of the source
occupation and hit@10, for the exact engine (a sample) and the batch matcher (all).
"""

from __future__ import annotations

import time

import numpy as np
from _common import onet_context, ranks_of

from passionpath.match import BatchMatcher, BatchProfiles
from passionpath.match._engine import MatchEngine
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._person import Person


def synthetic(m, copies: int = 3, seed: int = 5):  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(seed)
    rows = np.repeat(np.flatnonzero(m.matchable), copies)
    b = rows.size
    riasec = np.nan_to_num(m.interests[rows]) + rng.normal(0, 0.5, (b, 6))
    levels = np.clip(
        np.nan_to_num(m.level[rows]) + rng.normal(0, 0.75, (b, m.level.shape[1])), 0, 7
    )
    zones = np.nan_to_num(m.job_zone[rows], nan=3).astype(np.int64)
    education = np.argmax(m.education[rows], axis=1) + 1
    values = np.clip(np.nan_to_num(m.values[rows], nan=4) + rng.normal(0, 0.75, (b, 6)), 1, 7)
    profiles = BatchProfiles(
        riasec.astype(np.float32),
        levels.astype(np.float32),
        zones,
        education.astype(np.int64),
        values.astype(np.float32),
    )
    return rows, profiles


def exact_scores(engine: MatchEngine, m: CatalogMatrices, person: Person) -> np.ndarray:
    """The exact engine's scores for one person, -inf for occupations that cannot be matched."""
    scores = engine.score(person).score.copy()
    scores[~m.matchable] = -np.inf
    return scores


def report(name: str, ranks: np.ndarray) -> None:
    print(
        f"  {name:<28} MRR {np.mean(1 / ranks):.3f}  hit@1 {np.mean(ranks <= 1):.3f}  "
        f"hit@10 {np.mean(ranks <= 10):.3f}  (n={ranks.size})"
    )


def main() -> None:
    m = load_matrices(onet_context())
    rows, profiles = synthetic(m)
    started = time.perf_counter()
    batch = BatchMatcher(m).scores(profiles)
    print(
        f"synthetic incumbents of {m.matchable.sum()} occupations, 3 each "
        f"(batch scored in {time.perf_counter() - started:.2f} s)"
    )
    report("batch matcher", ranks_of(batch, rows))
    engine = MatchEngine(m)
    sample = np.arange(0, rows.size, 7)
    exact = [exact_scores(engine, m, profiles.person(i)) for i in sample]
    report("exact engine (every 7th)", ranks_of(np.vstack(exact), rows[sample]))


if __name__ == "__main__":
    main()
