"""`passionpath --help` wall time, and `occupations search` latency (in-process and end-to-end).

Uses the full O*NET release when present in ../shared, else the bundled starter catalog.
Goal: --help <= 300 ms.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from _common import ONET_DIR, PASSIONPATH, percentiles

QUERIES = [
    "baker",
    "pastry chef",
    "sofware developer",
    "registered nurse",
    "acountant",
    "football coach",
    "food photographer",
    "ux designer",
    "data scientist",
    "welder",
]


def timed(command: list[str], env: dict[str, str], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "PASSIONPATH_DATA_DIR": str(Path(tmp) / "data"),
            "PASSIONPATH_CACHE_DIR": str(Path(tmp) / "cache"),
        }
        timed([PASSIONPATH, "--help"], env, 2)  # warm the bytecode cache
        print(f"passionpath --help          {percentiles(timed([PASSIONPATH, '--help'], env, 15))}")
        have_onet = (ONET_DIR / "Occupation Data.txt").exists()
        load = ["data", "import", str(ONET_DIR)] if have_onet else ["data", "starter"]
        subprocess.run([PASSIONPATH, *load], check=True, capture_output=True, env=env)
        catalog = "O*NET 30.0" if have_onet else "starter catalog"

        os.environ.update(env)
        from passionpath.catalog import search_occupations
        from passionpath.context import Context

        ctx = Context.open()
        started = time.perf_counter()
        search_occupations("baker", ctx)
        first = time.perf_counter() - started
        ctx.shared.discard("title-index", lambda *_: True)  # next search reads the disk cache
        started = time.perf_counter()
        search_occupations("baker", ctx)
        cached = time.perf_counter() - started
        samples = []
        for _ in range(20):
            for query in QUERIES:
                started = time.perf_counter()
                search_occupations(query, ctx, 10)
                samples.append(time.perf_counter() - started)
        print(
            f"search index ({catalog}): build {first * 1000:.0f} ms, "
            f"load from cache {cached * 1000:.0f} ms"
        )
        print(f"search, in process (warm)   {percentiles(samples)}")
        end_to_end = []
        for query in QUERIES:
            end_to_end += timed([PASSIONPATH, "occupations", "search", query, "--json"], env, 2)
        print(f"search, whole CLI command   {percentiles(end_to_end)}")


if __name__ == "__main__":
    main()
