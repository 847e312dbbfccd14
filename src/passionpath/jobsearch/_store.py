"""Applications and their stage logs in the database, always filtered by their owner."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, delete, insert, select, update

from passionpath.errors import NotFoundError
from passionpath.jobsearch._fields import (
    ApplicationError,
    ApplicationFields,
    ApplicationView,
    LinkedContact,
    check_event,
    check_fields,
)
from passionpath.jobsearch._stages import (
    CLOSED,
    CONTACT_ROLES,
    DEFAULT_GHOST_DAYS,
    StageEvent,
    Track,
    ordered,
    status_of,
)
from passionpath.store import models as m
from passionpath.store import owned_by

if TYPE_CHECKING:
    from passionpath.context import Context


__all__ = [
    "FIRST_STAGES",
    "add_application",
    "cited_counts",
    "cited_ids",
    "delete_application",
    "get_application",
    "insert_application",
    "list_applications",
    "log_event",
    "tracks",
    "unknown_application",
    "update_application",
]

#: The stages a new application may start at.
FIRST_STAGES = ("saved", "applied")


def unknown_application(application_id: int) -> NotFoundError:
    return NotFoundError(
        f"No application {application_id}.",
        field="application",
        hint="The list of your applications shows their ids.",
        kind="unknown_application",
    )


def _occupation(data: ApplicationFields, ctx: Context | None) -> tuple[str | None, str | None]:
    """(code, who chose it) for a new or retitled application."""
    if data.occupation_code:
        return data.occupation_code, "person"
    if ctx is None or not data.role_title:
        return None, None
    from passionpath.network import occupations_for_title

    found = occupations_for_title(data.role_title, ctx)
    return (found[0], "title") if found else (None, None)


def _row_values(data: ApplicationFields) -> dict[str, Any]:
    return {
        name: getattr(data, name)
        for name in ApplicationFields.names()
        if name not in ("contacts", "occupation_code")
    }


def _check_contacts(
    conn: Connection, owner: int | None, ids: Iterable[int], field: str = "linked_contacts"
) -> None:
    wanted = sorted(set(ids))
    if not wanted:
        return
    found = set(
        conn.execute(
            select(m.Contact.id).where(owned_by(m.Contact, owner), m.Contact.id.in_(wanted))
        ).scalars()
    )
    for contact_id in wanted:
        if contact_id not in found:
            raise NotFoundError(
                f"No contact {contact_id}.",
                field=field,
                hint="The list of your contacts shows their ids.",
                kind="unknown_contact",
            )


def _write_contacts(conn: Connection, application_id: int, links: Sequence[LinkedContact]) -> None:
    conn.execute(
        delete(m.ApplicationContact).where(m.ApplicationContact.application_id == application_id)
    )
    if links:
        conn.execute(
            insert(m.ApplicationContact),
            [
                {"application_id": application_id, "contact_id": c.contact_id, "role": c.role}
                for c in links
            ],
        )


def _event_row(application_id: int, event: StageEvent) -> dict[str, Any]:
    return {
        "application_id": application_id,
        "stage": event.stage,
        "occurred_on": event.on,
        "note": event.note,
        "interview_kind": event.interview_kind,
        "contact_ids": json.dumps(list(event.contact_ids)),
        "people": json.dumps(list(event.people)),
        "at_stage": event.at_stage,
        "ended_by": event.ended_by,
        "reasons": json.dumps(list(event.reasons)),
        "feedback": event.feedback,
        "cited": json.dumps(list(event.cited)),
        "created_at": datetime.now(UTC),
    }


def insert_application(
    conn: Connection,
    data: ApplicationFields,
    events: Sequence[StageEvent],
    *,
    owner: int | None,
    ctx: Context | None,
) -> int:
    """Store a checked application with its (checked) events in an open transaction."""
    code, chosen_by = _occupation(data, ctx)
    now = datetime.now(UTC)
    _check_contacts(conn, owner, [c.contact_id for c in data.contacts])
    _check_contacts(conn, owner, [i for e in events for i in e.contact_ids], "contact_ids")
    application_id = int(
        conn.execute(
            insert(m.Application).returning(m.Application.id),
            {
                **_row_values(data),
                "occupation_code": code,
                "occupation_by": chosen_by,
                "user_id": owner,
                "created_at": now,
                "updated_at": now,
            },
        ).scalar_one()
    )
    if data.contacts:
        _write_contacts(conn, application_id, data.contacts)
    if events:
        conn.execute(insert(m.ApplicationEvent), [_event_row(application_id, e) for e in events])
    return application_id


def add_application(
    data: ApplicationFields,
    engine: Engine,
    *,
    owner: int | None = None,
    stage: str = "saved",
    on: date | None = None,
    ctx: Context | None = None,
) -> int:
    """Store a new application, its log starting with ``stage`` (saved or applied) on ``on``
    (default today). Without an occupation code, the one its role title clearly names is
    stored (read with ``ctx``)."""
    if stage not in FIRST_STAGES:
        raise ApplicationError(
            f"{stage!r}: a new application starts as saved or applied.", field="stage"
        )
    data = check_fields(data)
    first = check_event(StageEvent(0, stage, on or date.today()))
    with engine.begin() as conn:
        return insert_application(conn, data, [first], owner=owner, ctx=ctx)


def _owned_row(conn: Connection, application_id: int, owner: int | None) -> Any:
    row = conn.execute(
        select(m.Application.__table__).where(
            owned_by(m.Application, owner), m.Application.id == application_id
        )
    ).first()
    if row is None:
        raise unknown_application(application_id)
    return row


def update_application(
    application_id: int,
    changes: Mapping[str, Any],
    engine: Engine,
    *,
    owner: int | None = None,
    ctx: Context | None = None,
) -> ApplicationView:
    """Change the fields in ``changes`` (by ApplicationFields name; None empties one, a
    ``contacts`` tuple replaces the linked people). A new role title is read again for its
    occupation unless the person chose the occupation."""
    unknown = set(changes) - set(ApplicationFields.names())
    if unknown:
        raise ApplicationError(f"{sorted(unknown)[0]} is not a field of an application.")
    with engine.begin() as conn:
        row = _owned_row(conn, application_id, owner)
        current = _fields_from_row(row, _links(conn, [application_id]).get(application_id, ()))
        merged = check_fields(replace(current, **dict(changes)))
        values = _row_values(merged)
        if "occupation_code" in changes:
            code, chosen = _occupation(merged, ctx)
            values |= {"occupation_code": code, "occupation_by": chosen}
        elif "role_title" in changes and row.occupation_by != "person":
            code, chosen = _occupation(replace(merged, occupation_code=None), ctx)
            values |= {"occupation_code": code, "occupation_by": chosen}
        if "contacts" in changes:
            _check_contacts(conn, owner, [c.contact_id for c in merged.contacts])
            _write_contacts(conn, application_id, merged.contacts)
        conn.execute(
            update(m.Application)
            .where(m.Application.id == application_id)
            .values(**values, updated_at=datetime.now(UTC))
        )
    return get_application(application_id, engine, owner=owner, ctx=ctx)


def log_event(
    application_id: int,
    event: StageEvent,
    engine: Engine,
    *,
    owner: int | None = None,
) -> int:
    """Append a stage event to an application's log; returns its id. A rejection that does
    not say its stage is recorded at the furthest stage reached; a closed application is
    reopened only by a new event, its history kept."""
    event = check_event(event)
    with engine.begin() as conn:
        _owned_row(conn, application_id, owner)
        _check_contacts(conn, owner, event.contact_ids, "contact_ids")
        if event.stage == "rejected" and event.at_stage is None:
            log = _events(conn, [application_id]).get(application_id, [])
            event = replace(event, at_stage=_stage_before_rejection(log))
        if event.stage == "rejected" and event.ended_by is None:
            event = replace(event, ended_by="they")
        return int(
            conn.execute(
                insert(m.ApplicationEvent).returning(m.ApplicationEvent.id),
                _event_row(application_id, event),
            ).scalar_one()
        )


def _stage_before_rejection(log: Sequence[StageEvent]) -> str:
    from passionpath.jobsearch._stages import REJECTABLE, furthest_stage

    furthest = furthest_stage(log)
    return furthest if furthest in REJECTABLE else "applied"


def delete_application(application_id: int, engine: Engine, *, owner: int | None = None) -> None:
    with engine.begin() as conn:
        _owned_row(conn, application_id, owner)
        conn.execute(delete(m.Application).where(m.Application.id == application_id))


def _links(conn: Connection, ids: Sequence[int]) -> dict[int, tuple[LinkedContact, ...]]:
    out: dict[int, list[LinkedContact]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(
            select(m.ApplicationContact.__table__).where(
                m.ApplicationContact.application_id.in_(chunk)
            )
        ):
            out.setdefault(r.application_id, []).append(LinkedContact(r.contact_id, r.role))
    rank = {role: i for i, role in enumerate(CONTACT_ROLES)}
    return {
        k: tuple(sorted(v, key=lambda c: (rank.get(c.role, 99), c.contact_id)))
        for k, v in out.items()
    }


def _json_list(text: str) -> tuple[Any, ...]:
    return () if text == "[]" else tuple(json.loads(text))


def _events(conn: Connection, ids: Sequence[int]) -> dict[int, list[StageEvent]]:
    out: dict[int, list[StageEvent]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(
            select(m.ApplicationEvent.__table__)
            .where(m.ApplicationEvent.application_id.in_(chunk))
            .order_by(m.ApplicationEvent.occurred_on, m.ApplicationEvent.id)
        ):
            out.setdefault(r.application_id, []).append(
                StageEvent(
                    id=r.id,
                    stage=r.stage,
                    on=r.occurred_on,
                    note=r.note,
                    interview_kind=r.interview_kind,
                    contact_ids=_json_list(r.contact_ids),
                    people=_json_list(r.people),
                    at_stage=r.at_stage,
                    ended_by=r.ended_by,
                    reasons=_json_list(r.reasons),
                    feedback=r.feedback,
                    cited=_json_list(r.cited),
                )
            )
    return out


#: The plain columns of an application, as ApplicationFields names them.
_COLUMNS = tuple(n for n in ApplicationFields.names() if n != "contacts")


def _fields_from_row(row: Any, links: Sequence[LinkedContact]) -> ApplicationFields:
    values = {n: getattr(row, n) for n in _COLUMNS}
    return ApplicationFields(**values, contacts=tuple(links))


def _titles(ctx: Context | None) -> dict[str, str]:
    if ctx is None:
        return {}
    from passionpath.catalog import title_index
    from passionpath.errors import PassionpathError

    try:
        index = title_index(ctx)
    except PassionpathError:  # no catalog loaded: codes alone
        return {}
    return dict(zip(index.codes, index.titles, strict=True))


def _views(
    conn: Connection, rows: Sequence[Any], today: date, ghost_after: int, ctx: Context | None
) -> list[ApplicationView]:
    ids = [r.id for r in rows]
    links = _links(conn, ids)
    events = _events(conn, ids)
    titles = _titles(ctx) if rows else {}
    views = []
    for r in rows:
        log = ordered(events.get(r.id, []))
        base = _fields_from_row(r, links.get(r.id, ()))
        views.append(
            ApplicationView(
                **{n: getattr(base, n) for n in (*_COLUMNS, "contacts")},
                id=r.id,
                added_on=r.created_at.date(),
                occupation_inferred=r.occupation_by == "title",
                occupation_title=titles.get(r.occupation_code) if r.occupation_code else None,
                events=tuple(log),
                status=status_of(log, today, ghost_after),
            )
        )
    return views


def get_application(
    application_id: int,
    engine: Engine,
    *,
    owner: int | None = None,
    today: date | None = None,
    ghost_after: int = DEFAULT_GHOST_DAYS,
    ctx: Context | None = None,
) -> ApplicationView:
    with engine.connect() as conn:
        row = _owned_row(conn, application_id, owner)
        return _views(conn, [row], today or date.today(), ghost_after, ctx)[0]


def list_applications(
    engine: Engine,
    *,
    owner: int | None = None,
    stage: str | None = None,
    open_only: bool = False,
    today: date | None = None,
    ghost_after: int = DEFAULT_GHOST_DAYS,
    ctx: Context | None = None,
) -> list[ApplicationView]:
    """The owner's applications, newest first; only those whose status is ``stage``, or
    only those still open."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Application.__table__)
            .where(owned_by(m.Application, owner))
            .order_by(m.Application.created_at.desc(), m.Application.id.desc())
        ).all()
        views = _views(conn, rows, today or date.today(), ghost_after, ctx)
    if stage is not None:
        from passionpath.jobsearch._fields import check_stage

        wanted = check_stage(stage)
        views = [v for v in views if v.status is not None and v.status.stage == wanted]
    if open_only:
        views = [v for v in views if v.status is not None and v.status.stage not in CLOSED]
    return views


def tracks(views: Iterable[ApplicationView]) -> list[Track]:
    """Stored applications as the metrics read them."""
    return [
        Track(
            v.id,
            list(v.events),
            occupation=v.occupation_code,
            source=v.source,
            company=v.company or "",
            title=v.role_title or "",
        )
        for v in views
    ]


def cited_counts(engine: Engine, *, owner: int | None = None) -> dict[str, int]:
    """O*NET descriptor id -> how many of the owner's rejections named it (a rejection
    naming a skill twice counts once)."""
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.ApplicationEvent.cited).where(
                owned_by(m.ApplicationEvent, owner),
                m.ApplicationEvent.stage == "rejected",
                m.ApplicationEvent.cited != "[]",
            )
        ).scalars()
        for cited in rows:
            for element in set(json.loads(cited)):
                counts[element] = counts.get(element, 0) + 1
    return counts


def cited_ids(names: Sequence[str], engine: Engine) -> tuple[str, ...]:
    """Skills or knowledge areas named by id ("2.C.3.c") or by name ("Design", any case) as
    O*NET descriptor ids; a name the catalog does not know is an error naming ``cited``."""
    from passionpath.catalog import descriptors

    known: dict[str, str] = {}
    ids: set[str] = set()
    for domain in ("knowledge", "skills"):  # a name in both (Mathematics): the skill wins
        for d in descriptors(domain, engine):
            known[d.name.casefold()] = d.element_id
            ids.add(d.element_id)
    out: list[str] = []
    for name in names:
        text = name.strip()
        element = text if text in ids else known.get(text.casefold())
        if element is None:
            raise ApplicationError(
                f"{name!r} is not a skill or knowledge area in the catalog.",
                field="cited",
                hint="Name it as O*NET does (Design, Programming) or by its id (2.C.3.c).",
            )
        if element not in out:
            out.append(element)
    return tuple(out)
