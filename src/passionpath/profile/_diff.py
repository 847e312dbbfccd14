"""What changed between two versions of a profile: interests, skills, values, passions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from passionpath.profile._document import PassionpathBlock, ProfileDocument, RatedDescriptor
from passionpath.profile._inventory import InventoryError, score

Change = tuple[Any, Any]

_RESUME_LISTS = (
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
)


@dataclass
class LevelChange:
    element_id: str
    name: str
    before: float | None
    after: float | None


@dataclass
class ProfileDiff:
    interest_scores: dict[str, Change] = field(default_factory=dict)
    interest_code: Change | None = None
    skills: list[LevelChange] = field(default_factory=list)
    knowledge: list[LevelChange] = field(default_factory=list)
    work_values: dict[str, Change] = field(default_factory=dict)
    reflections: dict[str, Change] = field(default_factory=dict)
    activities_added: list[str] = field(default_factory=list)
    activities_removed: list[str] = field(default_factory=list)
    constraints: dict[str, Change] = field(default_factory=dict)
    sections: dict[str, Change] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not any(v for v in asdict(self).values())

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def interest_scores(document: ProfileDocument) -> tuple[dict[str, float], str | None]:
    """The inventory's area scores and code: scored from the answers, else as stored.

    Both are empty (``{}``, None) when the profile has no inventory.
    """
    inventory = document.passionpath.inventory if document.passionpath else None
    if inventory is None:
        return {}, None
    try:
        result = score(inventory.answers, inventory.form)
    except InventoryError:
        return dict(inventory.scores or {}), inventory.code
    return result.scores, result.code


def _levels(a: list[RatedDescriptor], b: list[RatedDescriptor]) -> list[LevelChange]:
    before = {d.element_id: d for d in a}
    after = {d.element_id: d for d in b}
    changes = []
    for element in sorted(before.keys() | after.keys()):
        old, new = before.get(element), after.get(element)
        old_level = old.level if old else None
        new_level = new.level if new else None
        if old_level != new_level:
            name = (new or old).name if (new or old) else element  # type: ignore[union-attr]
            changes.append(LevelChange(element, name, old_level, new_level))
    return changes


def _changed(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Change]:
    return {
        key: (before.get(key), after.get(key))
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    }


def diff_profiles(a: ProfileDocument, b: ProfileDocument) -> ProfileDiff:
    pa = a.passionpath or PassionpathBlock()
    pb = b.passionpath or PassionpathBlock()
    result = ProfileDiff()
    scores_a, code_a = interest_scores(a)
    scores_b, code_b = interest_scores(b)
    result.interest_scores = _changed(scores_a, scores_b)
    if code_a != code_b:
        result.interest_code = (code_a, code_b)
    result.skills = _levels(pa.skills, pb.skills)
    result.knowledge = _levels(pa.knowledge, pb.knowledge)
    result.work_values = _changed(pa.work_values, pb.work_values)
    result.reflections = _changed(pa.reflections.model_dump(), pb.reflections.model_dump())
    names_a = [x.name for x in pa.activities]
    names_b = [x.name for x in pb.activities]
    result.activities_added = [n for n in names_b if n not in names_a]
    result.activities_removed = [n for n in names_a if n not in names_b]
    result.constraints = _changed(
        pa.constraints.model_dump(mode="json"), pb.constraints.model_dump(mode="json")
    )
    ja, jb = a.to_json_dict(), b.to_json_dict()
    for section in _RESUME_LISTS:
        if ja.get(section) != jb.get(section):
            result.sections[section] = (len(ja.get(section) or []), len(jb.get(section) or []))
    if ja.get("basics") != jb.get("basics"):
        result.sections["basics"] = ("changed", "changed")
    return result
