"""What runs on a Dask worker: the catalog loaded once when the worker joins (a worker
plugin), and the task that scores one partition and writes its part of the output."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from distributed import WorkerPlugin, get_worker

from passionpath.batch._records import BadRecord, to_population
from passionpath.batch._sources import Part

if TYPE_CHECKING:
    import pyarrow as pa

    from passionpath.config import Settings
    from passionpath.context import Context
    from passionpath.match import CatalogMatrices, PopulationMatcher, PopulationTop, Weights
    from passionpath.text import Embedder

PLUGIN_NAME = "passionpath-catalog"
#: Dictionary pages only where values repeat (scores rarely do), no min/max statistics:
#: writes in under half the time for a file of the same size.
WRITE: dict[str, Any] = {
    "use_dictionary": ["person_id", "code", "quadrant"],
    "write_statistics": ["person_id", "rank"],
}
#: Phrase evidence remembered per worker (rows of one float per occupation), by bytes.
PHRASE_CACHE_BYTES = 256 * 1024 * 1024


@dataclass
class WorkerCatalog:
    """Everything a worker keeps between partitions."""

    ctx: Context
    matrices: CatalogMatrices
    matcher: PopulationMatcher
    embedder: Embedder
    phrases: dict[str, np.ndarray] = field(default_factory=dict)
    aversions: dict[str, np.ndarray] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def evidence(self, texts: list[str], aversion: bool) -> np.ndarray | None:
        """(texts, occupations) evidence rows, computed only for texts this worker has not
        seen (one embedding pass for all of them)."""
        if not texts:
            return None
        memo = self.aversions if aversion else self.phrases
        with self.lock:
            missing = [t for t in texts if t not in memo]
        if missing:
            rows = self.compute(missing, aversion)
            if rows is None:
                return None
            found = dict(zip(missing, rows, strict=True))
        else:
            found = {}
        with self.lock:
            return np.stack([found[t] if t in found else memo[t] for t in texts])

    def compute(self, texts: list[str], aversion: bool) -> np.ndarray | None:
        """The evidence rows of ``texts``, worked out and remembered (None: the catalog
        takes no aversions)."""
        from passionpath.text import embed_cached

        # Through the catalog database's vector table: a phrase embedded by one worker
        # (or an earlier run, or a person's own match) is not embedded again.
        vectors = embed_cached(texts, self.ctx.engine, embedder=self.embedder)[0]
        rows = (
            self.matcher.aversion_rows(vectors, texts)
            if aversion
            else self.matcher.phrase_rows(vectors, texts)
        )
        if rows is not None:
            self.remember(texts, rows, aversion)
        return rows

    def remember(self, texts: list[str], rows: np.ndarray, aversion: bool) -> None:
        memo = self.aversions if aversion else self.phrases
        with self.lock:
            limit = PHRASE_CACHE_BYTES // max(rows.shape[1] * 4, 1)
            while memo and len(memo) + len(texts) > limit:
                memo.pop(next(iter(memo)))  # the oldest first
            memo.update(zip(texts, rows, strict=True))


_CATALOGS: dict[str, WorkerCatalog] = {}

#: glibc's mallopt parameters, and what this worker keeps of memory numpy frees.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
KEEP_FREED_BYTES = 128 * 1024 * 1024
MMAP_FROM_BYTES = 32 * 1024 * 1024


def keep_freed_memory() -> bool:
    """Let the C allocator keep freed blocks for re-use instead of handing each one back.

    A Dask nanny starts its worker with ``MALLOC_TRIM_THRESHOLD_`` set low (it takes effect
    in a worker started afresh, as `dask worker` does), which also fixes glibc's mmap
    threshold at 128 KiB: every (people x occupations) temporary is then mapped and unmapped
    afresh, and its pages faulted in again, which makes scoring 2-3 times as slow. Blocks up
    to ``MMAP_FROM_BYTES`` come from the heap again and up to ``KEEP_FREED_BYTES`` of free
    heap stays with the process. False where the C library is not glibc (nothing to
    change)."""
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError, TypeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(
        mallopt(_M_TRIM_THRESHOLD, KEEP_FREED_BYTES) and mallopt(_M_MMAP_THRESHOLD, MMAP_FROM_BYTES)
    )


def load_catalog(settings: Settings, release_sha: str, weights: Weights) -> WorkerCatalog:
    from threadpoolctl import threadpool_limits

    from passionpath.context import Context
    from passionpath.errors import PassionpathError
    from passionpath.match import PopulationMatcher, load_matrices
    from passionpath.text import get_embedder

    threadpool_limits(1)  # one core per worker thread; Dask runs the threads
    keep_freed_memory()
    ctx = Context.open(settings)
    matrices = load_matrices(ctx)
    if matrices.release_sha != release_sha:
        raise PassionpathError(
            "this worker's catalog is another release than the one the run was started on",
            hint="Load the same catalog for every worker (see the README, batch runs).",
        )
    embedder = get_embedder(settings.text_model)
    embedder.embed(["warm up"])  # load the text model now, not in the first partition
    return WorkerCatalog(ctx, matrices, PopulationMatcher(matrices, weights), embedder)


class CatalogPlugin(WorkerPlugin):
    """Loads the catalog matrices and the text model once, when a worker starts."""

    name = PLUGIN_NAME

    def __init__(self, settings: Settings, release_sha: str, weights: Weights) -> None:
        self.settings = settings
        self.release_sha = release_sha
        self.weights = weights

    def setup(self, worker: Any) -> None:
        _CATALOGS[self.release_sha] = load_catalog(self.settings, self.release_sha, self.weights)

    def teardown(self, worker: Any) -> None:
        _CATALOGS.pop(self.release_sha, None)


def embed_phrases(texts: list[str], release_sha: str) -> tuple[int, int]:
    """Store the vectors of ``texts`` in the catalog's vector table (those not there yet):
    (texts, newly computed)."""
    from passionpath.text import embed_cached

    catalog = _CATALOGS[release_sha]
    stats = embed_cached(texts, catalog.ctx.engine, embedder=catalog.embedder)[1]
    return len(texts), stats.computed


def phrase_evidence(
    texts: list[str], release_sha: str, aversion: bool
) -> tuple[int, np.ndarray | None]:
    """The phrase pass with its evidence: ``texts`` embedded (and stored) and their
    evidence rows worked out, kept here and returned for the other workers (see
    ``remember_evidence``): (texts, rows or None)."""
    catalog = _CATALOGS[release_sha]
    return len(texts), catalog.compute(texts, aversion)


def remember_evidence(
    release_sha: str, kinds: list[tuple[list[str], bool]], *found: tuple[int, np.ndarray | None]
) -> int:
    """Keep on this worker the evidence rows other workers worked out in the phrase pass
    (``found``: what ``phrase_evidence`` returned for each of ``kinds``): rows of texts
    it has not seen yet; how many."""
    catalog = _CATALOGS[release_sha]
    added = 0
    for (texts, aversion), (_count, rows) in zip(kinds, found, strict=True):
        memo = catalog.aversions if aversion else catalog.phrases
        if rows is None or all(t in memo for t in texts):
            continue
        catalog.remember(texts, rows, aversion)
        added += len(texts)
    return added


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def errors_name(index: int) -> str:
    return f"_part-{index:05d}.errors.jsonl"


def _atomic_write(path: Path, write: Any) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    write(tmp)
    os.replace(tmp, path)


def output_table(ids: pa.Array, top: PopulationTop, codes: pa.Array) -> pa.Table:
    import pyarrow as pa

    from passionpath.match import QUADRANTS

    b, k = top.rows.shape
    valid = (top.rows >= 0).ravel()
    person = np.repeat(np.arange(b, dtype=np.int64), k)[valid]
    rank = np.tile(np.arange(1, k + 1, dtype=np.int16), b)[valid]
    return pa.table(
        {
            "person_id": ids.take(pa.array(person)),
            "rank": pa.array(rank),
            "code": pa.DictionaryArray.from_arrays(
                pa.array(top.rows.ravel()[valid].astype(np.int16)), codes
            ),
            "score": pa.array(top.score.ravel()[valid]),
            "passion_fit": pa.array(top.passion.ravel()[valid]),
            "qualification_fit": pa.array(top.qualification.ravel()[valid]),
            "quadrant": pa.DictionaryArray.from_arrays(
                pa.array(top.quadrant.ravel()[valid]), pa.array(list(QUADRANTS))
            ),
        }
    )


def score_part(part: Part, output: str, top: int, release_sha: str) -> dict[str, Any]:
    """Score one partition and write ``part-NNNNN.parquet`` (and its bad records) into
    ``output``; the part file appears only once complete, which is the checkpoint."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    catalog = _CATALOGS.get(release_sha)
    if catalog is None:
        raise RuntimeError("the passionpath catalog plugin did not run on this worker")
    started = time.perf_counter()
    table, bad, positions = part.read()
    read = time.perf_counter()
    converted = to_population(
        table, part.first_position, catalog.matrices.descriptor_ids, positions
    )
    bad = sorted([*bad, *converted.bad], key=lambda r: r.position)
    convert = time.perf_counter()
    evidence = catalog.evidence(converted.phrases, aversion=False)
    aversions = catalog.evidence(converted.aversions, aversion=True)
    embed = time.perf_counter()
    found = catalog.matcher.top(converted.population, evidence, aversions, top)
    score = time.perf_counter()
    folder = Path(output)
    codes = pa.array([str(c) for c in catalog.matrices.codes])
    result = output_table(converted.person_ids, found, codes)
    if bad:
        lines = "".join(json.dumps(r.as_dict(), ensure_ascii=False) + "\n" for r in bad)
        _atomic_write(folder / errors_name(part.index), lambda p: p.write_text(lines, "utf-8"))
    _atomic_write(folder / part_name(part.index), lambda p: pq.write_table(result, p, **WRITE))
    done = time.perf_counter()
    return {
        "index": part.index,
        "people": converted.population.size,
        "records": converted.population.size + len(bad),
        "bad": len(bad),
        "rows": result.num_rows,
        "phrases": len(converted.phrases) + len(converted.aversions),
        "seconds": {
            "read": read - started,
            "convert": convert - read,
            "embed": embed - convert,
            "score": score - embed,
            "write": done - score,
        },
        "worker": get_worker().address,
    }


def read_errors(folder: Path, index: int) -> list[BadRecord]:
    path = folder / errors_name(index)
    if not path.exists():
        return []
    return [BadRecord(**json.loads(line)) for line in path.read_text("utf-8").splitlines()]
