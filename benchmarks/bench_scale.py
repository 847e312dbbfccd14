"""Population scale: `passionpath batch recommend` on 1,000,000 synthetic profiles.

Prints, for the catalog loaded in the current database (the starter catalog, or O*NET when
imported):

* throughput end to end (cluster start, catalog and text model loaded on every worker,
  Parquet read, conversion, phrase embedding, scoring, Parquet write), whole run;
* worker time by stage (summed over partitions);
* the run's wall time by phase (cluster start, phrase pass, scoring, finishing);
* peak memory (resident set) of each worker process, sampled every 0.2 s;
* the ratio between 2 workers and 1 worker (profiles/s, the same profiles by default);
* a second 2-worker run that finds the phrase vectors stored by the first.

    python benchmarks/bench_scale.py [--people 1000000] [--people-1 N] [--workers 2]

The goals (issue 18): >= 50,000 profiles/s, <= 2 GB per worker. Synthetic profiles are made
with numpy (deterministic seed): interest scores, an education, years of work, 0-10 rated
skills, work values for half, 1-4 passion phrases drawn from a pool of --phrases distinct
phrases, an aversion for one in five, a job-zone ceiling for one in ten.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from passionpath.profile import WORK_VALUES

ROW_GROUP = 50_000
VERBS = [
    "fixing",
    "building",
    "teaching",
    "drawing",
    "writing about",
    "caring for",
    "selling",
    "organising",
    "growing",
    "repairing",
    "designing",
    "measuring",
    "cooking",
    "driving",
    "counting",
    "testing",
    "restoring",
    "planning",
    "photographing",
    "coaching",
]
THINGS = [
    "old cars",
    "bread",
    "children",
    "comics",
    "animals",
    "houses",
    "gardens",
    "computers",
    "machines",
    "furniture",
    "music",
    "plants",
    "bicycles",
    "websites",
    "events",
    "numbers",
    "boats",
    "clothes",
    "trees",
    "patients",
    "budgets",
    "maps",
    "robots",
    "recipes",
    "sports teams",
]
PLACES = ["", " outdoors", " with friends", " at home", " for my town", " on weekends"]
AVOID = ["office routine", "night shifts", "sales targets", "sitting all day", "cold calls"]
EDUCATION = ["High school", "Bachelor's degree", "Master", "Certificate", "Associate degree",
             "PhD", "No formal qualifications", "Some college"]  # fmt: skip


def phrase_pool(size: int) -> list[str]:
    pool = [f"{v} {t}{p}" for p in PLACES for v in VERBS for t in THINGS]
    return pool[:size]


def synthetic(path: Path, people: int, descriptor_ids: list[str], phrases: int) -> None:
    """``people`` profiles as Parquet row groups of ROW_GROUP, made with numpy and Arrow."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(20261206)
    pool = pa.array(phrase_pool(phrases))
    d = len(descriptor_ids)
    ids_pool = pa.array(descriptor_ids)
    writer = None
    for start in range(0, people, ROW_GROUP):
        b = min(ROW_GROUP, people - start)
        ids = pa.array([f"p{i:07d}" for i in range(start + 1, start + b + 1)])
        riasec = pa.ListArray.from_arrays(
            pa.array(np.arange(0, 6 * b + 1, 6, dtype=np.int32)),
            pa.array(rng.integers(0, 41, 6 * b).astype(np.float32)),
        )
        education = pa.array(
            np.asarray(EDUCATION, dtype=object)[rng.integers(0, len(EDUCATION), b)]
        )
        years = pa.array(np.round(rng.gamma(2.0, 4.0, b), 1))

        def mapping(counts: np.ndarray, keys: pa.Array, values: np.ndarray) -> pa.Array:
            offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)
            return pa.MapArray.from_arrays(pa.array(offsets), keys, pa.array(values))

        counts = rng.integers(0, 11, b)
        # Distinct descriptors per person: a random offset and stride through the list.
        first = np.repeat(rng.integers(0, d, b), counts)
        step = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        columns = (first + 7 * step) % d
        skills = mapping(
            counts,
            ids_pool.take(pa.array(columns)),
            (rng.integers(0, 15, counts.sum()) / 2).astype(np.float32),
        )
        has_values = rng.random(b) < 0.5
        value_counts = np.where(has_values, 6, 0)
        names = pa.array(list(WORK_VALUES) * int(has_values.sum()))
        values = mapping(
            value_counts, names, rng.integers(1, 8, value_counts.sum()).astype(np.float32)
        )
        phrase_counts = rng.integers(1, 5, b)
        # Popular phrases are more common (Zipf-like), as in real populations.
        picks = np.minimum(rng.zipf(1.3, phrase_counts.sum()) - 1, len(pool) - 1)
        passions = pa.ListArray.from_arrays(
            pa.array(np.concatenate([[0], np.cumsum(phrase_counts)]).astype(np.int32)),
            pool.take(pa.array(rng.permutation(len(pool))[picks])),
        )
        avoid_counts = (rng.random(b) < 0.2).astype(np.int64)
        avoid = pa.ListArray.from_arrays(
            pa.array(np.concatenate([[0], np.cumsum(avoid_counts)]).astype(np.int32)),
            pa.array(AVOID).take(pa.array(rng.integers(0, len(AVOID), avoid_counts.sum()))),
        )
        zone = np.where(rng.random(b) < 0.1, rng.integers(2, 6, b), 0)
        table = pa.table(
            {
                "id": ids,
                "riasec": riasec,
                "education": education,
                "experience_years": years,
                "skills": skills,
                "work_values": values,
                "passions": passions,
                "avoid": avoid,
                "max_job_zone": pa.array(zone, mask=zone == 0),
                "open_to_lower_levels": pa.array(rng.random(b) < 0.1),
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table, row_group_size=ROW_GROUP)
    assert writer is not None
    writer.close()


def synthetic_community(
    path: Path, people: int, mentors: int, codes: list[str], phrases: int
) -> None:
    """A cohort: everyone has 1-4 passion phrases and 1-2 target careers (a mentee); every
    (people // mentors)-th person also has an occupation and room for 1-5 mentees (a mentor)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(20261207)
    pool = pa.array(phrase_pool(phrases))
    code_pool = pa.array(codes)
    step = max(people // max(mentors, 1), 1)
    writer = None
    for start in range(0, people, ROW_GROUP):
        b = min(ROW_GROUP, people - start)
        counts = rng.integers(1, 5, b)
        picks = np.minimum(rng.zipf(1.3, counts.sum()) - 1, len(pool) - 1)
        passions = pa.ListArray.from_arrays(
            pa.array(np.concatenate([[0], np.cumsum(counts)]).astype(np.int32)),
            pool.take(pa.array(rng.permutation(len(pool))[picks])),
        )
        targets = rng.integers(1, 3, b)
        target_careers = pa.ListArray.from_arrays(
            pa.array(np.concatenate([[0], np.cumsum(targets)]).astype(np.int32)),
            code_pool.take(pa.array(rng.integers(0, len(codes), targets.sum()))),
        )
        mentor = (np.arange(start, start + b) % step) == 0
        occupation = code_pool.take(pa.array(rng.integers(0, len(codes), b)))
        table = pa.table(
            {
                "id": pa.array([f"c{i:07d}" for i in range(start + 1, start + b + 1)]),
                "riasec": pa.ListArray.from_arrays(
                    pa.array(np.arange(0, 6 * b + 1, 6, dtype=np.int32)),
                    pa.array(rng.integers(0, 41, 6 * b).astype(np.float32)),
                ),
                "passions": passions,
                "target_careers": target_careers,
                "occupation": pa.array(occupation.to_pylist(), mask=~mentor),
                "mentor_capacity": pa.array(np.where(mentor, rng.integers(1, 6, b), 0)),
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table, row_group_size=ROW_GROUP)
    assert writer is not None
    writer.close()


def tribe_recall(folder: Path, sample: int, top: int) -> tuple[float, int]:
    """recall@top of the tribe lists against exact search on the same vectors, for a sample
    of people: a listed person counts when their exact cosine reaches the exact top-th best
    (ties at the boundary are many with a phrase pool; either one is right)."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    parts = sorted((folder / "_people").glob("part-*.npy"))
    vectors = np.concatenate([np.load(p) for p in parts])
    ids = pa.concat_tables(
        [
            pq.read_table(p, columns=["person_id", "has_vector"])
            for p in sorted((folder / "_people").glob("part-*.parquet"))
        ]
    )
    has = ids.column("has_vector").to_numpy()
    rng = np.random.default_rng(1)
    chosen = rng.choice(np.flatnonzero(has), size=min(sample, int(has.sum())), replace=False)
    kth = np.empty(chosen.size, np.float32)
    for s in range(0, chosen.size, 100):  # 100 exact rows of a million at a time (400 MB)
        exact = vectors[chosen[s : s + 100]] @ vectors.T
        exact[np.arange(exact.shape[0]), chosen[s : s + 100]] = -np.inf  # not themselves
        exact[:, ~has] = -np.inf
        kth[s : s + 100] = -np.partition(-exact, top - 1, axis=1)[:, top - 1]
    tribe = pq.read_table(folder / "tribe")
    row_of = {v: i for i, v in enumerate(ids.column("person_id").to_pylist())}
    wanted = pc.is_in(tribe.column("person_id"), value_set=ids.column("person_id").take(chosen))
    found = tribe.filter(wanted).to_pylist()
    position = {int(c): k for k, c in enumerate(chosen)}
    hits = 0
    for row in found:
        q = position[row_of[row["person_id"]]]
        other = row_of[row["other_id"]]
        hits += float(vectors[chosen[q]] @ vectors[other]) >= kth[q] - 1e-5
    return hits / (chosen.size * top), int(chosen.size)


def run_community(source: Path, out: Path, workers: int, database: str) -> dict[str, Any]:
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PASSIONPATH_DATABASE_URL": database}
    command = [sys.executable, "-m", "passionpath", "batch", "community", "--json",
               "--input", str(source), "--output", str(out),
               "--workers", str(workers)]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peaks: dict[int, int] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid, rss in _rss_of_workers(process.pid).items():
                peaks[pid] = max(peaks.get(pid, 0), rss)
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"batch community failed:\n{stderr}")
    return {
        "summary": json.loads(stdout),
        "seconds": seconds,
        "worker_peaks": sorted(peaks.values(), reverse=True)[:workers],
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds ``pid`` has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_of_workers(pid: int) -> dict[int, int]:
    """Resident bytes of every descendant process of ``pid`` (the cluster's workers)."""
    out = {}
    kids = []
    # Every thread's children: the cluster starts its workers from its event-loop thread.
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            kids += [int(x) for x in children.read_text().split()]
        except OSError:
            continue
    for kid in kids:
        try:
            status = Path(f"/proc/{kid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                out[kid] = int(line.split()[1]) * 1024
        out.update(_rss_of_workers(kid))
    return out


def forget_phrases(database: Path, texts: list[str]) -> None:
    """Remove the stored vectors of ``texts`` from a copy of the catalog database, so a run
    on it embeds every phrase afresh (vectors are keyed by the SHA-1 of the text)."""
    keys = [(hashlib.sha1(t.encode("utf-8")).hexdigest(),) for t in texts]
    with sqlite3.connect(database) as conn:
        conn.executemany("DELETE FROM text_embedding WHERE text_sha = ?", keys)


def run(source: Path, out: Path, workers: int, top: int, database: str) -> dict[str, Any]:
    """One whole `passionpath batch recommend` process on ``database``, timed from outside,
    with the peak resident memory of each of its worker processes."""
    shutil.rmtree(out, ignore_errors=True)
    env = {**os.environ, "PASSIONPATH_DATABASE_URL": database}
    command = [sys.executable, "-m", "passionpath", "batch", "recommend", "--json",
               "--input", str(source), "--output", str(out), "--top", str(top),
               "--workers", str(workers)]  # fmt: skip
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            for pid, rss in _rss_of_workers(process.pid).items():
                peaks[pid] = max(peaks.get(pid, 0), rss)
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
            cpu[process.pid] = max(cpu.get(process.pid, 0.0), _cpu_seconds(process.pid))
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"batch recommend failed:\n{stderr}")
    summary = json.loads(stdout)
    # The cluster's processes: the nanny and the worker it starts; keep the big ones.
    workers_peak = sorted(peaks.values(), reverse=True)[:workers]
    return {
        "summary": summary,
        "seconds": seconds,
        "worker_peaks": workers_peak,
        "cpu": sum(cpu.values()),  # the command and its workers (to the last 0.2 s sample)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--people-1", type=int, default=None, help="for the 1-worker run")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--phrases", type=int, default=3000, help="distinct passion phrases")
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--only", choices=["recommend", "community"], default=None)
    parser.add_argument("--mentors", type=int, default=None, help="default: people / 10")
    args = parser.parse_args()
    args.people_1 = args.people_1 or args.people

    from passionpath.context import Context
    from passionpath.match import load_matrices

    ctx = Context.open()
    matrices = load_matrices(ctx)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(
        f"catalog: {matrices.codes.size} occupations, {len(matrices.descriptor_ids)} "
        f"descriptors, {matrices.task_owner.size} tasks; machine: {os.cpu_count()} cores "
        "(shared with other sessions while this ran)"
    )
    url = ctx.engine.url
    if url.get_backend_name() != "sqlite" or not url.database:
        raise SystemExit("bench_scale copies the catalog database per run: use SQLite")
    if args.only != "community":
        # Each run starts from its own copy of the catalog, so neither finds the phrase vectors
        # of the other stored; the third run re-uses the first one's copy (phrases stored).
        runs = [
            (args.workers, args.people, "a"),
            (1, args.people_1, "b"),
            (args.workers, args.people, "a"),
        ]
        results = {}
        for n, (workers, people, copy) in enumerate(runs):
            database = folder / f"catalog-{copy}.db"
            if n < 2:
                database.unlink(missing_ok=True)
                with sqlite3.connect(url.database) as src, sqlite3.connect(database) as dst:
                    src.backup(dst)  # a consistent copy, whatever the write-ahead log holds
                forget_phrases(database, [*phrase_pool(args.phrases), *AVOID])
            source = folder / f"people-{people}.parquet"
            if not source.exists():
                t = time.perf_counter()
                synthetic(source, people, list(matrices.descriptor_ids), args.phrases)
                print(
                    f"made {people:,} synthetic profiles in {time.perf_counter() - t:.1f} s "
                    f"({source.stat().st_size / 1e6:.0f} MB Parquet, {args.phrases:,} distinct "
                    "passion phrases)"
                )
            found = run(
                source,
                folder / f"out-{workers}.parquet",
                workers,
                args.top,
                f"sqlite:///{database}",
            )
            results.setdefault(workers, found)
            warm = "phrase vectors already stored" if n == 2 else "no phrase seen before"
            s = found["summary"]
            rate = people / found["seconds"]
            stages = ", ".join(f"{k} {v:.1f}" for k, v in s["stages"].items())
            phases = ", ".join(f"{k} {v:.1f}" for k, v in s["phases"].items())
            peaks = ", ".join(f"{p / 2**20:,.0f} MiB" for p in found["worker_peaks"])
            size = sum(
                p.stat().st_size for p in (folder / f"out-{workers}.parquet").glob("*.parquet")
            )
            print(
                f"{workers} worker(s), {people:,} profiles, top {args.top} ({warm}): "
                f"{found['seconds']:.1f} s whole process = {rate:,.0f} profiles/s end to end; "
                f"{s['rows']:,} rows written ({size / 1e6:.0f} MB); worker seconds by stage: "
                f"{stages}; wall seconds by phase: {phases}; peak RSS per worker: {peaks}; "
                "CPU used by the command and its "
                f"workers {found['cpu']:.1f} s = {people / found['cpu']:,.0f} profiles per CPU "
                "second"
            )
        one = args.people_1 / results[1]["seconds"]
        many = args.people / results[args.workers]["seconds"]
        print(f"ratio {args.workers} workers / 1 worker (profiles/s): {many / one:.2f}")
    if args.only != "recommend":
        mentors = args.mentors or args.people // 10
        source = folder / f"cohort-{args.people}.parquet"
        if not source.exists():
            synthetic_community(
                source, args.people, mentors, [str(c) for c in matrices.codes], args.phrases
            )
        database = folder / "catalog-c.db"
        database.unlink(missing_ok=True)
        with sqlite3.connect(url.database) as src, sqlite3.connect(database) as dst:
            src.backup(dst)
        forget_phrases(database, phrase_pool(args.phrases))
        out = folder / "community"
        found = run_community(source, out, args.workers, f"sqlite:///{database}")
        s = found["summary"]
        recall, sampled = tribe_recall(out, 500, 10)
        peaks = ", ".join(f"{p / 2**20:,.0f} MiB" for p in found["worker_peaks"])
        stages = ", ".join(f"{k} {v:.1f}" for k, v in s["seconds"].items())
        print(
            f"community, {args.workers} workers, {s['people']:,} people ({s['index']}): "
            f"{found['seconds']:.1f} s whole process; by stage (s, from the start of the "
            f"cluster): {stages}; tribe top-10 recall@10 against exact search on "
            f"{sampled:,} sampled people: {recall:.3f}; mentors: {s['assigned']:,} of "
            f"{s['mentees']:,} mentees assigned to {s['mentors']:,} mentors; peak RSS per "
            f"worker: {peaks}"
        )


if __name__ == "__main__":
    main()
