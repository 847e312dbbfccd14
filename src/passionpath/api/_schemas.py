"""Request bodies of the REST API (responses reuse the core's own dataclasses).

Every text and list has a bound from ``passionpath.limits``, so an oversized request is
answered 422 naming the field before any work is done."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from passionpath.limits import (
    MAX_EMAIL_CHARS,
    MAX_EVIDENCE_CHARS,
    MAX_INVENTORY_ANSWERS,
    MAX_LABEL_CHARS,
    MAX_NOTE_CHARS,
    MAX_OBSTACLES,
    MAX_SLUG_CHARS,
    MAX_TEXT_CHARS,
    MAX_TEXTS,
)


def _usable_text(text: str) -> str:
    """The core's check (empty, not English); a ValueError makes it a 422 at this text."""
    from passionpath.text import TextInputError, check_text

    try:
        return check_text(text)
    except TextInputError as exc:
        raise ValueError(exc.reason) from None


FreeText = Annotated[str, Field(max_length=MAX_TEXT_CHARS), AfterValidator(_usable_text)]
Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(
        min_length=3, max_length=MAX_EMAIL_CHARS, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
    )
    password: str = Field(min_length=1, max_length=200)


class Token(BaseModel):
    token: str
    token_type: str = "bearer"


class ProfileIn(BaseModel):
    """``document`` is bounded by the core (``parse_document``), which names the field."""

    model_config = ConfigDict(extra="forbid")
    document: dict[str, Any]
    slug: str | None = Field(default=None, max_length=MAX_SLUG_CHARS)
    note: str | None = Field(default=None, max_length=MAX_NOTE_CHARS)


class Texts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[FreeText] = Field(min_length=1, max_length=MAX_TEXTS)
    top: int = Field(default=10, ge=1, le=100)

    @field_validator("texts")
    @classmethod
    def _total(cls, texts: list[str]) -> list[str]:
        from passionpath.text import TextInputError, check_total

        try:
            check_total(texts)
        except TextInputError as exc:
            raise ValueError(exc.reason) from None
        return texts


class InventoryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: dict[Label, int] = Field(max_length=MAX_INVENTORY_ANSWERS)
    form: str = Field(default="full", pattern="^(full|short)$")


class PlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target: str = Field(min_length=4, max_length=16)
    hours_per_week: float = Field(default=5.0, gt=0, le=80)
    weeks: int | None = Field(default=None, ge=1, le=520)
    obstacles: list[Label] = Field(default_factory=list, max_length=MAX_OBSTACLES)


class LogIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hours: float | None = Field(default=None, gt=0, le=100)
    objective: int | None = Field(default=None, ge=1)
    evidence: str | None = Field(default=None, max_length=MAX_EVIDENCE_CHARS)
