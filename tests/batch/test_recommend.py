"""`passionpath batch recommend`: the same lists as the one-profile engine, bad records in the
errors file, resuming a killed run, a real scheduler with two workers, PostgreSQL input."""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from passionpath.cli._app import app
from passionpath.context import Context
from tests.batch.conftest import (
    assert_same_lists,
    batch_lists,
    engine_lists,
    make_records,
    write_jsonl,
)

runner = CliRunner()
BIN = Path(sys.executable).parent


def _descriptors(ctx: Context) -> list[str]:
    from passionpath.match import load_matrices

    return list(load_matrices(ctx).descriptor_ids)


def _write_parquet(path: Path, records: list[dict[str, Any]], row_group: int) -> Path:
    """Records as Parquet, the way an operator would write them: maps as Parquet maps."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    pairs = pa.map_(pa.string(), pa.float32())
    schema = pa.schema(
        [
            ("id", pa.string()),
            ("riasec", pa.list_(pa.int32())),
            ("education", pa.string()),
            ("experience_years", pa.float64()),
            ("skills", pairs),
            ("work_values", pairs),
            ("passions", pa.list_(pa.string())),
            ("avoid", pa.list_(pa.string())),
            ("max_job_zone", pa.int8()),
            ("open_to_lower_levels", pa.bool_()),
        ]
    )
    rows = [
        {
            **r,
            "skills": list(r["skills"].items()) if "skills" in r else None,
            "work_values": list(r["work_values"].items()) if "work_values" in r else None,
        }
        for r in records
    ]
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=row_group)
    return path


@pytest.mark.parametrize(
    "levels",
    [(0, 1.5, 3, 4.25, 6, 7), (0, 0.5, 2, 3.5, 5, 7)],
    ids=["any-levels", "half-steps"],
)
def test_in_process_arrays_equal_the_one_profile_engine(
    starter_ctx: Context, levels: tuple[float, ...]
) -> None:
    """The conversion and the population matcher alone, without a cluster: 80 records (with
    ratings in half steps the skill corrections come from a table, otherwise the formula)."""
    import pyarrow.parquet as pq

    from passionpath.batch._records import canonical, to_population
    from passionpath.batch._worker import output_table
    from passionpath.match import PopulationMatcher, Weights, load_matrices
    from passionpath.text import embed_remembered, get_embedder

    records = make_records(80, _descriptors(starter_ctx), seed=3, levels=levels)
    m = load_matrices(starter_ctx)
    import pyarrow as pa

    from passionpath.batch._records import Rows

    rows = Rows()
    for i, r in enumerate(records):
        rows.add(r, i + 1)
    part = to_population(canonical(rows.table()), 1, m.descriptor_ids)
    assert not part.bad and not rows.bad
    matcher = PopulationMatcher(m, Weights.from_settings(starter_ctx.settings))
    embedder = get_embedder(starter_ctx.settings.text_model)
    evidence = matcher.phrase_rows(embed_remembered(part.phrases, embedder), part.phrases)
    aversions = matcher.aversion_rows(embed_remembered(part.aversions, embedder), part.aversions)
    found = matcher.top(part.population, evidence, aversions, 15)
    folder = Path(starter_ctx.settings.data_dir) / "out.parquet"
    folder.mkdir(parents=True)
    codes = pa.array([str(c) for c in m.codes])
    pq.write_table(output_table(part.person_ids, found, codes), folder / "part-00000.parquet")
    assert_same_lists(batch_lists(folder), engine_lists(records, starter_ctx, 15))


def test_a_descriptor_rated_twice_counts_its_last_rating(starter_ctx: Context) -> None:
    """As in a profile, the last of a record's ratings of one descriptor counts; records
    without repeats keep every rating, in their order."""
    from passionpath.batch._records import Rows, canonical, to_population

    first, second, third = _descriptors(starter_ctx)[:3]
    records: list[dict[str, Any]] = [
        {
            "id": "twice",
            "skills": [
                {"element_id": first, "level": 2},
                {"element_id": second, "level": 5},
                {"element_id": first, "level": 6},
            ],
        },
        {"id": "once", "skills": {third: 1, first: 4}},
        {"id": "none"},
        {"id": "thrice", "skills": [{"element_id": second, "level": lv} for lv in (1, 3, 7)]},
    ]
    rows = Rows()
    for i, r in enumerate(records):
        rows.add(r, i + 1)
    descriptors = _descriptors(starter_ctx)
    population = to_population(canonical(rows.table()), 1, descriptors).population
    d = len(descriptors)
    found = [
        [(descriptors[c], float(v)) for c, v in zip(ix, lv, strict=True) if c < d]
        for ix, lv in zip(population.rated_index, population.rated_level, strict=True)
    ]
    assert found == [
        [(second, 5.0), (first, 6.0)],
        [(third, 1.0), (first, 4.0)],
        [],
        [(second, 7.0)],
    ]


def test_phrase_evidence_worked_out_by_one_worker_serves_the_others(
    starter_ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phrase pass's rows, handed to a worker that did not work them out, are the ones
    the pass worked out (and, to float rounding, those the worker would have worked out
    itself), and its partitions then compute none."""
    from passionpath.batch import _worker
    from passionpath.match import Weights, load_matrices

    m = load_matrices(starter_ctx)
    weights = Weights.from_settings(starter_ctx.settings)
    settings = starter_ctx.settings.model_copy(
        update={"database_url": starter_ctx.engine.url.render_as_string(hide_password=False)}
    )
    one = _worker.load_catalog(settings, m.release_sha, weights)
    other = _worker.load_catalog(settings, m.release_sha, weights)
    kinds = [(["baking bread", "gardening"], False), (["fixing old cars"], False)]
    monkeypatch.setitem(_worker._CATALOGS, m.release_sha, one)
    found = [_worker.phrase_evidence(texts, m.release_sha, aversion) for texts, aversion in kinds]
    monkeypatch.setitem(_worker._CATALOGS, m.release_sha, other)
    assert _worker.remember_evidence(m.release_sha, kinds, *found) == 3
    assert _worker.remember_evidence(m.release_sha, kinds, *found) == 0  # already there

    def no_computing(texts: list[str], aversion: bool) -> None:
        raise AssertionError(f"computed {texts}")

    monkeypatch.setattr(other, "compute", no_computing)
    texts = ["fixing old cars", "baking bread", "gardening"]
    handed = other.evidence(texts, aversion=False)
    own = one.evidence(texts, aversion=False)
    itself = _worker.load_catalog(settings, m.release_sha, weights).evidence(texts, False)
    assert handed is not None and own is not None and itself is not None
    assert np.array_equal(handed, own)
    np.testing.assert_allclose(handed, itself, atol=1e-5)


def test_recommend_on_a_local_cluster(starter_ctx: Context, tmp_path: Path) -> None:
    """JSON lines through the command: every good record's list is the engine's, the bad ones
    are listed by id (or line) in the errors file, and records without an id get their line."""
    records = make_records(60, _descriptors(starter_ctx), seed=11)
    bad: list[Any] = [
        {"id": "too-few", "riasec": [1, 2, 3]},
        {"id": "odd-field", "favourite_colour": "blue"},
        {"id": "bad-level", "skills": {"2.A.1.a": 9}},
        {"id": "bad-value", "work_values": {"Money": 5}},
        "not an object",
    ]
    lines = [json.dumps(r) for r in records[:30]]
    lines += [json.dumps(r) for r in bad]
    lines.append("{not json")
    no_id = {k: v for k, v in records[30].items() if k != "id"}
    lines.append(json.dumps(no_id))
    lines += [json.dumps(r) for r in records[31:]]
    source = tmp_path / "people.jsonl"
    source.write_text("\n".join(lines) + "\n", "utf-8")
    out = tmp_path / "recommendations.parquet"
    result = runner.invoke(
        app,
        [
            "batch",
            "recommend",
            "--input",
            str(source),
            "--output",
            str(out),
            "--top",
            "12",
            "--workers",
            "1",
            "--chunk",
            "25",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    errors_text = (tmp_path / "recommendations.errors.jsonl").read_text()
    assert summary["people"] == 60 and summary["bad_records"] == 6, errors_text
    assert summary["partitions"] == 3 and summary["rows"] == 60 * 12
    errors = [
        json.loads(x)
        for x in (tmp_path / "recommendations.errors.jsonl").read_text().split("\n")
        if x
    ]
    assert [(e["person_id"], e["field"]) for e in errors] == [
        ("too-few", "riasec"),
        ("odd-field", "favourite_colour"),
        ("bad-level", "skills"),
        ("bad-value", "work_values"),
        ("35", "record"),
        ("36", "record"),
    ]
    expected = engine_lists(records, starter_ctx, 12)
    expected["37"] = expected.pop(records[30]["id"])  # line 37 had no id
    assert_same_lists(batch_lists(out), expected)
    import pyarrow.parquet as pq

    assert pq.read_schema(out / "part-00000.parquet").names == [
        "person_id",
        "rank",
        "code",
        "score",
        "passion_fit",
        "qualification_fit",
        "quadrant",
    ]


def _command(*args: str) -> list[str]:
    return [str(BIN / "passionpath"), "batch", "recommend", *args]


def test_a_killed_run_resumes_where_it_stopped(starter_ctx: Context, tmp_path: Path) -> None:
    records = make_records(400, _descriptors(starter_ctx), seed=5)
    source = _write_parquet(tmp_path / "people.parquet", records, row_group=4)  # 100 groups
    out = tmp_path / "out.parquet"
    args = _command("--input", str(source), "--output", str(out), "--top", "5", "--workers", "1")
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    first = subprocess.Popen(
        args, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and len(list(out.glob("part-*.parquet"))) < 3:
            assert first.poll() is None, "the run ended before it could be stopped"
            time.sleep(0.02)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the command, its scheduler and workers
        first.wait()
    done_at_kill = len(list(out.glob("part-*.parquet")))
    assert 3 <= done_at_kill < 100
    second = subprocess.run([*args, "--json"], env=env, capture_output=True, text=True, check=False)
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout)
    assert summary["resumed"] >= done_at_kill and summary["partitions"] == 100
    assert summary["people"] == 400 - 4 * summary["resumed"]  # only the rest was scored
    assert not list(out.glob(".*.tmp"))
    assert_same_lists(batch_lists(out), engine_lists(records, starter_ctx, 5))


@pytest.fixture
def dask_cluster(tmp_path: Path) -> Iterator[str]:
    """A real `dask scheduler` and two `dask worker` processes on loopback."""
    address_file = tmp_path / "scheduler.json"
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    common = {"env": env, "stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [
            str(BIN / "dask"),
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--no-dashboard",
            "--scheduler-file",
            str(address_file),
        ],
        **common,  # type: ignore[call-overload]
    )
    workers: list[subprocess.Popen[bytes]] = []
    try:
        deadline = time.monotonic() + 60
        while not address_file.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        address = json.loads(address_file.read_text())["address"]
        for _ in range(2):
            workers.append(
                subprocess.Popen(
                    [
                        str(BIN / "dask"),
                        "worker",
                        address,
                        "--host",
                        "127.0.0.1",
                        "--nthreads",
                        "1",
                        "--no-dashboard",
                        "--memory-limit",
                        "2GiB",
                    ],
                    **common,  # type: ignore[call-overload]
                )
            )
        from distributed import Client

        with Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def test_a_real_scheduler_with_two_workers(
    starter_ctx: Context, tmp_path: Path, dask_cluster: str
) -> None:
    records = make_records(120, _descriptors(starter_ctx), seed=9)
    source = _write_parquet(tmp_path / "people.parquet", records, row_group=10)
    out = tmp_path / "out.parquet"
    result = runner.invoke(
        app,
        [
            "batch",
            "recommend",
            "-i",
            str(source),
            "-o",
            str(out),
            "--scheduler",
            dask_cluster,
            "--top",
            "8",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["workers"] == 2 and summary["people"] == 120
    assert len(summary["by_worker"]) == 2  # both workers scored partitions
    assert_same_lists(batch_lists(out), engine_lists(records, starter_ctx, 8))


def test_postgresql_input_through_a_server_side_cursor(
    starter_ctx: Context, tmp_path: Path, pg_database: str
) -> None:
    records = make_records(90, _descriptors(starter_ctx), seed=13)
    pg = create_engine(pg_database)
    with pg.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS population"))
        conn.execute(
            text(
                "CREATE TABLE population (id text PRIMARY KEY, riasec integer[], "
                "education text, experience_years numeric, skills jsonb, work_values jsonb, "
                "passions text[], avoid text[], max_job_zone integer, "
                "open_to_lower_levels boolean)"
            )
        )
        for r in records:
            row = {k: r.get(k) for k in ("id", "riasec", "education", "experience_years")}
            row |= {k: r.get(k) for k in ("passions", "avoid", "max_job_zone")}
            row["open_to_lower_levels"] = r.get("open_to_lower_levels")
            row["skills"] = json.dumps(r["skills"]) if "skills" in r else None
            row["work_values"] = json.dumps(r["work_values"]) if "work_values" in r else None
            conn.execute(
                text(
                    "INSERT INTO population VALUES (:id, :riasec, :education, "
                    ":experience_years, CAST(:skills AS jsonb), CAST(:work_values AS jsonb), "
                    ":passions, :avoid, :max_job_zone, :open_to_lower_levels)"
                ),
                row,
            )
    pg.dispose()
    out = tmp_path / "out.parquet"
    result = runner.invoke(
        app,
        [
            "batch",
            "recommend",
            "-i",
            pg_database,
            "--table",
            "population",
            "-o",
            str(out),
            "--top",
            "10",
            "--workers",
            "1",
            "--chunk",
            "40",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["partitions"] == 3 and summary["people"] == 90
    assert_same_lists(batch_lists(out), engine_lists(records, starter_ctx, 10))


def test_an_unknown_table_and_a_wrong_column_are_named(
    starter_ctx: Context, tmp_path: Path, pg_database: str
) -> None:
    out = tmp_path / "out.parquet"
    result = runner.invoke(
        app, ["batch", "recommend", "-i", pg_database, "--table", "nobody", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert "--input" in result.output and "no table 'nobody'" in result.output
    import pyarrow as pa
    import pyarrow.parquet as pq

    source = tmp_path / "odd.parquet"
    pq.write_table(pa.table({"id": ["a"], "riasec": ["high"]}), source)
    result = runner.invoke(
        app, ["batch", "recommend", "-i", str(source), "-o", str(out), "--workers", "1"]
    )
    assert result.exit_code == 1
    assert "--input" in result.output and "riasec" in result.output
    assert "Traceback" not in result.output


def test_without_the_scale_extra_the_command_says_what_to_install(
    starter_ctx: Context, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "distributed" else real(name, *a),
    )
    source = write_jsonl(tmp_path / "p.jsonl", [{"id": 1}])
    result = runner.invoke(
        app, ["batch", "recommend", "-i", str(source), "-o", str(tmp_path / "o.parquet")]
    )
    assert result.exit_code == 1
    assert "pip install 'passionpath[scale]'" in result.output


def test_the_core_imports_nothing_of_the_scale_extra() -> None:
    code = (
        "import sys; import passionpath.batch, passionpath.cli._app; "
        "bad = [m for m in ('distributed', 'dask', 'pyarrow', 'faiss') if m in sys.modules]; "
        "print(bad)"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
    reason="the allocator settings are glibc's",
)
def test_a_worker_reuses_freed_memory_under_a_dask_nanny() -> None:
    """A nanny starts its worker with MALLOC_TRIM_THRESHOLD_ set, so every freed array of a
    MiB goes back to the system and its pages are faulted in again on the next one; after
    ``keep_freed_memory`` (what a worker runs when it loads the catalog) they are re-used."""
    code = (
        "import resource, sys, numpy as np\n"
        "from passionpath.batch._worker import keep_freed_memory\n"
        "kept = sys.argv[1] == 'keep' and keep_freed_memory()\n"
        "np.ones(1 << 18, np.float32).sum()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt\n"
        "for _ in range(100):\n"
        "    np.ones(1 << 18, np.float32).sum()  # 1 MiB, 256 pages\n"
        "print(kept, resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)\n"
    )
    env = {**os.environ, "MALLOC_TRIM_THRESHOLD_": "65536"}
    found = {}
    for mode in ("keep", "as started"):
        done = subprocess.run(
            [sys.executable, "-c", code, mode], env=env, capture_output=True, text=True, check=True
        )
        kept, faults = done.stdout.split()
        found[mode] = (kept, int(faults))
    assert found["as started"][1] > 100 * 200  # the nanny's setting: pages faulted every time
    assert found["keep"] == ("True", found["keep"][1]) and found["keep"][1] < 100 * 10


def test_phrases_are_embedded_in_shards_of_near_equal_size() -> None:
    """Every phrase once, in order, in shards no bigger than PHRASE_SHARD and within one
    phrase of each other, at least PHRASE_SHARDS_PER_THREAD per thread when there are
    enough phrases (one worker left with a shard more than the others would hold up the
    run)."""
    from passionpath.batch._run import (
        PHRASE_SHARD,
        PHRASE_SHARD_MIN,
        PHRASE_SHARDS_PER_THREAD,
        phrase_shards,
    )

    assert phrase_shards([], 2) == []
    for count, threads in [(1, 2), (63, 2), (3001, 2), (3001, 1), (10_007, 2), (50_000, 4)]:
        phrases = [f"p{i}" for i in range(count)]
        shards = phrase_shards(phrases, threads)
        assert [p for shard in shards for p in shard] == phrases
        sizes = [len(shard) for shard in shards]
        assert max(sizes) <= PHRASE_SHARD and max(sizes) - min(sizes) <= 1
        if count >= PHRASE_SHARD_MIN * PHRASE_SHARDS_PER_THREAD * threads:
            assert len(shards) >= PHRASE_SHARDS_PER_THREAD * threads


def test_an_output_of_another_run_is_not_overwritten(starter_ctx: Context, tmp_path: Path) -> None:
    out = tmp_path / "out.parquet"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    source = write_jsonl(tmp_path / "p.jsonl", [{"id": 1}])
    result = runner.invoke(app, ["batch", "recommend", "-i", str(source), "-o", str(out)])
    assert result.exit_code == 1 and "--output" in result.output
    assert (out / "notes.txt").read_text() == "mine"
    shutil.rmtree(out)
