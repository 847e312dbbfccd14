"""SQLAlchemy models. Catalog tables are long and narrow so one query feeds one numpy matrix."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints keep Alembic migrations portable between SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CODE = String(16)
ELEMENT = String(32)
SCALE = String(8)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def _occupation_fk() -> Mapped[str]:
    return mapped_column(
        CODE, ForeignKey("catalog_occupation.code", ondelete="CASCADE"), primary_key=True
    )


class Release(Base):
    """The catalog currently loaded: one row, replaced by every successful import."""

    __tablename__ = "catalog_release"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str] = mapped_column(String(50))
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(Text)
    content_sha256: Mapped[str] = mapped_column(String(64))
    attribution: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    files_read: Mapped[str] = mapped_column(Text, default="[]")
    files_skipped: Mapped[str] = mapped_column(Text, default="[]")
    files_ignored: Mapped[str] = mapped_column(Text, default="[]")
    counts: Mapped[str] = mapped_column(Text, default="{}")


class Occupation(Base):
    __tablename__ = "catalog_occupation"

    code: Mapped[str] = mapped_column(CODE, primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text)
    job_zone: Mapped[int | None] = mapped_column(Integer, nullable=True)
    riasec_code: Mapped[str | None] = mapped_column(String(3), nullable=True)


class Descriptor(Base):
    """Content Model Reference: every element (skill, knowledge area, interest, value...)."""

    __tablename__ = "catalog_descriptor"

    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")


class Scale(Base):
    __tablename__ = "catalog_scale"

    scale_id: Mapped[str] = mapped_column(SCALE, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    minimum: Mapped[float] = mapped_column(Float)
    maximum: Mapped[float] = mapped_column(Float)


class LevelAnchor(Base):
    __tablename__ = "catalog_level_anchor"

    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    scale_id: Mapped[str] = mapped_column(SCALE, primary_key=True)
    anchor_value: Mapped[float] = mapped_column(Float, primary_key=True)
    description: Mapped[str] = mapped_column(Text)


class Rating(Base):
    """One rated value: interests (OI/IH), skills, knowledge, abilities (IM/LV), values, styles."""

    __tablename__ = "catalog_rating"
    __table_args__ = (Index("ix_catalog_rating_domain_scale", "domain", "scale_id"),)

    occupation_code: Mapped[str] = _occupation_fk()
    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    scale_id: Mapped[str] = mapped_column(SCALE, primary_key=True)
    domain: Mapped[str] = mapped_column(String(32))
    value: Mapped[float] = mapped_column(Float)
    n: Mapped[int | None] = mapped_column(Integer, nullable=True)
    std_error: Mapped[float | None] = mapped_column(Float, nullable=True)
    lower_ci: Mapped[float | None] = mapped_column(Float, nullable=True)
    upper_ci: Mapped[float | None] = mapped_column(Float, nullable=True)
    recommend_suppress: Mapped[bool] = mapped_column(Boolean, default=False)
    not_relevant: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[str | None] = mapped_column(String(16), nullable=True)
    domain_source: Mapped[str | None] = mapped_column(String(64), nullable=True)


class EteCategory(Base):
    """Education, Training, and Experience Categories: what category N of a scale means."""

    __tablename__ = "catalog_ete_category"

    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    scale_id: Mapped[str] = mapped_column(SCALE, primary_key=True)
    category: Mapped[int] = mapped_column(Integer, primary_key=True)
    description: Mapped[str] = mapped_column(Text)


class EteValue(Base):
    """Share of incumbents per category (RL, RW, PT, OJ), or an importance (IM) with category 0."""

    __tablename__ = "catalog_ete_value"

    occupation_code: Mapped[str] = _occupation_fk()
    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    scale_id: Mapped[str] = mapped_column(SCALE, primary_key=True)
    category: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[float] = mapped_column(Float)
    recommend_suppress: Mapped[bool] = mapped_column(Boolean, default=False)


class JobZoneReference(Base):
    __tablename__ = "catalog_job_zone"

    job_zone: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    experience: Mapped[str] = mapped_column(Text)
    education: Mapped[str] = mapped_column(Text)
    job_training: Mapped[str] = mapped_column(Text)
    examples: Mapped[str] = mapped_column(Text)
    svp_range: Mapped[str] = mapped_column(String(50))


class Technology(Base):
    __tablename__ = "catalog_technology"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occupation_code: Mapped[str] = mapped_column(
        CODE, ForeignKey("catalog_occupation.code", ondelete="CASCADE"), index=True
    )
    example: Mapped[str] = mapped_column(String(300))
    commodity_code: Mapped[int] = mapped_column(Integer)
    commodity_title: Mapped[str] = mapped_column(String(300))
    hot: Mapped[bool] = mapped_column(Boolean, default=False)
    in_demand: Mapped[bool] = mapped_column(Boolean, default=False)


class Task(Base):
    __tablename__ = "catalog_task"

    task_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occupation_code: Mapped[str] = mapped_column(
        CODE, ForeignKey("catalog_occupation.code", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    task_type: Mapped[str | None] = mapped_column(String(32), nullable=True)


class AlternateTitle(Base):
    __tablename__ = "catalog_alternate_title"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occupation_code: Mapped[str] = mapped_column(
        CODE, ForeignKey("catalog_occupation.code", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    short_title: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sources: Mapped[str | None] = mapped_column(String(100), nullable=True)


class RelatedOccupation(Base):
    __tablename__ = "catalog_related"

    occupation_code: Mapped[str] = _occupation_fk()
    related_code: Mapped[str] = mapped_column(
        CODE, ForeignKey("catalog_occupation.code", ondelete="CASCADE"), primary_key=True
    )
    tier: Mapped[str] = mapped_column(String(32))
    rank: Mapped[int] = mapped_column(Integer)


class InterestActivity(Base):
    """Illustrative activities and keywords for each RIASEC area (used to tune text inference)."""

    __tablename__ = "catalog_interest_example"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    element_id: Mapped[str] = mapped_column(ELEMENT, index=True)
    kind: Mapped[str] = mapped_column(String(32))
    text: Mapped[str] = mapped_column(Text)


class BasicInterestArea(Base):
    """Which RIASEC area(s) each basic interest (1.B.3.*) belongs to."""

    __tablename__ = "catalog_basic_interest"

    element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)
    riasec_element_id: Mapped[str] = mapped_column(ELEMENT, primary_key=True)


#: Tables holding the catalog, children before parents (the order deletes must run in).
CATALOG_TABLES: list[type[Base]] = [
    Rating,
    EteValue,
    Technology,
    Task,
    AlternateTitle,
    RelatedOccupation,
    Occupation,
    Descriptor,
    Scale,
    LevelAnchor,
    EteCategory,
    JobZoneReference,
    InterestActivity,
    BasicInterestArea,
    Release,
]


class TextEmbedding(Base):
    """Sentence vectors keyed by model and text hash, so unchanged text is never re-embedded."""

    __tablename__ = "text_embedding"

    model_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text_sha: Mapped[str] = mapped_column(String(40), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class User(Base):
    """An account of the web app and API. Profiles made with the CLI have no user."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A bearer token; only its SHA-256 is stored."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), index=True
    )
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Profile(Base):
    """A person's profile; its content lives in versions, newest = current."""

    __tablename__ = "profile"
    __table_args__ = (UniqueConstraint("user_id", "slug", name="uq_profile_user_slug"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("app_user.id", ondelete="CASCADE"), nullable=True, index=True
    )
    slug: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    current_version: Mapped[int] = mapped_column(Integer, default=0)


class ProfileVersion(Base):
    __tablename__ = "profile_version"

    profile_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("profile.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(String(300), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


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
