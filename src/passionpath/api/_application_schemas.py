"""Request bodies of the application routes, each text and list bounded by
``passionpath.limits`` (the core checks the same limits again and names the field)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from passionpath.limits import (
    MAX_LABEL_CHARS,
    MAX_LIST_ITEMS,
    MAX_POSTING_CHARS,
    MAX_TEXT_CHARS,
    MAX_URL_CHARS,
)

Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
Short = Annotated[str, Field(max_length=100)]
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]


class LinkedContactIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    contact_id: Id
    role: Literal["referrer", "recruiter", "interviewer"]


class ApplicationIn(BaseModel):
    """An application's fields; a field left out keeps its value on PATCH, and null clears
    it. Without ``occupation_code`` the role title's occupation is read from the catalog.
    ``stage`` and ``on`` are read when creating only (where the log starts)."""

    model_config = ConfigDict(extra="forbid")
    company: Label | None = None
    role_title: Label | None = None
    occupation_code: str | None = Field(default=None, max_length=16)
    posting_url: str | None = Field(default=None, max_length=MAX_URL_CHARS)
    posting_text: str | None = Field(default=None, max_length=MAX_POSTING_CHARS)
    source: Short | None = None
    location: Label | None = None
    pay: Label | None = None
    profile_slug: Short | None = None
    profile_version: int | None = Field(default=None, ge=1, le=2**31 - 1)
    cv_id: Short | None = None
    notes: Text | None = None
    next_action: Label | None = None
    next_action_on: date | None = None
    linked_contacts: list[LinkedContactIn] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    stage: Literal["saved", "applied"] = "applied"
    on: date | None = None

    def changes(self) -> dict[str, Any]:
        from passionpath.jobsearch import LinkedContact

        given = self.model_dump(exclude_unset=True, exclude={"stage", "on", "linked_contacts"})
        if "linked_contacts" in self.model_fields_set:
            given["contacts"] = tuple(
                LinkedContact(c.contact_id, c.role) for c in self.linked_contacts or []
            )
        return given


class EventIn(BaseModel):
    """A stage to log. A rejection may say its stage (``at_stage``, default the furthest
    reached), who ended it, the reason categories, the feedback and the skills named
    (O*NET descriptor ids or names, such as "2.C.3.c" or "Design")."""

    model_config = ConfigDict(extra="forbid")
    stage: Literal[
        "saved",
        "applied",
        "screen",
        "assessment",
        "interview",
        "offer",
        "accepted",
        "declined",
        "withdrawn",
        "rejected",
        "ghosted",
    ]
    on: date | None = None
    note: Text | None = None
    interview_kind: Short | None = None
    contact_ids: list[Id] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    people: list[Label] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    at_stage: Short | None = None
    ended_by: Literal["they", "you", "nobody_said"] | None = None
    reasons: list[Short] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)
    feedback: Text | None = None
    cited: list[Label] = Field(default_factory=list, max_length=MAX_LIST_ITEMS)


class VoteIn(BaseModel):
    """A thumbs up (``up`` true) or down on an occupation."""

    model_config = ConfigDict(extra="forbid")
    occupation_code: str = Field(max_length=16)
    up: bool = True


class PreferencesIn(BaseModel):
    """Whether the learned preferences take part in the match ranking."""

    model_config = ConfigDict(extra="forbid")
    on: bool
