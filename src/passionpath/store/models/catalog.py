"""Catalog tables, owned by passionpath.catalog: long and narrow, so one query feeds one
numpy matrix."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import CODE, ELEMENT, SCALE, Base


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
