"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
ONET_DIR = ROOT.parent / "shared" / "data" / "onet" / "db_30_0_text"
PASSIONPATH = str(Path(sys.executable).with_name("passionpath"))


@dataclass
class Measured:
    """One command's run: wall time and CPU time (user + system) in seconds, the largest
    resident size of any child so far in MiB, and what it printed."""

    wall: float
    cpu: float
    peak_mib: int
    stdout: str


def run_timed(command: list[str], env: dict[str, str] | None = None) -> Measured:
    """Run a command to completion, measuring it as a whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        command, check=True, env={**os.environ, **(env or {})}, capture_output=True, text=True
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Measured(elapsed, cpu, max(after.ru_maxrss, before.ru_maxrss) // 1024, done.stdout)


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, n={len(ordered)}"


def ranks_of(scores: np.ndarray, truth: np.ndarray) -> np.ndarray:
    """The 1-based rank of each row's right column: 1 + the columns scoring strictly higher."""
    own = scores[np.arange(truth.size), truth]
    return (scores > own[:, None]).sum(axis=1) + 1


def onet_engine():  # type: ignore[no-untyped-def]
    """A SQLite database holding the ../shared O*NET release, kept between benchmark runs in
    the cache directory so its one-time text embeddings are paid once."""
    from passionpath.catalog import import_release
    from passionpath.config import get_settings
    from passionpath.store import get_engine

    path = get_settings().cache_dir / "bench-onet.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = get_engine(f"sqlite:///{path}")
    import_release(ONET_DIR, engine=engine)
    return engine


def onet_context():  # type: ignore[no-untyped-def]
    """A context (settings, caches) on the ``onet_engine`` database."""
    from passionpath.context import Context

    return Context.open(engine=onet_engine())
