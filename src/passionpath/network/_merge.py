"""When two contacts are one person, and what the merged contact holds.

The same person, in this order of certainty:

1. an email address in common;
2. the same LinkedIn profile (``linkedin.com/in/<name>``, however the link is written);
3. the same name at the same organisation, both compared fuzzily with rapidfuzz (token
   order, case, accents and punctuation do not matter; "Figma" and "Figma, Inc." are one
   organisation). Without an organisation on either side the names must be equal; a contact
   with an organisation never matches one without (two "Alex Kim" are two people until
   something else says otherwise), nor do two people with different LinkedIn profiles.

Two people with different addresses at one email domain (two colleagues' work addresses) are
two people whatever their names. Candidates for the fuzzy test are the contacts sharing a
word of the name (words carried by hundreds, like a common first name, do not count), so a
book of ten thousand is not compared pairwise: a typo in every word of a name is not found.

A merge keeps everything of the contact kept and adds what only the other has: the other's
emails, phones, links, tags and occupations; its name parts, organisation, title, birthday,
photo, ... where the kept one has none; its note when the kept note does not already hold it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, fields, replace
from typing import TypeVar
from urllib.parse import unquote

from rapidfuzz import fuzz

from passionpath.limits import MAX_LIST_ITEMS, MAX_TEXT_CHARS
from passionpath.network._contacts import ContactFields, Phone

T = TypeVar("T")

#: How alike two names (and two organisations) must be, 0-100, to be one person's.
NAME_SCORE = 90
ORG_SCORE = 90
#: A name word carried by more contacts than this (a very common first name) finds no
#: candidates by itself: the other words of the name, or the organisation, do.
_COMMON_WORD = 200
_LINKEDIN = re.compile(r"linkedin\.com/(?:mwlite/)?in/([^/?#\s]+)", re.IGNORECASE)
_ORG_SUFFIXES = re.compile(
    r"\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|plc|corp|corporation|co|company)\b"
)


def plain(text: str | None) -> str:
    """Lower case, no accents, no punctuation, single spaces: how names are compared."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


def organisation_key(text: str | None) -> str:
    return " ".join(_ORG_SUFFIXES.sub(" ", plain(text)).split())


def linkedin_key(url: str) -> str | None:
    """``linkedin.com/in/<name>`` for any way of writing a LinkedIn profile link."""
    match = _LINKEDIN.search(url)
    return f"linkedin.com/in/{unquote(match.group(1)).casefold()}" if match else None


def url_key(url: str) -> str:
    key = linkedin_key(url)
    if key:
        return key
    bare = re.sub(r"^[a-z]+://", "", url.strip().casefold())
    return bare.removeprefix("www.").rstrip("/")


def _phone_key(phone: Phone) -> str:
    return phone.e164 or re.sub(r"\D", "", phone.original) or phone.original


def _person_name(data: ContactFields) -> str:
    parts = " ".join(p for p in (data.given_name, data.family_name) if p)
    return plain(parts or data.display_name)


#: Mail services anyone can sign up to: two addresses there say nothing about an employer.
_PUBLIC_MAIL = {
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
    "gmx.de", "gmx.net", "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com", "posteo.de",
}  # fmt: skip


def _union(
    first: tuple[T, ...], second: tuple[T, ...], key: Callable[[T], Hashable] | None = None
) -> tuple[T, ...]:
    seen = {key(item) if key else item for item in first}
    out = list(first)
    for item in second:
        k = key(item) if key else item
        if k not in seen and len(out) < MAX_LIST_ITEMS:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _notes(keep: str | None, other: str | None) -> str | None:
    if not other or not keep:
        return keep or other
    if plain(other) in plain(keep):
        return keep
    joined = f"{keep}\n\n{other}"
    return joined if len(joined) <= MAX_TEXT_CHARS else keep


def merge_fields(keep: ContactFields, other: ContactFields) -> ContactFields:
    """``keep`` with what only ``other`` has added to it (see the module's description)."""
    scalars = {
        f.name: getattr(other, f.name)
        for f in fields(ContactFields)
        if getattr(keep, f.name) in (None, "", ()) and getattr(other, f.name) not in (None, "")
    }
    if keep.photo is not None:
        scalars.pop("photo_type", None)
    merged = replace(keep, **scalars)
    return replace(
        merged,
        emails=_union(keep.emails, other.emails, lambda e: e.address.casefold()),
        phones=_union(keep.phones, other.phones, _phone_key),
        urls=_union(keep.urls, other.urls, url_key),
        tags=_union(keep.tags, other.tags, str.casefold),
        occupation_codes=_union(keep.occupation_codes, other.occupation_codes),
        notes=_notes(keep.notes, other.notes),
    )


@dataclass(frozen=True)
class Match:
    key: int
    reason: str


@dataclass(frozen=True)
class _Keys:
    """What matching compares of one contact, worked out once."""

    name: str
    org: str
    profiles: frozenset[str]
    emails: frozenset[str]

    @classmethod
    def of(cls, data: ContactFields) -> _Keys:
        return cls(
            _person_name(data),
            organisation_key(data.organisation),
            frozenset(p for p in (linkedin_key(u) for u in data.urls) if p),
            frozenset(e.address.casefold() for e in data.emails),
        )

    def colleague_of(self, other: _Keys) -> bool:
        """Different addresses at one organisation's domain: two people who work there."""
        if not self.emails or not other.emails or self.emails & other.emails:
            return False
        mine = {x.rpartition("@")[2] for x in self.emails}
        return bool((mine & {x.rpartition("@")[2] for x in other.emails}) - _PUBLIC_MAIL)


class BookIndex:
    """The contacts a new one may be the same person as, under integer keys."""

    def __init__(self) -> None:
        self.entries: dict[int, ContactFields] = {}
        self._keys: dict[int, _Keys] = {}
        self._emails: dict[str, int] = {}
        self._linkedin: dict[str, int] = {}
        # Ordered sets (dicts without values): candidates come out in the order added.
        self._words: defaultdict[str, dict[int, None]] = defaultdict(dict)

    def add(self, key: int, data: ContactFields) -> None:
        """Index (or re-index, after a merge) the contact under ``key``."""
        keys = _Keys.of(data)
        self.entries[key] = data
        self._keys[key] = keys
        for email in keys.emails:
            self._emails.setdefault(email, key)
        for profile in keys.profiles:
            self._linkedin.setdefault(profile, key)
        for word in keys.name.split():
            self._words[word][key] = None

    def by_profile(self, profile: str) -> int | None:
        """The contact with this LinkedIn profile (as ``linkedin_key`` writes it)."""
        return self._linkedin.get(profile)

    def find(self, data: ContactFields) -> Match | None:
        for email in data.emails:
            key = self._emails.get(email.address.casefold())
            if key is not None:
                return Match(key, f"same email {email.address}")
        keys = _Keys.of(data)
        for profile in sorted(keys.profiles):
            key = self._linkedin.get(profile)
            if key is not None:
                return Match(key, f"same LinkedIn profile {profile}")
        return self._same_name_and_organisation(keys)

    def _candidates(self, name: str) -> list[int]:
        found: dict[int, None] = {}
        for word in name.split():
            keys = self._words.get(word, {})
            if len(keys) <= _COMMON_WORD:
                found.update(keys)
        return list(found)

    def _same_name_and_organisation(self, mine: _Keys) -> Match | None:
        if not mine.name:
            return None
        best: tuple[float, int] | None = None
        for key in self._candidates(mine.name):
            theirs = self._keys[key]
            if bool(mine.org) != bool(theirs.org):
                continue
            if mine.profiles and theirs.profiles and not mine.profiles & theirs.profiles:
                continue
            if not mine.org:
                score = 100.0 if theirs.name == mine.name else 0.0
            else:
                score = fuzz.token_sort_ratio(mine.name, theirs.name, score_cutoff=NAME_SCORE)
                if not score or fuzz.token_set_ratio(mine.org, theirs.org) < ORG_SCORE:
                    continue
            better = best is None or score > best[0]
            if score >= NAME_SCORE and better and not mine.colleague_of(theirs):
                best = (score, key)
        if best is None:
            return None
        other = self.entries[best[1]]
        where = f", {other.organisation}" if other.organisation else ""
        return Match(best[1], f"same name and organisation ({other.display_name}{where})")
