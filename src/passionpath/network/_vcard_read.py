"""Cards read into contacts: which property means what, as each client writes it.

Google and iCloud label values through groups (``item1.EMAIL`` + ``item1.X-ABLabel``, Apple's
own labels wrapped as ``_$!<Mobile>!$_``); Outlook and Android 2.1 use bare types
(``TEL;CELL``); 4.0 writes ``TYPE=cell`` and ``VALUE=uri`` values (``tel:+1...``) and data-URI
photos. Apple writes a birthday without a year in 1604 (``X-APPLE-OMIT-YEAR=1604``); 4.0 as
``--MMDD``. Both are kept in 1604, so they export back the way each version says "no year".
Google writes photos as links to its servers: those are not downloaded (no network at run
time), and the report says so.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from passionpath.limits import MAX_CONTACT_PHOTO_BYTES, MAX_LABEL_CHARS, MAX_TEXT_CHARS
from passionpath.network._contacts import ContactFields, Email, Phone
from passionpath.network._files import ImportFileError
from passionpath.network._incoming import Incoming, checked
from passionpath.network._vcard_lines import Property, RawCard, split_unescaped, unescape

#: What the database keeps of an email's or a phone's label.
_LABEL_CHARS = 100
#: A birthday without a year is stored in this year (a leap year, so 29 February fits), as
#: Apple Contacts does.
NO_YEAR = 1604
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")
_APPLE_LABELS = {
    "mobile": "mobile",
    "home": "home",
    "work": "work",
    "other": "other",
    "main": "main",
    "pager": "pager",
    "iphone": "iPhone",
    "homefax": "home fax",
    "workfax": "work fax",
    "otherfax": "fax",
    "homepage": "homepage",
}
_PHONE_TYPES = (("CELL", "mobile"), ("IPHONE", "iPhone"), ("PAGER", "pager"), ("MAIN", "main"))
#: Types that say nothing a person would call a label.
_NOT_LABELS = {"PREF", "INTERNET", "VOICE", "X400", "MSG", "TEXT", "X-INTERNET"}
#: Groups every contact of an export carries (Google's, Android's): not tags anyone chose.
_SYSTEM_GROUPS = {"mycontacts", "my contacts", "contacts", "system group: my contacts"}
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})")
_NO_YEAR_DATE = re.compile(r"^--(\d{2})-?(\d{2})$")


def image_type(data: bytes) -> str | None:
    """The picture's media type from its first bytes, or None when it is no picture."""
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "image/heic" if b"hei" in data[8:12] else "image/avif"
    if data.startswith(b"BM"):
        return "image/bmp"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    return None


def label_from(text: str | None) -> str | None:
    """A label as a person reads it: Apple's ``_$!<Mobile>!$_`` is "mobile"."""
    if not text:
        return None
    text = unescape(text).strip()
    match = _APPLE_LABEL.match(text)
    if match:
        inner = match.group(1)
        return _APPLE_LABELS.get(inner.lower().replace(" ", ""), inner)
    return text[:_LABEL_CHARS] or None


def _typed_label(prop: Property) -> str | None:
    for raw in prop.params.get("TYPE", ()):
        if raw.upper().startswith("X-") and raw.upper() not in _NOT_LABELS and len(raw) > 2:
            return raw[2:][:_LABEL_CHARS]
    return None


def phone_label(prop: Property, group_label: str | None) -> str | None:
    if group_label:
        return group_label
    types = prop.types
    for key, label in _PHONE_TYPES:
        if key in types:
            return label
    place = "work" if "WORK" in types else "home" if "HOME" in types else None
    if "FAX" in types:
        return f"{place} fax" if place else "fax"
    if place:
        return place
    return "other" if "OTHER" in types else _typed_label(prop)


def email_label(prop: Property, group_label: str | None) -> str | None:
    if group_label:
        return group_label
    types = prop.types
    for key in ("WORK", "HOME", "OTHER"):
        if key in types:
            return key.lower()
    return "mobile" if "CELL" in types else _typed_label(prop)


def read_birthday(prop: Property) -> date | None:
    value = unescape(prop.value).strip()
    try:
        match = _DATE.match(value)
        if match:
            year, month, day = (int(g) for g in match.groups())
            if prop.param("X-APPLE-OMIT-YEAR") == str(year):
                year = NO_YEAR
            return date(year, month, day)
        match = _NO_YEAR_DATE.match(value)
        if match:
            return date(NO_YEAR, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    return None


@dataclass
class _Card:
    """What one card says, gathered property by property (the first of each kind wins)."""

    raw: RawCard
    labels: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    display_name: str | None = None
    names: tuple[str, ...] = ("", "", "", "", "")
    nickname: str | None = None
    organisation: str | None = None
    job_title: str | None = None
    role: str | None = None
    location: str | None = None
    birthday: date | None = None
    photo: bytes | None = None
    photo_type: str | None = None
    how_met: str | None = None
    passions: str | None = None
    occupation_codes: tuple[str, ...] = ()
    ideal_days: int | None = None
    max_days: int | None = None
    emails: list[Email] = field(default_factory=list)
    phones: list[Phone] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    group: bool = False

    def warn(self, message: str) -> None:
        text = f"card {self.raw.number}: {message}"
        if text not in self.warnings:
            self.warnings.append(text)

    def first(self, key: str, value: object, line: int) -> None:
        """Keep ``value`` unless an earlier property gave this field already."""
        if value and not getattr(self, key):
            setattr(self, key, value)
            self.lines[key] = line


def _photo(card: _Card, prop: Property) -> None:
    value = prop.value.strip()
    if prop.encoding == "B":
        payload = value
    elif value[:5].lower() == "data:":
        header, _, payload = value.partition(",")
        if ";base64" not in header.lower():
            card.warn("the photo is not base64 data; it was left out.")
            return
    else:
        if value.lower().startswith(("http://", "https://")):
            card.warn("the photo is a link to the web; it was not downloaded.")
        return
    try:
        payload = "".join(payload.split())
        data = base64.b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        card.warn("the photo's base64 data is damaged; it was left out.")
        return
    # The bytes say what the picture is; a declared type over bytes that are no picture
    # (a damaged export) is not believed.
    media = image_type(data)
    if media is None:
        card.warn("the photo is not a picture; it was left out.")
    elif len(data) > MAX_CONTACT_PHOTO_BYTES:
        card.warn(
            f"the photo is {len(data):,} bytes, more than the {MAX_CONTACT_PHOTO_BYTES:,} "
            "a contact's photo may have; it was left out."
        )
    elif card.photo is None:
        card.first("photo", data, prop.line)
        card.photo_type = media


def _location(prop: Property) -> str | None:
    parts = [p.strip() for p in split_unescaped(prop.value, ";")] + [""] * 7
    street, locality, region, country = parts[2], parts[3], parts[4], parts[6]
    place = ", ".join(p for p in (locality, region, country) if p)
    if not place and street:
        place = ", ".join(line.strip() for line in street.splitlines() if line.strip())
    return place[:MAX_LABEL_CHARS] or None


def _social_url(prop: Property) -> str | None:
    value = unescape(prop.value).strip()
    if value.lower().startswith(("http://", "https://")):
        return value
    user = prop.param("X-USER") or (value.split(":", 1)[1] if ":" in value else value)
    if "LINKEDIN" in prop.types and user:
        return f"https://www.linkedin.com/in/{user.strip('/')}"
    return None


def _add_phone(card: _Card, prop: Property) -> None:
    number = unescape(prop.value).strip()
    if number.lower().startswith("tel:"):
        number = number[4:]
    if not number:
        return
    if len(number) > 100:
        card.warn(f"the phone number {number[:30]!r}... is too long; it was left out.")
        return
    card.phones.append(Phone(number, phone_label(prop, card.labels.get(prop.group or ""))))
    card.lines.setdefault("phones", prop.line)


def _add_email(card: _Card, prop: Property) -> None:
    address = unescape(prop.value).strip()
    if address.lower().startswith("mailto:"):
        address = address[7:]
    if not address:
        return
    if "@" not in address.strip("@") or " " in address:
        card.warn(f"{address[:60]!r} is not an email address; it was left out.")
        return
    card.emails.append(Email(address, email_label(prop, card.labels.get(prop.group or ""))))
    card.lines.setdefault("emails", prop.line)


def _text(prop: Property) -> str:
    return unescape(prop.value).strip()


def _read_property(card: _Card, prop: Property) -> None:
    name = prop.name
    if name == "FN":
        card.first("display_name", _text(prop), prop.line)
    elif name == "N":
        card.names = tuple((split_unescaped(prop.value, ";") + [""] * 5)[:5])
        card.lines.setdefault("given_name", prop.line)
        card.lines.setdefault("family_name", prop.line)
    elif name == "NICKNAME":
        card.nickname = card.nickname or _text(prop) or None
    elif name == "EMAIL":
        _add_email(card, prop)
    elif name == "TEL":
        _add_phone(card, prop)
    elif name == "ORG":
        parts = [p.strip() for p in split_unescaped(prop.value, ";")]
        card.first("organisation", next((p for p in parts if p), ""), prop.line)
    elif name == "TITLE":
        card.first("job_title", _text(prop), prop.line)
    elif name == "ROLE":
        card.first("role", _text(prop), prop.line)
    elif name == "URL":
        card.urls.append(_text(prop))
        card.lines.setdefault("urls", prop.line)
    elif name == "X-SOCIALPROFILE":
        url = _social_url(prop)
        if url:
            card.urls.append(url)
    elif name == "ADR":
        pref = "PREF" in prop.types or prop.param("PREF") is not None
        location = _location(prop)
        if location and (pref or card.location is None):
            card.location = location
    elif name == "NOTE":
        card.notes.append(_text(prop))
        card.lines.setdefault("notes", prop.line)
    elif name == "BDAY":
        birthday = read_birthday(prop)
        if birthday is None and prop.value.strip():
            card.warn(f"the birthday {prop.value.strip()[:30]!r} is not a date; it was left out.")
        card.first("birthday", birthday, prop.line)
    elif name == "PHOTO":
        _photo(card, prop)
    elif name == "CATEGORIES":
        for tag in re.split(r"\\?,", prop.value):
            tag = unescape(tag).strip()
            if tag and tag.lower() not in _SYSTEM_GROUPS:
                card.tags.append(tag[:MAX_LABEL_CHARS])
    elif name in ("KIND", "X-ADDRESSBOOKSERVER-KIND"):
        card.group = _text(prop).lower() == "group"
    elif name.startswith("X-PASSIONPATH-"):
        _read_own(card, prop)


def _read_own(card: _Card, prop: Property) -> None:
    """What passionpath's own export adds, read back so a round trip keeps it."""
    key = prop.name.removeprefix("X-PASSIONPATH-")
    text = _text(prop)
    if key == "HOW-MET":
        card.first("how_met", text, prop.line)
    elif key == "PASSIONS":
        card.first("passions", text, prop.line)
    elif key == "OCCUPATIONS":
        card.first("occupation_codes", tuple(c.strip() for c in text.split(",")), prop.line)
    elif key == "CADENCE":
        ideal, _, limit = text.partition(";")
        if ideal.strip().isdigit():
            card.first("ideal_days", int(ideal), prop.line)
        if limit.strip().isdigit():
            card.first("max_days", int(limit), prop.line)


def _notes(card: _Card) -> str | None:
    note = "\n\n".join(n for n in card.notes if n)
    if len(note) > MAX_TEXT_CHARS:
        card.warn(f"the note was cut to its first {MAX_TEXT_CHARS:,} characters.")
        note = note[:MAX_TEXT_CHARS]
    return note or None


def _fields(card: _Card) -> ContactFields | None:
    family, given, additional, prefix, suffix = (n.strip() for n in card.names)
    display = card.display_name or " ".join(
        n for n in (prefix, given, additional, family, suffix) if n
    )
    display = display or card.nickname or card.organisation or ""
    if not display and not card.emails:
        display = card.phones[0].original if card.phones else ""
    if not display and not card.emails:
        return None
    return ContactFields(
        display_name=display or None,
        given_name=given or None,
        family_name=family or None,
        emails=tuple(card.emails),
        phones=tuple(card.phones),
        organisation=card.organisation,
        job_title=card.job_title or card.role,
        urls=tuple(card.urls),
        location=card.location,
        tags=tuple(card.tags),
        how_met=card.how_met,
        notes=_notes(card),
        birthday=card.birthday,
        photo=card.photo,
        photo_type=card.photo_type,
        occupation_codes=card.occupation_codes,
        passions=card.passions,
        ideal_days=card.ideal_days,
        max_days=card.max_days,
    )


def read_card(filename: str, raw: RawCard, region: str | None) -> Incoming | str:
    """The card as a checked contact, or why it was skipped (a group, a card with nothing to
    call the person by)."""
    card = _Card(raw)
    for prop in raw.properties:
        if prop.group and prop.name == "X-ABLABEL":
            card.labels[prop.group] = label_from(prop.value) or ""
    for prop in raw.properties:
        _read_property(card, prop)
    if card.group:
        return f"card {raw.number} is a group of contacts, not a person; skipped."
    data = _fields(card)
    if data is None:
        return f"card {raw.number} has no name, organisation, email or phone; skipped."
    data = checked(filename, data, region=region, card=raw.number, line=raw.line, lines=card.lines)
    return Incoming(f"card {raw.number}", data, tuple(card.warnings))


def read_vcards(
    filename: str, cards: Iterable[RawCard], region: str | None
) -> tuple[list[Incoming], list[str]]:
    """Every card read; a card at fault raises ImportFileError and nothing is imported."""
    contacts: list[Incoming] = []
    skipped: list[str] = []
    for raw in cards:
        result = read_card(filename, raw, region)
        if isinstance(result, str):
            skipped.append(result)
        else:
            contacts.append(result)
    if not contacts and not skipped:
        raise ImportFileError(filename, "holds no contact.")
    return contacts, skipped
