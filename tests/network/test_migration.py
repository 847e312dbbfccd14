"""Migration 0005 (contacts) goes down to 0004 and up again on SQLite and PostgreSQL, keeping
the data that was there before it."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, inspect, select

from passionpath import accounts
from passionpath.store import models as m
from passionpath.store.engine import MIGRATIONS_DIR, current_revision

CONTACT_TABLES = {"contact", "contact_email", "contact_phone", "interaction", "interaction_contact"}


def _run(engine: Engine, step: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, step)(config, revision)


@pytest.mark.usefixtures("blank_database")
def test_contacts_migration_goes_down_and_up(engine: Engine) -> None:
    user = accounts.register(engine, "kept@example.org", "a long enough password")
    assert set(inspect(engine).get_table_names()) >= CONTACT_TABLES
    _run(engine, "downgrade", "0004")
    assert current_revision(engine) == "0004"
    assert not CONTACT_TABLES & set(inspect(engine).get_table_names())
    _run(engine, "upgrade", "head")
    assert set(inspect(engine).get_table_names()) >= CONTACT_TABLES
    with engine.connect() as conn:
        assert conn.execute(select(m.User.id)).scalars().all() == [user]


@pytest.mark.usefixtures("blank_database")
def test_migration_0007_goes_down_and_up_keeping_contacts(engine: Engine) -> None:
    from passionpath.network import ContactFields, add_contact, feed_token, get_contact

    chosen = add_contact(
        ContactFields(display_name="Lena", occupation_codes=("15-1255.00",)), engine
    )
    feed_token(engine)
    _run(engine, "downgrade", "0005")
    assert "contact_feed" not in inspect(engine).get_table_names()
    assert "occupations_by" not in {c["name"] for c in inspect(engine).get_columns("contact")}
    _run(engine, "upgrade", "head")
    # Codes stored before 0007 count as the person's own choice.
    stored = get_contact(chosen, engine)
    assert stored.occupation_codes == ("15-1255.00",) and not stored.occupations_inferred
    with engine.connect() as conn:
        assert conn.execute(select(m.Contact.occupations_by)).scalars().all() == ["person"]


@pytest.mark.usefixtures("blank_database")
def test_migration_0011_fills_the_due_columns_as_writes_would(engine: Engine) -> None:
    from datetime import date

    from passionpath.network import ContactFields, add_contact, log_interaction

    seen = add_contact(ContactFields(display_name="Lena", tags=("mentor",)), engine)
    add_contact(ContactFields(display_name="Tom", ideal_days=10), engine)
    log_interaction([seen], "call", engine, on=date(2026, 3, 1))
    columns = (m.Contact.clock_day, m.Contact.cadence_ideal, m.Contact.cadence_max)
    with engine.connect() as conn:
        written = conn.execute(select(*columns).order_by(m.Contact.id)).all()
    assert written == [(date(2026, 3, 1).toordinal(), 30, 60), (date.today().toordinal(), 10, 180)]
    _run(engine, "downgrade", "0007")
    assert "clock_day" not in {c["name"] for c in inspect(engine).get_columns("contact")}
    _run(engine, "upgrade", "head")
    with engine.connect() as conn:
        assert conn.execute(select(*columns).order_by(m.Contact.id)).all() == written
