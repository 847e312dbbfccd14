"""The due list for a large contact book: 10,000 contacts and 100,000 interactions.

Prints in-process times: `due_for` with every entry listed, `due_for` with the first 20 of
each list as the CLI and the web show them (the rest counted), and the pure `due_list`
classification alone over rows already in memory, on SQLite (and on PostgreSQL when
PASSIONPATH_BENCH_PG_URL names an empty database). Goal: due list p50 <= 20 ms.
Then the import of a vCard file of 10,000 cards (names, emails, phones, organisations, notes,
birthdays, a photo on one card in ten; a tenth of them in vCard 2.1 quoted-printable) into an
empty book, and its re-import (every card matched, nothing changed), in-process, on SQLite and
PostgreSQL likewise. Goal: the import <= 5 s.
"""

from __future__ import annotations

import base64
import json
import os
import random
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _common import percentiles
from sqlalchemy import Engine, delete, insert

from passionpath.network import (
    CadenceContact,
    cadence_for,
    due_for,
    due_list,
    import_contacts,
    last_contacts,
    list_contacts,
)
from passionpath.store import get_engine
from passionpath.store import models as m

CONTACTS = 10_000
INTERACTIONS = 100_000
TAGS = ["mentor", "friend", "colleague", "recruiter", "alumni", "ux", "coach"]
TODAY = date(2026, 11, 28)
#: What the CLI and the web list of each of overdue, due and coming up before "and N more".
DUE_SHOWN = 20


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
        c["clock_day"] = (day or now.date()).toordinal()
        ideal, limit = cadence_for(json.loads(c["tags"]), c["ideal_days"], c["max_days"])
        c["cadence_ideal"], c["cadence_max"] = ideal, limit
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
    print(f"{label} due_for, every entry (in-process)  {percentiles(samples)}  [{counts}]")
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        shown = due_for(engine, today=TODAY, limit=DUE_SHOWN)
        samples.append(time.perf_counter() - started)
    print(
        f"{label} due_for, first {DUE_SHOWN} of each list as the faces show it (in-process)  "
        f"{percentiles(samples)}  [{shown.more:,} more counted]"
    )
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


VCARDS = 10_000
_SYLLABLES = ["ka", "mo", "ri", "te", "lu", "sa", "ne", "vo", "di", "ba", "po", "xu"]


def _syllables(number: int) -> str:
    """A made-up name part of its own for each number (Kamori, Tevolu, ...)."""
    parts = []
    while True:
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
        if number == 0:
            return "".join(parts).capitalize()


def vcard_file(count: int = VCARDS) -> bytes:
    """A Google/Outlook-shaped export of ``count`` different people."""
    rng = random.Random(1410)
    given = ["Lena", "Tomás", "Priya", "Wei", "Søren", "Aoife", "Omar", "Inês", "Kemi", "Jonas"]
    family = ["Ortiz", "Reyes", "Nair", "Chen", "Lund", "O'Brien", "Haddad", "Weber", "Kim"]
    orgs = ["Figma", "Contoso", "Northwind Health", "Fabrikam A/S", "Lisboa Digital", "Acme"]
    photo = base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(range(256)) * 6).decode()
    cards = []
    for i in range(count):
        first, last = rng.choice(given), f"{rng.choice(family)}-{_syllables(i)}"
        org = rng.choice(orgs)
        domain = f"{org.split()[0].lower()}.example"
        if i % 10 == 9:
            qp_first = first.replace("á", "=C3=A1").replace("ø", "=C3=B8").replace("ê", "=C3=AA")
            qp_note = "Met at the meetup=0D=0AAsk about mentoring=\r\n and portfolio reviews."
            cards.append(
                "BEGIN:VCARD\r\nVERSION:2.1\r\n"
                f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{last};{qp_first}\r\n"
                f"FN:{first} {last}\r\nORG:{org}\r\nTITLE:Designer\r\n"
                f"NOTE;ENCODING=QUOTED-PRINTABLE:{qp_note}\r\n"
                f"TEL;WORK;VOICE:+1 415 555 {i % 10000:04d}\r\n"
                f"EMAIL;PREF;INTERNET:{first.lower()}.{last.lower()}@{domain}\r\n"
                f"PHOTO;ENCODING=BASE64;JPEG:{photo[:70]}\r\n"
                + "".join(f" {photo[j : j + 72]}\r\n" for j in range(70, len(photo), 72))
                + "\r\nEND:VCARD\r\n"
            )
            continue
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"FN:{first} {last}\r\nN:{last};{first};;;\r\n"
            f"EMAIL;TYPE=INTERNET;TYPE=WORK:{first.lower()}.{last.lower()}@{domain}\r\n"
            f"EMAIL;TYPE=INTERNET;TYPE=HOME:{last.lower()}@home.example\r\n"
            f"TEL;TYPE=CELL:+44 7700 9{i:05d}\r\nitem1.TEL:020 7946 {i % 10000:04d}\r\n"
            "item1.X-ABLabel:Studio\r\n"
            f"ORG:{org}\r\nTITLE:UX Researcher\r\nBDAY:1988-04-{1 + i % 28:02d}\r\n"
            f"item2.URL:https\\://www.linkedin.com/in/{first.lower()}-{last.lower()}\r\n"
            "item2.X-ABLabel:LinkedIn\r\n"
            "NOTE:Introduced by a friend\\, happy to talk about career moves.\r\n"
            "CATEGORIES:myContacts,Network\r\nEND:VCARD\r\n"
        )
    return "".join(cards).encode("utf-8")


def measure_import(label: str, engine: Engine, data: bytes) -> None:
    with engine.begin() as conn:  # into an empty book (the due-list book may be there)
        conn.execute(delete(m.Interaction))
        conn.execute(delete(m.Contact))
    started = time.perf_counter()
    report = import_contacts(engine, None, "contacts.vcf", data, region="GB")
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = import_contacts(engine, None, "contacts.vcf", data, region="GB")
    second = time.perf_counter() - started
    print(
        f"{label} import of {VCARDS:,} vCards (in-process)  {first:.2f} s  "
        f"[{report.added:,} added, {len(report.warnings)} warnings]  "
        f"re-import {second:.2f} s [{again.added} added, {again.merged} merged, "
        f"{again.skipped:,} skipped]"
    )


def main() -> None:
    print(f"book: {CONTACTS:,} contacts, {INTERACTIONS:,} interactions")
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite    ", get_engine(f"sqlite:///{Path(tmp) / 'contacts.db'}"))
    pg = os.environ.get("PASSIONPATH_BENCH_PG_URL")
    if pg:
        measure("postgresql", get_engine(pg))
    data = vcard_file()
    print(f"vCard file: {VCARDS:,} cards, {len(data) / 1_000_000:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        measure_import("sqlite    ", get_engine(f"sqlite:///{Path(tmp) / 'import.db'}"), data)
    if pg:
        measure_import("postgresql", get_engine(pg), data)


if __name__ == "__main__":
    main()
