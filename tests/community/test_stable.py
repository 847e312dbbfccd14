"""Deferred acceptance: worked examples, random instances checked for blocking pairs and
mentee-optimality (against the ``matching`` package where it is installed)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from passionpath.community import (
    PreferenceError,
    Preferences,
    assign_stated,
    blocking_pairs,
    csr_from_lists,
    deferred_acceptance,
)


def _prefs(mentees: list[list[int]], mentors: list[list[int]], cap: list[int]) -> Preferences:
    a, b = csr_from_lists(mentees)
    c, d = csr_from_lists(mentors)
    return Preferences(a, b, c, d, np.array(cap, dtype=np.int64))


def test_worked_example_one_seat_each() -> None:
    # Both mentees want mentor X first; X prefers b, so a falls back to Y.
    result = assign_stated(
        {
            "mentees": {"a": ["X", "Y"], "b": ["X", "Y"]},
            "mentors": {
                "X": {"capacity": 1, "ranking": ["b", "a"]},
                "Y": {"capacity": 1, "ranking": ["a", "b"]},
            },
        }
    )
    assert result.as_json() == {"assignment": {"X": ["b"], "Y": ["a"]}, "unassigned": []}


def test_worked_example_capacity_and_mentee_optimal() -> None:
    # Mentor X takes two. Mentors' tastes would put c with X, but mentees propose: a and b
    # both get X (their first choice, and X accepts both), c goes to Y.
    result = assign_stated(
        {
            "mentees": {"a": ["X", "Y"], "b": ["X", "Y"], "c": ["X", "Y"]},
            "mentors": {
                "X": {"capacity": 2, "ranking": ["a", "c", "b"]},
                "Y": {"capacity": 1, "ranking": ["b", "c", "a"]},
            },
        }
    )
    assert result.assignment == {"X": ["a", "c"], "Y": ["b"]}
    assert result.unassigned == []


def test_two_stable_matchings_mentees_get_their_best() -> None:
    # Classic 2x2 with opposed tastes: both matchings are stable; mentee-proposing gives each
    # mentee their first choice.
    result = assign_stated(
        {
            "mentees": {"a": ["X", "Y"], "b": ["Y", "X"]},
            "mentors": {
                "X": {"capacity": 1, "ranking": ["b", "a"]},
                "Y": {"capacity": 1, "ranking": ["a", "b"]},
            },
        }
    )
    assert result.assignment == {"X": ["a"], "Y": ["b"]}


def test_a_pair_needs_both_sides_to_list_each_other() -> None:
    result = assign_stated(
        {
            "mentees": {"a": ["X"], "b": ["X"], "c": []},
            "mentors": {"X": {"capacity": 3, "ranking": ["b", "c"]}},
        }
    )
    assert result.as_json() == {"assignment": {"X": ["b"]}, "unassigned": ["a", "c"]}


def test_zero_capacity_and_empty_inputs() -> None:
    result = assign_stated(
        {"mentees": {"a": ["X"]}, "mentors": {"X": {"capacity": 0, "ranking": ["a"]}}}
    )
    assert result.as_json() == {"assignment": {}, "unassigned": ["a"]}
    assert assign_stated({"mentees": {}, "mentors": {}}).as_json() == {
        "assignment": {},
        "unassigned": [],
    }


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], "(top)"),
        ({"mentees": {}, "mentors": {}, "extra": 1}, "extra"),
        ({"mentees": [], "mentors": {}}, "mentees"),
        ({"mentees": {"a": ["Z"]}, "mentors": {}}, "mentees.a[0]"),
        ({"mentees": {"a": "X"}, "mentors": {}}, "mentees.a"),
        ({"mentees": {}, "mentors": {"X": {"capacity": -1}}}, "mentors.X.capacity"),
        ({"mentees": {}, "mentors": {"X": {"capacity": True}}}, "mentors.X.capacity"),
        (
            {"mentees": {}, "mentors": {"X": {"capacity": 1, "ranking": ["q"]}}},
            "mentors.X.ranking[0]",
        ),
        ({"mentees": {}, "mentors": {"X": {"capacity": 1, "rank": []}}}, "mentors.X.rank"),
    ],
)
def test_bad_preferences_name_the_entry(data: object, where: str) -> None:
    with pytest.raises(PreferenceError) as caught:
        assign_stated(data)
    assert caught.value.where == where


def _random_instance(rng: np.random.Generator, n_me: int, n_mr: int) -> Preferences:
    mentees = [rng.permutation(n_mr)[: rng.integers(0, n_mr + 1)].tolist() for _ in range(n_me)]
    mentors = [rng.permutation(n_me)[: rng.integers(0, n_me + 1)].tolist() for _ in range(n_mr)]
    cap = rng.integers(0, 4, size=n_mr).tolist()
    return _prefs(mentees, mentors, cap)


def _all_stable(prefs: Preferences) -> list[np.ndarray]:
    """Every stable matching, by brute force (tiny instances only)."""
    import itertools

    n_me, n_mr = prefs.n_mentees, prefs.n_mentors
    found = []
    for choice in itertools.product(range(-1, n_mr), repeat=n_me):
        arr = np.array(choice, dtype=np.int64)
        counts = np.bincount(arr[arr >= 0], minlength=n_mr)
        if np.any(counts > prefs.capacity):
            continue
        if not blocking_pairs(prefs, arr):
            found.append(arr)
    return found


def _place(prefs: Preferences, i: int, j: int) -> int:
    row = prefs.mentee_items[prefs.mentee_ptr[i] : prefs.mentee_ptr[i + 1]].tolist()
    return row.index(j) if j >= 0 else len(row) + 1


@pytest.mark.parametrize("seed", range(40))
def test_random_small_instances_stable_and_mentee_optimal(seed: int) -> None:
    rng = np.random.default_rng(seed)
    prefs = _random_instance(rng, int(rng.integers(1, 6)), int(rng.integers(1, 4)))
    got = deferred_acceptance(prefs)
    assert blocking_pairs(prefs, got) == []
    # Mentee-optimal: no stable matching gives any mentee someone they like better.
    for other in _all_stable(prefs):
        for i in range(prefs.n_mentees):
            assert _place(prefs, i, int(got[i])) <= _place(prefs, i, int(other[i]))


@pytest.mark.parametrize("seed", range(5))
def test_random_larger_instances_have_no_blocking_pair(seed: int) -> None:
    rng = np.random.default_rng(100 + seed)
    n_me, n_mr = 400, 60
    mentees = [rng.permutation(n_mr)[: rng.integers(1, 15)].tolist() for _ in range(n_me)]
    mentors = [rng.permutation(n_me)[: rng.integers(10, 200)].tolist() for _ in range(n_mr)]
    prefs = _prefs(mentees, mentors, rng.integers(1, 6, size=n_mr).tolist())
    got = deferred_acceptance(prefs)
    assert blocking_pairs(prefs, got) == []
    counts = np.bincount(got[got >= 0], minlength=n_mr)
    assert np.all(counts <= prefs.capacity)


@pytest.mark.parametrize("seed", range(15))
def test_same_as_the_matching_package(seed: int) -> None:
    game_mod = pytest.importorskip("matching.games", reason="the matching package is the oracle")
    rng = np.random.default_rng(1000 + seed)
    n_me, n_mr = int(rng.integers(5, 40)), int(rng.integers(2, 8))
    mentees = {
        f"m{i}": [f"M{j}" for j in rng.permutation(n_mr)[: rng.integers(1, n_mr + 1)]]
        for i in range(n_me)
    }
    mentors = {
        f"M{j}": {
            "capacity": int(rng.integers(1, 5)),
            "ranking": [f"m{i}" for i in rng.permutation(n_me)[: rng.integers(1, n_me + 1)]],
        }
        for j in range(n_mr)
    }
    ours = assign_stated({"mentees": mentees, "mentors": mentors})
    # The oracle wants consistent lists: give it only the mutually acceptable pairs.
    mutual = {m: [r for r in lst if m in mentors[r]["ranking"]] for m, lst in mentees.items()}
    hospital = {r: [m for m in v["ranking"] if r in mentees[m]] for r, v in mentors.items()}
    mutual = {m: lst for m, lst in mutual.items() if lst}
    hospital = {r: lst for r, lst in hospital.items() if lst}
    if not mutual:
        return
    game = game_mod.HospitalResident.create_from_dictionaries(
        mutual, hospital, {r: mentors[r]["capacity"] for r in hospital}
    )
    solved = game.solve(optimal="resident")
    theirs = {str(h): sorted(str(r) for r in rs) for h, rs in solved.items() if rs}
    assert {k: sorted(v) for k, v in ours.assignment.items()} == theirs
    json.dumps(ours.as_json())
