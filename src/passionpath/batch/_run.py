"""``recommend``: a whole population's top careers on a Dask cluster, resumable."""

from __future__ import annotations

import itertools
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from passionpath.batch._deps import require_scale
from passionpath.batch._folders import start_or_resume
from passionpath.batch._sources import BatchInputError, ParquetPart, Source, open_source
from passionpath.errors import PassionpathError
from passionpath.limits import MAX_BATCH_TOP

if TYPE_CHECKING:
    from passionpath.context import Context

MANIFEST = "_batch.json"
#: Partitions waiting on the cluster per worker thread: enough to keep every worker busy,
#: few enough that rows streamed from a database never pile up in memory.
IN_FLIGHT_PER_THREAD = 2

#: (done, total, what): records scored, or distinct phrases embedded before scoring.
Progress = Callable[[int, int | None, str], None]
#: Distinct phrases per embedding task of the phrase pass, at most; fewer so that every
#: worker thread gets about ``PHRASE_SHARDS_PER_THREAD`` tasks of equal size (a worker left
#: with one more big shard than the others would hold the whole run up), and at least
#: ``PHRASE_SHARD_MIN`` (each task also reads and writes the vector table once).
PHRASE_SHARD = 1000
PHRASE_SHARDS_PER_THREAD = 4
PHRASE_SHARD_MIN = 64
#: The phrase pass also works out the phrases' evidence rows (one float per occupation)
#: and hands them to every worker when they take at most this much memory; otherwise each
#: worker works out those its partitions need.
SHARED_EVIDENCE_BYTES = 64 * 1024 * 1024


def phrase_shards(phrases: list[str], threads: int) -> list[list[str]]:
    """``phrases`` cut into tasks of near-equal size for ``threads`` worker threads."""
    if not phrases:
        return []
    wanted = max(threads, 1) * PHRASE_SHARDS_PER_THREAD
    size = min(PHRASE_SHARD, max(PHRASE_SHARD_MIN, -(-len(phrases) // wanted)))
    count = -(-len(phrases) // size)
    bounds = [round(i * len(phrases) / count) for i in range(count + 1)]
    return [phrases[a:b] for a, b in itertools.pairwise(bounds)]


def phrase_columns(source: Source) -> dict[str, list[str]]:
    """The distinct phrases of a Parquet input's ``passions`` and ``avoid`` columns, read
    column by column (a few seconds for millions of records); empty for other inputs."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    parts = source.parts or []
    if not parts or not all(isinstance(p, ParquetPart) for p in parts):
        return {}
    found: dict[str, set[str]] = {}
    for part in parts:
        assert isinstance(part, ParquetPart)
        file = pq.ParquetFile(part.path)
        names = [n for n in ("passions", "avoid") if n in file.schema_arrow.names]
        if not names:
            return {}
        table = file.read_row_group(part.row_group, columns=names)
        for name in names:
            column = table.column(name)
            if not pa.types.is_list(column.type) or not pa.types.is_string(column.type.value_type):
                return {}  # the scoring pass names the column's problem
            texts = pc.utf8_trim_whitespace(pc.list_flatten(column))
            found.setdefault(name, set()).update(t for t in pc.unique(texts).to_pylist() if t)
    return {name: sorted(texts) for name, texts in found.items()}


def distinct_phrases(source: Source) -> list[str]:
    """Every distinct passion and aversion phrase of a Parquet input (see
    ``phrase_columns``)."""
    return sorted(set().union(*phrase_columns(source).values()))


@dataclass
class RecommendSummary:
    input: str
    output: str
    errors_file: str | None
    workers: int
    partitions: int
    #: Partitions found finished by an earlier run and not redone.
    resumed: int
    people: int
    bad_records: int
    rows: int
    seconds: float
    #: Worker time by stage, summed over the partitions of this run.
    stages: dict[str, float] = field(default_factory=dict)
    #: Wall time of this run by phase: starting the cluster (and the catalog and text model
    #: on every worker), the phrase pass, scoring the partitions, and finishing up.
    phases: dict[str, float] = field(default_factory=dict)
    #: Partitions of this run scored by each worker (by address).
    by_worker: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def default_errors_path(output: Path) -> Path:
    return output.with_name(output.name.removesuffix(".parquet") + ".errors.jsonl")


def _done_parts(folder: Path) -> set[int]:
    return {int(p.name[5:10]) for p in folder.glob("part-*.parquet") if p.name[5:10].isdigit()}


def _cluster(scheduler: str | None, workers: int | None) -> Any:
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            return Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as exc:
            raise PassionpathError(
                f"no Dask scheduler answers at {scheduler} ({exc})",
                field="scheduler",
                hint="Start one with `dask scheduler` and workers with `dask worker ADDRESS`.",
            ) from exc
    import logging

    import dask

    method = start_local_workers_server()
    with dask.config.set({"distributed.worker.multiprocessing-method": method}):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    return Client(cluster)


#: What the local cluster's workers import before they are forked (see
#: ``start_local_workers_server``).
WORKER_MODULES = (
    "distributed",
    "numpy",
    "pyarrow.parquet",
    "passionpath.batch._worker",
    "passionpath.batch._community",
    "passionpath.context",
    "passionpath.match",
    "passionpath.text",
    "onnxruntime",
    "tokenizers",
)


def start_local_workers_server() -> str:
    """How the local cluster starts its worker processes: forked from a server process that
    has imported ``WORKER_MODULES`` once, where the platform has one ("forkserver"), rather
    than each a fresh interpreter importing them itself (Dask's "spawn"). Workers were ready
    about two seconds sooner on a 2-core machine, and end at once instead of unwinding their
    interpreter. The server holds code only, no data of the run: what a worker loads (the
    catalog, the text model) it still loads after starting.

    The server is started here, at once (a run calls this first thing, so the server's
    imports overlap its own), and kept for the rest of the process."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return "spawn"
    from multiprocessing import forkserver

    forkserver.set_forkserver_preload(list(WORKER_MODULES))  # no effect once it runs
    forkserver.ensure_running()
    return "forkserver"


def recommend(
    input: str,
    output: str | Path,
    ctx: Context,
    *,
    scheduler: str | None = None,
    top: int = 20,
    workers: int | None = None,
    table: str = "profiles",
    chunk: int | None = None,
    errors: str | Path | None = None,
    resume: bool = True,
    progress: Progress | None = None,
) -> RecommendSummary:
    """Every record's top ``top`` careers from ``input`` into the Parquet folder ``output``.

    Partitions run on the Dask scheduler at ``scheduler`` (a local cluster of ``workers``
    processes when None). Each finished partition is a part file in ``output``, so a run
    started again on the same input and output carries on where the last one stopped.
    Records that cannot be read are listed with their id in the errors file (JSON lines).
    """
    require_scale()
    if scheduler is None:
        start_local_workers_server()
    from distributed import as_completed

    from passionpath.batch._sources import CHUNK_RECORDS
    from passionpath.batch._worker import (
        CatalogPlugin,
        embed_phrases,
        phrase_evidence,
        read_errors,
        remember_evidence,
        score_part,
    )
    from passionpath.match import Weights, load_matrices

    if not 1 <= top <= MAX_BATCH_TOP:
        raise PassionpathError(f"must be 1 to {MAX_BATCH_TOP}", field="top")
    started = time.perf_counter()
    matrices = load_matrices(ctx)  # the catalog must be there; workers load it from cache
    source = open_source(input, table, chunk or CHUNK_RECORDS)
    folder = Path(output).expanduser().resolve()
    errors_path = Path(errors) if errors is not None else default_errors_path(folder)
    weights = Weights.from_settings(ctx.settings)
    wanted = {
        "input": source.fingerprint,
        "release": matrices.release_sha,
        "model": matrices.model_id,
        "top": top,
        "chunk": chunk or CHUNK_RECORDS,
        "weights": repr(weights),
    }
    start_or_resume(
        folder,
        wanted,
        resume,
        manifest=MANIFEST,
        differs="another input, catalog or number of careers per person",
    )
    done = _done_parts(folder)
    done_people = 0
    if source.parts is not None:
        done_people = sum(p.size for p in source.parts if p.index in done)
    report = progress or (lambda _done, _total, _what: None)
    phases: dict[str, float] = {}
    mark = started

    def phase(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases[name] = round(now - mark, 3)
        mark = now

    todo = len(done) < len(source.parts or [None])
    with ThreadPoolExecutor(max_workers=1) as reader:
        # The input's phrases are read while the cluster starts (the main process only waits
        # for its workers then).
        found_phrases = reader.submit(phrase_columns, source) if todo else None
        client = _cluster(scheduler, workers)
    results: list[dict[str, Any]] = []
    try:
        settings = ctx.settings
        if settings.database_url is None:
            # Workers open the very same database, wherever their working folder is.
            settings = settings.model_copy(
                update={"database_url": str(ctx.engine.url.render_as_string(hide_password=False))}
            )
        client.register_plugin(CatalogPlugin(settings, matrices.release_sha, weights))
        threads = max(sum(client.nthreads().values()), 1)
        phase("start")
        if found_phrases is not None:
            # Each distinct phrase embedded once across the cluster, before any partition
            # needs it (otherwise every worker would embed the common ones itself), and its
            # evidence rows worked out once, then handed to every worker, when they are few
            # enough to keep.
            columns = found_phrases.result()
            kinds = [
                (shard, name == "avoid")
                for name, texts in columns.items()
                for shard in phrase_shards(texts, threads)
            ]
            total = sum(len(texts) for texts, _ in kinds)
            share = 0 < total * matrices.codes.size * 4 <= SHARED_EVIDENCE_BYTES
            report(0, total, "phrases")
            if share:
                futures = [
                    client.submit(phrase_evidence, t, matrices.release_sha, a, pure=False)
                    for t, a in kinds
                ]
            else:
                futures = [
                    client.submit(embed_phrases, t, matrices.release_sha, pure=False)
                    for t, _ in kinds
                ]
            sizes = {f.key: len(t) for f, (t, _) in zip(futures, kinds, strict=True)}
            embedded = 0
            for future in as_completed(futures):
                if future.status == "error":
                    future.result()  # raises the task's error (results stay on the workers)
                embedded += sizes[future.key]
                report(embedded, total, "phrases")
            if share:
                # Worker to worker: the rows never pass through this process.
                client.gather(
                    [
                        client.submit(
                            remember_evidence,
                            matrices.release_sha,
                            kinds,
                            *futures,
                            workers=[address],
                            allow_other_workers=False,
                            pure=False,
                        )
                        for address in client.scheduler_info()["workers"]
                    ]
                )
            del futures
        phase("phrases")
        report(done_people, source.total, "records")
        window = as_completed()
        pending = 0
        parts = source.stream(done)
        exhausted = False

        def submit_more() -> None:
            nonlocal pending, exhausted
            while not exhausted and pending < threads * IN_FLIGHT_PER_THREAD:
                part = next(parts, None)
                if part is None:
                    exhausted = True
                    return
                future = client.submit(
                    score_part, part, str(folder), top, matrices.release_sha, pure=False
                )
                window.add(future)
                pending += 1

        submit_more()
        while pending:
            future = next(window)
            pending -= 1
            try:
                result = future.result()
            except BatchInputError:
                raise
            results.append(result)
            done_people += result["records"]
            report(done_people, source.total, "records")
            submit_more()
        workers_used = len(client.nthreads())
        phase("scoring")
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and scheduler is None:
            cluster.close()
    all_parts = sorted(_done_parts(folder))
    bad = [record for index in all_parts for record in read_errors(folder, index)]
    errors_file = None
    if bad:
        errors_path.write_text(
            "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in bad), "utf-8"
        )
        errors_file = str(errors_path)
    elif errors_path.exists():
        errors_path.unlink()
    stages: dict[str, float] = {}
    by_worker: dict[str, int] = {}
    for result in results:
        by_worker[result["worker"]] = by_worker.get(result["worker"], 0) + 1
        for stage, seconds in result["seconds"].items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    import pyarrow.parquet as pq

    people_rows = sum(
        pq.ParquetFile(folder / f"part-{i:05d}.parquet").metadata.num_rows for i in all_parts
    )
    phase("finish")
    return RecommendSummary(
        input=source.description,
        output=str(folder),
        errors_file=errors_file,
        workers=workers_used,
        partitions=len(all_parts),
        resumed=len(done),
        people=sum(r["people"] for r in results),
        bad_records=len(bad),
        rows=people_rows,
        seconds=time.perf_counter() - started,
        stages={k: round(v, 3) for k, v in stages.items()},
        phases=phases,
        by_worker=by_worker,
    )
