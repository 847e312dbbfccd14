"""Contacts written as vCard 4.0 (RFC 6350) or 3.0 (RFC 2426, for Apple and Android, which do
not read 4.0), in the shapes those clients read back.

Phones are written as text as they were given (``TEL;VALUE=text`` in 4.0), so the number
reads back unchanged. Labels a ``TYPE`` can say are types; any other label goes into an Apple
``itemN.X-ABLabel`` group, which Apple, Google and CardBook all read. A birthday without a
year (kept in 1604) is ``--MMDD`` in 4.0 and Apple's ``X-APPLE-OMIT-YEAR`` form in 3.0.
What a vCard has no property for (how you met, passions, occupations, a cadence of one's own)
goes into ``X-PASSIONPATH-`` properties, which other clients ignore and passionpath reads back.
Lines are folded at 75 octets without splitting a character.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable

from passionpath.network._contacts import ContactView
from passionpath.network._vcard_read import NO_YEAR

VERSIONS = ("4.0", "3.0")
PRODID = "-//passionpath//contacts//EN"
_UID_SPACE = uuid.UUID("8f0b9d4e-3c61-4f0e-9a57-5d2f6f1c2a10")
#: label -> TYPE values, per property kind.
_PHONE_TYPES: dict[str, tuple[str, ...]] = {
    "mobile": ("cell",),
    "cell": ("cell",),
    "work": ("work", "voice"),
    "home": ("home", "voice"),
    "fax": ("fax",),
    "work fax": ("work", "fax"),
    "home fax": ("home", "fax"),
    "pager": ("pager",),
    "main": ("main",),
    "iphone": ("iphone",),
    "other": ("other",),
}
_EMAIL_TYPES: dict[str, tuple[str, ...]] = {
    "work": ("work",),
    "home": ("home",),
    "other": ("other",),
}
_IMAGE_SUBTYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF"}


def escape(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def fold(line: str) -> str:
    """The line cut into pieces of at most 75 octets, continuations starting with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= 75:
        return line
    pieces, start, limit = [], 0, 75
    while start < len(encoded):
        end = min(start + limit, len(encoded))
        while end < len(encoded) and (encoded[end] & 0xC0) == 0x80:
            end -= 1  # never cut inside a UTF-8 sequence
        pieces.append(encoded[start:end].decode("utf-8"))
        start, limit = end, 74
    return "\r\n ".join(pieces)


class _Card:
    def __init__(self, version: str) -> None:
        self.version = version
        self.lines: list[str] = []
        self.groups = 0

    def add(self, name: str, value: str, params: Iterable[str] = ()) -> None:
        head = ";".join([name, *params])
        self.lines.append(fold(f"{head}:{value}"))

    def types(self, values: Iterable[str]) -> list[str]:
        values = list(values)
        if not values:
            return []
        if self.version == "3.0":
            return [f"TYPE={','.join(v.upper() for v in values)}"]
        return [f"TYPE={','.join(values)}"] if len(values) == 1 else [f'TYPE="{",".join(values)}"']

    def labelled(
        self,
        name: str,
        value: str,
        label: str | None,
        known: dict[str, tuple[str, ...]],
        params: tuple[str, ...] = (),
    ) -> None:
        key = (label or "").strip().lower()
        if not label or key in known:
            self.add(name, value, [*params, *self.types(known.get(key, ()))])
            return
        self.groups += 1
        group = f"item{self.groups}"
        self.add(f"{group}.{name}", value, params)
        self.add(f"{group}.X-ABLabel", escape(label))


def _birthday(card: _Card, contact: ContactView) -> None:
    day = contact.birthday
    if day is None:
        return
    if day.year == NO_YEAR:
        if card.version == "4.0":
            card.add("BDAY", f"--{day:%m%d}")
        else:
            card.add("BDAY", f"{NO_YEAR}-{day:%m-%d}", [f"X-APPLE-OMIT-YEAR={NO_YEAR}"])
    else:
        card.add("BDAY", day.strftime("%Y%m%d") if card.version == "4.0" else day.isoformat())


def _photo(card: _Card, contact: ContactView) -> None:
    if not contact.photo:
        return
    media = contact.photo_type or "image/jpeg"
    data = base64.b64encode(contact.photo).decode("ascii")
    if card.version == "4.0":
        card.add("PHOTO", f"data:{media};base64,{data}")
    else:
        subtype = _IMAGE_SUBTYPES.get(media, media.split("/")[-1].upper())
        card.add("PHOTO", data, ["ENCODING=b", f"TYPE={subtype}"])


def _card(contact: ContactView, version: str) -> list[str]:
    card = _Card(version)
    card.add("VERSION", version)
    card.add("PRODID", PRODID)
    card.add("UID", f"urn:uuid:{uuid.uuid5(_UID_SPACE, str(contact.id))}")
    card.add("FN", escape(contact.display_name or ""))
    if contact.given_name or contact.family_name or version == "3.0":
        card.add("N", f"{escape(contact.family_name or '')};{escape(contact.given_name or '')};;;")
    internet = ("TYPE=INTERNET",) if version == "3.0" else ()
    for email in contact.emails:
        card.labelled("EMAIL", email.address, email.label, _EMAIL_TYPES, internet)
    text = ("VALUE=text",) if version == "4.0" else ()
    for phone in contact.phones:
        card.labelled("TEL", escape(phone.original), phone.label, _PHONE_TYPES, text)
    if contact.organisation:
        card.add("ORG", escape(contact.organisation))
    if contact.job_title:
        card.add("TITLE", escape(contact.job_title))
    for url in contact.urls:
        card.add("URL", url)
    if contact.location:
        card.add("ADR", f";;;{escape(contact.location)};;;")
    _birthday(card, contact)
    if contact.notes:
        card.add("NOTE", escape(contact.notes))
    if contact.tags:
        card.add("CATEGORIES", ",".join(escape(t) for t in contact.tags))
    _photo(card, contact)
    if contact.how_met:
        card.add("X-PASSIONPATH-HOW-MET", escape(contact.how_met))
    if contact.passions:
        card.add("X-PASSIONPATH-PASSIONS", escape(contact.passions))
    if contact.occupation_codes:
        card.add("X-PASSIONPATH-OCCUPATIONS", ",".join(contact.occupation_codes))
    if contact.ideal_days is not None or contact.max_days is not None:
        ideal = "" if contact.ideal_days is None else str(contact.ideal_days)
        limit = "" if contact.max_days is None else str(contact.max_days)
        card.add("X-PASSIONPATH-CADENCE", f"{ideal};{limit}")
    return ["BEGIN:VCARD", *card.lines, "END:VCARD"]


def write_vcards(contacts: Iterable[ContactView], version: str) -> str:
    lines: list[str] = []
    for contact in contacts:
        lines.extend(_card(contact, version))
    return "".join(f"{line}\r\n" for line in lines)
