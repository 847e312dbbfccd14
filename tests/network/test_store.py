"""Contacts and interactions in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine, func, select

from passionpath import accounts
from passionpath.errors import NotFoundError
from passionpath.limits import MAX_CONTACT_PHOTO_BYTES
from passionpath.network import (
    ContactError,
    ContactFields,
    Email,
    Phone,
    add_contact,
    delete_contact,
    delete_interaction,
    due_for,
    get_contact,
    last_contacts,
    list_contacts,
    list_interactions,
    log_interaction,
    normalise_phone,
    update_contact,
)
from passionpath.store import models as m

PASSWORD = "a long enough password"


def today() -> date:
    """Read at each use: a run that crosses midnight must not compare two different days."""
    return date.today()


def _priya_book(engine: Engine, owner: int | None = None) -> tuple[int, int]:
    mentor = add_contact(
        ContactFields(
            given_name="Lena",
            family_name="Ortiz",
            emails=(Email("Lena@Example.org", "work"),),
            phones=(Phone("(415) 555-0134", "mobile"),),
            organisation="Figma",
            job_title="Design Lead",
            tags=("Mentor", "ux"),
            occupation_codes=("15-1255.00",),
            passions="accessible design",
        ),
        engine,
        owner=owner,
        region="US",
    )
    colleague = add_contact(
        ContactFields(display_name="Tom", tags=("colleague",)), engine, owner=owner
    )
    return mentor, colleague


def test_a_contact_is_stored_cleaned_with_its_tag_cadence(engine: Engine) -> None:
    mentor, colleague = _priya_book(engine)
    lena = get_contact(mentor, engine)
    assert lena.display_name == "Lena Ortiz"
    assert lena.emails == (Email("lena@example.org", "work"),)
    assert lena.tags == ("mentor", "ux")
    assert lena.cadence == (30, 60)
    assert lena.occupation_codes == ("15-1255.00",)
    assert lena.added_on == today()
    assert get_contact(colleague, engine).cadence == (90, 180)
    assert [c.display_name for c in list_contacts(engine)] == ["Lena Ortiz", "Tom"]
    assert [c.id for c in list_contacts(engine, tag="MENTOR")] == [mentor]


def test_phones_are_normalised_and_the_original_is_kept(engine: Engine) -> None:
    contact = add_contact(
        ContactFields(
            display_name="Sam",
            phones=(Phone("+44 20 7946 0018"), Phone("(415) 555-0134"), Phone("call me")),
        ),
        engine,
        region="US",
    )
    phones = get_contact(contact, engine).phones
    assert [p.original for p in phones] == ["+44 20 7946 0018", "(415) 555-0134", "call me"]
    assert [p.e164 for p in phones] == ["+442079460018", "+14155550134", None]
    # Without a region, a number lacking its country code cannot be placed.
    assert normalise_phone("(415) 555-0134") is None
    assert normalise_phone("+1 415 555 0134") == "+14155550134"


def test_update_changes_named_fields_and_the_override_beats_the_tag(engine: Engine) -> None:
    mentor, _ = _priya_book(engine)
    changed = update_contact(mentor, {"ideal_days": 14, "job_title": "Head of Design"}, engine)
    assert changed.cadence == (14, 60)
    assert changed.job_title == "Head of Design"
    assert changed.emails == (Email("lena@example.org", "work"),)  # untouched
    cleared = update_contact(mentor, {"ideal_days": None}, engine)
    assert cleared.cadence == (30, 60)
    renamed = update_contact(mentor, {"family_name": "Ortiz-Ruiz"}, engine)
    assert renamed.display_name == "Lena Ortiz-Ruiz"
    # The phone, read as American when added, stays normalised through edits without a region.
    assert renamed.phones == (Phone("(415) 555-0134", "mobile", "+14155550134"),)


def test_bad_fields_are_refused_naming_the_field(engine: Engine) -> None:
    cases = [
        (ContactFields(), "display_name"),
        (ContactFields(display_name="A", emails=(Email("not an email"),)), "emails"),
        (ContactFields(display_name="A", occupation_codes=("teacher",)), "occupation_codes"),
        (ContactFields(display_name="A", ideal_days=30, max_days=10), "max_days"),
        (ContactFields(display_name="A", photo=b"x" * (MAX_CONTACT_PHOTO_BYTES + 1)), "photo"),
        # A label longer than its column is refused here, not by the database.
        (ContactFields(display_name="A", emails=(Email("a@b.org", "w" * 101),)), "emails"),
        (ContactFields(display_name="A", phones=(Phone("555 0134", "m" * 101),)), "phones"),
    ]
    for fields, name in cases:
        with pytest.raises(ContactError) as caught:
            add_contact(fields, engine)
        assert caught.value.field == name
    assert list_contacts(engine) == []
    photo = b"\x89PNG" + b"x" * 100
    stored = add_contact(
        ContactFields(display_name="A", photo=photo, photo_type="image/png"), engine
    )
    assert get_contact(stored, engine).photo == photo


def test_the_due_list_from_the_database_resets_when_an_interaction_is_logged(
    engine: Engine,
) -> None:
    mentor, colleague = _priya_book(engine)
    log_interaction([mentor, colleague], "meeting", engine, on=today() - timedelta(days=100))
    log_interaction(
        [mentor],
        "informational interview",
        engine,
        on=today() - timedelta(days=40),
        note="portfolio review",
    )
    due = due_for(engine, today=today())
    # Tom, a colleague (90/180), last seen at the shared meeting 100 days ago; Lena, a mentor
    # (30/60), 40 days ago: both due, the longest waiting first, neither overdue.
    assert [(e.contact_id, e.days_since, e.last_note) for e in due.due] == [
        (colleague, 100, None),
        (mentor, 40, "portfolio review"),
    ]
    assert due.overdue == [] and due.coming_up == []
    log_interaction([mentor], "call", engine, on=today(), note="caught up")
    after = due_for(engine, today=today())
    assert mentor not in {e.contact_id for e in after.due + after.overdue + after.coming_up}
    timeline = list_interactions(engine, contact_id=mentor)
    assert [i.kind for i in timeline] == ["call", "informational_interview", "meeting"]
    assert timeline[-1].contact_ids == tuple(sorted((mentor, colleague)))


def test_tom_the_colleague_is_due_after_ninety_days_and_overdue_after_180(
    engine: Engine,
) -> None:
    lena, tom = _priya_book(engine)
    log_interaction([tom], "message", engine, on=today() - timedelta(days=100), note="hi")
    assert [(e.contact_id, e.last_note) for e in due_for(engine, today=today()).due] == [
        (tom, "hi")
    ]
    later = due_for(engine, today=today() + timedelta(days=81))
    # Lena, a mentor never contacted, counts from the day she was added: 81 days is 21 past
    # her maximum of 60, Tom's 181 only 1 past his 180, so she comes first.
    assert [(e.contact_id, e.days_since) for e in later.overdue] == [(lena, 81), (tom, 181)]


def test_a_bad_interaction_is_refused(engine: Engine) -> None:
    mentor, _ = _priya_book(engine)
    with pytest.raises(ContactError, match="not a kind"):
        log_interaction([mentor], "gossip", engine)
    with pytest.raises(ContactError):
        log_interaction([], "call", engine)
    with pytest.raises(NotFoundError):
        log_interaction([mentor, 999_999], "call", engine)
    assert list_interactions(engine) == []


def test_another_user_cannot_see_or_touch_the_contacts(engine: Engine) -> None:
    alice = accounts.register(engine, "alice@example.org", PASSWORD)
    bob = accounts.register(engine, "bob@example.org", PASSWORD)
    mentor, _ = _priya_book(engine, owner=alice)
    log_interaction([mentor], "call", engine, owner=alice, note="private")
    assert list_contacts(engine, owner=bob) == []
    assert list_contacts(engine) == []  # nor the local user
    assert list_interactions(engine, owner=bob) == []
    assert due_for(engine, owner=bob, today=today() + timedelta(days=400)).overdue == []
    with pytest.raises(NotFoundError):
        get_contact(mentor, engine, owner=bob)
    with pytest.raises(NotFoundError):
        update_contact(mentor, {"notes": "mine now"}, engine, owner=bob)
    with pytest.raises(NotFoundError):
        delete_contact(mentor, engine, owner=bob)
    with pytest.raises(NotFoundError):
        log_interaction([mentor], "call", engine, owner=bob)
    assert get_contact(mentor, engine, owner=alice).notes is None
    assert len(list_interactions(engine, owner=alice)) == 1


def test_deleting_a_contact_keeps_interactions_shared_with_others(engine: Engine) -> None:
    mentor, colleague = _priya_book(engine)
    log_interaction([mentor], "call", engine, note="just Lena")
    log_interaction([mentor, colleague], "event", engine, note="both")
    delete_contact(mentor, engine)
    assert [(i.note, i.contact_ids) for i in list_interactions(engine)] == [("both", (colleague,))]
    with pytest.raises(NotFoundError):
        get_contact(mentor, engine)


def test_deleting_the_account_removes_contacts_and_interactions(engine: Engine) -> None:
    leaving = accounts.register(engine, "leaving@example.org", PASSWORD)
    staying = accounts.register(engine, "staying@example.org", PASSWORD)
    for owner in (leaving, staying):
        mentor, colleague = _priya_book(engine, owner=owner)
        log_interaction([mentor, colleague], "meeting", engine, owner=owner, note="met")
    exported = accounts.export_account(engine, leaving)
    assert [c["display_name"] for c in exported["contacts"]] == ["Lena Ortiz", "Tom"]
    assert exported["contacts"][0]["phones"][0]["e164"] == "+14155550134"
    assert [i["note"] for i in exported["interactions"]] == ["met"]

    accounts.delete_account(engine, leaving)

    assert list_contacts(engine, owner=leaving) == []
    assert list_interactions(engine, owner=leaving) == []
    assert len(list_contacts(engine, owner=staying)) == 2
    with engine.connect() as conn:
        for model in (m.Contact, m.ContactEmail, m.ContactPhone, m.Interaction):
            assert conn.execute(select(func.count()).select_from(model)).scalar_one() > 0
        assert conn.execute(select(func.count()).select_from(m.Contact)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(m.Interaction)).scalar_one() == 1
        assert (
            conn.execute(select(func.count()).select_from(m.InteractionContact)).scalar_one() == 2
        )


def test_an_earlier_interaction_logged_late_does_not_turn_the_clock_back(engine: Engine) -> None:
    mentor, colleague = _priya_book(engine)
    log_interaction([mentor], "call", engine, on=today() - timedelta(days=5), note="recent")
    log_interaction(
        [mentor, colleague], "event", engine, on=today() - timedelta(days=50), note="conference"
    )
    log_interaction(
        [colleague], "message", engine, on=today() - timedelta(days=50), note="same day"
    )
    due = due_for(engine, today=today() + timedelta(days=30))
    seen = {e.contact_id: (e.last_contacted, e.last_note) for e in due.due + due.coming_up}
    assert seen[mentor] == (today() - timedelta(days=5), "recent")
    # Two on the same day: the one logged last is the latest.
    assert seen[colleague] == (today() - timedelta(days=50), "same day")
    # The copy kept on each contact agrees with the interactions themselves.
    assert {c: (v.on, v.note) for c, v in last_contacts(engine).items()} == seen


def test_deleting_an_interaction_turns_the_clock_back(engine: Engine) -> None:
    mentor, colleague = _priya_book(engine)
    older = log_interaction([mentor], "call", engine, on=today() - timedelta(days=45), note="older")
    newest = log_interaction(
        [mentor, colleague], "meeting", engine, on=today() - timedelta(days=2), note="newest"
    )
    assert due_for(engine, today=today()).due == []
    delete_interaction(newest, engine)
    (lena,) = due_for(engine, today=today()).due
    assert (lena.contact_id, lena.days_since, lena.last_note) == (mentor, 45, "older")
    delete_interaction(older, engine)
    # Nothing logged any more: both count from the day they were added (today).
    assert due_for(engine, today=today() + timedelta(days=31)).due[0].last_contacted is None
    assert list_interactions(engine) == []
    assert last_contacts(engine) == {}
    with pytest.raises(NotFoundError):
        delete_interaction(older, engine)


def test_another_user_cannot_delete_an_interaction(engine: Engine) -> None:
    alice = accounts.register(engine, "alice@example.org", PASSWORD)
    bob = accounts.register(engine, "bob@example.org", PASSWORD)
    mentor, _ = _priya_book(engine, owner=alice)
    logged = log_interaction([mentor], "call", engine, owner=alice)
    with pytest.raises(NotFoundError):
        delete_interaction(logged, engine, owner=bob)
    assert [i.id for i in list_interactions(engine, owner=alice)] == [logged]


def test_the_clock_starts_on_the_day_added_and_counts_days_as_python_does(
    engine: Engine,
) -> None:
    # The database compares day numbers kept on each contact: a contact added today starts
    # its clock today, and an interaction in another century counts as Python counts.
    new, old = _priya_book(engine)
    log_interaction([old], "call", engine, on=date(1999, 12, 31))
    with engine.connect() as conn:
        clock = conn.execute(select(m.Contact.clock_day).where(m.Contact.id == new)).scalar()
    assert clock == date.today().toordinal()
    result = due_for(engine, today=date(2030, 5, 29))
    entries = {e.contact_id: e for e in result.due + result.overdue + result.coming_up}
    assert entries[old].days_since == (date(2030, 5, 29) - date(1999, 12, 31)).days
    assert entries[old].last_contacted == date(1999, 12, 31)
    assert entries[old].overdue_on == date(1999, 12, 31) + timedelta(days=181)


def test_the_database_due_list_is_the_pure_one_after_any_edits(engine: Engine) -> None:
    # The database sorts on the clock and cadence kept on each row: after logging, logging
    # late, deleting interactions, retagging, overriding cadences and merging, its lists and
    # their order are the pure function's over the same book, and a cut list is their head.
    import random

    from passionpath.network import CadenceContact, due_list, merge_contacts

    rng = random.Random(7)
    tags = [(), ("mentor",), ("colleague",), ("friend", "alumni"), ("recruiter",)]
    ids = [
        add_contact(ContactFields(display_name=f"P{i % 9}", tags=rng.choice(tags)), engine)
        for i in range(40)
    ]
    logged = []
    for _ in range(60):
        people = rng.sample(ids, rng.choice([1, 1, 2, 3]))
        on = today() - timedelta(days=rng.randrange(-3, 300))
        logged.append(log_interaction(people, "call", engine, on=on, note=f"n{on}"))
    for interaction in rng.sample(logged, 10):
        delete_interaction(interaction, engine)
    for contact in rng.sample(ids, 8):
        update_contact(contact, {"tags": rng.choice(tags)}, engine)
    update_contact(ids[0], {"ideal_days": 5, "max_days": 9}, engine)
    update_contact(ids[1], {"ideal_days": 400}, engine)
    merge_contacts(engine, None, ids[2], ids[3])
    book = [
        CadenceContact(c.id, c.display_name, c.added_on, c.tags, c.ideal_days, c.max_days)
        for c in list_contacts(engine)
    ]
    for day in (today(), today() + timedelta(days=45), today() + timedelta(days=200)):
        expected = due_list(book, last_contacts(engine), day)
        assert due_for(engine, today=day) == expected
        cut = due_for(engine, today=day, limit=3)
        assert cut.overdue == expected.overdue[:3] and cut.due == expected.due[:3]
        assert cut.coming_up == expected.coming_up[:3]
        assert (cut.overdue_total, cut.due_total, cut.coming_up_total) == (
            len(expected.overdue),
            len(expected.due),
            len(expected.coming_up),
        )
    assert expected.total > 0  # the book is not trivially empty at the last day
