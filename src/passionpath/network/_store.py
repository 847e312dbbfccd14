"""Contacts and interactions in the database, always filtered by their owner."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    and_,
    case,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import expression

from passionpath.errors import NotFoundError
from passionpath.limits import MAX_LIST_ITEMS, MAX_QUERY_CHARS, MAX_TEXT_CHARS
from passionpath.network._cadence import (
    COMING_UP_DAYS,
    DueEntry,
    DueList,
    LastContact,
    cadence_for,
)
from passionpath.network._contacts import (
    ContactError,
    ContactFields,
    ContactView,
    Email,
    Phone,
    check_fields,
    check_kind,
)
from passionpath.network._occupations import occupations_for_title
from passionpath.store import models as m
from passionpath.store import owned_by

if TYPE_CHECKING:
    from passionpath.context import Context


@dataclass(frozen=True)
class InteractionView:
    id: int
    on: date
    kind: str
    note: str | None
    follow_up_on: date | None
    contact_ids: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _unknown(contact_id: int) -> NotFoundError:
    return NotFoundError(
        f"No contact {contact_id}.",
        field="contact",
        hint="The list of your contacts shows their ids.",
        kind="unknown_contact",
    )


def _row_values(data: ContactFields) -> dict[str, Any]:
    return {
        "display_name": data.display_name,
        "given_name": data.given_name,
        "family_name": data.family_name,
        "organisation": data.organisation,
        "job_title": data.job_title,
        "location": data.location,
        "urls": json.dumps(list(data.urls)),
        "tags": json.dumps(list(data.tags)),
        "occupation_codes": json.dumps(list(data.occupation_codes)),
        "how_met": data.how_met,
        "notes": data.notes,
        "passions": data.passions,
        "birthday": data.birthday,
        "photo": data.photo,
        "photo_type": data.photo_type,
        "ideal_days": data.ideal_days,
        "max_days": data.max_days,
        **_cadence_values(data),
    }


def _cadence_values(data: ContactFields) -> dict[str, int]:
    ideal, limit = cadence_for(data.tags, data.ideal_days, data.max_days)
    return {"cadence_ideal": ideal, "cadence_max": limit}


def clock_values(entry: LastContact | None) -> dict[str, Any]:
    """The columns that say when a contact's check-in clock started, after its latest
    interaction changed: that interaction, or the day the contact was added."""
    return {
        "last_contacted_on": entry.on if entry else None,
        "last_note": entry.note if entry else None,
        "clock_day": entry.on.toordinal() if entry else _day_number(m.Contact.created_at),
    }


def _write_children(conn: Connection, contact_id: int, data: ContactFields) -> None:
    conn.execute(delete(m.ContactEmail).where(m.ContactEmail.contact_id == contact_id))
    conn.execute(delete(m.ContactPhone).where(m.ContactPhone.contact_id == contact_id))
    if data.emails:
        conn.execute(
            insert(m.ContactEmail),
            [
                {"contact_id": contact_id, "position": i, "email": e.address, "label": e.label}
                for i, e in enumerate(data.emails)
            ],
        )
    if data.phones:
        conn.execute(
            insert(m.ContactPhone),
            [
                {
                    "contact_id": contact_id,
                    "position": i,
                    "original": p.original,
                    "e164": p.e164,
                    "label": p.label,
                }
                for i, p in enumerate(data.phones)
            ],
        )


def _chosen_by(data: ContactFields, ctx: Context | None) -> tuple[ContactFields, str | None]:
    """A new contact's occupations and who chose them: the caller's codes, else those its
    job title names (with a context to search the catalog), else none until one is read."""
    if data.occupation_codes:
        return data, "person"
    if data.job_title is None:
        return data, None
    if ctx is None:
        return data, None
    return replace(data, occupation_codes=occupations_for_title(data.job_title, ctx)), "title"


def add_contact(
    data: ContactFields,
    engine: Engine,
    *,
    owner: int | None = None,
    region: str | None = None,
    ctx: Context | None = None,
) -> int:
    """Store a new contact; phones without a country code are read in ``region``. Without
    occupation codes, those its job title names are stored (read now with ``ctx``, or the
    first time the book is searched by occupation)."""
    data, chosen_by = _chosen_by(check_fields(data, region=region), ctx)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        contact_id = int(
            conn.execute(
                insert(m.Contact).returning(m.Contact.id),
                {
                    **_row_values(data),
                    "occupations_by": chosen_by,
                    "user_id": owner,
                    "created_at": now,
                    "updated_at": now,
                    "clock_day": now.date().toordinal(),
                },
            ).scalar_one()
        )
        _write_children(conn, contact_id, data)
    return contact_id


def _views(conn: Connection, rows: Sequence[Any]) -> list[ContactView]:
    ids = [r.id for r in rows]
    emails: dict[int, list[Email]] = {i: [] for i in ids}
    phones: dict[int, list[Phone]] = {i: [] for i in ids}
    # Chunked, so a book of thousands stays within every backend's bound-parameter limit.
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for e in conn.execute(
            select(m.ContactEmail.__table__)
            .where(m.ContactEmail.contact_id.in_(chunk))
            .order_by(m.ContactEmail.contact_id, m.ContactEmail.position)
        ).all():
            emails[e.contact_id].append(Email(e.email, e.label))
        for p in conn.execute(
            select(m.ContactPhone.__table__)
            .where(m.ContactPhone.contact_id.in_(chunk))
            .order_by(m.ContactPhone.contact_id, m.ContactPhone.position)
        ).all():
            phones[p.contact_id].append(Phone(p.original, p.label, p.e164))
    views = []
    for r in rows:
        tags = tuple(json.loads(r.tags))
        views.append(
            ContactView(
                id=r.id,
                added_on=r.created_at.date(),
                cadence=cadence_for(tags, r.ideal_days, r.max_days),
                display_name=r.display_name,
                given_name=r.given_name,
                family_name=r.family_name,
                emails=tuple(emails[r.id]),
                phones=tuple(phones[r.id]),
                organisation=r.organisation,
                job_title=r.job_title,
                urls=tuple(json.loads(r.urls)),
                location=r.location,
                tags=tags,
                how_met=r.how_met,
                notes=r.notes,
                birthday=r.birthday,
                photo=r.photo,
                photo_type=r.photo_type,
                occupation_codes=tuple(json.loads(r.occupation_codes)),
                passions=r.passions,
                ideal_days=r.ideal_days,
                max_days=r.max_days,
                occupations_inferred=r.occupations_by == "title",
                last_contacted=r.last_contacted_on,
            )
        )
    return views


def fill_occupations(ctx: Context, *, owner: int | None = None, titles: int | None = None) -> int:
    """Store the occupations each of the owner's contacts' job titles names, for contacts
    whose title has not been read yet (added without a context, or imported); each distinct
    title is searched once, and with ``titles`` at most that many distinct titles this time
    (a few milliseconds each). Returns how many contacts were read."""
    with ctx.engine.connect() as conn:
        waiting = conn.execute(
            select(m.Contact.id, m.Contact.job_title).where(
                owned_by(m.Contact, owner),
                m.Contact.occupations_by.is_(None),
                m.Contact.job_title.is_not(None),
            )
        ).all()
    if not waiting:
        return 0
    distinct = sorted({r.job_title for r in waiting})
    if titles is not None:
        distinct = distinct[:titles]
        waiting = [r for r in waiting if r.job_title in set(distinct)]
    found = {title: occupations_for_title(title, ctx) for title in distinct}
    with ctx.engine.begin() as conn:
        for r in waiting:
            conn.execute(
                update(m.Contact)
                # Only if nobody chose codes meanwhile.
                .where(m.Contact.id == r.id, m.Contact.occupations_by.is_(None))
                .values(
                    occupation_codes=json.dumps(list(found[r.job_title])), occupations_by="title"
                )
            )
    return len(waiting)


def get_contact(contact_id: int, engine: Engine, *, owner: int | None = None) -> ContactView:
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Contact.__table__).where(
                m.Contact.id == contact_id, owned_by(m.Contact, owner)
            )
        ).all()
        if not rows:
            raise _unknown(contact_id)
        return _views(conn, rows)[0]


def _matches(view: ContactView, words: list[str]) -> bool:
    """Every word is in the contact's name, organisation, title, location, tags, emails,
    notes, how met or passions (case aside)."""
    text = " ".join(
        [
            view.display_name or "",
            view.organisation or "",
            view.job_title or "",
            view.location or "",
            view.how_met or "",
            view.notes or "",
            view.passions or "",
            *view.tags,
            *(e.address for e in view.emails),
        ]
    ).casefold()
    return all(word in text for word in words)


def list_contacts(
    engine: Engine,
    *,
    owner: int | None = None,
    tag: str | None = None,
    query: str | None = None,
) -> list[ContactView]:
    """The owner's contacts by display name; with ``tag``, only those carrying it; with
    ``query``, only those whose name, organisation, title, location, tags, emails or notes
    hold every word of it."""
    if query is not None and len(query) > MAX_QUERY_CHARS:
        raise ContactError(f"is longer than {MAX_QUERY_CHARS} characters.", field="query")
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Contact.__table__)
            .where(owned_by(m.Contact, owner))
            .order_by(func.lower(m.Contact.display_name), m.Contact.id)
        ).all()
        views = _views(conn, rows)
    if tag is not None and tag.strip():
        views = [v for v in views if tag.strip().lower() in v.tags]
    words = (query or "").casefold().split()
    if words:
        views = [v for v in views if _matches(v, words)]
    return views


def book_tags(engine: Engine, *, owner: int | None = None) -> list[tuple[str, int]]:
    """The tags in the owner's book with how many contacts carry each, most used first."""
    with engine.connect() as conn:
        rows = conn.execute(select(m.Contact.tags).where(owned_by(m.Contact, owner))).scalars()
        counts: dict[str, int] = {}
        for tags in rows:
            for tag in json.loads(tags):
                counts[tag] = counts.get(tag, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def update_contact(
    contact_id: int,
    changes: Mapping[str, Any],
    engine: Engine,
    *,
    owner: int | None = None,
    region: str | None = None,
    ctx: Context | None = None,
) -> ContactView:
    """Change the named fields (a None value clears one); the others keep their values.
    Occupation codes given here are the person's and stay through later title changes;
    a new job title otherwise brings the occupations it names (read now with ``ctx``)."""
    unknown = sorted(set(changes) - set(ContactFields.names()))
    if unknown:
        raise ContactError(f"A contact has no field {unknown[0]!r}.", field=unknown[0])
    current = get_contact(contact_id, engine, owner=owner)
    base = ContactFields(**{name: getattr(current, name) for name in ContactFields.names()})
    # A name change rebuilds the display name unless one is given with it.
    if ("given_name" in changes or "family_name" in changes) and "display_name" not in changes:
        base = replace(base, display_name=None)
    data = check_fields(replace(base, **dict(changes)), region=region)
    with engine.connect() as conn:
        chosen_by = conn.execute(
            select(m.Contact.occupations_by).where(m.Contact.id == contact_id)
        ).scalar()
    if "occupation_codes" in changes:
        chosen_by = "person"  # an empty list too: the person says none
    elif "job_title" in changes and data.job_title != current.job_title and chosen_by != "person":
        data, chosen_by = _chosen_by(replace(data, occupation_codes=()), ctx)
    with engine.begin() as conn:
        conn.execute(
            update(m.Contact)
            .where(m.Contact.id == contact_id, owned_by(m.Contact, owner))
            .values(**_row_values(data), occupations_by=chosen_by, updated_at=datetime.now(UTC))
        )
        _write_children(conn, contact_id, data)
    return get_contact(contact_id, engine, owner=owner)


def delete_contact(contact_id: int, engine: Engine, *, owner: int | None = None) -> None:
    """Delete the contact; interactions logged with it alone go with it, shared ones stay
    with the other people they were logged with."""
    with engine.begin() as conn:
        found = conn.execute(
            select(m.Contact.id).where(m.Contact.id == contact_id, owned_by(m.Contact, owner))
        ).first()
        if found is None:
            raise _unknown(contact_id)
        mine = select(m.InteractionContact.interaction_id).where(
            m.InteractionContact.contact_id == contact_id
        )
        shared = select(m.InteractionContact.interaction_id).where(
            m.InteractionContact.contact_id != contact_id
        )
        conn.execute(
            delete(m.Interaction).where(m.Interaction.id.in_(mine), m.Interaction.id.not_in(shared))
        )
        conn.execute(delete(m.Contact).where(m.Contact.id == contact_id))


def log_interaction(
    contact_ids: Iterable[int],
    kind: str,
    engine: Engine,
    *,
    owner: int | None = None,
    on: date | None = None,
    note: str | None = None,
    follow_up_on: date | None = None,
) -> int:
    """Record an interaction with one or more of the owner's contacts (today by default);
    it resets each one's check-in clock."""
    ids = sorted(set(contact_ids))
    if not ids:
        raise ContactError("Name at least one contact.", field="contacts")
    if len(ids) > MAX_LIST_ITEMS:
        raise ContactError(f"has more than {MAX_LIST_ITEMS} entries.", field="contacts")
    key = check_kind(kind)
    note = (note or "").strip() or None
    if note is not None and len(note) > MAX_TEXT_CHARS:
        raise ContactError(f"is longer than {MAX_TEXT_CHARS:,} characters.", field="note")
    day = on or date.today()
    if follow_up_on is not None and follow_up_on < day:
        raise ContactError("is before the interaction.", field="follow_up_on")
    with engine.begin() as conn:
        found = set(
            conn.execute(
                select(m.Contact.id).where(m.Contact.id.in_(ids), owned_by(m.Contact, owner))
            ).scalars()
        )
        missing = [i for i in ids if i not in found]
        if missing:
            raise _unknown(missing[0])
        interaction_id = int(
            conn.execute(
                insert(m.Interaction).returning(m.Interaction.id),
                {
                    "user_id": owner,
                    "occurred_on": day,
                    "kind": key,
                    "note": note,
                    "follow_up_on": follow_up_on,
                    "created_at": datetime.now(UTC),
                },
            ).scalar_one()
        )
        conn.execute(
            insert(m.InteractionContact),
            [{"interaction_id": interaction_id, "contact_id": i} for i in ids],
        )
        # An interaction logged late for an earlier day leaves a later one as the latest;
        # on the same day the one logged last wins, as in ``last_contacts``.
        conn.execute(
            update(m.Contact)
            .where(
                m.Contact.id.in_(ids),
                or_(m.Contact.last_contacted_on.is_(None), m.Contact.last_contacted_on <= day),
            )
            .values(last_contacted_on=day, last_note=note, clock_day=day.toordinal())
        )
    return interaction_id


def list_interactions(
    engine: Engine, *, owner: int | None = None, contact_id: int | None = None
) -> list[InteractionView]:
    """The owner's interactions, newest first; with ``contact_id``, that contact's timeline."""
    with engine.connect() as conn:
        query = select(m.Interaction.__table__).where(owned_by(m.Interaction, owner))
        if contact_id is not None:
            query = query.where(
                m.Interaction.id.in_(
                    select(m.InteractionContact.interaction_id).where(
                        m.InteractionContact.contact_id == contact_id
                    )
                )
            )
        rows = conn.execute(
            query.order_by(m.Interaction.occurred_on.desc(), m.Interaction.id.desc())
        ).all()
        links: dict[int, list[int]] = {r.id: [] for r in rows}
        ids = list(links)
        for start in range(0, len(ids), 500):
            for link in conn.execute(
                select(m.InteractionContact.__table__).where(
                    m.InteractionContact.interaction_id.in_(ids[start : start + 500])
                )
            ).all():
                links[link.interaction_id].append(link.contact_id)
    return [
        InteractionView(
            r.id, r.occurred_on, r.kind, r.note, r.follow_up_on, tuple(sorted(links[r.id]))
        )
        for r in rows
    ]


def _latest(
    conn: Connection, owner: int | None, contact_ids: Sequence[int] | None = None
) -> dict[int, LastContact]:
    ranked = select(
        m.InteractionContact.contact_id,
        m.Interaction.occurred_on,
        m.Interaction.note,
        func.row_number()
        .over(
            partition_by=m.InteractionContact.contact_id,
            order_by=(m.Interaction.occurred_on.desc(), m.Interaction.id.desc()),
        )
        .label("rank"),
    ).join(m.Interaction, m.Interaction.id == m.InteractionContact.interaction_id)
    ranked = ranked.where(owned_by(m.Interaction, owner))
    if contact_ids is not None:
        ranked = ranked.where(m.InteractionContact.contact_id.in_(contact_ids))
    table = ranked.subquery()
    rows = conn.execute(
        select(table.c.contact_id, table.c.occurred_on, table.c.note).where(table.c.rank == 1)
    ).all()
    return {r.contact_id: LastContact(r.occurred_on, r.note) for r in rows}


def last_contacts(engine: Engine, *, owner: int | None = None) -> dict[int, LastContact]:
    """Each contact's latest interaction (the later-logged one on a tie): day and note,
    worked out from the interactions themselves (the due list reads the copy that logging
    keeps on each contact)."""
    with engine.connect() as conn:
        return _latest(conn, owner)


def delete_interaction(interaction_id: int, engine: Engine, *, owner: int | None = None) -> None:
    """Delete a logged interaction; its contacts' clocks go back to their latest remaining
    interaction (or to the day they were added)."""
    with engine.begin() as conn:
        found = conn.execute(
            select(m.Interaction.id).where(
                m.Interaction.id == interaction_id, owned_by(m.Interaction, owner)
            )
        ).first()
        if found is None:
            raise NotFoundError(
                f"No interaction {interaction_id}.",
                field="interaction",
                hint="A contact's timeline shows the ids of its interactions.",
                kind="unknown_interaction",
            )
        contact_ids = list(
            conn.execute(
                select(m.InteractionContact.contact_id).where(
                    m.InteractionContact.interaction_id == interaction_id
                )
            ).scalars()
        )
        conn.execute(delete(m.Interaction).where(m.Interaction.id == interaction_id))
        latest = _latest(conn, owner, contact_ids)
        for contact_id in contact_ids:
            conn.execute(
                update(m.Contact)
                .where(m.Contact.id == contact_id)
                .values(**clock_values(latest.get(contact_id)))
            )


class _day_number(expression.FunctionElement[int]):
    """A date or timestamp column as its day number (``date.toordinal()``), worked out by the
    database: reading ten thousand dates as Python objects costs more than the whole due
    list, and integers come back free."""

    type = Integer()
    inherit_cache = True


@compiles(_day_number, "sqlite")
def _sqlite_day_number(element: _day_number, compiler: Any, **kw: Any) -> str:
    # julianday('0001-01-01') is 1721425.5 and that day is ordinal 1. date() drops the time
    # first: julianday keeps only milliseconds, so 23:59:59.9995 would round into the next day.
    column = compiler.process(element.clauses, **kw)
    return f"CAST(julianday(date({column})) - 1721424.5 AS INTEGER)"


@compiles(_day_number)
def _standard_day_number(element: _day_number, compiler: Any, **kw: Any) -> str:
    # PostgreSQL: subtracting dates gives days; a timestamp becomes its day in the session's
    # time zone, as the datetime the driver hands back would.
    return f"(CAST({compiler.process(element.clauses, **kw)} AS DATE) - DATE '0001-01-01' + 1)"


def due_for(
    engine: Engine,
    *,
    owner: int | None = None,
    today: date | None = None,
    limit: int | None = None,
    horizon: int = COMING_UP_DAYS,
) -> DueList:
    """The owner's due list: overdue, due and coming-up check-ins, in ``due_list``'s order,
    each list cut to its first ``limit`` entries (all with None) and counted in full.

    The database picks, orders and counts on integer columns kept on each contact (the
    clock's day and the resolved cadence), so a book of ten thousand costs a scan of
    integers and only the listed rows come back as Python objects."""
    day = (today or date.today()).toordinal()
    c = m.Contact
    # Written with every contact (and filled in by migration 0011 for older ones).
    start, ideal, most = c.clock_day, c.cadence_ideal, c.cadence_max
    # Days since contact past the maximum; the ideal reached; due within the horizon. A
    # clock started in the future (a meeting logged ahead) counts as started today.
    overdue = start + most < day
    due = and_(start + most >= day, start + ideal <= day)
    coming = and_(
        start + most >= day,
        or_(
            and_(start + ideal > day, start + ideal <= day + horizon),
            and_(start > day, ideal <= horizon),
        ),
    )
    # Code-point order for names, as due_list sorts them (SQLite's default already is).
    name: Any = (
        c.display_name.collate("C") if engine.dialect.name == "postgresql" else c.display_name
    )
    lists = (
        (overdue, start + most),  # most days past the maximum first
        (due, start),  # longest waiting first
        (coming, start + ideal),  # soonest due first
    )
    columns = (c.id, c.display_name, c.last_contacted_on, c.last_note, start, ideal, most)
    owned = owned_by(c, owner)
    entries: list[list[DueEntry]] = []
    with engine.connect() as conn:
        totals = conn.execute(
            select(*(func.count(case((test, 1))) for test, _ in lists)).where(owned)
        ).one()
        for (test, key), total in zip(lists, totals, strict=True):
            if not total:
                entries.append([])
                continue
            query = select(*columns).where(owned, test).order_by(key, name, c.id).limit(limit)
            entries.append(
                [
                    DueEntry(
                        contact,
                        shown,
                        max(day - begin, 0),
                        a,
                        b,
                        date.fromordinal(begin + a),
                        date.fromordinal(begin + b + 1),
                        seen,
                        note,
                    )
                    for contact, shown, seen, note, begin, a, b in conn.execute(query)
                ]
            )
    return DueList(
        overdue=entries[0],
        due=entries[1],
        coming_up=entries[2],
        overdue_total=totals[0],
        due_total=totals[1],
        coming_up_total=totals[2],
    )
