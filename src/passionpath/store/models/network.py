"""Contacts and the interactions logged with them, owned by passionpath.network.

Emails and phones are child rows because imports look contacts up by them (a re-imported card
is merged with the contact holding the same email); tags, URLs and occupation codes are JSON
lists on the contact, read whole with it and filtered in Python.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import Base


class Contact(Base):
    """A person in someone's career network. The cadence columns are None when the
    defaults of the contact's tags apply."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # None for the local command-line user, like profiles.
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    display_name: Mapped[str] = mapped_column(String(200))
    given_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    family_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    organisation: Mapped[str | None] = mapped_column(String(200), nullable=True)
    job_title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    urls: Mapped[str] = mapped_column(Text, default="[]")
    tags: Mapped[str] = mapped_column(Text, default="[]")
    occupation_codes: Mapped[str] = mapped_column(Text, default="[]")
    how_met: Mapped[str | None] = mapped_column(Text, nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    passions: Mapped[str | None] = mapped_column(Text, nullable=True)
    birthday: Mapped[date | None] = mapped_column(Date, nullable=True)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    photo_type: Mapped[str | None] = mapped_column(String(100), nullable=True)
    ideal_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    max_days: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # The latest interaction's day and note, kept up to date when one is logged, so the due
    # list reads one row per contact instead of ranking every interaction each time.
    last_contacted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    last_note: Mapped[str | None] = mapped_column(Text, nullable=True)
    # What the due list sorts and filters on, as plain integers the database compares
    # without parsing a date per row: the day the check-in clock started (the latest
    # interaction's day, or the day the contact was added; ``date.toordinal()``) and the
    # cadence that applies (the contact's own, or its tags' defaults), resolved when written.
    clock_day: Mapped[int] = mapped_column(Integer)
    cadence_ideal: Mapped[int] = mapped_column(Integer)
    cadence_max: Mapped[int] = mapped_column(Integer)
    # Who chose the occupation codes: "person" (typed, kept through title changes), "title"
    # (inferred from the job title), or None while a job title waits to be read.
    occupations_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ContactEmail(Base):
    __tablename__ = "contact_email"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    # Stored lower-cased, so matching an imported address is an equality test.
    email: Mapped[str] = mapped_column(String(320), index=True)
    label: Mapped[str | None] = mapped_column(String(100), nullable=True)


class ContactPhone(Base):
    __tablename__ = "contact_phone"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    contact_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    # As the person typed it or the card held it, shown and exported unchanged ...
    original: Mapped[str] = mapped_column(String(100))
    # ... and in E.164 when phonenumbers could read it, for matching and dialling.
    e164: Mapped[str | None] = mapped_column(String(32), nullable=True, index=True)
    label: Mapped[str | None] = mapped_column(String(100), nullable=True)


class Interaction(Base):
    """Something that happened with one or more contacts; it resets their check-in clock."""

    __tablename__ = "interaction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(32))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class InteractionContact(Base):
    __tablename__ = "interaction_contact"

    interaction_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("interaction.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContactFeed(Base):
    """The secret address of a user's check-in calendar: calendar apps subscribe to it
    without signing in, so the token is the credential (a new one retires the old)."""

    __tablename__ = "contact_feed"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # None for the local command-line user, like contacts.
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
