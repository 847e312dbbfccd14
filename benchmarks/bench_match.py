"""Matching speed on the full O*NET release.

1. One profile (Maya's example) with explanations, warm: p50 (goal <= 5 ms), both the engine
   alone (person vectors ready) and the whole `passionpath.match()` call.
2. Batch top-20 for 50,000 synthetic profiles (goal >= 50,000 profiles/s on 2 cores), and a
   naive loop calling the single-profile engine once per profile, as a ratio.
"""

from __future__ import annotations

import os
import time

import numpy as np
from _common import ROOT, onet_context, percentiles
from eval_selfmatch import exact_scores, synthetic

from passionpath.match import (
    BatchMatcher,
    BatchProfiles,
    MatchEngine,
    Weights,
    load_matrices,
    match,
    prepare_person,
)
from passionpath.profile import load_document


def main() -> None:
    print(f"cores={os.cpu_count()} OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}")
    ctx = onet_context()
    m = load_matrices(ctx)
    maya = load_document(ROOT / "examples" / "profiles" / "maya.json")
    person = prepare_person(maya, m, ctx)
    matcher = MatchEngine(m, Weights())
    samples = []
    for _ in range(200):
        started = time.perf_counter()
        matcher.results(person, matcher.score(person), top=10)
        samples.append(time.perf_counter() - started)
    print(f"single profile, engine + explanations (warm): {percentiles(samples)}")
    whole = []
    for _ in range(20):
        started = time.perf_counter()
        match(maya, ctx, top=10)
        whole.append(time.perf_counter() - started)
    print(f"single profile, whole match() call (warm):    {percentiles(whole)}")

    _, base = synthetic(m, copies=57)  # 923 matchable occupations x 57 = 52,611 profiles
    batch = BatchMatcher(m)
    batch.top(
        BatchProfiles(
            base.riasec[:100],
            base.levels[:100],
            base.zones[:100],
            base.education[:100],
            base.values[:100],
        )
    )
    started = time.perf_counter()
    rows, _ = batch.top(base, top=20)
    elapsed = time.perf_counter() - started
    rate = rows.shape[0] / elapsed
    print(f"batch top-20: {rows.shape[0]:,} profiles in {elapsed:.2f} s = {rate:,.0f} profiles/s")
    naive_n = 300
    started = time.perf_counter()
    for i in range(naive_n):
        np.argsort(-exact_scores(matcher, m, base.person(i)))[:20]
    naive = naive_n / (time.perf_counter() - started)
    print(f"naive per-profile loop: {naive:,.0f} profiles/s -> batch is {rate / naive:.0f}x faster")


if __name__ == "__main__":
    main()
