"""Job applications, the contacts linked to them and their stage log, owned by
passionpath.jobsearch.

The log is append-only: a status is never stored, it is read from the latest event, so
moving an application on never overwrites how it got there. Lists inside an event (the
people at an interview, a rejection's reasons and cited skills) are JSON, read whole with it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import CODE, Base


class Application(Base):
    """One job applied for (or saved to apply for)."""

    __tablename__ = "application"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # None for the local command-line user, like profiles and contacts.
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    company: Mapped[str] = mapped_column(String(200))
    role_title: Mapped[str] = mapped_column(String(200))
    occupation_code: Mapped[str | None] = mapped_column(CODE, nullable=True)
    # "person" (chosen by hand, kept when the title changes), "title" (read from it) or None.
    occupation_by: Mapped[str | None] = mapped_column(String(16), nullable=True)
    posting_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    posting_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    source: Mapped[str | None] = mapped_column(String(100), nullable=True)
    location: Mapped[str | None] = mapped_column(String(200), nullable=True)
    pay: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # What was sent: the profile and its version, and the CV's id (plain columns: a profile
    # deleted later leaves the record of what was sent).
    profile_slug: Mapped[str | None] = mapped_column(String(100), nullable=True)
    profile_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cv_id: Mapped[str | None] = mapped_column(String(100), nullable=True)
    notes: Mapped[str | None] = mapped_column(Text, nullable=True)
    next_action: Mapped[str | None] = mapped_column(String(200), nullable=True)
    next_action_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApplicationContact(Base):
    """A person from the contact book in an application: referrer, recruiter, interviewer."""

    __tablename__ = "application_contact"

    application_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("application.id", ondelete="CASCADE"), primary_key=True
    )
    contact_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(String(16), primary_key=True)


class ApplicationEvent(Base):
    """One step in an application's history, never changed once written."""

    __tablename__ = "application_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    application_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[str] = mapped_column(String(16))
    occurred_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    # An interview's kind (phone, video, onsite, panel, ...) and who was there: contact ids
    # from the book and names of people not in it, as JSON lists.
    interview_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    contact_ids: Mapped[str] = mapped_column(Text, default="[]")
    people: Mapped[str] = mapped_column(Text, default="[]")
    # A rejection's stage, who ended it, the reason categories, the feedback and the O*NET
    # descriptor ids of the skills, knowledge or technology it cited.
    at_stage: Mapped[str | None] = mapped_column(String(16), nullable=True)
    ended_by: Mapped[str | None] = mapped_column(String(8), nullable=True)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    feedback: Mapped[str | None] = mapped_column(Text, nullable=True)
    cited: Mapped[str] = mapped_column(Text, default="[]")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PreferenceVote(Base):
    """A thumbs up (+1) or down (-1) on an occupation among the matches; the latest counts."""

    __tablename__ = "preference_vote"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    occupation_code: Mapped[str] = mapped_column(CODE)
    vote: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class PreferenceSetting(Base):
    """Whether the learned preferences take part in the match ranking (on unless switched
    off: no row means on)."""

    __tablename__ = "preference_setting"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    learned_on: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
