"""Full import of the ../shared O*NET release, on SQLite and PostgreSQL.

Whole process: each import runs in its own process (`passionpath data import --json`), so the
peak memory is that of one import; the first one also embeds the catalog's texts, the forced
re-import finds them stored. Its JSON says how long the import itself took inside the process.
In process: `import_release` alone (no embedding), three forced re-imports, the best one's CPU
time (this process only: PostgreSQL's server works in its own) and wall time.
Goal: <= 30 s on 2 cores.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

from _common import ONET_DIR, PASSIONPATH, run_timed
from sqlalchemy import create_engine, text

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def bench(label: str, url: str, workdir: Path) -> None:
    env = {"PASSIONPATH_DATABASE_URL": url, "PASSIONPATH_CACHE_DIR": str(workdir / "cache")}
    command = [PASSIONPATH, "data", "import", str(ONET_DIR), "--json"]
    first = run_timed(command, env)
    again = run_timed([*command, "--force"], env)
    same = run_timed(command, env)
    importing = json.loads(again.stdout)["seconds"]
    print(
        f"{label:<11} whole process: first import {first.wall:5.1f} s (peak {first.peak_mib} MiB)"
        f" | forced re-import {again.wall:4.1f} s wall, {again.cpu:4.1f} s CPU, of which"
        f" importing {importing:4.1f} s (peak {again.peak_mib} MiB)"
        f" | unchanged re-import {same.wall:4.2f} s"
    )
    bench_in_process(label, url)


def bench_in_process(label: str, url: str) -> None:
    from passionpath.catalog import import_release
    from passionpath.store import dispose_engines, get_engine

    engine = get_engine(url)
    samples = []
    for _ in range(3):
        cpu, wall = time.process_time(), time.perf_counter()
        import_release(ONET_DIR, engine=engine, force=True)
        samples.append((time.process_time() - cpu, time.perf_counter() - wall))
    dispose_engines()
    cpu, wall = min(samples)
    print(f"{label:<11} in process, import only: {cpu:4.2f} s CPU, {wall:4.2f} s wall (best of 3)")


def main() -> None:
    if not (ONET_DIR / "Occupation Data.txt").exists():
        sys.exit(f"O*NET release not found at {ONET_DIR}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        bench("SQLite", f"sqlite:///{workdir / 'bench.db'}", workdir)
        try:
            admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
            name = f"passionpath_bench_{uuid.uuid4().hex[:8]}"
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
        except Exception as exc:
            print(f"PostgreSQL  skipped: no server answers ({type(exc).__name__})")
            return
        try:
            bench("PostgreSQL", PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", workdir)
        finally:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


if __name__ == "__main__":
    main()
