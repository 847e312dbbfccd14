"""The community at scale: 100,000 synthetic people (clearly labelled synthetic) on one machine.

Prints, in-process (wall-clock seconds inside this one Python process; the catalog load and
the text model's start are outside the timings):
* the population made, and its unique passion phrases embedded with the project's text model;
* the nearest-people index build (faiss IVF-SQ8 above 50,000 people, or exact numpy when
  faiss-cpu is missing), and the exact one beside it;
* tribe top-10 for everyone from the index (the retrieval stage), and the full re-rank with
  reasons in both people's words, per person, for a sample;
* recall@10 of the index against exact search, over a random sample of queries (goal >= 0.95);
* the stable mentor assignment for 100,000 mentees and 10,000 mentors: candidates by career
  closeness, scores with shared interests, preference lists, deferred acceptance (goal <= 60 s);
  and a check that no blocking pair exists;
* study groups for 10,000 people: bucketing by topic and constrained clustering, sizes.

The catalog is the bundled starter catalog unless PASSIONPATH_BENCH_ONET=1 and the O*NET
release is in ../shared (then it is imported first, which takes a few minutes).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import ONET_DIR

PEOPLE = int(os.environ.get("PASSIONPATH_BENCH_PEOPLE", "100000"))
MENTORS = PEOPLE // 10
GROUP_PEOPLE = 10_000
RECALL_QUERIES = 5_000
RERANK_SAMPLE = 500


def _clock() -> float:
    return time.perf_counter()


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-community-"))
    os.environ["PASSIONPATH_DATA_DIR"] = str(tmp)
    os.environ["PASSIONPATH_CACHE_DIR"] = str(tmp / "cache")
    os.environ.pop("PASSIONPATH_DATABASE_URL", None)

    from passionpath.catalog import import_release, load_starter
    from passionpath.community import (
        EXACT_LIMIT,
        TOPICS,
        Member,
        PeopleIndex,
        blocking_pairs,
        candidate_pairs,
        catalog_sample,
        deferred_acceptance,
        exact_top,
        faiss_module,
        form_groups,
        mentor_score,
        occupation_edges,
        pair_interests,
        person_vectors,
        preferences_from_scores,
        synthetic_people,
        tribe_score,
        unit_rows,
    )
    from passionpath.context import Context
    from passionpath.match import load_matrices, similar_all
    from passionpath.text import get_embedder

    ctx = Context.open()
    if os.environ.get("PASSIONPATH_BENCH_ONET") == "1" and ONET_DIR.exists():
        import_release(ONET_DIR, engine=ctx.engine)
        catalog = "O*NET 30.0"
    else:
        load_starter(engine=ctx.engine)
        catalog = "starter catalog"
    matrices = load_matrices(ctx)
    sample = catalog_sample(ctx)
    embedder = get_embedder(ctx.settings.text_model)
    embedder.embed(["warm up"])
    print(
        f"catalog: {catalog}, {len(sample.codes)} occupations; text model "
        f"{type(embedder).__name__}; faiss: {'yes' if faiss_module() else 'no'}"
    )
    print("machine: 2 cores shared with other sessions; all times in-process wall clock")

    t = _clock()
    people = synthetic_people(PEOPLE, sample, seed=1)
    made = _clock() - t
    texts = sorted({p for person in people for p in person.passions})
    t = _clock()
    vectors = unit_rows(np.asarray(embedder.embed(texts), dtype=np.float32))
    embedded = _clock() - t
    at = {text: i for i, text in enumerate(texts)}
    print(
        f"population: {PEOPLE:,} synthetic people in {made:.1f} s; "
        f"{len(texts):,} unique passion phrases embedded in {embedded:.1f} s"
    )

    rows = [[at[p] for p in person.passions] for person in people]
    ptr = np.zeros(PEOPLE + 1, dtype=np.int64)
    np.cumsum([len(r) for r in rows], out=ptr[1:])
    flat = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(ptr[-1]))
    t = _clock()
    pv = person_vectors(vectors[flat], ptr)
    print(f"person vectors: {_clock() - t:.2f} s")

    ids = np.arange(PEOPLE, dtype=np.int64)
    index = PeopleIndex(pv.shape[1])
    t = _clock()
    index.build(ids, pv)
    build = _clock() - t
    exact = PeopleIndex(pv.shape[1], use_faiss=False)
    t = _clock()
    exact.build(ids, pv)
    exact_build = _clock() - t
    print(
        f"index build: {build:.1f} s ({index.backend}; exact below {EXACT_LIMIT:,}); "
        f"exact numpy index {exact_build:.2f} s"
    )

    t = _clock()
    for start in range(0, PEOPLE, 10_000):
        index.search(pv[start : start + 10_000], 10, exclude=ids[start : start + 10_000])
    everyone = _clock() - t
    print(
        f"tribe top-10 for everyone (index stage): {everyone:.1f} s for {PEOPLE:,} people "
        f"({everyone / PEOPLE * 1e6:.0f} us a person)"
    )

    rng = np.random.default_rng(7)
    queries = rng.choice(PEOPLE, size=min(RECALL_QUERIES, PEOPLE), replace=False)
    t = _clock()
    got = index.search(pv[queries], 10).ids
    approx_time = _clock() - t
    t = _clock()
    truth = exact_top(pv, pv[queries], 10)
    exact_time = _clock() - t
    # Ties count: a person returned whose exact score equals the 10th best is as right as the
    # one exact search happened to list (synthetic people can share a vector).
    tenth = np.einsum("qd,qd->q", pv[queries], pv[truth[:, -1]])
    got_exact = np.einsum("qd,qkd->qk", pv[queries], pv[np.maximum(got, 0)])
    hits = ((got_exact >= tenth[:, None] - 1e-6) & (got >= 0)).sum(axis=1)
    recall = float(np.mean(np.minimum(hits, 10) / 10))
    strict = float(
        np.mean(
            [len(set(a) & set(b)) / 10 for a, b in zip(got.tolist(), truth.tolist(), strict=True)]
        )
    )
    print(
        f"recall@10 vs exact: {recall:.3f} over {queries.size:,} random queries "
        f"(goal >= 0.95; ties with the 10th counted; {strict:.3f} by id alone); index "
        f"{approx_time:.2f} s, exact {exact_time:.1f} s (exact/index time "
        f"{exact_time / max(approx_time, 1e-9):.1f})"
    )

    members = [
        Member(
            id=i,
            display_name=p.display_name,
            features=frozenset(p.features),
            passions=p.passions,
            target_careers=p.target_careers,
            riasec=p.riasec,
        )
        for i, p in enumerate(people[:20_000])
    ]
    timings = []
    for q in rng.choice(len(members), size=RERANK_SAMPLE, replace=False).tolist():
        t = _clock()
        found = index.search(pv[q : q + 1], 50, exclude=np.asarray([q])).ids[0]
        mine = vectors[rows[q]]
        scored = [
            tribe_score(
                members[q], mine, members[j] if j < len(members) else members[0], vectors[rows[j]]
            )
            for j in found.tolist()
            if 0 <= j < len(members)
        ]
        scored.sort(key=lambda s: -s.score)
        timings.append(_clock() - t)
    print(
        f"tribe with reasons (top 50 re-ranked phrase to phrase): p50 "
        f"{statistics.median(timings) * 1000:.1f} ms a person over {RERANK_SAMPLE} people"
    )

    # Mentors: 100k mentees (the population, each with targets) and 10k mentors.
    mentors = synthetic_people(MENTORS, sample, seed=2)
    mentor_codes = [
        [
            matrices.index[c]
            for c in ((m.current_occupation,) if m.current_occupation else ()) + m.work_history
        ]
        for m in mentors
    ]
    for k, codes in enumerate(mentor_codes):
        if not codes:
            mentor_codes[k] = [int(rng.integers(len(sample.codes)))]
    capacity = rng.integers(1, 16, size=MENTORS).astype(np.int64)
    mentee_codes = [[matrices.index[c] for c in p.target_careers] for p in people]
    mtexts = sorted({p for m in mentors for p in m.passions} - set(at))
    extra = unit_rows(np.asarray(embedder.embed(mtexts), dtype=np.float32)) if mtexts else None
    allv = vectors if extra is None else np.concatenate([vectors, extra])
    at.update({text: len(texts) + i for i, text in enumerate(mtexts)})
    mrows = [[at[p] for p in m.passions] for m in mentors]
    mptr = np.zeros(MENTORS + 1, dtype=np.int64)
    np.cumsum([len(r) for r in mrows], out=mptr[1:])
    mflat = np.fromiter((i for r in mrows for i in r), dtype=np.int64, count=int(mptr[-1]))
    mv = person_vectors(allv[mflat], mptr)
    t = _clock()
    table = similar_all(ctx, top=10)
    src, dst, sim = [], [], []
    for code, ranked in table:
        top = max((r.score for r in ranked), default=0.0) or 1.0
        for r in ranked:
            src.append(matrices.index[code])
            dst.append(matrices.index[r.code])
            sim.append(0.9 * max(0.0, r.score) / top)
    neighbours = (np.asarray(src), np.asarray(dst), np.asarray(sim, dtype=np.float32))
    t_similar = _clock() - t
    t0 = _clock()
    me, mr, closeness = candidate_pairs(
        occupation_edges(mentee_codes),
        occupation_edges(mentor_codes),
        neighbours,
        len(sample.codes),
        per_mentee=20,
    )
    t1 = _clock()
    interests = pair_interests(me, mr, pv, mv)
    score = np.asarray([0.0], dtype=np.float32)
    score = (0.6 * closeness + 0.3 * interests + 0.1).astype(np.float32)
    assert abs(mentor_score(1.0, 1.0, 1) - 1.0) < 1e-9  # the same weights as the core
    t2 = _clock()
    prefs = preferences_from_scores(me, mr, score, PEOPLE, capacity)
    t3 = _clock()
    assigned = deferred_acceptance(prefs)
    t4 = _clock()
    total = t4 - t0
    placed = int((assigned >= 0).sum())
    print(
        f"mentor assignment: {PEOPLE:,} mentees, {MENTORS:,} mentors "
        f"(capacity {int(capacity.sum()):,} seats), {me.size:,} scored pairs: "
        f"{total:.1f} s in all (goal <= 60 s): candidates {t1 - t0:.1f} s, "
        f"interest scores {t2 - t1:.1f} s, preference lists {t3 - t2:.1f} s, "
        f"deferred acceptance {t4 - t3:.1f} s; {placed:,} mentees placed "
        f"(neighbour table, once per catalog: {t_similar:.1f} s)"
    )
    t = _clock()
    blocking = blocking_pairs(prefs, assigned)
    print(f"blocking pairs: {len(blocking)} (checked by a plain loop in {_clock() - t:.1f} s)")

    # Study groups: 10k people bucketed by phrase-bank topic (and gaps), then clustered.
    names = sorted(TOPICS)
    topic_vectors = np.stack(
        [
            unit_rows(
                unit_rows(np.asarray(embedder.embed([n, *TOPICS[n]]), dtype=np.float32)).mean(
                    axis=0
                )
            )[0]
            for n in names
        ]
    )
    t = _clock()
    cos = vectors @ topic_vectors.T
    phrase_topic = np.where(cos.max(axis=1) >= 0.45, cos.argmax(axis=1), -1)
    buckets: dict[tuple[str, str], list[int]] = {}
    for i, person in enumerate(people[:GROUP_PEOPLE]):
        topics = {int(phrase_topic[r]) for r in rows[i]} - {-1}
        for topic in topics:
            buckets.setdefault(("interest", names[topic]), []).append(i)
        for gap in person.gaps:
            buckets.setdefault(("gap", gap.lower()), []).append(i)
    bucketed = _clock() - t
    t = _clock()
    plans, waiting = form_groups(buckets, pv[:GROUP_PEOPLE])
    grouped = _clock() - t
    sizes = [len(p.members) for p in plans]
    print(
        f"study groups for {GROUP_PEOPLE:,} people: {len(buckets)} topics bucketed in "
        f"{bucketed:.2f} s, {len(plans):,} groups formed in {grouped:.1f} s; sizes "
        f"{min(sizes)}-{max(sizes)} (mean {statistics.mean(sizes):.2f}); "
        f"{sum(len(v) for v in waiting.values())} places waiting (topics under 3 people)"
    )


if __name__ == "__main__":
    sys.exit(main())
