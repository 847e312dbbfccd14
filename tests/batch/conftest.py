"""Population records for the batch tests, and what the one-profile engine says of them."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from passionpath.context import Context

pytest.importorskip("distributed", reason="the scale extra is not installed")
pytest.importorskip("pyarrow", reason="the scale extra is not installed")

PASSIONS = [
    "baking bread",
    "fixing old cars",
    "teaching kids to read",
    "writing code",
    "gardening",
    "drawing comics",
    "caring for animals",
    "selling things at the market",
    "organising events",
    "numbers and spreadsheets",
    "  playing guitar  ",
    # Word sense is read from all of a person's phrases: nurses get no evidence from the
    # first unless the second is there too.
    "patient with beginners",
    "helping people at the clinic",
]
AVOID = ["office routine", "night shifts", "sales targets"]
EDUCATION = ["High school", "Bachelor of Arts", "Master", "Certificate", "6", "PhD", ""]


def make_records(
    count: int,
    descriptor_ids: list[str],
    seed: int = 7,
    levels: tuple[float, ...] = (0, 1.5, 3, 4.25, 6, 7),
) -> list[dict[str, Any]]:
    """Varied records: some fields missing, fractional levels, repeated phrases."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for i in range(count):
        r: dict[str, Any] = {"id": f"person-{i}"}
        if rng.random() < 0.9:
            r["riasec"] = [rng.randint(0, 40) for _ in range(6)]
        if rng.random() < 0.8:
            r["education"] = rng.choice(EDUCATION)
        if rng.random() < 0.7:
            r["experience_years"] = rng.choice([0, 2, 3.99, 4, 12.5])
        rated = rng.sample(descriptor_ids, rng.randint(0, 8))
        if rated:
            r["skills"] = {e: rng.choice(levels) for e in rated}
        if rng.random() < 0.5:
            r["work_values"] = {"Achievement": rng.randint(1, 7), "Support": rng.randint(1, 7)}
        if rng.random() < 0.8:
            r["passions"] = rng.sample(PASSIONS, rng.randint(1, 4))
        if i % 10 == 3:
            # Someone who writes a lot: more phrases than the engine averages for a career.
            r["passions"] = list(PASSIONS)
        if rng.random() < 0.3:
            r["avoid"] = rng.sample(AVOID, rng.randint(1, 2))
        if rng.random() < 0.2:
            r["max_job_zone"] = rng.randint(2, 4)
        if rng.random() < 0.2:
            r["open_to_lower_levels"] = True
        out.append(r)
    return out


def write_jsonl(path: Path, records: list[Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    return path


def engine_lists(
    records: list[dict[str, Any]], ctx: Context, top: int
) -> dict[str, list[tuple[str, float, float, float, str]]]:
    """Each record's unfolded top list from the one-profile engine (``MatchEngine``) on the
    profile document the record stands for."""
    from passionpath.batch import record_to_document
    from passionpath.match import MatchEngine, Weights, load_matrices, prepare_person

    matrices = load_matrices(ctx)
    engine = MatchEngine(matrices, Weights.from_settings(ctx.settings))
    out = {}
    for r in records:
        person = prepare_person(record_to_document(r), matrices, ctx)
        scores = engine.score(person)
        results = engine.results(person, scores, top=top, fold=False)
        out[str(r["id"])] = [
            (x.code, x.score, x.passion, x.qualification, x.quadrant) for x in results
        ]
    return out


def batch_lists(folder: Path) -> dict[str, list[tuple[str, float, float, float, str]]]:
    import pyarrow.parquet as pq

    table = pq.read_table(folder).sort_by([("person_id", "ascending"), ("rank", "ascending")])
    out: dict[str, list[tuple[str, float, float, float, str]]] = {}
    for row in table.to_pylist():
        out.setdefault(row["person_id"], []).append(
            (
                row["code"],
                round(row["score"], 4),
                round(row["passion_fit"], 4),
                round(row["qualification_fit"], 4),
                row["quadrant"],
            )
        )
    return out


def assert_same_lists(
    batch: dict[str, list[tuple[str, float, float, float, str]]],
    engine: dict[str, list[tuple[str, float, float, float, str]]],
) -> None:
    assert batch.keys() == engine.keys()
    for person, expected in engine.items():
        got = batch[person]
        assert len(got) == len(expected), person
        for rank, (a, b) in enumerate(zip(got, expected, strict=True), start=1):
            # Figures agree to the engine's 4 decimals (float rounding may move the last one).
            assert a[1:4] == pytest.approx(b[1:4], abs=2e-4), (person, rank)
            assert a[4] == b[4], (person, rank)
            if a[0] != b[0]:
                # Only an exact tie may order two careers differently.
                assert a[1] == pytest.approx(b[1], abs=2e-4), (person, rank, a, b)


@pytest.fixture
def starter_ctx(default_starter_engine: Engine) -> Context:
    """The default SQLite database (what the CLI opens) holding the starter catalog."""
    return Context.open(engine=default_starter_engine)
