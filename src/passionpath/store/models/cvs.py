"""Tailored CVs, owned by passionpath.cv."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import CODE, Base


class CurriculumVitae(Base):
    """One CV tailored to a target occupation, from one version of a profile."""

    __tablename__ = "cv"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # None for the local command-line user, like profiles.
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    profile_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("profile.id", ondelete="CASCADE"), index=True
    )
    profile_version: Mapped[int] = mapped_column(Integer)
    target_code: Mapped[str] = mapped_column(CODE)
    target_title: Mapped[str] = mapped_column(String(200))
    posting: Mapped[str | None] = mapped_column(Text, nullable=True)
    theme: Mapped[str] = mapped_column(String(20))
    #: The tailored JSON Resume document.
    document: Mapped[str] = mapped_column(Text)
    #: Why each choice was made (JSON list).
    explanation: Mapped[str] = mapped_column(Text)
    summary_edited: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CvApplication(Base):
    """An application a CV was sent with; deleting the application removes the link."""

    __tablename__ = "cv_application"
    __table_args__ = (UniqueConstraint("cv_id", "application_id", name="uq_cv_application"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    cv_id: Mapped[int] = mapped_column(Integer, ForeignKey("cv.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    application_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("application.id", ondelete="CASCADE"), index=True
    )
    sent_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
