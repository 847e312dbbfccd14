"""The population matcher's top-k selection: the first k of each row in the exact order
(tier, then the higher key, then the catalog's order), with ties and rows of any length."""

from __future__ import annotations

import numpy as np
import pytest

from passionpath.match._population import _first_k


def _expected(value: np.ndarray, key: np.ndarray, k: int) -> np.ndarray:
    tier = 4 - np.floor(value / 2).astype(np.int64)
    rows = []
    for r in range(value.shape[0]):
        columns = np.arange(value.shape[1])
        rows.append(np.lexsort((columns, -key[r], tier[r]))[:k])
    return np.asarray(rows)


@pytest.mark.parametrize("n", [7, 125, 923, 2100])
@pytest.mark.parametrize("k", [1, 5, 20])
def test_the_first_k_are_the_exact_order(n: int, k: int) -> None:
    rng = np.random.default_rng(n * 31 + k)
    b = 64
    tier = rng.choice(5, size=(b, n), p=[0.02, 0.08, 0.5, 0.1, 0.3])
    # Coarse keys: many exact ties, which the catalog's order breaks; a few rows all tied.
    key = (rng.integers(0, 40, (b, n)) / 40).astype(np.float32)
    key[::9] = np.float32(0.25)
    tier[::13] = 4
    value = (8 - 2 * tier).astype(np.float32) + key
    k = min(k, n)
    found = _first_k(value, key, k)
    assert found.shape == (b, k)
    assert np.array_equal(found, _expected(value, key, k))
