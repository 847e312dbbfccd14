"""The check-in calendar: one secret feed per user, RFC 5545 as `icalendar` reads it back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import Engine

from passionpath import accounts
from passionpath.errors import NotFoundError
from passionpath.network import (
    ContactFields,
    add_contact,
    contacts_calendar,
    feed_owner,
    feed_token,
    log_interaction,
    new_feed_token,
)

TODAY = date(2026, 12, 1)


def _todos(data: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert b"X-PUBLISHED-TTL:PT12H" in data and b"REFRESH-INTERVAL;VALUE=DURATION:PT12H" in data
    todos = {}
    for todo in calendar.walk("VTODO"):
        # What RFC 5545 asks of every to-do here: UID, DTSTAMP, a DUE day, and an alarm with
        # an action, a description and a trigger tied to DUE (there is no DTSTART).
        assert todo["UID"] and todo["DTSTAMP"].dt.tzinfo is not None
        assert isinstance(todo["DUE"].dt, date)
        (alarm,) = todo.walk("VALARM")
        assert alarm["ACTION"] == "DISPLAY" and alarm["DESCRIPTION"]
        assert alarm["TRIGGER"].params["RELATED"] == "END"
        assert alarm["TRIGGER"].dt == timedelta(hours=9)
        todos[str(todo["SUMMARY"])] = todo
    return todos


def test_the_feed_holds_due_check_ins_and_open_follow_ups(engine: Engine) -> None:
    lena = add_contact(ContactFields(display_name="Lena Ortiz", tags=("mentor",)), engine)
    tom = add_contact(ContactFields(display_name="Tom", tags=("colleague",)), engine)
    sam = add_contact(ContactFields(display_name="Sam"), engine)
    log_interaction(
        [lena], "meeting", engine, on=TODAY - timedelta(days=70), note="portfolio review"
    )
    log_interaction([tom], "call", engine, on=TODAY - timedelta(days=80))
    # A follow-up with Sam, still open; one with Tom, answered by a later call.
    log_interaction(
        [sam], "event", engine, on=TODAY - timedelta(days=3), follow_up_on=TODAY + timedelta(7)
    )
    log_interaction([tom], "message", engine, on=TODAY - timedelta(days=90), follow_up_on=TODAY)
    todos = _todos(contacts_calendar(engine, today=TODAY, now=datetime(2026, 12, 1, 8, tzinfo=UTC)))
    # Lena (mentor, 30/60) is overdue since 70 days; Tom (colleague, 90/180) is due in 10
    # days: coming up. Sam was seen 3 days ago: not due.
    assert set(todos) == {"Check in with Lena Ortiz", "Check in with Tom", "Follow up with Sam"}
    overdue = todos["Check in with Lena Ortiz"]
    assert overdue["DUE"].dt == TODAY - timedelta(days=40)
    assert "portfolio review" in str(overdue["DESCRIPTION"])
    assert str(overdue["UID"]) == f"checkin-{lena}-{TODAY - timedelta(days=40)}@passionpath"
    assert todos["Check in with Tom"]["DUE"].dt == TODAY + timedelta(days=10)
    assert todos["Follow up with Sam"]["DUE"].dt == TODAY + timedelta(days=7)
    # Catching up with Lena takes her off the feed.
    log_interaction([lena], "call", engine, on=TODAY)
    assert "Check in with Lena Ortiz" not in _todos(contacts_calendar(engine, today=TODAY))


def test_each_user_has_one_secret_feed_that_can_be_replaced(engine: Engine) -> None:
    ana = accounts.register(engine, "ana@example.org", "a long enough password")
    ben = accounts.register(engine, "ben@example.org", "a long enough password")
    add_contact(ContactFields(display_name="Only Ana's", tags=("mentor",)), engine, owner=ana)
    token = feed_token(engine, owner=ana)
    assert feed_token(engine, owner=ana) == token and len(token) >= 32
    assert feed_token(engine, owner=ben) != token
    assert feed_owner(engine, token) == ana
    assert feed_owner(engine, feed_token(engine)) is None  # the local user's own
    later = TODAY + timedelta(days=400)
    assert "Only Ana's" in str(_todos(contacts_calendar(engine, owner=ana, today=later)))
    assert _todos(contacts_calendar(engine, owner=ben, today=later)) == {}
    fresh = new_feed_token(engine, owner=ana)
    assert fresh != token and feed_owner(engine, fresh) == ana
    for wrong in (token, "short", "x" * 40, "y" * 100):
        with pytest.raises(NotFoundError):
            feed_owner(engine, wrong)
