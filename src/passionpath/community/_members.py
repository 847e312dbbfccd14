"""Who is in the community and what they chose to show, checked before anything is stored.

Pure data and checks: nothing here reads the database. ``Member`` is what every ranking
works on, and it only ever holds what the person chose to show (``masked``): a field the
person keeps hidden is not used to match them either, so no reason can give it away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from passionpath.errors import PassionpathError
from passionpath.limits import (
    MAX_AVAILABILITY_CHARS,
    MAX_CITY_CHARS,
    MAX_COMMUNITY_CODES,
    MAX_COMMUNITY_GAPS,
    MAX_COMMUNITY_PASSIONS,
    MAX_COMMUNITY_PHRASE_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_MENTOR_CAPACITY,
)

#: What a person can opt in to, each on its own.
FEATURES = ("tribe", "mentor", "mentee", "study_groups")
#: What a person can choose to show. Email and contact details are not among them.
VISIBLE_FIELDS = (
    "display_name",
    "passions",
    "target_careers",
    "current_occupation",
    "location",
    "availability",
)
#: Shown when nothing else is chosen: a name, so the person can be told apart.
DEFAULT_VISIBLE = ("display_name", "passions")

_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_PHONE = re.compile(r"\+?\d[\d ().-]{7,}\d")


class CommunityError(PassionpathError):
    """A choice that cannot be stored, naming the field."""


@dataclass(frozen=True)
class Choices:
    """What a person gives when joining or changing their membership."""

    display_name: str
    features: tuple[str, ...]
    visible: tuple[str, ...] = DEFAULT_VISIBLE
    passions: tuple[str, ...] = ()
    target_careers: tuple[str, ...] = ()
    current_occupation: str | None = None
    work_history: tuple[str, ...] = ()
    city: str | None = None
    remote: bool = False
    availability: str | None = None
    mentor_capacity: int = 0
    riasec: tuple[float, ...] | None = None
    gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Member:
    """A member as rankings and pages see them: only what they chose to show (see module)."""

    id: int
    display_name: str
    features: frozenset[str]
    passions: tuple[str, ...] = ()
    target_careers: tuple[str, ...] = ()
    current_occupation: str | None = None
    work_history: tuple[str, ...] = ()
    city: str | None = None
    remote: bool = False
    availability: str | None = None
    mentor_capacity: int = 0
    riasec: tuple[float, ...] | None = None
    gaps: tuple[str, ...] = ()
    visible: tuple[str, ...] = DEFAULT_VISIBLE
    synthetic: bool = False
    user_id: int | None = field(default=None, compare=False, repr=False)
    updated_at: datetime | None = field(default=None, compare=False, repr=False)

    @property
    def location(self) -> str | None:
        if self.remote and self.city:
            return f"{self.city} or remote"
        return "remote" if self.remote else self.city

    def shown(self) -> dict[str, object]:
        """The fields this member shows, by name (the only ones a face may print)."""
        out: dict[str, object] = {"id": self.id, "name": self.display_name}
        if self.synthetic:
            out["synthetic"] = True
        for name in self.visible:
            if name == "display_name":
                continue
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        if "mentor" in self.features:
            out["mentor_capacity"] = self.mentor_capacity
        out["features"] = sorted(self.features)
        return out


def masked(member: Member) -> Member:
    """The member with everything they did not choose to show emptied."""
    shown = set(member.visible)
    return replace(
        member,
        display_name=member.display_name if "display_name" in shown else f"Member {member.id}",
        passions=member.passions if "passions" in shown else (),
        target_careers=member.target_careers if "target_careers" in shown else (),
        # Work history goes with the current occupation: both say what someone does.
        current_occupation=member.current_occupation if "current_occupation" in shown else None,
        work_history=member.work_history if "current_occupation" in shown else (),
        city=member.city if "location" in shown else None,
        remote=member.remote if "location" in shown else False,
        availability=member.availability if "availability" in shown else None,
        # Interests and gaps are never shown as such; they count only alongside passions.
        riasec=member.riasec if "passions" in shown else None,
        gaps=member.gaps if "passions" in shown else (),
    )


def _text(value: str | None, field_name: str, limit: int, *, required: bool = False) -> str | None:
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise CommunityError("must not be empty.", field=field_name)
        return None
    if len(text) > limit:
        raise CommunityError(f"is longer than {limit:,} characters.", field=field_name)
    if _EMAIL.search(text) or _PHONE.search(text):
        raise CommunityError(
            "looks like contact details, which the community never shows.",
            field=field_name,
            hint="People reach you through a request you accept.",
        )
    return text


def _list(values: tuple[str, ...], field_name: str, most: int, each: int) -> tuple[str, ...]:
    if len(values) > most:
        raise CommunityError(f"has more than {most:,} entries.", field=field_name)
    out: list[str] = []
    for k, value in enumerate(values):
        text = _text(value, f"{field_name}[{k}]", each)
        if text and text.lower() not in (o.lower() for o in out):
            out.append(text)
    return tuple(out)


def _codes(values: tuple[str, ...], field_name: str) -> tuple[str, ...]:
    if len(values) > MAX_COMMUNITY_CODES:
        raise CommunityError(f"has more than {MAX_COMMUNITY_CODES} entries.", field=field_name)
    out: list[str] = []
    for k, value in enumerate(values):
        code = _code(value, f"{field_name}[{k}]")
        if code not in out:
            out.append(code)
    return tuple(out)


def _code(value: str, field_name: str) -> str:
    code = value.strip()
    if not _CODE.match(code):
        raise CommunityError(
            f"{value[:30]!r} is not an occupation code (like 15-1252.00).", field=field_name
        )
    return code


def check_choices(choices: Choices) -> Choices:
    """The choices cleaned, or a ``CommunityError`` naming the first bad field."""
    features = tuple(dict.fromkeys(choices.features))
    for k, name in enumerate(features):
        if name not in FEATURES:
            raise CommunityError(
                f"{name!r} is not one of {', '.join(FEATURES)}.", field=f"features[{k}]"
            )
    if not features:
        raise CommunityError(
            f"choose at least one of {', '.join(FEATURES)} to join.", field="features"
        )
    visible = tuple(dict.fromkeys(choices.visible))
    for k, name in enumerate(visible):
        if name not in VISIBLE_FIELDS:
            raise CommunityError(
                f"{name!r} cannot be shown; choose from {', '.join(VISIBLE_FIELDS)}.",
                field=f"visible[{k}]",
            )
    capacity = choices.mentor_capacity
    if "mentor" in features and not 1 <= capacity <= MAX_MENTOR_CAPACITY:
        raise CommunityError(
            f"a mentor takes between 1 and {MAX_MENTOR_CAPACITY} mentees.",
            field="mentor_capacity",
        )
    if "mentor" not in features:
        capacity = 0
    current = choices.current_occupation
    riasec = choices.riasec
    if riasec is not None and (len(riasec) != 6 or any(not 0 <= v <= 7 for v in riasec)):
        raise CommunityError("needs six scores between 0 and 7 (R I A S E C).", field="riasec")
    return Choices(
        display_name=_text(
            choices.display_name, "display_name", MAX_DISPLAY_NAME_CHARS, required=True
        )
        or "",
        features=features,
        visible=visible,
        passions=_list(
            choices.passions, "passions", MAX_COMMUNITY_PASSIONS, MAX_COMMUNITY_PHRASE_CHARS
        ),
        target_careers=_codes(choices.target_careers, "target_careers"),
        current_occupation=_code(current, "current_occupation") if current else None,
        work_history=_codes(choices.work_history, "work_history"),
        city=_text(choices.city, "city", MAX_CITY_CHARS),
        remote=bool(choices.remote),
        availability=_text(choices.availability, "availability", MAX_AVAILABILITY_CHARS),
        mentor_capacity=capacity,
        riasec=None if riasec is None else tuple(float(v) for v in riasec),
        gaps=_list(choices.gaps, "gaps", MAX_COMMUNITY_GAPS, MAX_COMMUNITY_PHRASE_CHARS),
    )
