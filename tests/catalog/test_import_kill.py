"""A process killed with SIGKILL in the middle of an import leaves the old catalog intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from sqlalchemy import Engine, func, select

from passionpath.catalog import import_release
from passionpath.catalog._importer import current_release
from passionpath.store import dispose_engines, get_engine
from passionpath.store import models as m
from tests.release_factory import release_files, write_release

# The child reports progress, then stalls inside the open transaction until it is killed.
CHILD = textwrap.dedent(
    """
    import sys, time
    from passionpath.catalog import import_release
    from passionpath.store import get_engine

    def progress(name, done, total):
        print("progress", name, flush=True)
        if name == "Occupation Data.txt":
            time.sleep(120)

    import_release(sys.argv[2], engine=get_engine(sys.argv[1]), force=True, progress=progress)
    print("finished", flush=True)
    """
)


def test_sigkill_during_import_keeps_previous_catalog(
    engine: Engine, database_url: str, release_dir: Path, tmp_path: Path
) -> None:
    import_release(release_dir, engine=engine)
    before = current_release(engine)
    assert before is not None
    files = release_files()
    files["Occupation Data.txt"].append("11-1011.00\tChief Executives\tRun organisations.")
    replacement = write_release(tmp_path / "new", files)

    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, database_url, str(replacement)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("progress Occupation Data.txt"), line
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    dispose_engines()
    fresh = get_engine(database_url)
    after = current_release(fresh)
    assert after is not None and after.content_sha256 == before.content_sha256
    with fresh.connect() as conn:
        codes = set(conn.execute(select(m.Occupation.code)).scalars())
        tasks = conn.execute(select(func.count()).select_from(m.Task)).scalar_one()
    assert "11-1011.00" not in codes
    assert len(codes) == 3 and tasks == 2
