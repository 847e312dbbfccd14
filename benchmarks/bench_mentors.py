"""The mentor assignment of `passionpath batch community` alone: time and peak memory.

Makes a synthetic cohort's people folder (what the community run's vectors step writes:
``_people/part-N.parquet`` fields and ``.npy`` community vectors), then runs the assignment
task (``assign_mentors``) in a fresh process and prints, in that process (whole-process peak
resident memory, wall-clock seconds of the task alone):

* mentees, mentors, scored pairs, mentees assigned;
* seconds and peak RSS (``ru_maxrss``), and the RSS before the task started;
* a fingerprint of ``mentors.parquet`` (SHA-256 of its rows), to compare two versions of
  the code on the same folder.

    python benchmarks/bench_mentors.py [--people 1000000] [--mentors 100000] [--folder F]

The goal (issue 18): the worker that runs the assignment stays within 2 GB. Every person is a
mentee with 1-2 target careers; every (people // mentors)-th is also a mentor with room for
1-5. Each person's vector is the unit mean of 1-4 phrase vectors drawn (Zipf-like) from a
pool of --phrases random unit vectors, so many pairs tie as they do with real phrases. The
catalog is the one in the current database (its codes and similar-occupation lists).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

PART = 50_000
DIM = 384


def make_folder(folder: Path, people: int, mentors: int, codes: list[str], phrases: int) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(20261207)
    pool = rng.standard_normal((phrases, DIM)).astype(np.float32)
    pool /= np.linalg.norm(pool, axis=1, keepdims=True)
    code_pool = pa.array(codes)
    step = max(people // max(mentors, 1), 1)
    (folder / "_people").mkdir(parents=True, exist_ok=True)
    for k, start in enumerate(range(0, people, PART)):
        b = min(PART, people - start)
        counts = rng.integers(1, 5, b)
        picks = np.minimum(rng.zipf(1.3, counts.sum()) - 1, phrases - 1)
        owner = np.repeat(np.arange(b), counts)
        vectors = np.zeros((b, DIM), np.float32)
        np.add.at(vectors, owner, pool[picks])
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
        targets = rng.integers(1, 3, b)
        mentor = (np.arange(start, start + b) % step) == 0
        occupation = code_pool.take(pa.array(rng.integers(0, len(codes), b)))
        table = pa.table(
            {
                "person_id": pa.array([f"c{i:07d}" for i in range(start + 1, start + b + 1)]),
                "target_careers": pa.ListArray.from_arrays(
                    pa.array(np.concatenate([[0], np.cumsum(targets)]).astype(np.int32)),
                    code_pool.take(pa.array(rng.integers(0, len(codes), targets.sum()))),
                ),
                "occupation": pa.array(occupation.to_pylist(), mask=~mentor),
                "work_history": pa.nulls(b, pa.list_(pa.string())),
                "mentor_capacity": pa.array(np.where(mentor, rng.integers(1, 6, b), 0)),
                "has_vector": pa.array(np.ones(b, bool)),
            }
        )
        pq.write_table(table, folder / "_people" / f"part-{k:05d}.parquet")
        np.save(folder / "_people" / f"part-{k:05d}.npy", vectors)


def child(folder: Path) -> None:
    """In a fresh process: the assignment task on ``folder``, then its figures as JSON."""
    import resource

    import pyarrow.parquet as pq

    from passionpath.batch._community import assign_mentors, occupation_neighbours
    from passionpath.context import Context

    ctx = Context.open()
    neighbours = occupation_neighbours(ctx)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.perf_counter()
    found = assign_mentors(str(folder), neighbours[:3], neighbours[3], 20)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    rows = pq.read_table(folder / "mentors.parquet")
    digest = hashlib.sha256()
    for name in rows.column_names:
        digest.update(json.dumps(rows.column(name).to_pylist()).encode())
    print(
        json.dumps(
            {**found, "seconds": seconds, "peak": peak, "before": before, "sha": digest.hexdigest()}
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--mentors", type=int, default=None, help="default: people / 10")
    parser.add_argument("--phrases", type=int, default=3000)
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.folder)
        return
    from passionpath.context import Context
    from passionpath.match import load_matrices

    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-mentors-"))
    if not (folder / "_people").exists():
        codes = [str(c) for c in load_matrices(Context.open()).codes]
        t = time.perf_counter()
        make_folder(folder, args.people, args.mentors or args.people // 10, codes, args.phrases)
        print(f"made {args.people:,} people in {time.perf_counter() - t:.1f} s in {folder}")
    command = [sys.executable, __file__, "--child", "--folder", str(folder)]
    out = subprocess.run(command, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    r = json.loads(out.stdout.splitlines()[-1])
    print(
        f"mentor assignment (one process, machine shared with other sessions): "
        f"{r['mentees']:,} mentees, {r['mentors']:,} mentors, {r['pairs']:,} scored pairs, "
        f"{r['assigned']:,} assigned; {r['seconds']:.1f} s; peak RSS {r['peak'] / 2**20:,.0f} "
        f"MiB ({r['before'] / 2**20:,.0f} MiB before the task); mentors.parquet rows "
        f"sha256 {r['sha'][:16]}"
    )


if __name__ == "__main__":
    main()
