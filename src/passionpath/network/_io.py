"""Importing contact files into the book, merging contacts, and exporting the book.

An import reads the whole file first (any card or row at fault stops it there, before the
database is touched), then matches each contact against the book and against the file's
earlier contacts (see ``_merge``), and writes everything in one transaction: a file is
imported whole or not at all. A contact that matches changes the book only by what it adds,
so importing the same file again changes nothing. ``dry_run`` does all of that but the
writing, for a preview of what would be added and merged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, date, datetime
from pathlib import PurePath
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select, text, update

from passionpath.limits import MAX_CONTACTS_FILE_BYTES
from passionpath.network._contacts import ContactError, ContactFields, ContactView, check_fields
from passionpath.network._files import ImportFileError, check_binary, read_text
from passionpath.network._incoming import Incoming, IncomingMessage
from passionpath.network._linkedin import (
    looks_like_connections,
    read_connections,
    read_linkedin_zip,
)
from passionpath.network._merge import BookIndex, merge_fields, plain
from passionpath.network._store import (
    _latest,
    _row_values,
    _views,
    _write_children,
    clock_values,
    get_contact,
)
from passionpath.network._vcard_lines import read_cards
from passionpath.network._vcard_read import read_vcards
from passionpath.network._vcard_write import VERSIONS, write_vcards
from passionpath.store import models as m
from passionpath.store import owned_by

#: What ``import_contacts`` recognises, by the ``kind`` of its report.
IMPORT_KINDS = ("vcard", "linkedin_connections", "linkedin_export")


@dataclass(frozen=True)
class MergeNote:
    """One contact of the file merged into another: ``source`` says which (``card 3 (Lena
    Ortiz)``), ``into`` the contact it went into (its id when it was already in the book,
    None when it is one this import adds), ``reason`` why they are one person."""

    source: str
    into: str
    into_id: int | None
    reason: str


@dataclass(frozen=True)
class ImportReport:
    """What an import did (or, with ``dry_run``, would do)."""

    filename: str
    kind: str
    added: int
    merged: int
    skipped: int
    merges: tuple[MergeNote, ...] = ()
    warnings: tuple[str, ...] = ()
    interactions_added: int = 0
    dry_run: bool = False
    #: The ids of the contacts added (none on a dry run).
    added_ids: tuple[int, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Entry:
    """A contact of the book or of the file, as the import goes."""

    fields: ContactFields
    contact_id: int | None = None
    source: str = ""
    changed: bool = False


@dataclass
class _Read:
    kind: str
    contacts: list[Incoming]
    messages: list[IncomingMessage] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _read(filename: str, data: bytes, region: str | None) -> _Read:
    """The file's contacts, whichever kind of file it is (by content first, then by name)."""
    if not data.strip():
        raise ImportFileError(filename, "is empty.")
    if data[:4] == b"PK\x03\x04":
        contacts, messages, skipped, warnings = read_linkedin_zip(filename, data, region)
        return _Read("linkedin_export", contacts, messages, skipped, warnings)
    if len(data) > MAX_CONTACTS_FILE_BYTES:
        raise ImportFileError(
            filename,
            f"is {len(data) / 1_000_000:.1f} MB; the limit for a contacts file is "
            f"{MAX_CONTACTS_FILE_BYTES / 1_000_000:g} MB.",
            hint="Split the file and import the parts one after another.",
        )
    text = read_text(filename, data)
    check_binary(filename, text)
    first = next((line.strip().upper() for line in text.lines if line.strip()), "")
    suffix = PurePath(filename).suffix.lower()
    if first.startswith("BEGIN:VCARD") or suffix in (".vcf", ".vcard"):
        contacts, skipped = read_vcards(filename, read_cards(filename, text.lines), region)
        return _Read("vcard", contacts, skipped=skipped)
    if looks_like_connections(text.lines) or suffix == ".csv":
        contacts, skipped = read_connections(filename, text.lines, region)
        return _Read("linkedin_connections", contacts, skipped=skipped)
    raise ImportFileError(
        filename,
        "is not a file of contacts this can read.",
        hint="Give a vCard (.vcf), a LinkedIn Connections.csv or a LinkedIn data export zip.",
    )


def base_fields(view: ContactView) -> ContactFields:
    """A stored contact's fields alone (no id, no dates)."""
    return ContactFields(**{f.name: getattr(view, f.name) for f in fields(ContactFields)})


def _book(conn: Connection, owner: int | None) -> list[ContactView]:
    rows = conn.execute(select(m.Contact.__table__).where(owned_by(m.Contact, owner))).all()
    return _views(conn, rows)


class _Plan:
    """The book, the file's contacts matched into it, and the tallies for the report."""

    def __init__(self, book: Sequence[ContactView], region: str | None) -> None:
        self.region = region
        self.index = BookIndex()
        self.entries: list[_Entry] = []
        for view in book:
            self._index(_Entry(base_fields(view), view.id))
        self.added = self.merged = self.unchanged = 0
        self.merges: list[MergeNote] = []
        self._names: dict[str, int] | None = None

    def _index(self, entry: _Entry) -> int:
        key = len(self.entries)
        self.entries.append(entry)
        self.index.add(key, entry.fields)
        return key

    def take(self, filename: str, incoming: Incoming) -> None:
        match = self.index.find(incoming.fields)
        if match is None:
            self._index(_Entry(incoming.fields, source=f"{incoming.source} ({incoming.name})"))
            self.added += 1
            return
        entry = self.entries[match.key]
        merged = merge_fields(entry.fields, incoming.fields)
        if merged == entry.fields:
            self.unchanged += 1
            return
        try:
            merged = check_fields(merged, region=self.region)
        except ContactError as exc:  # a merge past a limit: say which card took it there
            raise ImportFileError(filename, f"{incoming.source}: merged, {exc}") from exc
        if merged == entry.fields:
            self.unchanged += 1
            return
        entry.fields = merged
        entry.changed = True
        self.index.add(match.key, merged)
        self.merged += 1
        into = entry.fields.display_name or ""
        if entry.contact_id is None:
            into = f"{into} ({entry.source.split(' (', 1)[0]} of this file)"
        self.merges.append(
            MergeNote(f"{incoming.source} ({incoming.name})", into, entry.contact_id, match.reason)
        )

    def people_in(self, message: IncomingMessage) -> set[int]:
        if message.profiles:
            found = (self.index.by_profile(p) for p in message.profiles)
        else:
            if self._names is None:  # built once, after every contact of the file is in
                self._names = {plain(e.fields.display_name): k for k, e in enumerate(self.entries)}
            found = (self._names.get(n) for n in message.names)
        return {k for k in found if k is not None}


def _new_contact_ids(conn: Connection, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the contacts, returning their ids in order. PostgreSQL takes its ids from the
    sequence first and the rows in one pipelined batch: an INSERT ... RETURNING of ten
    thousand rows costs psycopg seconds to build; SQLite's is quick."""
    if conn.dialect.name != "postgresql":
        result = conn.execute(
            insert(m.Contact).returning(m.Contact.id, sort_by_parameter_order=True), rows
        )
        return [int(i) for i in result.scalars().all()]
    sequence = conn.execute(text("SELECT pg_get_serial_sequence('contact', 'id')")).scalar_one()
    ids = [
        int(i)
        for i in conn.execute(
            text("SELECT nextval(:sequence) FROM generate_series(1, :count)"),
            {"sequence": sequence, "count": len(rows)},
        ).scalars()
    ]
    conn.execute(insert(m.Contact), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)])
    return ids


def _insert_new(conn: Connection, entries: list[_Entry], owner: int | None) -> None:
    new = [e for e in entries if e.contact_id is None]
    if not new:
        return
    now = datetime.now(UTC)
    rows = [
        {
            **_row_values(e.fields),
            "user_id": owner,
            "created_at": now,
            "updated_at": now,
            "clock_day": now.date().toordinal(),
        }
        for e in new
    ]
    ids = _new_contact_ids(conn, rows)
    emails, phones = [], []
    for entry, contact_id in zip(new, ids, strict=True):
        entry.contact_id = int(contact_id)
        emails += [
            {"contact_id": contact_id, "position": i, "email": e.address, "label": e.label}
            for i, e in enumerate(entry.fields.emails)
        ]
        phones += [
            {
                "contact_id": contact_id,
                "position": i,
                "original": p.original,
                "e164": p.e164,
                "label": p.label,
            }
            for i, p in enumerate(entry.fields.phones)
        ]
    if emails:
        conn.execute(insert(m.ContactEmail), emails)
    if phones:
        conn.execute(insert(m.ContactPhone), phones)


def _message_keys(conn: Connection, owner: int | None) -> set[tuple[int, date, str | None]]:
    rows = conn.execute(
        select(m.InteractionContact.contact_id, m.Interaction.occurred_on, m.Interaction.note)
        .join(m.Interaction, m.Interaction.id == m.InteractionContact.interaction_id)
        .where(owned_by(m.Interaction, owner), m.Interaction.kind == "message")
    ).all()
    return {(r.contact_id, r.occurred_on, r.note) for r in rows}


def _log_messages(
    conn: Connection | None, plan: _Plan, messages: Iterable[IncomingMessage], owner: int | None
) -> int:
    """Log the message days not logged already; returns how many (would be) logged."""
    known = _message_keys(conn, owner) if conn is not None else set()
    planned = set()
    logged = 0
    touched: set[int] = set()
    for message in messages:
        keys = plan.people_in(message)
        if not keys:
            continue
        ids = [plan.entries[k].contact_id for k in sorted(keys)]
        if any(i is not None and (i, message.on, message.note) in known for i in ids):
            continue
        fingerprint = (tuple(sorted(keys)), message.on, message.note)
        if fingerprint in planned:
            continue
        planned.add(fingerprint)
        logged += 1
        if conn is None:
            continue
        interaction_id = conn.execute(
            insert(m.Interaction).returning(m.Interaction.id),
            {
                "user_id": owner,
                "occurred_on": message.on,
                "kind": "message",
                "note": message.note,
                "created_at": datetime.now(UTC),
            },
        ).scalar_one()
        conn.execute(
            insert(m.InteractionContact),
            [{"interaction_id": interaction_id, "contact_id": i} for i in ids],
        )
        touched.update(i for i in ids if i is not None)
    if conn is not None and touched:
        _refresh_last_contact(conn, owner, sorted(touched))
    return logged


def _refresh_last_contact(conn: Connection, owner: int | None, contact_ids: list[int]) -> None:
    for start in range(0, len(contact_ids), 500):
        chunk = contact_ids[start : start + 500]
        latest = _latest(conn, owner, chunk)
        for contact_id in chunk:
            conn.execute(
                update(m.Contact)
                .where(m.Contact.id == contact_id)
                .values(**clock_values(latest.get(contact_id)))
            )


def import_contacts(
    engine: Engine,
    owner: int | None,
    filename: str,
    data: bytes,
    *,
    dry_run: bool = False,
    region: str | None = None,
) -> ImportReport:
    """Import a vCard file, a LinkedIn ``Connections.csv`` or a LinkedIn export zip into the
    owner's book (phones without a country code are read in ``region``). Raises
    ``ImportFileError`` naming the file, card and line when anything in it is at fault, and
    then stores nothing."""
    read = _read(filename, data, region)
    warnings = [w for c in read.contacts for w in c.warnings] + read.warnings
    context = engine.connect() if dry_run else engine.begin()
    with context as conn:
        plan = _Plan(_book(conn, owner), region)
        for incoming in read.contacts:
            plan.take(filename, incoming)
        if dry_run:
            logged = _log_messages(None, plan, read.messages, owner)
            added_ids: tuple[int, ...] = ()
        else:
            _insert_new(conn, plan.entries, owner)
            now = datetime.now(UTC)
            for entry in plan.entries:
                if entry.changed and entry.contact_id is not None and entry.source == "":
                    conn.execute(
                        update(m.Contact)
                        .where(m.Contact.id == entry.contact_id)
                        .values(**_row_values(entry.fields), updated_at=now)
                    )
                    _write_children(conn, entry.contact_id, entry.fields)
            logged = _log_messages(conn, plan, read.messages, owner)
            added_ids = tuple(e.contact_id for e in plan.entries if e.source and e.contact_id)
    return ImportReport(
        filename=filename,
        kind=read.kind,
        added=plan.added,
        merged=plan.merged,
        skipped=plan.unchanged + len(read.skipped),
        merges=tuple(plan.merges),
        warnings=tuple(read.skipped + warnings),
        interactions_added=logged,
        dry_run=dry_run,
        added_ids=added_ids,
    )


def merge_contacts(engine: Engine, owner: int | None, keep: int, other: int) -> ContactView:
    """Merge contact ``other`` into ``keep``: ``keep`` gains what only ``other`` has (emails,
    phones, links, tags, the fields it lacks), ``other``'s interactions move to ``keep``, and
    ``other`` is deleted."""
    if keep == other:
        raise ContactError("is the contact kept; name two different contacts.", field="other")
    kept = get_contact(keep, engine, owner=owner)
    gone = get_contact(other, engine, owner=owner)
    merged = check_fields(merge_fields(base_fields(kept), base_fields(gone)))
    with engine.begin() as conn:
        conn.execute(
            update(m.Contact)
            .where(m.Contact.id == keep, owned_by(m.Contact, owner))
            .values(**_row_values(merged), updated_at=datetime.now(UTC))
        )
        _write_children(conn, keep, merged)
        shared = select(m.InteractionContact.interaction_id).where(
            m.InteractionContact.contact_id == keep
        )
        conn.execute(
            delete(m.InteractionContact).where(
                m.InteractionContact.contact_id == other,
                m.InteractionContact.interaction_id.in_(shared),
            )
        )
        conn.execute(
            update(m.InteractionContact)
            .where(m.InteractionContact.contact_id == other)
            .values(contact_id=keep)
        )
        conn.execute(delete(m.Contact).where(m.Contact.id == other))
        _refresh_last_contact(conn, owner, [keep])
    return get_contact(keep, engine, owner=owner)


def export_vcard(engine: Engine, owner: int | None, *, version: str = "4.0") -> str:
    """The owner's book as one vCard file, version 4.0 (default) or 3.0."""
    if version not in VERSIONS:
        raise ContactError(
            f"{version!r} is not a vCard version this writes.",
            field="version",
            hint="Use 4.0, or 3.0 for Apple Contacts and Android.",
        )
    with engine.connect() as conn:
        return write_vcards(sorted(_book(conn, owner), key=_order), version)


def _order(view: ContactView) -> tuple[str, int]:
    return ((view.display_name or "").casefold(), view.id)


#: The columns of the CSV export; lists are joined with "; ".
CSV_COLUMNS = (
    "id",
    "display_name",
    "given_name",
    "family_name",
    "emails",
    "phones",
    "organisation",
    "job_title",
    "urls",
    "location",
    "tags",
    "how_met",
    "notes",
    "birthday",
    "occupation_codes",
    "passions",
    "ideal_days",
    "max_days",
    "added_on",
)


def _cell(value: str) -> str:
    # A cell a spreadsheet would run as a formula (a name like "=HYPERLINK(...)" from an
    # imported file) is written with a leading apostrophe; "+1 415 ..." stays a phone.
    if value[:1] in ("=", "@", "\t", "\r") or (
        value[:1] in ("+", "-") and not all(c.isdigit() or c in " ()-./+x;" for c in value)
    ):
        return "'" + value
    return value


def _csv_row(view: ContactView) -> list[str]:
    values: dict[str, object] = {
        **{f.name: getattr(view, f.name) for f in fields(ContactFields)},
        "id": view.id,
        "added_on": view.added_on,
        "emails": "; ".join(e.address for e in view.emails),
        "phones": "; ".join(p.original for p in view.phones),
    }
    row = []
    for column in CSV_COLUMNS:
        value = values.get(column)
        if isinstance(value, tuple):
            value = "; ".join(str(v) for v in value)
        row.append(_cell("" if value is None else str(value)))
    return row


def export_csv(engine: Engine, owner: int | None) -> str:
    """The owner's book as CSV: one row a contact, the columns of ``CSV_COLUMNS``."""
    with engine.connect() as conn:
        book = sorted(_book(conn, owner), key=_order)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(_csv_row(v) for v in book)
    return out.getvalue()
