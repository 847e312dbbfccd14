"""``community``: tribe top-10 for everyone and a stable mentor assignment for a cohort, on
the same Dask cluster, with the community core's pure functions.

1. Every distinct passion phrase is embedded once across the cluster (as for recommend).
2. Each partition's people get their community vector (the unit mean of their phrases'
   vectors, ``community.person_vectors``), written beside the output as ``.npy`` parts.
3. One worker trains the lists' centres (faiss k-means; one list below ``EXACT_LIMIT``
   people), every partition's people are filed under their nearest centre, and one worker
   writes the vectors list after list (``_lists``).
4. Every partition's people get their nearest people (themselves left out), scored exactly
   list by list: ``tribe/part-NNNNN.parquet``.
5. One worker assigns mentees (records with target careers) to mentors (records with an
   occupation and a capacity) by deferred acceptance over preference lists scored like the
   community's own (career closeness, shared passions, room): ``mentors.parquet``.

Every step writes its files whole or not at all (a temporary name, then a rename), so a run
that is stopped resumes where it stopped when started again on the same output folder: the
partitions, lists, tribe parts and mentor assignment already written are not redone.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from passionpath.batch._deps import require_scale
from passionpath.batch._folders import start_or_resume
from passionpath.batch._sources import open_source
from passionpath.errors import PassionpathError

if TYPE_CHECKING:
    from passionpath.batch._sources import Part
    from passionpath.context import Context

#: The closest occupation to a target counts this much as a mentor's career closeness (as in
#: the community's one-person mentor search; an exact match counts 1).
NEAREST_CLOSENESS = 0.9
#: Each occupation's nearest occupations read for career closeness.
NEAREST_OCCUPATIONS = 10
#: Mentees per group of the mentor assignment (each group sees the mentors in its own order).
MENTEES_PER_GROUP = 20_000
MAX_GROUPS = 64
#: Pairs worked on together where a step over all the pairs would need full-length copies.
PAIR_BLOCK = 1 << 20


@dataclass
class CommunitySummary:
    input: str
    output: str
    people: int
    with_vectors: int
    index: str
    mentees: int
    mentors: int
    assigned: int
    seconds: dict[str, float] = field(default_factory=dict)
    bad_records: int = 0
    #: Bad records, each with its id, position, field and reason (JSON lines).
    errors_file: str | None = None
    #: Partitions found finished by an earlier run and not redone.
    resumed: int = 0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- on the workers ----------------------------------------------------------------------


def vectors_part(part: Part, output: str, release_sha: str) -> dict[str, Any]:
    """Community vectors and fields of one partition, written as ``_people/part-N`` files."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from passionpath.batch._records import to_population
    from passionpath.batch._worker import _CATALOGS, _atomic_write
    from passionpath.community import person_vectors
    from passionpath.text import embed_cached

    catalog = _CATALOGS[release_sha]
    table, bad, positions = part.read()
    converted = to_population(
        table, part.first_position, catalog.matrices.descriptor_ids, positions
    )
    kept = table.filter(pa.array(converted.good))
    rows = converted.population.phrase_rows
    present = rows >= 0
    counts = present.sum(axis=1)
    ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    dim = catalog.embedder.dim
    if converted.phrases:
        vectors = embed_cached(converted.phrases, catalog.ctx.engine, embedder=catalog.embedder)[0]
        people = person_vectors(vectors[rows[present]], ptr)
    else:
        people = np.zeros((rows.shape[0], dim), np.float32)
    folder = Path(output) / "_people"
    fields = pa.table(
        {
            "person_id": converted.person_ids,
            "target_careers": kept.column("target_careers"),
            "occupation": kept.column("occupation"),
            "work_history": kept.column("work_history"),
            "mentor_capacity": kept.column("mentor_capacity"),
            "has_vector": pa.array(counts > 0),
        }
    )
    result = {
        "index": part.index,
        "people": int(people.shape[0]),
        "bad": [r.as_dict() for r in sorted([*bad, *converted.bad], key=lambda r: r.position)],
    }
    name = f"part-{part.index:05d}"
    _atomic_write(folder / f"{name}.parquet", lambda p: pq.write_table(fields, p))
    _atomic_write(folder / f"{name}.json", lambda p: p.write_text(json.dumps(result), "utf-8"))
    # The vectors last: a part is finished when its .npy file is there.
    _atomic_write(folder / f"{name}.npy", lambda p: np.save(p.open("wb"), people))
    return result


def _parts(output: str) -> list[Path]:
    return sorted((Path(output) / "_people").glob("part-*.npy"))


def tribe_part(index_of_part: int, offset: int, output: str, top: int) -> int:
    """Each person of one partition: their ``top`` nearest people, themselves left out."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from threadpoolctl import threadpool_limits

    from passionpath.batch._lists import search
    from passionpath.batch._worker import _atomic_write

    folder = Path(output)
    vectors = np.load(folder / "_people" / f"part-{index_of_part:05d}.npy")
    fields = pq.read_table(folder / "_people" / f"part-{index_of_part:05d}.parquet")
    ids = _all_ids(output)
    with threadpool_limits(1):
        found, scores = search(np.ascontiguousarray(vectors), output, top + 1)
    me = np.arange(vectors.shape[0], dtype=np.int64) + offset
    found = found.astype(np.int64)
    # Drop each person from their own list (or the last one when they are not in it).
    self_at = found == me[:, None]
    drop = np.where(self_at.any(axis=1), self_at.argmax(axis=1), top)
    keep = np.ones(found.shape, bool)
    keep[np.arange(found.shape[0]), drop] = False
    found = found[keep].reshape(-1, top)
    scores = scores[keep].reshape(-1, top)
    has = fields.column("has_vector").to_numpy(zero_copy_only=False)
    # People without phrases have a zero vector: nobody's tribe, and no tribe of their own.
    valid = (found >= 0) & has[:, None] & (scores > 0)
    person = np.repeat(np.arange(found.shape[0]), top)[valid.ravel()]
    rank = np.tile(np.arange(1, top + 1, dtype=np.int16), found.shape[0])[valid.ravel()]
    table = pa.table(
        {
            "person_id": fields.column("person_id").take(pa.array(person)),
            "rank": pa.array(rank),
            "other_id": ids.take(pa.array(found[valid])),
            "score": pa.array(scores[valid].astype(np.float32)),
        }
    )
    (folder / "tribe").mkdir(exist_ok=True)
    _atomic_write(
        folder / "tribe" / f"part-{index_of_part:05d}.parquet",
        lambda p: pq.write_table(table, p),
    )
    return int(table.num_rows)


_IDS: dict[str, Any] = {}


def _all_ids(output: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if output not in _IDS:
        parts = sorted((Path(output) / "_people").glob("part-*.parquet"))
        _IDS.clear()
        _IDS[output] = pa.concat_arrays(
            [pq.read_table(p, columns=["person_id"]).column(0).combine_chunks() for p in parts]
        )
    return _IDS[output]


def _cohort(folder: Path, codes: list[str]) -> tuple[Any, ...]:
    """The cohort's mentees and mentors as arrays (only these outlive the call, not the
    fields read): the people's ids, everyone's capacity, the mentors' and mentees' rows,
    (mentor, occupation) pairs, each mentee's set of target careers and the sets."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    parts = sorted((folder / "_people").glob("part-*.parquet"))
    fields = pa.concat_tables([pq.read_table(p) for p in parts])
    code_set = pa.array(codes)

    def occupations(column: pa.ChunkedArray) -> tuple[np.ndarray, np.ndarray]:
        col = column.combine_chunks()
        lengths = pc.fill_null(pc.list_value_length(col), 0).to_numpy().astype(np.int64)
        owners = np.repeat(np.arange(len(col)), lengths)
        at = pc.index_in(pc.list_flatten(col), value_set=code_set)
        at_np = np.nan_to_num(at.to_numpy(zero_copy_only=False).astype(np.float64), nan=-1)
        ok = at_np >= 0
        return owners[ok], at_np[ok].astype(np.int64)

    t_owner, t_code = occupations(fields.column("target_careers"))
    capacity_all = pc.fill_null(fields.column("mentor_capacity"), 0).to_numpy().astype(np.int64)
    current = pc.index_in(fields.column("occupation").combine_chunks(), value_set=code_set)
    current_np = np.nan_to_num(current.to_numpy(zero_copy_only=False).astype(np.float64), nan=-1)
    h_owner, h_code = occupations(fields.column("work_history"))
    has_current = current_np >= 0
    m_owner = np.concatenate([np.flatnonzero(has_current), h_owner])
    m_code = np.concatenate([current_np[has_current].astype(np.int64), h_code])
    mentor_people = np.unique(m_owner[capacity_all[m_owner] > 0])
    mentee_people = np.unique(t_owner)
    mentor_index = np.full(len(capacity_all), -1, np.int64)
    mentor_index[mentor_people] = np.arange(mentor_people.size)
    sel = mentor_index[m_owner] >= 0
    all_mo, all_mc = mentor_index[m_owner[sel]], m_code[sel]
    # Mentees with the same target careers have the same candidates: work per distinct set.
    mentee_index = np.full(len(capacity_all), -1, np.int64)
    mentee_index[mentee_people] = np.arange(mentee_people.size)
    key_rows = mentee_index[t_owner]
    sets: dict[tuple[int, ...], int] = {}
    set_of = np.empty(mentee_people.size, np.int64)
    ptr = np.r_[0, np.cumsum(np.bincount(key_rows, minlength=mentee_people.size))]
    codes_sorted = t_code[np.argsort(key_rows, kind="stable")]
    for i in range(mentee_people.size):
        key = tuple(sorted(set(codes_sorted[ptr[i] : ptr[i + 1]].tolist())))
        set_of[i] = sets.setdefault(key, len(sets))
    set_codes = list(sets)
    ids = fields.column("person_id").combine_chunks()
    return ids, capacity_all, mentor_people, mentee_people, all_mo, all_mc, set_of, set_codes


def assign_mentors(
    output: str,
    neighbours: tuple[np.ndarray, np.ndarray, np.ndarray],
    codes: list[str],
    per_mentee: int,
) -> dict[str, Any]:
    """Deferred acceptance over every mentee and mentor of the run (one worker)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from passionpath.batch._worker import _atomic_write
    from passionpath.community import (
        candidate_pairs,
        stable_from_scores,
    )

    folder = Path(output)
    ids, capacity_all, mentor_people, mentee_people, all_mo, all_mc, set_of, set_codes = _cohort(
        folder, codes
    )
    n_codes = len(codes)
    # The core breaks ties in career closeness by mentor index, so every mentee with the
    # same targets would list the same mentors. A large cohort is dealt into groups, each
    # seeing the mentors in its own random order: the ties fall differently for each group.
    groups = max(1, min(MAX_GROUPS, mentee_people.size // MENTEES_PER_GROUP))
    rng = np.random.default_rng(0)
    group_of = rng.integers(0, groups, mentee_people.size) if groups > 1 else None
    pieces: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for g in range(groups):
        order_of = rng.permutation(mentor_people.size) if groups > 1 else None
        mo = all_mo if order_of is None else order_of[all_mo]
        # Each occupation keeps its first per_mentee + 1 mentors (in this group's order): a
        # mentor beyond them always ranks below per_mentee others (one spare: the mentee).
        order = np.lexsort((mo, all_mc))
        mo_g, mc_g = mo[order], all_mc[order]
        starts = np.r_[0, np.flatnonzero(mc_g[1:] != mc_g[:-1]) + 1] if mc_g.size else mc_g
        place = np.arange(mc_g.size) - np.repeat(starts, np.diff(np.r_[starts, mc_g.size]))
        mo_g, mc_g = mo_g[place <= per_mentee], mc_g[place <= per_mentee]
        who = np.flatnonzero(group_of == g) if group_of is not None else np.arange(set_of.size)
        used = np.unique(set_of[who])
        local = np.full(len(set_codes), -1, np.int64)
        local[used] = np.arange(used.size)
        owner = np.repeat(np.arange(used.size), [len(set_codes[u]) for u in used])
        code = np.fromiter((c for u in used for c in set_codes[u]), np.int64, count=owner.size)
        s_set, s_mentor, s_close = candidate_pairs(
            (owner, code), (mo_g, mc_g), neighbours, n_codes, per_mentee=per_mentee + 1
        )
        if order_of is not None:
            back = np.empty_like(order_of)
            back[order_of] = np.arange(order_of.size)
            s_mentor = back[s_mentor]
        # Each mentee of the group takes its set's candidates.
        set_ptr = np.r_[0, np.cumsum(np.bincount(s_set, minlength=used.size))]
        mine = local[set_of[who]]
        counts = np.diff(set_ptr)[mine]
        me = np.repeat(who, counts)
        at = np.arange(me.size) + np.repeat(
            set_ptr[mine] - np.r_[0, np.cumsum(counts)[:-1]], counts
        )
        me = me.astype(np.int32)
        mr = s_mentor[at].astype(np.int32)
        close = s_close[at]
        del s_set, s_mentor, s_close, at
        # Not the mentee themselves, and at most per_mentee each (the set gave one spare).
        ok = mentor_people[mr] != mentee_people[me]
        me, mr, close = me[ok], mr[ok], close[ok]
        first = np.searchsorted(me, me)  # where each pair's mentee starts (me ascending)
        ok = (np.arange(me.size) - first) < per_mentee
        # Compact pieces (int32 indices): a million mentees give some 20 million pairs.
        pieces.append((me[ok], mr[ok], close[ok].astype(np.float32)))
        del me, mr, close, first, ok
    # All pairs in mentee order, each mentee's in its group's order: every mentee is in one
    # group, so each piece's pairs go straight to their places (no sort of all the pairs).
    per = np.zeros(mentee_people.size, np.int64)
    for piece in pieces:
        per += np.bincount(piece[0], minlength=mentee_people.size)
    start = np.concatenate([[0], np.cumsum(per)[:-1]])
    total = int(per.sum())
    me = np.repeat(np.arange(mentee_people.size, dtype=np.int32), per)
    mr = np.empty(total, np.int32)
    close = np.empty(total, np.float32)
    while pieces:
        p_me, p_mr, p_close = pieces.pop()
        to = start[p_me] + (np.arange(p_me.size) - np.searchsorted(p_me, p_me))
        mr[to] = p_mr
        close[to] = p_close
        del p_me, p_mr, p_close, to
    del per, start
    interests = _interests(output, mentee_people, me, mentor_people, mr)
    capacity = capacity_all[mentor_people]
    score = np.empty(me.size, np.float32)
    for s in range(0, me.size, PAIR_BLOCK):  # a block at a time: no full-length float64
        e = s + PAIR_BLOCK
        room = 0.1 * (capacity[mr[s:e]] > 0)
        score[s:e] = (0.6 * close[s:e] + 0.3 * interests[s:e] + room).astype(np.float32)
    del interests, close
    assigned = stable_from_scores(me, mr, score, mentee_people.size, capacity)
    got = assigned >= 0
    pair_score = np.full(mentee_people.size, np.nan, np.float32)
    for s in range(0, me.size, PAIR_BLOCK):
        block = slice(s, s + PAIR_BLOCK)
        chosen = mr[block] == assigned[me[block]]  # the pair each assigned mentee got
        pair_score[me[block][chosen]] = score[block][chosen]
    table = pa.table(
        {
            "mentee_id": ids.take(pa.array(mentee_people)),
            "mentor_id": ids.take(
                pa.array(np.where(got, mentor_people[np.maximum(assigned, 0)], 0), mask=~got)
            ),
            "score": pa.array(pair_score, mask=~got),
        }
    )
    _atomic_write(folder / "mentors.parquet", lambda p: pq.write_table(table, p))
    return {
        "mentees": int(mentee_people.size),
        "mentors": int(mentor_people.size),
        "assigned": int(got.sum()),
        "pairs": int(me.size),
    }


def _interests(output: str, mentee_people: Any, me: Any, mentor_people: Any, mr: Any) -> np.ndarray:
    """Each pair's shared passions (``pair_interests``), reading the mentees' vectors one
    partition at a time beside the mentors' (pairs are in mentee order, mentees in row order):
    never every person's vector at once."""
    from passionpath.community import pair_interests

    parts = _parts(output)
    sizes = [np.load(p, mmap_mode="r").shape[0] for p in parts]
    starts = np.concatenate([[0], np.cumsum(sizes)])
    # The mentors' vectors (in mentor order, which is row order), filled part by part.
    dim = np.load(parts[0], mmap_mode="r").shape[1] if parts else 384
    mentors = np.empty((mentor_people.size, dim), np.float32)
    filled = 0
    for p, a, b in zip(parts, starts[:-1], starts[1:], strict=True):
        rows = mentor_people[(mentor_people >= a) & (mentor_people < b)] - a
        mentors[filled : filled + rows.size] = np.load(p, mmap_mode="r")[rows]
        filled += rows.size
    out = np.empty(me.size, np.float32)
    # Pairs are in mentee order and mentees in row order: where each partition's pairs start.
    cuts = np.searchsorted(me, np.searchsorted(mentee_people, starts))
    for k, p in enumerate(parts):
        lo, hi = int(cuts[k]), int(cuts[k + 1])
        if lo == hi:
            continue
        vectors = np.load(p)
        rows = mentee_people[me[lo:hi]] - starts[k]
        out[lo:hi] = pair_interests(rows, mr[lo:hi], vectors, mentors)
        del vectors, rows
    return out


# --- on the client -----------------------------------------------------------------------


def occupation_neighbours(ctx: Context) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[str]]:
    """(occupation, close occupation, closeness 0-1) rows from the catalog's ``similar``
    lists, the nearest at NEAREST_CLOSENESS and the others in proportion; and the codes."""
    from passionpath.match import load_matrices, similar_all

    codes = [str(c) for c in load_matrices(ctx).codes]
    row = {c: i for i, c in enumerate(codes)}
    src, dst, sim = [], [], []
    for code, ranked in similar_all(ctx, top=NEAREST_OCCUPATIONS):
        best = max((float(r.score) for r in ranked), default=0.0)
        if best <= 0:
            continue
        for r in ranked:
            if r.code in row:
                src.append(row[code])
                dst.append(row[r.code])
                sim.append(NEAREST_CLOSENESS * max(0.0, float(r.score)) / best)
    return (
        np.asarray(src, np.int64),
        np.asarray(dst, np.int64),
        np.asarray(sim, np.float32),
        codes,
    )


MANIFEST = "_community.json"


def _finished(folder: Path) -> dict[int, dict[str, Any]]:
    """The partitions whose vectors an earlier run wrote: what their tasks returned."""
    done = {}
    for npy in (folder / "_people").glob("part-*.npy"):
        summary = npy.with_suffix(".json")
        if summary.exists():
            found = json.loads(summary.read_text("utf-8"))
            done[int(found["index"])] = found
    return done


def community(
    input: str,
    output: str | Path,
    ctx: Context,
    *,
    scheduler: str | None = None,
    top: int = 10,
    per_mentee: int = 20,
    workers: int | None = None,
    table: str = "profiles",
    chunk: int | None = None,
    progress: Any = None,
    resume: bool = True,
) -> CommunitySummary:
    """Tribe lists for everyone and the mentor assignment of the whole cohort in ``input``;
    a stopped run on the same ``output`` resumes where it stopped (``resume=False``: start
    over)."""
    require_scale(("distributed", "pyarrow", "faiss"))
    from passionpath.batch._run import (
        _cluster,
        distinct_phrases,
        phrase_shards,
        start_local_workers_server,
    )

    if scheduler is None:
        start_local_workers_server()  # its imports while this process does its own
    from distributed import as_completed

    from passionpath.batch import _lists
    from passionpath.batch._sources import CHUNK_RECORDS
    from passionpath.batch._worker import CatalogPlugin, embed_phrases
    from passionpath.community import EXACT_LIMIT
    from passionpath.match import Weights, load_matrices

    if not 1 <= top <= 100:
        raise PassionpathError("must be 1 to 100", field="top")
    report = progress or (lambda _done, _total, _what: None)
    stamps: dict[str, float] = {}
    started = time.perf_counter()

    def stamp(name: str) -> None:
        stamps[name] = time.perf_counter() - started - sum(stamps.values())

    matrices = load_matrices(ctx)
    chunk = chunk or CHUNK_RECORDS
    source = open_source(input, table, chunk)
    folder = Path(output).expanduser().resolve()
    wanted = {
        "input": source.fingerprint,
        "chunk": chunk,
        "release": matrices.release_sha,
        "model": matrices.model_id,
        "top": top,
        "per_mentee": per_mentee,
    }
    start_or_resume(
        folder,
        wanted,
        resume,
        manifest=MANIFEST,
        differs="another input, catalog, tribe size or number of mentors each mentee ranks",
    )
    (folder / "_people").mkdir(exist_ok=True)
    out = str(folder)
    neighbours = occupation_neighbours(ctx)
    client = _cluster(scheduler, workers)
    try:
        settings = ctx.settings
        if settings.database_url is None:
            url = ctx.engine.url.render_as_string(hide_password=False)
            settings = settings.model_copy(update={"database_url": url})
        weights = Weights.from_settings(ctx.settings)
        client.register_plugin(CatalogPlugin(settings, matrices.release_sha, weights))
        earlier = _finished(folder)
        parts = [p for p in source.stream(set(earlier))]
        results = list(earlier.values())
        if parts:
            phrases = distinct_phrases(source)
            shards = phrase_shards(phrases, max(sum(client.nthreads().values()), 1))
            done = 0
            for future in as_completed(
                [client.submit(embed_phrases, s, matrices.release_sha, pure=False) for s in shards]
            ):
                done += future.result()[0]
                report(done, len(phrases), "phrases")
        stamp("phrases")
        for future in as_completed(
            [client.submit(vectors_part, p, out, matrices.release_sha, pure=False) for p in parts]
        ):
            results.append(future.result())
            report(sum(r["people"] for r in results), source.total, "vectors")
        stamp("vectors")
        people = _parts(out)
        lists = folder / _lists.FOLDER
        if not (lists / "vectors.f32").exists():
            if not (lists / "centres.npy").exists():
                client.submit(_lists.train, people, out, EXACT_LIMIT, pure=False).result()
            stamp("index: centres")
            filed = [
                client.submit(_lists.file_part, p, out, pure=False)
                for p in people
                if not (lists / f"lists-{p.stem[5:]}.npy").exists()
            ]
            client.gather(filed)
            client.submit(_lists.write_lists, people, out, pure=False).result()
        stamp("index")
        sizes = {r["index"]: r["people"] for r in results}
        offsets = np.concatenate([[0], np.cumsum([sizes[i] for i in sorted(sizes)])])
        mentors = None
        if not (folder / "_mentors.json").exists():
            mentors = client.submit(
                assign_mentors, out, neighbours[:3], neighbours[3], per_mentee, pure=False
            )
        (folder / "tribe").mkdir(exist_ok=True)
        futures = [
            client.submit(tribe_part, i, int(offsets[k]), out, top, pure=False)
            for k, i in enumerate(sorted(sizes))
            if not (folder / "tribe" / f"part-{i:05d}.parquet").exists()
        ]
        for tribe_done, future in enumerate(as_completed(futures), start=1):
            future.result()
            report(tribe_done, len(futures), "tribe partitions")
        stamp("tribe")
        if mentors is not None:
            assigned = mentors.result()
            (folder / "_mentors.json").write_text(json.dumps(assigned), "utf-8")
        assigned = json.loads((folder / "_mentors.json").read_text("utf-8"))
        stamp("mentors (after tribe)")
    finally:
        cluster = getattr(client, "cluster", None)
        client.close()
        if cluster is not None and scheduler is None:
            cluster.close()
    stamps["total"] = time.perf_counter() - started
    bad = [b for r in sorted(results, key=lambda r: r["index"]) for b in r["bad"]]
    errors_path = folder / "errors.jsonl"
    if bad:
        errors_path.write_text(
            "".join(json.dumps(b, ensure_ascii=False) + "\n" for b in bad), "utf-8"
        )
    return CommunitySummary(
        input=source.description,
        output=out,
        people=int(offsets[-1]),
        with_vectors=int(sum(r["people"] for r in results)),
        index=_lists.describe(out),
        mentees=assigned["mentees"],
        mentors=assigned["mentors"],
        assigned=assigned["assigned"],
        seconds={k: round(v, 2) for k, v in stamps.items()},
        bad_records=len(bad),
        errors_file=str(errors_path) if bad else None,
        resumed=len(earlier),
    )
