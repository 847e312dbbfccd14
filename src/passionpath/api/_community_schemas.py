"""Request bodies of the community routes, each text and list bounded by
``passionpath.limits`` (the core checks the same limits again and names the field)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from passionpath.limits import (
    MAX_AVAILABILITY_CHARS,
    MAX_CITY_CHARS,
    MAX_COMMUNITY_CODES,
    MAX_COMMUNITY_GAPS,
    MAX_COMMUNITY_PASSIONS,
    MAX_COMMUNITY_PHRASE_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_MENTOR_CAPACITY,
    MAX_PREFERENCE_PEOPLE,
    MAX_REPORT_CHARS,
    MAX_REQUEST_NOTE_CHARS,
)

Code = Annotated[str, Field(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
Phrase = Annotated[str, Field(max_length=MAX_COMMUNITY_PHRASE_CHARS)]
Feature = Literal["tribe", "mentor", "mentee", "study_groups"]
Shown = Literal[
    "display_name", "passions", "target_careers", "current_occupation", "location", "availability"
]
Id = Annotated[str, Field(min_length=1, max_length=100)]


class JoinIn(BaseModel):
    """What you opt in to and what others see. Email and contact details are never shown
    (texts that look like them are refused)."""

    model_config = ConfigDict(extra="forbid")
    display_name: str = Field(max_length=MAX_DISPLAY_NAME_CHARS)
    features: list[Feature] = Field(min_length=1, max_length=4)
    visible: list[Shown] = Field(default=["display_name", "passions"], max_length=6)
    passions: list[Phrase] = Field(default=[], max_length=MAX_COMMUNITY_PASSIONS)
    target_careers: list[Code] = Field(default=[], max_length=MAX_COMMUNITY_CODES)
    current_occupation: Code | None = None
    work_history: list[Code] = Field(default=[], max_length=MAX_COMMUNITY_CODES)
    city: str | None = Field(default=None, max_length=MAX_CITY_CHARS)
    remote: bool = False
    availability: str | None = Field(default=None, max_length=MAX_AVAILABILITY_CHARS)
    mentor_capacity: int = Field(default=0, ge=0, le=MAX_MENTOR_CAPACITY)
    riasec: list[Annotated[float, Field(ge=0, le=7)]] | None = Field(
        default=None, min_length=6, max_length=6
    )
    gaps: list[Phrase] = Field(default=[], max_length=MAX_COMMUNITY_GAPS)


class RequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    member_id: int = Field(ge=1, le=2**31 - 1)
    kind: Literal["connect", "mentor"] = "connect"
    note: str | None = Field(default=None, max_length=MAX_REQUEST_NOTE_CHARS)


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(min_length=1, max_length=MAX_REPORT_CHARS)


class MentorEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    capacity: int = Field(ge=0, le=1_000_000)
    ranking: list[Id] = Field(default=[], max_length=MAX_PREFERENCE_PEOPLE)


class PreferencesIn(BaseModel):
    """Stated preferences, the shape ``passionpath mentors assign --preferences`` reads."""

    model_config = ConfigDict(extra="forbid")
    mentees: dict[Id, list[Id]] = Field(max_length=MAX_PREFERENCE_PEOPLE)
    mentors: dict[Id, MentorEntry] = Field(max_length=MAX_PREFERENCE_PEOPLE)
