"""The loaded release: which one it is, what it holds, and the error when there is none."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, distinct, func, select

from passionpath.catalog.attribution import STARTER_NOTICE
from passionpath.errors import PassionpathError
from passionpath.store import models as m


class EmptyCatalogError(PassionpathError):
    def __init__(self) -> None:
        super().__init__(
            "The catalog is empty.",
            hint="Load the starter catalog, or import the real O*NET database.",
            kind="empty_catalog",
        )


@dataclass
class CatalogStatus:
    name: str
    version: str
    approximate: bool
    source: str
    imported_at: str
    attribution: str
    notice: str | None
    counts: dict[str, int]
    files_skipped: list[str]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def current_release(engine: Engine) -> m.Release | None:
    with engine.connect() as conn:
        row = conn.execute(select(m.Release)).first()
    if row is None:
        return None
    return m.Release(**row._asdict())


def release_key(engine: Engine) -> str:
    """The loaded release's content hash, "" when none: the key of caches built from it."""
    release = current_release(engine)
    return release.content_sha256 if release else ""


def _distinct_codes(engine: Engine, domain: str) -> int:
    with engine.connect() as conn:
        query = select(func.count(distinct(m.Rating.occupation_code))).where(
            m.Rating.domain == domain
        )
        return int(conn.execute(query).scalar_one())


def _count(engine: Engine, column: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count(column))).scalar_one())


def catalog_status(engine: Engine) -> CatalogStatus | None:
    """What is loaded, with counts; ``None`` when the catalog is empty."""
    release = current_release(engine)
    if release is None:
        return None
    counts = {
        "occupations": _count(engine, m.Occupation.code),
        "with_job_zone": _count(engine, m.Occupation.job_zone),
        "with_interests": _distinct_codes(engine, "interests"),
        "with_skills": _distinct_codes(engine, "skills"),
        "with_knowledge": _distinct_codes(engine, "knowledge"),
        "with_work_values": _distinct_codes(engine, "work_values"),
        "with_work_styles": _distinct_codes(engine, "work_styles"),
        "tasks": _count(engine, m.Task.task_id),
        "technology_examples": _count(engine, m.Technology.id),
        "alternate_titles": _count(engine, m.AlternateTitle.id),
        "related_pairs": _count(engine, m.RelatedOccupation.occupation_code),
        "descriptors": _count(engine, m.Descriptor.element_id),
    }
    return CatalogStatus(
        name=release.name,
        version=release.version,
        approximate=release.approximate,
        source=release.source,
        imported_at=release.imported_at.isoformat(timespec="seconds"),
        attribution=release.attribution,
        notice=STARTER_NOTICE if release.approximate else None,
        counts=counts,
        files_skipped=json.loads(release.files_skipped),
    )


def release_attribution(engine: Engine) -> tuple[str, str | None]:
    """The loaded release's attribution, and the starter-catalog notice when it applies."""
    release = current_release(engine)
    if release is None:
        raise EmptyCatalogError()
    return release.attribution, STARTER_NOTICE if release.approximate else None


def catalog_is_empty(engine: Engine) -> bool:
    return current_release(engine) is None
