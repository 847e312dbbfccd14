"""Helpers shared by the benchmark scripts."""

from __future__ import annotations

import os
import resource
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(env: dict[str, str], workers: int = 1) -> Iterator[str]:
    """The app (``passionpath.server:create_app``) under uvicorn in a child process on a free
    loopback port; yields its base URL once it answers, and stops it afterwards."""
    import httpx

    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", "passionpath.server:create_app"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "error"]
    command += ["--workers", str(workers)]
    server = subprocess.Popen(command, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(base + "/api/v1/data/status", timeout=1.0)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


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
