"""Request bodies of the contact routes, each text and list bounded by ``passionpath.limits``
(the core checks the same limits again and names the field)."""

from __future__ import annotations

import base64
import binascii
from datetime import date
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from passionpath.limits import (
    MAX_CONTACT_PHOTO_BYTES,
    MAX_EMAIL_CHARS,
    MAX_LABEL_CHARS,
    MAX_LIST_ITEMS,
    MAX_TEXT_CHARS,
)

Label = Annotated[str, Field(max_length=MAX_LABEL_CHARS)]
Text = Annotated[str, Field(max_length=MAX_TEXT_CHARS)]
Code = Annotated[str, Field(pattern=r"^\d{2}-\d{4}\.\d{2}$")]
#: Base64 of the largest photo, with room for line breaks.
_MAX_PHOTO_BASE64 = (MAX_CONTACT_PHOTO_BYTES + 2) // 3 * 4 + 1024


class EmailIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    address: str = Field(max_length=MAX_EMAIL_CHARS)
    label: Label | None = None


class PhoneIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    number: str = Field(max_length=100)
    label: Label | None = None


class ContactIn(BaseModel):
    """A contact's fields; a field left out keeps its value on PATCH, and null clears it.
    ``photo`` is base64; ``region`` (like "GB") reads phone numbers without a country code."""

    model_config = ConfigDict(extra="forbid")
    display_name: Label | None = None
    given_name: Label | None = None
    family_name: Label | None = None
    emails: list[EmailIn] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    phones: list[PhoneIn] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    organisation: Label | None = None
    job_title: Label | None = None
    urls: list[Text] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    location: Label | None = None
    tags: list[Label] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    how_met: Text | None = None
    notes: Text | None = None
    birthday: date | None = None
    photo: str | None = Field(default=None, max_length=_MAX_PHOTO_BASE64)
    photo_type: str | None = Field(default=None, max_length=100)
    occupation_codes: list[Code] | None = Field(default=None, max_length=MAX_LIST_ITEMS)
    passions: Text | None = None
    ideal_days: int | None = Field(default=None, ge=1, le=3660)
    max_days: int | None = Field(default=None, ge=1, le=3660)
    region: str | None = Field(default=None, pattern=r"^[A-Za-z]{2}$")

    @field_validator("photo")
    @classmethod
    def _base64(cls, value: str | None) -> str | None:
        if value is not None:
            value = "".join(value.split())  # line breaks, as some encoders write them
            try:
                base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                raise ValueError("is not base64") from None
        return value

    def changes(self) -> dict[str, Any]:
        """The fields given, in the core's shapes (lists as tuples, the photo as bytes)."""
        from passionpath.network import Email, Phone

        out: dict[str, Any] = {}
        for name in self.model_fields_set - {"region"}:
            value = getattr(self, name)
            if name == "emails":
                value = tuple(Email(e.address, e.label) for e in value or [])
            elif name == "phones":
                value = tuple(Phone(p.number, p.label) for p in value or [])
            elif name in ("urls", "tags", "occupation_codes"):
                value = tuple(value or [])
            elif name == "photo" and value is not None:
                value = base64.b64decode(value, validate=True) or None
            out[name] = value
        return out


class InteractionIn(BaseModel):
    """An interaction with the contact in the path and, optionally, others (``with``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    kind: str = Field(max_length=40)
    on: date | None = None
    note: Text | None = None
    follow_up_on: date | None = None
    with_: list[int] = Field(default_factory=list, alias="with", max_length=MAX_LIST_ITEMS)


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: int
    other: int
