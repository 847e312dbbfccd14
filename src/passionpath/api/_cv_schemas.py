"""Request bodies of the CV routes, each text bounded by ``passionpath.limits`` (the core
checks the same limits again and names the field)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from passionpath.limits import MAX_POSTING_CHARS, MAX_SLUG_CHARS, MAX_SUMMARY_CHARS

Theme = Literal["classic", "modern"]


class CvIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    profile: str = Field(min_length=1, max_length=MAX_SLUG_CHARS, description="Profile slug.")
    target: str = Field(pattern=r"^\d{2}-\d{4}\.\d{2}$", description="O*NET-SOC code.")
    posting: str | None = Field(
        default=None, max_length=MAX_POSTING_CHARS, description="A job posting's text."
    )
    theme: Theme = "classic"


class CvEdit(BaseModel):
    model_config = ConfigDict(extra="forbid")
    summary: str | None = Field(default=None, max_length=MAX_SUMMARY_CHARS)
    theme: Theme | None = None


class SentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    application_id: int = Field(ge=1, le=2**31 - 1)


class PostingIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    posting: str = Field(min_length=1, max_length=MAX_POSTING_CHARS)


class ResumeIn(BaseModel):
    """``document`` is bounded by the core (the profile reader's size limits)."""

    model_config = ConfigDict(extra="forbid")
    document: dict[str, Any]
