"""Request bodies of the REST API (responses reuse the core's own dataclasses)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Credentials(BaseModel):
    model_config = ConfigDict(extra="forbid")
    email: str = Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    password: str = Field(min_length=1, max_length=200)


class Token(BaseModel):
    token: str
    token_type: str = "bearer"


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    document: dict[str, Any]
    slug: str | None = Field(default=None, max_length=60)
    note: str | None = Field(default=None, max_length=300)


class Texts(BaseModel):
    model_config = ConfigDict(extra="forbid")
    texts: list[str] = Field(min_length=1, max_length=200)
    top: int = Field(default=10, ge=1, le=100)


class InventoryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answers: dict[str, int]
    form: str = Field(default="full", pattern="^(full|short)$")


class PlanIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    target: str = Field(min_length=4, max_length=16)
    hours_per_week: float = Field(default=5.0, gt=0, le=80)
    weeks: int | None = Field(default=None, ge=1, le=520)
    obstacles: list[str] = Field(default_factory=list, max_length=10)


class LogIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    hours: float | None = Field(default=None, gt=0, le=100)
    objective: int | None = Field(default=None, ge=1)
    evidence: str | None = Field(default=None, max_length=2000)
