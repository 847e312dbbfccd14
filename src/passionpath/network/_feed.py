"""Check-ins and follow-ups as an RFC 5545 calendar, at one secret address per user.

Each check-in on the due list (overdue, due, coming up) and each follow-up still open is a
to-do (VTODO) whose DUE is the day, with a reminder on the morning of that day. A to-do's UID
holds the contact and the day it is due, so when a logged interaction resets someone's clock
the old to-do leaves the feed and the next one takes its place. A follow-up stays open until
something later is logged with one of the people it was about.
"""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Todo, vDuration
from sqlalchemy import Engine, and_, delete, func, insert, or_, select

from passionpath.errors import NotFoundError
from passionpath.network._store import due_for
from passionpath.store import models as m
from passionpath.store import owned_by

PRODUCT_ID = "-//passionpath//contact check-ins//EN"
#: Calendar apps read a subscribed feed on their own schedule; this asks for twice a day.
REFRESH = timedelta(hours=12)
#: The reminder comes on the morning of the day a to-do is due.
REMIND_AT = timedelta(hours=9)
#: Real tokens are 32 characters; anything much shorter is refused before a query.
_MIN_TOKEN = 20


def feed_token(engine: Engine, *, owner: int | None = None) -> str:
    """The owner's feed token, made on first use."""
    with engine.begin() as conn:
        token = conn.execute(
            select(m.ContactFeed.token).where(owned_by(m.ContactFeed, owner))
        ).scalar()
        if token is None:
            token = secrets.token_urlsafe(24)
            conn.execute(
                insert(m.ContactFeed),
                {"user_id": owner, "token": token, "created_at": datetime.now(UTC)},
            )
    return str(token)


def new_feed_token(engine: Engine, *, owner: int | None = None) -> str:
    """A new secret address for the owner's feed; the old one stops working."""
    with engine.begin() as conn:
        conn.execute(delete(m.ContactFeed).where(owned_by(m.ContactFeed, owner)))
    return feed_token(engine, owner=owner)


def feed_owner(engine: Engine, token: str) -> int | None:
    """Whose feed lives at ``token`` (None is the local command-line user); NotFoundError
    for a token that is no feed's (the token is the credential: no login is asked)."""
    if len(token) < _MIN_TOKEN or len(token) > 64:
        raise NotFoundError("No such calendar feed.")
    with engine.connect() as conn:
        row = conn.execute(
            select(m.ContactFeed.user_id).where(m.ContactFeed.token == token)
        ).first()
    if row is None:
        raise NotFoundError("No such calendar feed.")
    owner: int | None = row.user_id
    return owner


def _todo(uid: str, stamp: datetime, summary: str, description: str, due: date) -> Todo:
    todo = Todo()
    todo.add("uid", uid)
    todo.add("dtstamp", stamp)
    todo.add("summary", summary[:200])
    todo.add("description", description)
    todo.add("due", due)
    todo.add("status", "NEEDS-ACTION")
    todo.add("categories", ["passionpath", "contacts"])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", summary[:200])
    # Relative to DUE (RFC 5545 wants RELATED=END for a to-do without DTSTART).
    alarm.add("trigger", REMIND_AT, parameters={"RELATED": "END"})
    todo.add_component(alarm)
    return todo


def _open_follow_ups(engine: Engine, owner: int | None) -> list[tuple[int, date, str | None, str]]:
    """(interaction id, follow-up day, note, names) of follow-ups nothing later has answered."""
    later = m.Interaction.__table__.alias("later")
    later_link = m.InteractionContact.__table__.alias("later_link")
    answered = (
        select(later_link.c.interaction_id)
        .join(later, later.c.id == later_link.c.interaction_id)
        .where(
            later_link.c.contact_id == m.InteractionContact.contact_id,
            or_(
                later.c.occurred_on > m.Interaction.occurred_on,
                and_(
                    later.c.occurred_on == m.Interaction.occurred_on, later.c.id > m.Interaction.id
                ),
            ),
        )
        .exists()
    )
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                m.Interaction.id,
                m.Interaction.follow_up_on,
                m.Interaction.note,
                func.min(m.Contact.display_name),
                func.count(m.Contact.id),
            )
            .join(m.InteractionContact, m.InteractionContact.interaction_id == m.Interaction.id)
            .join(m.Contact, m.Contact.id == m.InteractionContact.contact_id)
            .where(
                owned_by(m.Interaction, owner),
                m.Interaction.follow_up_on.is_not(None),
                ~answered,
            )
            .group_by(m.Interaction.id, m.Interaction.follow_up_on, m.Interaction.note)
            .order_by(m.Interaction.follow_up_on, m.Interaction.id)
        ).all()
    out = []
    for interaction_id, day, note, first, count in rows:
        assert day is not None  # the query keeps only interactions with a follow-up
        names = first if count == 1 else f"{first} and {count - 1} more"
        out.append((interaction_id, day, note, names))
    return out


def contacts_calendar(
    engine: Engine,
    *,
    owner: int | None = None,
    today: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The owner's check-ins due (and coming up) and open follow-ups as an iCalendar file."""
    stamp = now or datetime.now(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "passionpath: check-ins")
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    due = due_for(engine, owner=owner, today=today)
    for entry in due.overdue + due.due + due.coming_up:
        last = (
            f"Last in touch {entry.last_contacted.isoformat()}"
            + (f": {entry.last_note}" if entry.last_note else ".")
            if entry.last_contacted
            else "Nothing logged yet."
        )
        calendar.add_component(
            _todo(
                f"checkin-{entry.contact_id}-{entry.due_on.isoformat()}@passionpath",
                stamp,
                f"Check in with {entry.name}",
                f"{last}\nDue every {entry.ideal_days} days, at most {entry.max_days}.",
                entry.due_on,
            )
        )
    for interaction_id, day, note, names in _open_follow_ups(engine, owner):
        calendar.add_component(
            _todo(
                f"follow-up-{interaction_id}@passionpath",
                stamp,
                f"Follow up with {names}",
                note or "A follow-up you set when logging an interaction.",
                day,
            )
        )
    return bytes(calendar.to_ical())
