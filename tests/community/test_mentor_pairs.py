"""Candidate pairs for programmes: by career closeness, bounded per mentee and per occupation."""

from __future__ import annotations

import numpy as np
import pytest

from passionpath.community import (
    blocking_pairs,
    candidate_pairs,
    deferred_acceptance,
    occupation_edges,
    pair_interests,
    preferences_from_scores,
)


def test_candidates_follow_career_closeness_and_bounds() -> None:
    # Occupations 0..3; 1 is close to 0 (0.8), 2 is far from 0 (0.1), 3 unrelated.
    neighbours = (np.array([0, 0]), np.array([1, 2]), np.array([0.8, 0.1], dtype=np.float32))
    mentees = occupation_edges([[0], [3], [1]])
    mentors = occupation_edges([[0], [1], [2], [0, 1], [3]] + [[0]] * 30)
    me, mr, c = candidate_pairs(mentees, mentors, neighbours, 4, per_mentee=5)
    rows = {(int(a), int(b)): float(x) for a, b, x in zip(me, mr, c, strict=True)}
    assert sum(1 for (a, _) in rows if a == 0) == 5  # bounded per mentee
    assert all(x == 1.0 for (a, _), x in rows.items() if a == 0)  # exact matches first
    assert rows[(1, 4)] == 1.0 and sum(1 for (a, _) in rows if a == 1) == 1
    assert (2, 2) not in rows  # occupation 2 is not close to 1
    assert all(x >= 0.25 for x in rows.values())


def test_scored_pairs_give_a_stable_assignment() -> None:
    rng = np.random.default_rng(3)
    me = np.repeat(np.arange(200), 5)
    mr = rng.integers(0, 30, size=me.size)
    pairs = np.unique(np.stack([me, mr], axis=1), axis=0)
    score = rng.random(pairs.shape[0]).astype(np.float32)
    capacity = rng.integers(1, 6, size=30).astype(np.int64)
    prefs = preferences_from_scores(pairs[:, 0], pairs[:, 1], score, 200, capacity)
    assigned = deferred_acceptance(prefs)
    assert blocking_pairs(prefs, assigned) == []
    assert np.all(np.bincount(assigned[assigned >= 0], minlength=30) <= capacity)


def test_the_lean_assignment_equals_deferred_acceptance_over_the_same_scores() -> None:
    from passionpath.community import stable_from_scores

    for seed in range(6):
        rng = np.random.default_rng(seed)
        n_me, n_mr = 300, 40
        me = np.repeat(np.arange(n_me), rng.integers(0, 8, n_me))
        mr = rng.integers(0, n_mr, size=me.size)
        pairs = np.unique(np.stack([me, mr], axis=1), axis=0)
        pairs = pairs[rng.permutation(pairs.shape[0])]  # any order of pairs
        # Coarse scores: many ties, broken by index on both sides.
        score = (rng.integers(0, 5, pairs.shape[0]) / 4).astype(np.float32)
        capacity = rng.integers(0, 4, size=n_mr).astype(np.int64)
        prefs = preferences_from_scores(pairs[:, 0], pairs[:, 1], score, n_me, capacity)
        expected = deferred_acceptance(prefs)
        got = stable_from_scores(
            pairs[:, 0].astype(np.int32), pairs[:, 1].astype(np.int32), score, n_me, capacity
        )
        assert got.tolist() == expected.tolist()
        assert blocking_pairs(prefs, got) == []


def test_the_lean_assignment_is_the_same_worked_out_in_small_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from passionpath.community import _mentors, stable_from_scores

    rng = np.random.default_rng(11)
    n_me, n_mr = 500, 60
    me = np.repeat(np.arange(n_me), rng.integers(0, 10, n_me))
    mr = rng.integers(0, n_mr, size=me.size)
    pairs = np.unique(np.stack([me, mr], axis=1), axis=0)
    score = (rng.integers(0, 7, pairs.shape[0]) / 6).astype(np.float32)
    capacity = rng.integers(0, 5, size=n_mr).astype(np.int64)
    prefs = preferences_from_scores(pairs[:, 0], pairs[:, 1], score, n_me, capacity)
    expected = deferred_acceptance(prefs).tolist()
    shuffled = rng.permutation(pairs.shape[0])
    for block in (1 << 20, 7, 1):  # one range; ranges splitting lists; one person each
        monkeypatch.setattr(_mentors, "PAIR_BLOCK", block)
        # Pairs in mentee order (read in place) and in any order (picked out per range).
        for at in (np.arange(pairs.shape[0]), shuffled):
            got = stable_from_scores(pairs[at, 0], pairs[at, 1], score[at], n_me, capacity)
            assert got.tolist() == expected


def test_pair_interests_do_not_depend_on_how_pairs_are_chunked() -> None:
    rng = np.random.default_rng(3)
    mentees = rng.standard_normal((40, 16)).astype(np.float32)
    mentors = rng.standard_normal((9, 16)).astype(np.float32)
    a, b = rng.integers(0, 40, 1000), rng.integers(0, 9, 1000).astype(np.int32)
    one = pair_interests(a, b, mentees, mentors, chunk=1000)
    assert np.array_equal(pair_interests(a, b, mentees, mentors, chunk=13), one)
    expected = np.clip((mentees[a] * mentors[b]).sum(axis=1), 0, 1)
    assert np.allclose(one, expected, atol=1e-5)
