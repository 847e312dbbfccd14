"""The batch tribe search's lists: every list probed is exact search; fewer probes give exact
scores of a subset, and every person is filed once."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("faiss", reason="the scale extra is not installed")


def _people(tmp_path: Path, n: int = 3000, parts: int = 3) -> tuple[np.ndarray, list[Path]]:
    rng = np.random.default_rng(5)
    centres = rng.normal(size=(12, 24))
    x = centres[rng.integers(0, 12, n)] + 0.6 * rng.normal(size=(n, 24))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    x[::50] = x[1::50]  # duplicates: ties
    folder = tmp_path / "_people"
    folder.mkdir()
    paths = []
    for k, chunk in enumerate(np.array_split(x, parts)):
        paths.append(folder / f"part-{k:05d}.npy")
        np.save(paths[-1], chunk)
    return x, paths


def _build(tmp_path: Path, paths: list[Path], limit: int) -> None:
    from passionpath.batch import _lists

    _lists.train(paths, tmp_path, limit)
    for p in paths:
        _lists.file_part(p, tmp_path)
    _lists.write_lists(paths, tmp_path)


def test_every_list_probed_is_exact_search(tmp_path: Path) -> None:
    from passionpath.batch import _lists

    x, paths = _people(tmp_path)
    _build(tmp_path, paths, limit=100)
    rows = np.load(tmp_path / "_index" / "rows.npy")
    assert sorted(rows.tolist()) == list(range(x.shape[0]))  # everyone filed, once
    lists = np.load(tmp_path / "_index" / "centres.npy").shape[0]
    assert lists == int(2 * np.sqrt(x.shape[0]))
    found, scores = _lists.search(x[:200], tmp_path, 7, probes=lists)
    exact = x[:200] @ x.T
    kth = -np.partition(-exact, 6, axis=1)[:, 6]
    got = np.take_along_axis(exact, found, axis=1)
    assert np.allclose(got, scores, atol=1e-5)  # the scores are the exact inner products
    assert (got >= kth[:, None] - 1e-5).all()  # and the seven best (ties either way)
    assert (np.diff(scores, axis=1) <= 1e-6).all()  # best first


def test_fewer_probes_give_exact_scores_of_people_in_the_probed_lists(tmp_path: Path) -> None:
    from passionpath.batch import _lists

    x, paths = _people(tmp_path)
    _build(tmp_path, paths, limit=100)
    found, scores = _lists.search(x[:300], tmp_path, 10, probes=3)
    assert (found >= 0).all()
    got = np.take_along_axis(x[:300] @ x.T, found, axis=1)
    assert np.allclose(got, scores, atol=1e-5)
    # Exactly the ten best of the people filed under each query's three nearest centres.
    folder = tmp_path / "_index"
    starts, rows = np.load(folder / "starts.npy"), np.load(folder / "rows.npy")
    filed = np.empty(x.shape[0], np.int64)
    filed[rows] = np.repeat(np.arange(starts.size - 1), np.diff(starts))
    probed = _lists.nearest_lists(x[:300], np.load(folder / "centres.npy"), 3)
    inside = (filed[None, :, None] == probed[:, None, :]).any(axis=2)
    exact = np.where(inside, x[:300] @ x.T, -9)
    kth = -np.partition(-exact, 9, axis=1)[:, 9]
    assert (filed[found][:, :, None] == probed[:, None, :]).any(axis=2).all()
    assert (got >= kth[:, None] - 1e-5).all()


def test_below_the_limit_one_list_holds_everyone(tmp_path: Path) -> None:
    from passionpath.batch import _lists

    x, paths = _people(tmp_path, n=400, parts=2)
    _build(tmp_path, paths, limit=10_000)
    assert _lists.describe(tmp_path) == "exact"
    found, _scores = _lists.search(x, tmp_path, 5)
    exact = x @ x.T
    kth = -np.partition(-exact, 4, axis=1)[:, 4]
    assert (np.take_along_axis(exact, found, axis=1) >= kth[:, None] - 1e-5).all()
