"""The nearest-people index: exact below the limit, IVF with exact re-scoring above,
incremental changes, and the numpy fallback when faiss is missing."""

from __future__ import annotations

import numpy as np
import pytest

from passionpath.community import PeopleIndex, exact_top, faiss_module, unit_rows
from passionpath.community import _index as index_module

BACKENDS = [
    False,
    pytest.param(
        True,
        marks=pytest.mark.skipif(
            faiss_module() is None, reason="faiss-cpu (the scale extra) is not installed"
        ),
    ),
]


def _vectors(n: int, d: int = 16, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(20, d))
    return unit_rows(centres[rng.integers(0, 20, size=n)] + 0.3 * rng.normal(size=(n, d)))


@pytest.mark.parametrize("use_faiss", BACKENDS)
def test_exact_search_matches_brute_force(use_faiss: bool) -> None:
    v = _vectors(500)
    index = PeopleIndex(16, use_faiss=use_faiss)
    index.build(np.arange(1000, 1500), v)
    found = index.search(v[:50], 10)
    assert np.array_equal(found.ids, exact_top(v, v[:50], 10) + 1000)
    assert index.backend == "numpy exact"  # exact below the limit, with or without faiss


@pytest.mark.parametrize("use_faiss", BACKENDS)
def test_add_update_remove_take_effect_at_once(use_faiss: bool) -> None:
    v = _vectors(100)
    index = PeopleIndex(16, use_faiss=use_faiss)
    index.build(np.arange(100), v)
    query = v[7:8]
    assert index.search(query, 1).ids[0, 0] == 7
    index.remove([7])
    assert 7 not in index and index.search(query, 5).ids[0].tolist().count(7) == 0
    index.add([7], v[7:8])
    assert index.search(query, 1).ids[0, 0] == 7
    # An update moves the person: now nearest to someone else's vector.
    index.update([7], v[50:51])
    assert index.search(v[50:51], 2).ids[0].tolist() in ([7, 50], [50, 7])
    assert len(index) == 100
    # Asking for more people than there are: the rest is -1.
    small = PeopleIndex(16, use_faiss=use_faiss)
    small.build([1, 2], v[:2])
    assert small.search(v[:1], 4).ids[0].tolist()[2:] == [-1, -1]


@pytest.mark.parametrize("use_faiss", BACKENDS)
def test_the_asker_is_left_out(use_faiss: bool) -> None:
    v = _vectors(50)
    index = PeopleIndex(16, use_faiss=use_faiss)
    index.build(np.arange(50), v)
    found = index.search(v[:5], 3, exclude=np.arange(5))
    assert all(i not in row for i, row in enumerate(found.ids.tolist()))


@pytest.mark.skipif(faiss_module() is None, reason="faiss-cpu (the scale extra) is not installed")
def test_above_the_limit_ivf_with_rescoring_finds_nearly_all(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(index_module, "EXACT_LIMIT", 1000)
    v = _vectors(4000, seed=3)
    index = PeopleIndex(16, use_faiss=True)
    index.build(np.arange(4000), v)
    assert index.backend == "faiss IVF-SQ8 + exact re-scoring"
    queries = v[:200]
    got = index.search(queries, 10)
    truth = exact_top(v, queries, 10)
    recall = np.mean(
        [len(set(a) & set(b)) / 10 for a, b in zip(got.ids.tolist(), truth.tolist(), strict=True)]
    )
    assert recall >= 0.9
    # Re-scored exactly: the scores are the true inner products.
    rows = got.ids[got.ids >= 0]
    assert np.allclose(
        got.scores[got.ids >= 0],
        np.repeat(queries, 10, axis=0)[(got.ids >= 0).ravel()].__mul__(v[rows]).sum(1),
        atol=1e-5,
    )
    index.remove([0])
    assert 0 not in index.search(queries[:1], 10).ids[0]
    index.add([0], v[:1])
    assert index.search(queries[:1], 1).ids[0, 0] == 0


@pytest.mark.skipif(faiss_module() is None, reason="faiss-cpu (the scale extra) is not installed")
def test_growing_past_the_limit_switches_to_ivf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "EXACT_LIMIT", 1000)
    v = _vectors(1200, seed=5)
    index = PeopleIndex(16)
    index.build(np.arange(900), v[:900])
    assert index.backend == "numpy exact"
    index.add(np.arange(900, 1200), v[900:])
    assert index.backend == "faiss IVF-SQ8 + exact re-scoring"
    assert index.search(v[1100:1101], 1).ids[0, 0] == 1100


def test_asking_for_faiss_without_it_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "faiss_module", lambda: None)
    index = PeopleIndex(4)
    assert index.backend == "numpy exact (faiss-cpu not installed)"
    with pytest.raises(RuntimeError, match="scale"):
        PeopleIndex(4, use_faiss=True)
