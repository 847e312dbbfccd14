"""What a contact holds, checked before it is stored: names, emails, phones, limits."""

from __future__ import annotations

import base64
import re
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

import phonenumbers

from passionpath.errors import PassionpathError
from passionpath.limits import (
    MAX_CONTACT_PHOTO_BYTES,
    MAX_EMAIL_CHARS,
    MAX_LABEL_CHARS,
    MAX_LIST_ITEMS,
    MAX_TEXT_CHARS,
)

#: What can be logged with a contact.
INTERACTION_KINDS = (
    "meeting",
    "call",
    "message",
    "event",
    "informational_interview",
    "feedback",
    "introduction",
)

_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
#: Long enough for any real phone number with extension and formatting.
_MAX_PHONE_CHARS = 100
#: An email's or a phone's label ("work", "Mum's mobile"): what the label columns hold.
_MAX_ENTRY_LABEL_CHARS = 100
#: A check-in interval longer than ten years means "never"; cap it so the arithmetic stays sane.
_MAX_CADENCE_DAYS = 3660


class ContactError(PassionpathError):
    """A contact or an interaction that cannot be stored as given."""


@dataclass(frozen=True)
class Email:
    address: str
    label: str | None = None


@dataclass(frozen=True)
class Phone:
    #: As given; kept unchanged for display and export.
    original: str
    label: str | None = None
    #: E.164 (``+14155550123``) when the number could be read, else None.
    e164: str | None = None


@dataclass(frozen=True)
class ContactFields:
    """Everything a contact holds, as given to ``add_contact`` or changed by
    ``update_contact``. ``display_name`` defaults to given + family name."""

    display_name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    emails: tuple[Email, ...] = ()
    phones: tuple[Phone, ...] = ()
    organisation: str | None = None
    job_title: str | None = None
    urls: tuple[str, ...] = ()
    location: str | None = None
    tags: tuple[str, ...] = ()
    how_met: str | None = None
    notes: str | None = None
    birthday: date | None = None
    photo: bytes | None = None
    photo_type: str | None = None
    occupation_codes: tuple[str, ...] = ()
    passions: str | None = None
    ideal_days: int | None = None
    max_days: int | None = None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class ContactView(ContactFields):
    """A stored contact: its fields, id, the day it was added and the cadence that applies
    (its own or its tags' default)."""

    id: int = 0
    added_on: date | None = None
    cadence: tuple[int, int] = (0, 0)
    #: True when the occupation codes were read from the job title (not chosen by hand).
    occupations_inferred: bool = False
    #: The day of the latest interaction logged with the contact.
    last_contacted: date | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the photo as base64."""
        out = asdict(self)
        out["photo"] = base64.b64encode(self.photo).decode("ascii") if self.photo else None
        return out


def normalise_phone(original: str, region: str | None = None) -> str | None:
    """The number in E.164, or None when it cannot be read as a possible phone number.
    Numbers without a country code are read in ``region`` (ISO country code, like "GB")."""
    try:
        number = phonenumbers.parse(original, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _text(value: str | None, name: str, limit: int) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if len(value) > limit:
        raise ContactError(f"is longer than {limit:,} characters.", field=name)
    return value or None


def _labels(values: tuple[str, ...], name: str) -> tuple[str, ...]:
    if len(values) > MAX_LIST_ITEMS:
        raise ContactError(f"has more than {MAX_LIST_ITEMS} entries.", field=name)
    out: list[str] = []
    for v in values:
        cleaned = _text(v, name, MAX_LABEL_CHARS if name != "urls" else MAX_TEXT_CHARS)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out)


def check_kind(kind: str) -> str:
    """The interaction kind in its stored form ("informational interview" is accepted)."""
    key = re.sub(r"[\s-]+", "_", kind.strip().lower())
    if key not in INTERACTION_KINDS:
        raise ContactError(
            f"{kind!r} is not a kind of interaction.",
            field="kind",
            hint="One of: " + ", ".join(k.replace("_", " ") for k in INTERACTION_KINDS) + ".",
        )
    return key


def check_fields(data: ContactFields, *, region: str | None = None) -> ContactFields:
    """The fields cleaned (trimmed, tags lower-cased, phones normalised), or a ContactError
    naming the field at fault."""
    given = _text(data.given_name, "given_name", MAX_LABEL_CHARS)
    family = _text(data.family_name, "family_name", MAX_LABEL_CHARS)
    display = _text(data.display_name, "display_name", MAX_LABEL_CHARS)
    display = display or " ".join(n for n in (given, family) if n) or None
    emails: list[Email] = []
    if len(data.emails) > MAX_LIST_ITEMS:
        raise ContactError(f"has more than {MAX_LIST_ITEMS} entries.", field="emails")
    for e in data.emails:
        address = (_text(e.address, "emails", MAX_EMAIL_CHARS) or "").lower()
        if "@" not in address.strip("@"):
            raise ContactError(f"{e.address!r} is not an email address.", field="emails")
        if address not in {x.address for x in emails}:
            emails.append(Email(address, _text(e.label, "emails", _MAX_ENTRY_LABEL_CHARS)))
    if display is None:
        display = emails[0].address if emails else None
    if display is None:
        raise ContactError(
            "A contact needs a name.", field="display_name", hint="Give a name or an email."
        )
    if len(data.phones) > MAX_LIST_ITEMS:
        raise ContactError(f"has more than {MAX_LIST_ITEMS} entries.", field="phones")
    phones: list[Phone] = []
    for p in data.phones:
        original = _text(p.original, "phones", _MAX_PHONE_CHARS)
        if original:
            label = _text(p.label, "phones", _MAX_ENTRY_LABEL_CHARS)
            # A stored number read earlier with its region keeps its E.164 when an edit
            # elsewhere re-checks it without one.
            e164 = normalise_phone(original, region) or (
                p.e164 if original == p.original.strip() else None
            )
            phones.append(Phone(original, label, e164))
    codes = _labels(data.occupation_codes, "occupation_codes")
    for code in codes:
        if not _CODE.match(code):
            raise ContactError(
                f"{code!r} is not an occupation code.",
                field="occupation_codes",
                hint="Codes look like 15-1255.00.",
            )
    if data.photo is not None and len(data.photo) > MAX_CONTACT_PHOTO_BYTES:
        raise ContactError(
            f"is larger than {MAX_CONTACT_PHOTO_BYTES:,} bytes.",
            field="photo",
            hint="Use a smaller picture.",
        )
    for name in ("ideal_days", "max_days"):
        value = getattr(data, name)
        if value is not None and not 1 <= value <= _MAX_CADENCE_DAYS:
            raise ContactError(f"must be between 1 and {_MAX_CADENCE_DAYS} days.", field=name)
    if (
        data.ideal_days is not None
        and data.max_days is not None
        and data.max_days < data.ideal_days
    ):
        raise ContactError(
            "is shorter than the ideal interval.",
            field="max_days",
            hint="The maximum time between check-ins must be at least the ideal time.",
        )
    return replace(
        data,
        display_name=display,
        given_name=given,
        family_name=family,
        emails=tuple(emails),
        phones=tuple(phones),
        organisation=_text(data.organisation, "organisation", MAX_LABEL_CHARS),
        job_title=_text(data.job_title, "job_title", MAX_LABEL_CHARS),
        urls=_labels(data.urls, "urls"),
        location=_text(data.location, "location", MAX_LABEL_CHARS),
        tags=tuple(t.lower() for t in _labels(data.tags, "tags")),
        how_met=_text(data.how_met, "how_met", MAX_TEXT_CHARS),
        notes=_text(data.notes, "notes", MAX_TEXT_CHARS),
        photo=data.photo or None,
        photo_type=_text(data.photo_type, "photo_type", 100) if data.photo else None,
        occupation_codes=codes,
        passions=_text(data.passions, "passions", MAX_TEXT_CHARS),
    )
