"""The batch tribe search: an inverted file whose lists are scanned exactly, many queries at
a time.

The community's own index (``community.PeopleIndex``) answers one person at a time. A batch
run asks for everyone, so it turns the search around: faiss's spherical k-means gives the
lists' centres (``nlist`` of them), every person is filed under their nearest centre, and the
vectors are written once, list after list, as a raw float32 file (``_index/vectors.f32``).
A tribe task then takes one partition's people, finds each one's ``nprobe`` nearest centres,
and for every list reads its vectors once and scores all the partition's people who probe
it together (``faiss.knn``: one matrix product and a heap per person). Scores
are exact inner products, so the only misses are neighbours filed under a list not probed.

Workers read the vectors file list by list (the operating system's page cache holds it, not
the worker), so a worker's memory is one partition and one block of lists.

Below ``EXACT_LIMIT`` people there is a single list: every person is compared with everyone.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

#: Lists: this many times sqrt(people); visited per person; k-means training points per list
#: and rounds. bench_scale.py, 1,000,000 synthetic people, recall@10 against exact search on
#: 500 sampled people (the explore runs behind the README's table): 2,000 lists visited 10 at
#: a time found 0.949, 12 0.956, 16 0.966, 20 0.971; more training (50 points a list, 20
#: rounds) added about 0.006 at four times the training time.
LISTS_PER_SQRT = 2.0
NPROBE = 16
TRAIN_PER_LIST = 20
TRAIN_ROUNDS = 10
#: Rows of queries scored against the centres at once, and bytes of list vectors read at once.
QUERY_BLOCK = 8192
READ_BYTES = 64 * 2**20

FOLDER = "_index"


def _folder(output: str | Path) -> Path:
    return Path(output) / FOLDER


def nearest_lists(queries: npt.NDArray[np.float32], centres: Any, probes: int) -> Any:
    """Each query's ``probes`` nearest centres (unordered), as int32."""
    probes = min(probes, centres.shape[0])
    out = np.empty((queries.shape[0], probes), np.int32)
    for s in range(0, queries.shape[0], QUERY_BLOCK):
        scores = queries[s : s + QUERY_BLOCK] @ centres.T
        if probes == 1:
            out[s : s + QUERY_BLOCK, 0] = np.argmax(scores, axis=1)
        elif probes == centres.shape[0]:
            out[s : s + QUERY_BLOCK] = np.arange(probes)
        else:
            out[s : s + QUERY_BLOCK] = np.argpartition(-scores, probes - 1, axis=1)[:, :probes]
    return out


def train(parts: list[Path], output: str | Path, exact_limit: int) -> dict[str, Any]:
    """The centres (one list below ``exact_limit`` people), written as ``centres.npy``."""
    from passionpath.community import faiss_module

    faiss = faiss_module()
    assert faiss is not None
    sizes = [np.load(p, mmap_mode="r").shape[0] for p in parts]
    n = sum(sizes)
    dim = np.load(parts[0], mmap_mode="r").shape[1] if parts else 384
    folder = _folder(output)
    folder.mkdir(exist_ok=True)
    if n >= exact_limit:
        nlist = max(1, int(LISTS_PER_SQRT * math.sqrt(n)))
        rng = np.random.default_rng(0)
        picks = np.sort(rng.choice(n, size=min(n, TRAIN_PER_LIST * nlist), replace=False))
        starts = np.concatenate([[0], np.cumsum(sizes)])
        sample = np.concatenate(
            [
                np.asarray(np.load(p, mmap_mode="r")[picks[(picks >= a) & (picks < b)] - a])
                for p, a, b in zip(parts, starts[:-1], starts[1:], strict=True)
            ]
        ).astype(np.float32)
        kmeans = faiss.Kmeans(
            dim, nlist, niter=TRAIN_ROUNDS, spherical=True, seed=0, max_points_per_centroid=10**9
        )
        kmeans.train(np.ascontiguousarray(sample))
        centres = np.ascontiguousarray(kmeans.centroids, dtype=np.float32)
    else:
        centres = np.zeros((1, dim), np.float32)
    np.save(folder / "centres.npy", centres)
    return {"people": n, "lists": int(centres.shape[0])}


def file_part(part: Path, output: str | Path) -> int:
    """Each person of one ``_people`` part filed under their nearest centre (``lists-N.npy``)."""
    from threadpoolctl import threadpool_limits

    folder = _folder(output)
    centres = np.load(folder / "centres.npy")
    vectors = np.load(part)
    with threadpool_limits(1):
        nearest = nearest_lists(vectors, centres, 1)[:, 0]
    np.save(folder / f"lists-{part.stem[5:]}.npy", nearest)
    return int(nearest.size)


def write_lists(parts: list[Path], output: str | Path) -> dict[str, Any]:
    """The vectors list after list (``vectors.f32``), each row's person (``rows.npy``,
    int32 rows in part order) and where each list starts (``starts.npy``)."""
    folder = _folder(output)
    centres = np.load(folder / "centres.npy")
    filed = [np.load(folder / f"lists-{p.stem[5:]}.npy") for p in parts]
    counts = sum((np.bincount(f, minlength=centres.shape[0]) for f in filed), np.zeros(1, int))
    starts = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    rows = np.empty(int(starts[-1]), np.int32)
    filled = starts[:-1].copy()
    dim = centres.shape[1]
    tmp = folder / f".vectors.f32.{os.getpid()}.tmp"
    first = 0
    with tmp.open("wb") as out:
        out.truncate(int(starts[-1]) * dim * 4)
        fd = out.fileno()
        for p, nearest in zip(parts, filed, strict=True):
            vectors = np.load(p)
            order = np.argsort(nearest, kind="stable")
            at = np.concatenate([[0], np.cumsum(np.bincount(nearest, minlength=len(counts)))])
            for lst in np.flatnonzero(np.diff(at)):
                these = order[at[lst] : at[lst + 1]]
                place = int(filled[lst])
                os.pwrite(fd, np.ascontiguousarray(vectors[these]).tobytes(), place * dim * 4)
                rows[place : place + these.size] = these + first
                filled[lst] += these.size
            first += vectors.shape[0]
    np.save(folder / "rows.npy", rows)
    np.save(folder / "starts.npy", starts)
    os.replace(tmp, folder / "vectors.f32")
    for p in parts:
        (folder / f"lists-{p.stem[5:]}.npy").unlink()
    return {"lists": int(centres.shape[0]), "largest": int(counts.max(initial=0))}


def search(
    queries: npt.NDArray[np.float32], output: str | Path, k: int, probes: int = NPROBE
) -> tuple[Any, Any]:
    """Each query's ``k`` best (rows, scores) among the lists it probes, best first; rows are
    -1 (score -inf) where fewer people were seen."""
    from passionpath.community import faiss_module

    faiss = faiss_module()
    assert faiss is not None
    folder = _folder(output)
    centres = np.load(folder / "centres.npy")
    starts = np.load(folder / "starts.npy")
    rows = np.load(folder / "rows.npy", mmap_mode="r")
    dim = centres.shape[1]
    m = queries.shape[0]
    nearest = nearest_lists(queries, centres, probes)
    p = nearest.shape[1]
    found = np.full((m, p, k), -1, np.int64)
    scores = np.full((m, p, k), -np.inf, np.float32)
    # (query, slot) pairs by list: each list is read once and scored for all its queries.
    flat = nearest.ravel()
    order = np.argsort(flat, kind="stable")
    by_list = np.concatenate([[0], np.cumsum(np.bincount(flat, minlength=centres.shape[0]))])
    asked = np.flatnonzero((np.diff(by_list) > 0) & (np.diff(starts) > 0))
    with (folder / "vectors.f32").open("rb") as file:
        fd = file.fileno()
        b = 0
        while b < asked.size:
            # A block of consecutive asked lists, at most READ_BYTES (or one list).
            e = b + 1
            first = int(starts[asked[b]])
            while e < asked.size and (int(starts[asked[e] + 1]) - first) * dim * 4 <= READ_BYTES:
                e += 1
            last = int(starts[asked[e - 1] + 1])
            raw = os.pread(fd, (last - first) * dim * 4, first * dim * 4)
            block = np.frombuffer(raw, np.float32).reshape(-1, dim)
            for lst in asked[b:e]:
                lo, hi = int(starts[lst]) - first, int(starts[lst + 1]) - first
                pairs = order[by_list[lst] : by_list[lst + 1]]
                who, slot = pairs // p, pairs % p
                kk = min(k, hi - lo)
                d, i = faiss.knn(
                    np.ascontiguousarray(queries[who]),
                    np.ascontiguousarray(block[lo:hi]),
                    kk,
                    metric=faiss.METRIC_INNER_PRODUCT,
                )
                found[who, slot, :kk] = np.asarray(rows[i + int(starts[lst])])
                scores[who, slot, :kk] = d
            b = e
    found = found.reshape(m, -1)
    scores = scores.reshape(m, -1)
    take = min(k, found.shape[1])
    best = np.argpartition(-scores, take - 1, axis=1)[:, :take]
    best_scores = np.take_along_axis(scores, best, axis=1)
    rank = np.argsort(-best_scores, axis=1, kind="stable")
    return (
        np.take_along_axis(np.take_along_axis(found, best, axis=1), rank, axis=1),
        np.take_along_axis(best_scores, rank, axis=1),
    )


def describe(output: str | Path) -> str:
    lists = np.load(_folder(output) / "centres.npy", mmap_mode="r").shape[0]
    if lists == 1:
        return "exact"
    return f"{lists} lists (faiss k-means), {min(NPROBE, lists)} visited, exact scores"
