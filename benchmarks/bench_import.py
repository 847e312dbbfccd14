"""Full import of the ../shared O*NET release: wall time and peak memory, SQLite and PostgreSQL.

Each import runs in its own process (`passionpath data import --force`) so the peak memory
is that of one import. Goal: <= 30 s on 2 cores.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from pathlib import Path

from _common import ONET_DIR, PASSIONPATH, run_measured
from sqlalchemy import create_engine, text

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def bench(label: str, url: str, workdir: Path) -> None:
    env = {"PASSIONPATH_DATABASE_URL": url, "PASSIONPATH_CACHE_DIR": str(workdir / "cache")}
    first, peak = run_measured([PASSIONPATH, "data", "import", str(ONET_DIR), "--json"], env)
    again, peak2 = run_measured(
        [PASSIONPATH, "data", "import", str(ONET_DIR), "--force", "--json"], env
    )
    same, _ = run_measured([PASSIONPATH, "data", "import", str(ONET_DIR), "--json"], env)
    print(
        f"{label:<11} first import {first:5.1f} s (peak {peak} MiB) | "
        f"forced re-import {again:5.1f} s (peak {peak2} MiB) | unchanged re-import {same:4.2f} s"
    )


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
