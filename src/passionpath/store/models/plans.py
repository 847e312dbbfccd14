"""Plans with their objectives, benchmarks, actions, obstacles and events, owned by
passionpath.plan."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import CODE, ELEMENT, Base


class Plan(Base):
    """A plan towards one target occupation. A profile has many; one is active."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    profile_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("profile.id", ondelete="CASCADE"), index=True
    )
    target_code: Mapped[str] = mapped_column(CODE)
    target_title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default="active")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    start_date: Mapped[date] = mapped_column(Date)
    hours_per_week: Mapped[float] = mapped_column(Float)
    weeks_requested: Mapped[int | None] = mapped_column(Integer, nullable=True)
    weeks_needed: Mapped[int] = mapped_column(Integer)
    reassess_on: Mapped[date] = mapped_column(Date)
    feed_token: Mapped[str] = mapped_column(String(64), unique=True)


class PlanObjective(Base):
    __tablename__ = "plan_objective"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32))
    element_id: Mapped[str | None] = mapped_column(ELEMENT, nullable=True)
    name: Mapped[str] = mapped_column(String(200))
    statement: Mapped[str] = mapped_column(Text)
    current_level: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_level: Mapped[float | None] = mapped_column(Float, nullable=True)
    hours: Mapped[float] = mapped_column(Float)
    start_date: Mapped[date] = mapped_column(Date)
    due_date: Mapped[date] = mapped_column(Date)


class PlanBenchmark(Base):
    __tablename__ = "plan_benchmark"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    objective_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plan_objective.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date] = mapped_column(Date)
    check: Mapped[str] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PlanAction(Base):
    __tablename__ = "plan_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    objective_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("plan_objective.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(Text)
    closes: Mapped[str] = mapped_column(Text, default="[]")
    due_date: Mapped[date] = mapped_column(Date)
    attached: Mapped[str | None] = mapped_column(Text, nullable=True)
    # Contacts from the person's book named in the action (an informational interview's
    # people to ask), as a JSON list of contact ids.
    contact_ids: Mapped[str] = mapped_column(Text, default="[]", server_default="[]")


class PlanObstacle(Base):
    __tablename__ = "plan_obstacle"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    counter_move: Mapped[str] = mapped_column(Text)


class PlanEvent(Base):
    """Progress: hours logged, evidence noted, benchmarks ticked, skills re-rated."""

    __tablename__ = "plan_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    plan_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("plan.id", ondelete="CASCADE"), index=True
    )
    objective_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("plan_objective.id", ondelete="CASCADE"), nullable=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    hours: Mapped[float | None] = mapped_column(Float, nullable=True)
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
