"""`passionpath batch community`: tribe lists are the nearest people by community vector, the
mentor assignment is stable and within every mentor's room."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from typer.testing import CliRunner

from passionpath.cli._app import app
from passionpath.context import Context
from tests.batch.conftest import PASSIONS, write_jsonl

pytest.importorskip("faiss", reason="the scale extra is not installed")
runner = CliRunner()


def _cohort(codes: list[str], n: int = 240, seed: int = 4) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for i in range(n):
        r: dict[str, Any] = {"id": f"m{i}"}
        if i % 17:  # a few people write no passions
            r["passions"] = rng.sample(PASSIONS, rng.randint(1, 3))
        if i % 3:
            r["target_careers"] = rng.sample(codes, rng.randint(1, 2))
        if i % 8 == 0:
            r["occupation"] = rng.choice(codes)
            r["mentor_capacity"] = rng.randint(1, 3)
            if i % 16 == 0:
                r["work_history"] = [rng.choice(codes)]
        out.append(r)
    return out


def test_tribes_and_mentors_for_a_cohort(starter_ctx: Context, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from passionpath.batch._community import occupation_neighbours
    from passionpath.community import (
        blocking_pairs,
        candidate_pairs,
        pair_interests,
        person_vectors,
        preferences_from_scores,
    )
    from passionpath.match import load_matrices
    from passionpath.text import embed_cached, get_embedder

    codes = [str(c) for c in load_matrices(starter_ctx).codes]
    records = _cohort(codes)
    bad = {"id": "odd", "mentor_capacity": "lots"}
    source = write_jsonl(tmp_path / "cohort.jsonl", [*records[:50], bad, *records[50:]])
    out = tmp_path / "community"
    result = runner.invoke(
        app,
        [
            "batch",
            "community",
            "-i",
            str(source),
            "-o",
            str(out),
            "--workers",
            "1",
            "--chunk",
            "100",
            "--top",
            "5",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["people"] == 240 and summary["index"] == "exact"
    assert summary["bad_records"] == 1
    [error] = [json.loads(x) for x in Path(summary["errors_file"]).read_text().splitlines()]
    assert (error["person_id"], error["field"], error["position"]) == ("odd", "mentor_capacity", 51)

    # Tribes: each person's five nearest others by the unit mean of their phrase vectors.
    embedder = get_embedder(starter_ctx.settings.text_model)
    texts = [t.strip() for r in records for t in r.get("passions", [])]
    vectors = embed_cached(texts, starter_ctx.engine, embedder=embedder)[0]
    ptr = np.cumsum([0] + [len(r.get("passions", [])) for r in records])
    people = person_vectors(vectors, ptr)
    cos = people @ people.T
    np.fill_diagonal(cos, -np.inf)
    has = np.asarray(["passions" in r for r in records])
    cos[:, ~has] = -np.inf
    tribe = pq.read_table(out / "tribe").to_pylist()
    lists: dict[str, list[tuple[str, float]]] = {}
    for row in tribe:
        lists.setdefault(row["person_id"], []).append((row["other_id"], row["score"]))
    assert set(lists) == {r["id"] for r, h in zip(records, has, strict=True) if h}
    row_of = {r["id"]: i for i, r in enumerate(records)}
    for person, found in lists.items():
        i = row_of[person]
        fifth = np.sort(cos[i])[-5]
        assert len(found) == 5 and person not in [o for o, _ in found]
        for other, score in found:
            assert cos[i, row_of[other]] == pytest.approx(score, abs=1e-4)
            assert cos[i, row_of[other]] >= fifth - 1e-5  # among the five nearest (ties too)

    # Mentors: the assignment equals deferred acceptance over the same scored pairs, and no
    # mentee and mentor would both rather be together.
    src, dst, sim, _ = occupation_neighbours(starter_ctx)
    mentee = [i for i, r in enumerate(records) if r.get("target_careers")]
    mentor = [i for i, r in enumerate(records) if r.get("mentor_capacity")]
    index = {c: k for k, c in enumerate(codes)}
    targets = (
        np.repeat(np.arange(len(mentee)), [len(records[i]["target_careers"]) for i in mentee]),
        np.asarray([index[c] for i in mentee for c in records[i]["target_careers"]]),
    )
    jobs = [(k, index[c]) for k, i in enumerate(mentor)
            for c in [records[i]["occupation"], *records[i].get("work_history", [])]]  # fmt: skip
    me, mr, close = candidate_pairs(
        targets,
        (np.asarray([k for k, _ in jobs]), np.asarray([c for _, c in jobs])),
        (src, dst, sim),
        len(codes),
        per_mentee=40,
    )
    keep = np.asarray([mentee[a] != mentor[b] for a, b in zip(me, mr, strict=True)], bool)
    me, mr, close = me[keep], mr[keep], close[keep]
    first = np.r_[True, me[1:] != me[:-1]]
    within = np.arange(me.size) - np.flatnonzero(first)[np.cumsum(first) - 1]
    me, mr, close = me[within < 20], mr[within < 20], close[within < 20]
    interests = pair_interests(np.asarray(mentee)[me], np.asarray(mentor)[mr], people, people)
    capacity = np.asarray([records[i]["mentor_capacity"] for i in mentor])
    score = (0.6 * close + 0.3 * interests + 0.1).astype(np.float32)
    prefs = preferences_from_scores(me, mr, score, len(mentee), capacity)
    got = pq.read_table(out / "mentors.parquet").to_pylist()
    assert [g["mentee_id"] for g in got] == [records[i]["id"] for i in mentee]
    by_id = {records[i]["id"]: k for k, i in enumerate(mentor)}
    assigned = np.asarray([by_id[g["mentor_id"]] if g["mentor_id"] else -1 for g in got])
    assert blocking_pairs(prefs, assigned) == []
    assert (np.bincount(assigned[assigned >= 0], minlength=len(mentor)) <= capacity).all()
    assert summary["assigned"] == int((assigned >= 0).sum()) > 0


def test_a_killed_community_run_resumes_to_the_same_output(
    starter_ctx: Context, tmp_path: Path
) -> None:
    import os
    import signal
    import subprocess
    import sys
    import time

    import pyarrow.parquet as pq

    from passionpath.match import load_matrices

    codes = [str(c) for c in load_matrices(starter_ctx).codes]
    source = write_jsonl(tmp_path / "cohort.jsonl", _cohort(codes, n=400, seed=9))
    bin_ = Path(sys.executable).parent / "passionpath"

    def command(out: Path) -> list[str]:
        return [str(bin_), "batch", "community", "-i", str(source), "-o", str(out),
                "--workers", "1", "--chunk", "10", "--top", "4", "--json"]  # fmt: skip

    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    whole = subprocess.run(command(tmp_path / "whole"), env=env, capture_output=True, text=True)
    assert whole.returncode == 0, whole.stderr
    out = tmp_path / "stopped"
    first = subprocess.Popen(
        command(out), env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and len(list(out.glob("_people/part-*.npy"))) < 3:
            assert first.poll() is None, "the run ended before it could be stopped"
            time.sleep(0.01)
    finally:
        os.killpg(first.pid, signal.SIGKILL)  # the command, its scheduler and workers
        first.wait()
    done_at_kill = len(list(out.glob("_people/part-*.npy")))
    assert 3 <= done_at_kill < 40 and not (out / "mentors.parquet").exists()
    second = subprocess.run(command(out), env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    summary = json.loads(second.stdout)
    assert summary["resumed"] >= done_at_kill and summary["people"] == 400
    for name in ["mentors.parquet", "tribe"]:
        assert pq.read_table(out / name).equals(pq.read_table(tmp_path / "whole" / name))
    # Another --top on the same folder is refused, not mixed in.
    other = subprocess.run([*command(out)[:-3], "5", "--json"], env=env, capture_output=True)
    assert other.returncode != 0
