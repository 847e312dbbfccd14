"""Community members, their requests, blocks, reports and study groups, owned by
passionpath.community.

A member row exists only while the person is opted in: leaving deletes it, and with it (by
cascade) their requests and group places. Blocks and reports belong to the account that made
them (``user_id``) and name the other person by member and by account, so a block outlives
the blocked person leaving and coming back.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import Base


class CommunityMember(Base):
    """Someone who opted in: what they chose to show, and to which features."""

    __tablename__ = "community_member"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # None for the local command-line user (and for synthetic demo people, who are marked).
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)
    display_name: Mapped[str] = mapped_column(String(100))
    passions: Mapped[str] = mapped_column(Text, default="[]")
    target_careers: Mapped[str] = mapped_column(Text, default="[]")
    current_occupation: Mapped[str | None] = mapped_column(String(10), nullable=True)
    work_history: Mapped[str] = mapped_column(Text, default="[]")
    city: Mapped[str | None] = mapped_column(String(100), nullable=True)
    remote: Mapped[bool] = mapped_column(Boolean, default=False)
    availability: Mapped[str | None] = mapped_column(String(200), nullable=True)
    riasec: Mapped[str | None] = mapped_column(Text, nullable=True)
    gaps: Mapped[str] = mapped_column(Text, default="[]")
    visible: Mapped[str] = mapped_column(Text, default="[]")
    tribe: Mapped[bool] = mapped_column(Boolean, default=False)
    mentor: Mapped[bool] = mapped_column(Boolean, default=False)
    mentor_capacity: Mapped[int] = mapped_column(Integer, default=0)
    mentee: Mapped[bool] = mapped_column(Boolean, default=False)
    study_groups: Mapped[bool] = mapped_column(Boolean, default=False)
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CommunityRequest(Base):
    """A request to connect (or to be mentored) that the other side accepts or declines."""

    __tablename__ = "community_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    from_member_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="CASCADE"), index=True
    )
    to_member_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CommunityBlock(Base):
    """Someone a user never wants to see again."""

    __tablename__ = "community_block"
    __table_args__ = (UniqueConstraint("user_id", "blocked_member_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    blocked_member_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # The blocked person's account as a plain number, not a foreign key: the row belongs to
    # the blocker (``user_id``) alone. Deleting that account clears it (account_data).
    blocked_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class CommunityReport(Base):
    """A report about a member, for whoever runs the community to read."""

    __tablename__ = "community_report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    reported_member_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # As for blocks: a plain number, so the report belongs to whoever made it.
    reported_user_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    reason: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StudyGroup(Base):
    """A group of 3-6 members around one topic, with a first meeting and a cadence."""

    __tablename__ = "study_group"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_by: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="SET NULL"), nullable=True, index=True
    )
    topic: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    first_meeting: Mapped[date] = mapped_column(Date)
    cadence_days: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StudyGroupMember(Base):
    """A member's place in a group; at most one group per topic per person."""

    __tablename__ = "study_group_member"
    __table_args__ = (UniqueConstraint("member_id", "topic"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    group_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("study_group.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("community_member.id", ondelete="CASCADE"), index=True
    )
    topic: Mapped[str] = mapped_column(String(200))
    joined_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
