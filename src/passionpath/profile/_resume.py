"""JSON Resume v1.0.0 sections as pydantic models.

Every model keeps unknown keys (``extra="allow"``) and documents are dumped with
``exclude_unset``, so a JSON Resume file read and written back is unchanged.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

#: JSON Resume dates: a year, a year-month or a full date (ISO 8601).
ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
DateStr = str


class _Section(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


def _date() -> Any:
    return Field(default=None, pattern=ISO_DATE)


class Location(_Section):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class SocialProfile(_Section):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class Basics(_Section):
    name: str | None = None
    label: str | None = None
    image: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    summary: str | None = None
    location: Location | None = None
    profiles: list[SocialProfile] | None = None


class _Engagement(_Section):
    """What a job and a volunteering role share."""

    position: str | None = None
    url: str | None = None
    startDate: DateStr | None = _date()
    endDate: DateStr | None = _date()
    summary: str | None = None
    highlights: list[str] | None = None


class Work(_Engagement):
    name: str | None = None
    location: str | None = None
    description: str | None = None


class Volunteer(_Engagement):
    organization: str | None = None


class Education(_Section):
    institution: str | None = None
    url: str | None = None
    area: str | None = None
    studyType: str | None = None
    startDate: DateStr | None = _date()
    endDate: DateStr | None = _date()
    score: str | None = None
    courses: list[str] | None = None


class Award(_Section):
    title: str | None = None
    date: DateStr | None = _date()
    awarder: str | None = None
    summary: str | None = None


class Certificate(_Section):
    name: str | None = None
    date: DateStr | None = _date()
    url: str | None = None
    issuer: str | None = None


class Publication(_Section):
    name: str | None = None
    publisher: str | None = None
    releaseDate: DateStr | None = _date()
    url: str | None = None
    summary: str | None = None


class Skill(_Section):
    name: str | None = None
    level: str | None = None
    keywords: list[str] | None = None


class Language(_Section):
    language: str | None = None
    fluency: str | None = None


class Interest(_Section):
    name: str | None = None
    keywords: list[str] | None = None


class Reference(_Section):
    name: str | None = None
    reference: str | None = None


class Project(_Section):
    name: str | None = None
    description: str | None = None
    highlights: list[str] | None = None
    keywords: list[str] | None = None
    startDate: DateStr | None = _date()
    endDate: DateStr | None = _date()
    url: str | None = None
    roles: list[str] | None = None
    entity: str | None = None
    type: str | None = None


class Meta(_Section):
    canonical: str | None = None
    version: str | None = None
    lastModified: str | None = None
