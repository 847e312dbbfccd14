"""Reading occupations: one occupation's profile, rating matrices, descriptors, education."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, case, func, select

from passionpath.catalog._layout import RIASEC_ELEMENTS, RIASEC_LETTERS
from passionpath.catalog._release import EmptyCatalogError, current_release
from passionpath.catalog.attribution import STARTER_NOTICE
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_COMPARE
from passionpath.store import models as m


@dataclass
class RatedDescriptor:
    element_id: str
    name: str
    importance: float | None
    level: float | None
    suppressed: bool = False


@dataclass
class OccupationProfile:
    code: str
    title: str
    description: str
    job_zone: int | None
    job_zone_name: str | None
    riasec_code: str | None
    interests: dict[str, float]
    skills: list[RatedDescriptor]
    knowledge: list[RatedDescriptor]
    work_values: dict[str, float]
    work_styles: list[RatedDescriptor]
    education: list[dict[str, Any]]
    technology: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    alternate_titles: list[str]
    related: list[dict[str, Any]]
    attribution: str
    notice: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _rated(rows: Sequence[Any]) -> list[RatedDescriptor]:
    """Pair IM and LV rows per element, most important first."""
    by_element: dict[str, RatedDescriptor] = {}
    for element, name, scale, value, suppress in rows:
        item = by_element.setdefault(element, RatedDescriptor(element, name, None, None))
        if scale == "IM":
            item.importance = value
        elif scale == "LV":
            item.level = value
        item.suppressed = item.suppressed or bool(suppress)
    return sorted(by_element.values(), key=lambda d: (-(d.importance or 0), d.name))


def occupation_profile(code: str, engine: Engine) -> OccupationProfile:
    release = current_release(engine)
    if release is None:
        raise EmptyCatalogError()
    with engine.connect() as conn:
        occupation = conn.execute(
            select(m.Occupation.__table__).where(m.Occupation.code == code)
        ).first()
        if occupation is None:
            raise NotFoundError(
                f"No occupation with code {code!r}.",
                field="code",
                hint="Search the occupations by title to find codes.",
                kind="unknown_occupation",
            )
        zone_name = conn.execute(
            select(m.JobZoneReference.name).where(
                m.JobZoneReference.job_zone == occupation.job_zone
            )
        ).scalar()
        ratings = conn.execute(
            select(
                m.Rating.domain,
                m.Rating.element_id,
                m.Descriptor.name,
                m.Rating.scale_id,
                m.Rating.value,
                m.Rating.recommend_suppress,
            )
            .join(m.Descriptor, m.Descriptor.element_id == m.Rating.element_id)
            .where(m.Rating.occupation_code == code)
        ).all()
        technology = conn.execute(
            select(
                m.Technology.example,
                m.Technology.commodity_title,
                m.Technology.hot,
                m.Technology.in_demand,
            )
            .where(m.Technology.occupation_code == code)
            .order_by(m.Technology.hot.desc(), m.Technology.example)
        ).all()
        tasks = conn.execute(
            select(m.Task.task_id, m.Task.text, m.Task.task_type)
            .where(m.Task.occupation_code == code)
            .order_by(m.Task.task_type, m.Task.task_id)
        ).all()
        alternates = conn.execute(
            select(m.AlternateTitle.title)
            .where(m.AlternateTitle.occupation_code == code)
            .order_by(m.AlternateTitle.title)
        ).scalars()
        related = conn.execute(
            select(m.RelatedOccupation.related_code, m.Occupation.title, m.RelatedOccupation.tier)
            .join(m.Occupation, m.Occupation.code == m.RelatedOccupation.related_code)
            .where(m.RelatedOccupation.occupation_code == code)
            .order_by(m.RelatedOccupation.rank)
        ).all()

    def domain(name: str) -> list[Any]:
        return [r[1:] for r in ratings if r[0] == name]

    interest_values = {e: v for e, _, s, v, _ in domain("interests") if s == "OI"}
    return OccupationProfile(
        code=occupation.code,
        title=occupation.title,
        description=occupation.description,
        job_zone=occupation.job_zone,
        job_zone_name=zone_name,
        riasec_code=occupation.riasec_code,
        interests={
            letter: interest_values[e]
            for letter, e in zip(RIASEC_LETTERS, RIASEC_ELEMENTS, strict=True)
            if e in interest_values
        },
        skills=_rated(domain("skills")),
        knowledge=_rated(domain("knowledge")),
        work_values={n: v for _, n, s, v, _ in domain("work_values") if s == "EX"},
        work_styles=_rated(domain("work_styles")),
        education=sorted(
            (
                {"category": c, "description": label, "percent": round(share * 100, 2)}
                for c, share, label in ete_distribution(code, "RL", engine)
                if share > 0
            ),
            key=lambda e: -e["percent"],
        ),
        technology=[
            {"example": e, "kind": k, "hot": bool(h), "in_demand": bool(d)}
            for e, k, h, d in technology
        ],
        tasks=[{"id": i, "text": t, "type": ty} for i, t, ty in tasks],
        alternate_titles=list(alternates),
        related=[{"code": c, "title": t, "tier": tier} for c, t, tier in related],
        attribution=release.attribution,
        notice=STARTER_NOTICE if release.approximate else None,
    )


def compare_occupations(codes: Sequence[str], engine: Engine) -> list[OccupationProfile]:
    """Two to MAX_COMPARE different occupations side by side, in the order given."""
    unique = list(dict.fromkeys(code.strip() for code in codes if code.strip()))
    if len(unique) < 2:
        raise PassionpathError(
            "a comparison needs two different occupations.",
            field="occupations",
            hint=f"Pick two or {MAX_COMPARE}.",
        )
    if len(unique) > MAX_COMPARE:
        raise PassionpathError(
            f"{len(unique)} occupations are too many; the limit is {MAX_COMPARE}.",
            field="occupations",
            hint=f"Pick two or {MAX_COMPARE}.",
        )
    return [occupation_profile(code, engine) for code in unique]


@dataclass
class RatingMatrix:
    """Occupations x descriptors for one domain and scale. Missing values are NaN."""

    codes: NDArray[np.str_]
    element_ids: NDArray[np.str_]
    element_names: list[str]
    values: NDArray[np.float32]
    suppressed: NDArray[np.bool_]


def rating_matrix(
    domain: str,
    scale: str,
    engine: Engine,
    *,
    include_suppressed: bool = False,
) -> RatingMatrix:
    """One query, one matrix: e.g. ``rating_matrix("skills", "LV")``.

    Values O*NET recommends suppressing are NaN unless ``include_suppressed`` is set; the
    ``suppressed`` mask says where they were either way.
    """
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                m.Rating.occupation_code,
                m.Rating.element_id,
                m.Rating.value,
                m.Rating.recommend_suppress,
            ).where(m.Rating.domain == domain, m.Rating.scale_id == scale)
        ).all()
        names = dict(
            conn.execute(
                select(m.Descriptor.element_id, m.Descriptor.name).where(
                    m.Descriptor.element_id.in_({r[1] for r in rows})
                )
            ).all()
        )
    if not rows:
        empty = np.empty((0, 0), dtype=np.float32)
        return RatingMatrix(
            np.array([], dtype=str), np.array([], dtype=str), [], empty, empty.astype(bool)
        )
    codes_column, elements_column, values_column, suppress_column = zip(*rows, strict=True)
    codes, row = np.unique(np.asarray(codes_column), return_inverse=True)
    elements, col = np.unique(np.asarray(elements_column), return_inverse=True)
    values = np.full((codes.size, elements.size), np.nan, dtype=np.float32)
    suppressed = np.zeros(values.shape, dtype=bool)
    values[row, col] = np.asarray(values_column, dtype=np.float32)
    suppressed[row, col] = np.asarray(suppress_column, dtype=bool)
    if not include_suppressed:
        values[suppressed] = np.nan
    return RatingMatrix(codes, elements, [names.get(e, e) for e in elements], values, suppressed)


@dataclass
class DescriptorInfo:
    element_id: str
    name: str
    description: str
    #: (level, example) pairs from the level anchors, lowest first.
    anchors: list[tuple[float, str]]


def descriptors(domain: str, engine: Engine) -> list[DescriptorInfo]:
    """The descriptors rated in ``domain`` (skills, knowledge...), with their level anchors."""
    with engine.connect() as conn:
        elements = (
            conn.execute(select(m.Rating.element_id).where(m.Rating.domain == domain).distinct())
            .scalars()
            .all()
        )
        info = conn.execute(
            select(m.Descriptor.element_id, m.Descriptor.name, m.Descriptor.description).where(
                m.Descriptor.element_id.in_(elements)
            )
        ).all()
        anchors = conn.execute(
            select(m.LevelAnchor.element_id, m.LevelAnchor.anchor_value, m.LevelAnchor.description)
            .where(m.LevelAnchor.element_id.in_(elements), m.LevelAnchor.scale_id == "LV")
            .order_by(m.LevelAnchor.element_id, m.LevelAnchor.anchor_value)
        ).all()
    by_element: dict[str, list[tuple[float, str]]] = {}
    for element, value, text in anchors:
        by_element.setdefault(element, []).append((value, text))
    return [
        DescriptorInfo(e, name, description or "", by_element.get(e, []))
        for e, name, description in sorted(info)
    ]


def occupation_levels(code: str, domain: str, engine: Engine) -> dict[str, tuple[float, float]]:
    """element_id -> (importance, level) for one occupation, suppressed values left out."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Rating.element_id, m.Rating.scale_id, m.Rating.value).where(
                m.Rating.occupation_code == code,
                m.Rating.domain == domain,
                m.Rating.recommend_suppress.is_(False),
            )
        ).all()
    importance = {e: v for e, s, v in rows if s == "IM"}
    return {e: (importance.get(e, 0.0), v) for e, s, v in rows if s == "LV"}


def technology_spread(code: str, engine: Engine) -> dict[str, tuple[int, int]]:
    """For each technology the occupation ``code`` lists: (how many occupations list it, how
    many of those share the SOC major group of ``code``). A tool most of whose users are in
    the occupation's own field belongs to that field; one listed everywhere does not."""
    group = code[:2]
    with engine.connect() as conn:
        mine = select(m.Technology.example).where(m.Technology.occupation_code == code)
        rows = conn.execute(
            select(
                m.Technology.example,
                func.count(m.Technology.occupation_code.distinct()),
                func.count(
                    case(
                        (
                            func.substr(m.Technology.occupation_code, 1, 2) == group,
                            m.Technology.occupation_code,
                        ),
                    ).distinct()
                ),
            )
            .where(m.Technology.example.in_(mine))
            .group_by(m.Technology.example)
        ).all()
    return {example: (int(total), int(same)) for example, total, same in rows}


def ete_distribution(code: str, scale: str, engine: Engine) -> list[tuple[int, float, str]]:
    """(category, share 0-1, label) of one education/training/experience scale (RL, RW, PT,
    OJ) for an occupation, in category order; empty when the catalog has none."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.EteValue.category, m.EteValue.value, m.EteCategory.description)
            .join(
                m.EteCategory,
                (m.EteCategory.element_id == m.EteValue.element_id)
                & (m.EteCategory.scale_id == m.EteValue.scale_id)
                & (m.EteCategory.category == m.EteValue.category),
            )
            .where(m.EteValue.occupation_code == code, m.EteValue.scale_id == scale)
            .order_by(m.EteValue.category)
        ).all()
    return [(int(c), float(v) / 100.0, str(label)) for c, v, label in rows]
