"""Gap analysis: what stands between a person and a target occupation, most important first."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Engine

from passionpath.match import CatalogMatrices, Person, importance_weights

#: O*NET's Related Work Experience categories (RW), as upper bounds in years.
_EXPERIENCE_BOUNDS = [0, 1 / 12, 0.25, 0.5, 1, 2, 4, 6, 8, 10, 99]


@dataclass
class DescriptorGap:
    element_id: str
    name: str
    kind: str
    current: float
    required: float
    importance: float
    #: importance weight x deficit: the order gaps are listed in.
    priority: float


@dataclass
class PreparationGap:
    person_zone: int
    job_zone: int | None
    person_education: str
    typical_education: str | None
    share_with_your_education_or_less: float | None
    gap: bool


@dataclass
class ExperienceGap:
    person_years: float
    typical: str | None
    share_with_your_experience_or_less: float | None
    gap: bool


@dataclass
class TechnologyGap:
    name: str
    hot: bool
    have: bool


@dataclass
class GapReport:
    profile: str
    code: str
    title: str
    skills: list[DescriptorGap] = field(default_factory=list)
    transfers: list[DescriptorGap] = field(default_factory=list)
    preparation: PreparationGap | None = None
    experience: ExperienceGap | None = None
    technology: list[TechnologyGap] = field(default_factory=list)
    skills_estimated: bool = False
    attribution: str = ""
    notice: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def skill_gaps(
    person: Person, m: CatalogMatrices, row: int
) -> tuple[list[DescriptorGap], list[DescriptorGap]]:
    """(gaps ordered by importance x deficit, transferable strengths ordered by weight)."""
    required = np.nan_to_num(m.level[row], nan=0.0)
    importance = np.nan_to_num(m.importance[row], nan=1.0)
    weights = importance_weights(m.importance[row])
    deficit = np.maximum(required - person.levels, 0.0)
    priority = weights * deficit

    def item(j: int, value: float) -> DescriptorGap:
        return DescriptorGap(
            m.descriptor_ids[j],
            m.descriptor_names[j],
            m.descriptor_kinds[j],
            round(float(person.levels[j]), 2),
            round(float(required[j]), 2),
            round(float(importance[j]), 2),
            round(value, 3),
        )

    gaps = [
        item(int(j), float(priority[j]))
        for j in np.argsort(-priority, kind="stable")
        if priority[j] >= 0.05
    ]
    strength = np.where((deficit <= 0.05) & (weights >= 0.25), weights * required, 0.0)
    transfers = [
        item(int(j), float(strength[j]))
        for j in np.argsort(-strength, kind="stable")
        if strength[j] > 0
    ][:10]
    return gaps, transfers


def experience_category(years: float) -> int:
    """The RW category (1-11) that ``years`` of work falls in."""
    return next(i + 1 for i, bound in enumerate(_EXPERIENCE_BOUNDS) if years <= bound)


def _typical(distribution: list[tuple[int, float, str]]) -> tuple[int, str] | None:
    """The median category of a distribution."""
    total = 0.0
    for category, share, label in distribution:
        total += share
        if total >= 0.5:
            return category, label
    return None


def gap_report(
    profile_name: str,
    person: Person,
    technology_have: set[str],
    m: CatalogMatrices,
    code: str,
    engine: Engine,
) -> GapReport:
    from passionpath.catalog import ete_distribution, occupation_profile, release_attribution

    details = occupation_profile(code, engine)  # raises NotFoundError for unknown codes
    row = m.index[code]
    report = GapReport(profile_name, code, details.title)
    report.skills, report.transfers = skill_gaps(person, m, row)
    report.skills_estimated = bool(m.imputed[row]) if m.imputed.size else False

    education = ete_distribution(code, "RL", engine)
    labels = {c: label for c, _, label in education}
    typical = _typical(education)
    share = sum(s for c, s, _ in education if c <= person.education) if education else None
    zone = details.job_zone
    report.preparation = PreparationGap(
        person_zone=person.zone,
        job_zone=zone,
        person_education=labels.get(person.education, f"category {person.education}"),
        typical_education=typical[1] if typical else None,
        share_with_your_education_or_less=None if share is None else round(share, 3),
        gap=bool(
            (zone is not None and zone > person.zone)
            or (typical is not None and typical[0] > person.education)
        ),
    )
    experience = ete_distribution(code, "RW", engine)
    mine = experience_category(person.experience_years)
    typical_rw = _typical(experience)
    share_rw = sum(s for c, s, _ in experience if c <= mine) if experience else None
    report.experience = ExperienceGap(
        person_years=round(person.experience_years, 1),
        typical=typical_rw[1] if typical_rw else None,
        share_with_your_experience_or_less=None if share_rw is None else round(share_rw, 3),
        gap=bool(typical_rw is not None and typical_rw[0] > mine),
    )
    have = {t.lower() for t in technology_have}
    techs = [
        TechnologyGap(t["example"], bool(t["hot"]), _has(t["example"], have))
        for t in details.technology
    ]
    report.technology = sorted(techs, key=lambda t: (t.have, not t.hot, t.name))
    report.attribution, report.notice = release_attribution(engine)
    return report


def _has(product: str, have: set[str]) -> bool:
    name = product.lower()
    return any(h == name or h in name.split() or name.endswith(" " + h) for h in have)
