"""The due list for a large contact book: 10,000 contacts and 100,000 interactions.

Prints in-process times: the whole `due_for` (one query and the classification) and the
pure `due_list` classification alone, on SQLite (and on PostgreSQL when
PASSIONPATH_BENCH_PG_URL names an empty database). Goal: due list p50 <= 20 ms.
The vCard import half of issue 14's benchmark comes with the importer.
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _common import percentiles
from sqlalchemy import Engine, insert

from passionpath.network import CadenceContact, due_for, due_list, last_contacts, list_contacts
from passionpath.store import get_engine
from passionpath.store import models as m

CONTACTS = 10_000
INTERACTIONS = 100_000
TAGS = ["mentor", "friend", "colleague", "recruiter", "alumni", "ux", "coach"]
TODAY = date(2026, 11, 28)


def fill(engine: Engine) -> None:
    rng = random.Random(14)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    contacts = [
        {
            "id": i,
            "display_name": f"Contact {i}",
            "tags": f'["{rng.choice(TAGS)}"]',
            "urls": "[]",
            "occupation_codes": "[]",
            "ideal_days": rng.choice([None, None, None, 14, 45]),
            "max_days": None,
            "created_at": now,
            "updated_at": now,
        }
        for i in range(1, CONTACTS + 1)
    ]
    interactions = [
        {
            "id": i,
            "occurred_on": TODAY - timedelta(days=rng.randrange(700)),
            "kind": rng.choice(["meeting", "call", "message"]),
            "note": f"note {i}",
            "created_at": now,
        }
        for i in range(1, INTERACTIONS + 1)
    ]
    links = {
        (i, rng.randrange(1, CONTACTS + 1))
        for i in range(1, INTERACTIONS + 1)
        for _ in range(rng.choice([1, 1, 1, 2, 3]))
    }
    # What logging them one by one would leave on each contact: its latest day and note.
    latest: dict[int, tuple[date, int]] = {}
    for i, c in sorted(links):
        day = interactions[i - 1]["occurred_on"]
        if c not in latest or (day, i) > latest[c]:
            latest[c] = (day, i)
    for c in contacts:
        day, i = latest.get(c["id"], (None, 0))
        c["last_contacted_on"] = day
        c["last_note"] = interactions[i - 1]["note"] if day else None
    with engine.begin() as conn:
        conn.execute(insert(m.Contact), contacts)
        conn.execute(insert(m.Interaction), interactions)
        conn.execute(
            insert(m.InteractionContact),
            [{"interaction_id": i, "contact_id": c} for i, c in sorted(links)],
        )


def measure(label: str, engine: Engine, runs: int = 21) -> None:
    fill(engine)
    due_for(engine, today=TODAY)  # warm: statement caches, first page reads
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = due_for(engine, today=TODAY)
        samples.append(time.perf_counter() - started)
    counts = (
        f"{len(result.overdue)} overdue, {len(result.due)} due, {len(result.coming_up)} coming up"
    )
    print(f"{label} due_for (in-process)    {percentiles(samples)}  [{counts}]")
    last = last_contacts(engine)
    book = [
        CadenceContact(c.id, c.display_name or "", c.added_on or TODAY, c.tags, c.ideal_days)
        for c in list_contacts(engine)
    ]
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        due_list(book, last, TODAY)
        samples.append(time.perf_counter() - started)
    print(f"{label} due_list alone (in-process) {percentiles(samples)}")


def main() -> None:
    print(f"book: {CONTACTS:,} contacts, {INTERACTIONS:,} interactions")
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite    ", get_engine(f"sqlite:///{Path(tmp) / 'contacts.db'}"))
    pg = os.environ.get("PASSIONPATH_BENCH_PG_URL")
    if pg:
        measure("postgresql", get_engine(pg))


if __name__ == "__main__":
    main()
