"""A contact read from a file, before it meets the book: what every reader hands the import."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from passionpath.network._contacts import ContactError, ContactFields, check_fields
from passionpath.network._files import ImportFileError


@dataclass(frozen=True)
class Incoming:
    """One card or row: where it was (``card 3``, ``line 7``), its checked fields, and what
    was dropped from it on the way (an oversize photo, an unreadable birthday)."""

    source: str
    fields: ContactFields
    warnings: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.fields.display_name or ""


@dataclass(frozen=True)
class IncomingMessage:
    """A day of a conversation, to be logged as one interaction with the people in it: the
    contacts (of the book or of the file) with these LinkedIn profiles (``linkedin_key``
    form), or, in exports without profile links, with these names (``plain`` form)."""

    on: date
    note: str
    profiles: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


def checked(
    filename: str,
    data: ContactFields,
    *,
    region: str | None,
    card: int | None = None,
    line: int | None = None,
    lines: dict[str, int] | None = None,
) -> ContactFields:
    """``check_fields``, its error turned into one that names the file, card and line."""
    try:
        return check_fields(data, region=region)
    except ContactError as exc:
        at = (lines or {}).get(exc.field or "", line)
        raise ImportFileError(filename, str(exc), card=card, line=at) from exc
