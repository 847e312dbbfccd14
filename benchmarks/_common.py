"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
ONET_DIR = ROOT.parent / "shared" / "data" / "onet" / "db_30_0_text"
PASSIONPATH = str(Path(sys.executable).with_name("passionpath"))


def run_measured(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run a command; return its wall time in seconds and peak resident memory in MiB."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(command, check=True, env={**os.environ, **(env or {})}, capture_output=True)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) // 1024


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
