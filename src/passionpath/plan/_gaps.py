"""Gap analysis: what stands between a person and a target occupation, most important first."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import Engine

from passionpath.match import CatalogMatrices, Person, importance_weights
from passionpath.plan._credentials import CredentialNeed, credential_need
from passionpath.plan._titles import short_title

#: O*NET's Related Work Experience categories (RW), as upper bounds in years.
_EXPERIENCE_BOUNDS = [0, 1 / 12, 0.25, 0.5, 1, 2, 4, 6, 8, 10, 99]

#: Kinds of software every workplace uses (UNSPSC commodity titles as O*NET writes them): a
#: plan makes them a goal of their own only where office work is the job.
_EVERYDAY_SOFTWARE = frozenset(
    {
        "Office suite software",
        "Spreadsheet software",
        "Word processing software",
        "Presentation software",
        "Electronic mail software",
        "Operating system software",
        "Internet browser software",
        "Video conferencing software",
        "Calendar and scheduling software",
        "Desktop communications software",
        "Instant messaging software",
        "Document management software",
        "Cloud-based data access and sharing software",
    }
)
#: Back-office software: book-keeping, resource planning, staff and time records.
_BACK_OFFICE_SOFTWARE = frozenset(
    {
        "Accounting software",
        "Enterprise resource planning ERP software",
        "Human resources software",
        "Time accounting software",
    }
)
#: SOC major groups where everyday office software is the work itself (business and financial
#: operations, office and administrative support), and where back-office software is too
#: (those and management).
_OFFICE_GROUPS = frozenset({"13", "43"})
_BACK_OFFICE_GROUPS = frozenset({"11", "13", "43"})
#: A hot technology belongs to the target's field when at least this share of the
#: occupations listing it are in the target's SOC major group (Epic Systems for nurses, not
#: Apache Spark, which O*NET also lists for them).
_FIELD_SHARE = 0.25
#: SOC major groups whose work is done with the hands: food, grounds, farming, construction,
#: repair, production, transport.
_HANDS_ON_GROUPS = frozenset({"35", "37", "45", "47", "49", "51", "53"})


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
    #: Rejections that named this descriptor (see ``weigh_cited``).
    cited: int = 0
    #: Why it ranks higher than its shortfall alone would put it ("named in 3 rejections").
    reason: str | None = None


def _named_in(count: int) -> str:
    return f"named in {count} rejection{'s' if count != 1 else ''}"


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
    in_demand: bool = False
    #: The kind of software (O*NET's commodity title), e.g. "Medical software".
    kind: str = ""
    #: Worth a plan objective: in demand in this occupation, or hot and used mostly in its
    #: field; everyday office tools only when the target is office work.
    central: bool = False


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
    #: A licence or certificate the target requires or usually expects.
    credential: CredentialNeed | None = None
    #: How the work is learnt and shown: "software", "creative", "hands-on" or "general".
    domain: str = "general"
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


#: Each rejection that names a gap adds this share of its priority (named twice: x2).
CITED_WEIGHT = 0.5


def weigh_cited(
    gaps: list[DescriptorGap],
    cited: Mapping[str, int],
    person: Person,
    m: CatalogMatrices,
    row: int,
) -> list[DescriptorGap]:
    """The gaps re-ranked by what rejections named: a named gap's priority is multiplied by
    1 + ``CITED_WEIGHT`` x the rejections naming it. A skill named by employers that the
    person's own rating already meets becomes a gap of one level above that rating: the
    employers' word is evidence the rating is generous."""
    if not cited:
        return gaps
    out = []
    for g in gaps:
        count = int(cited.get(g.element_id, 0))
        if count:
            priority = round(g.priority * (1 + CITED_WEIGHT * count), 3)
            g = DescriptorGap(
                **{**asdict(g), "cited": count, "reason": _named_in(count), "priority": priority}
            )
        out.append(g)
    present = {g.element_id for g in gaps}
    columns = {d: j for j, d in enumerate(m.descriptor_ids)}
    weights = importance_weights(m.importance[row])
    for element, count in cited.items():
        j = columns.get(element)
        if element in present or j is None or count < 1:
            continue
        current = float(person.levels[j])
        required = min(7.0, current + 1.0)
        importance = float(np.nan_to_num(m.importance[row][j], nan=1.0))
        priority = float(weights[j]) * (required - current) * (1 + CITED_WEIGHT * count)
        out.append(
            DescriptorGap(
                element,
                m.descriptor_names[j],
                m.descriptor_kinds[j],
                round(current, 2),
                round(required, 2),
                round(importance, 2),
                round(priority, 3),
                count,
                _named_in(count),
            )
        )
    return sorted(out, key=lambda g: -g.priority)


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


def work_domain(code: str, riasec_code: str | None, job_zone: int | None) -> str:
    """The way the target's work is learnt and shown: "software" for computer occupations,
    "creative" for arts, design and media (a portfolio), "hands-on" for trades and other work
    done with the hands (by SOC group, or a Realistic first interest below degree level:
    technicians, not engineers or surgeons), "general" for the rest."""
    if code.startswith("15-"):
        return "software"
    if code.startswith("27-"):
        return "creative"
    realistic = (riasec_code or "").startswith("R") and (job_zone or 5) <= 3
    if code[:2] in _HANDS_ON_GROUPS or realistic:
        return "hands-on"
    return "general"


def technology_gaps(
    code: str, technology: list[dict[str, Any]], have: set[str], engine: Engine
) -> list[TechnologyGap]:
    """The occupation's technology, what the person lacks and what is central first."""
    from passionpath.catalog import technology_spread

    spread = technology_spread(code, engine) if technology else {}
    group = code[:2]

    def central(t: dict[str, Any]) -> bool:
        kind = t.get("kind")
        if kind in _EVERYDAY_SOFTWARE and group not in _OFFICE_GROUPS:
            return False
        if kind in _BACK_OFFICE_SOFTWARE and group not in _BACK_OFFICE_GROUPS:
            return False
        total, same = spread.get(t["example"], (0, 0))
        in_field = total > 0 and same / total >= _FIELD_SHARE
        return bool(t.get("in_demand")) or (bool(t["hot"]) and in_field)

    gaps = [
        TechnologyGap(
            t["example"],
            bool(t["hot"]),
            _has(t["example"], have),
            bool(t.get("in_demand")),
            str(t.get("kind") or ""),
            central(t),
        )
        for t in technology
    ]
    # Among central tools: in demand and hot first, then the widely used (the safer bet for
    # a newcomer), then by name.
    return sorted(
        gaps,
        key=lambda t: (
            t.have,
            not t.central,
            not (t.in_demand and t.hot),
            not t.in_demand,
            not t.hot,
            -spread.get(t.name, (0, 0))[0],
            t.name,
        ),
    )


def gap_report(
    profile_name: str,
    person: Person,
    technology_have: set[str],
    m: CatalogMatrices,
    code: str,
    engine: Engine,
    *,
    credentials_held: list[str] | None = None,
    cited: Mapping[str, int] | None = None,
) -> GapReport:
    from passionpath.catalog import ete_distribution, occupation_profile, release_attribution

    details = occupation_profile(code, engine)  # raises NotFoundError for unknown codes
    row = m.index[code]
    report = GapReport(profile_name, code, details.title)
    report.skills, report.transfers = skill_gaps(person, m, row)
    report.skills = weigh_cited(report.skills, cited or {}, person, m, row)
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
    report.technology = technology_gaps(code, details.technology, have, engine)
    report.domain = work_domain(code, details.riasec_code, details.job_zone)
    report.credential = credential_need(
        code,
        short_title(details.title),
        details.description,
        [t["text"] for t in details.tasks],
        credentials_held or [],
    )
    report.attribution, report.notice = release_attribution(engine)
    return report


def _has(product: str, have: set[str]) -> bool:
    name = product.lower()
    return any(h == name or h in name.split() or name.endswith(" " + h) for h in have)
