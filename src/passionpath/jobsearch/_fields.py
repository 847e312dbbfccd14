"""What an application holds, checked before it is stored."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date
from typing import Any

from passionpath.errors import PassionpathError
from passionpath.jobsearch._stages import (
    CONTACT_ROLES,
    ENDED_BY,
    INTERVIEW_KINDS,
    REASONS,
    REJECTABLE,
    STAGES,
    StageEvent,
    Status,
)
from passionpath.limits import (
    MAX_LABEL_CHARS,
    MAX_LIST_ITEMS,
    MAX_POSTING_CHARS,
    MAX_TEXT_CHARS,
    MAX_URL_CHARS,
)

__all__ = [
    "ApplicationError",
    "ApplicationFields",
    "ApplicationView",
    "LinkedContact",
    "check_code",
    "check_event",
    "check_fields",
    "check_stage",
]


_CODE = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
#: O*NET descriptor ids: "2.B.1.a" (skills, knowledge, abilities) or a technology's
#: commodity code ("43232104"), as rejections cite them.
_DESCRIPTOR = re.compile(r"^(?:\d(?:\.[A-Za-z0-9]+){1,6}|\d{8})$")
#: The short columns: what the database holds.
_SOURCE_CHARS = 100
_CV_CHARS = 100
_SLUG_CHARS = 100


class ApplicationError(PassionpathError):
    """An application or a stage change that cannot be stored as given."""


@dataclass(frozen=True)
class LinkedContact:
    contact_id: int
    role: str


@dataclass(frozen=True)
class ApplicationFields:
    """Everything an application holds, as given to ``add_application`` or changed by
    ``update_application``. Without ``occupation_code`` the role title's occupation is
    read with the catalog's title search."""

    company: str | None = None
    role_title: str | None = None
    occupation_code: str | None = None
    posting_url: str | None = None
    posting_text: str | None = None
    source: str | None = None
    location: str | None = None
    pay: str | None = None
    profile_slug: str | None = None
    profile_version: int | None = None
    cv_id: str | None = None
    notes: str | None = None
    next_action: str | None = None
    next_action_on: date | None = None
    contacts: tuple[LinkedContact, ...] = ()

    @classmethod
    def names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class ApplicationView(ApplicationFields):
    """A stored application with its log and the status read from it."""

    id: int = 0
    added_on: date | None = None
    #: True when the occupation was read from the role title (not chosen by hand).
    occupation_inferred: bool = False
    occupation_title: str | None = None
    events: tuple[StageEvent, ...] = ()
    status: Status | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _text(value: str | None, field: str, limit: int, *, required: bool = False) -> str | None:
    if value is None:
        if required:
            raise ApplicationError("is required.", field=field)
        return None
    if not isinstance(value, str):
        raise ApplicationError("must be text.", field=field)
    cleaned = value.strip()
    if not cleaned:
        if required:
            raise ApplicationError("is empty; there is nothing to go on.", field=field)
        return None
    if len(cleaned) > limit:
        raise ApplicationError(
            f"is {len(cleaned):,} characters; the limit is {limit:,}.", field=field
        )
    return cleaned


def check_code(code: str | None, field: str = "occupation_code") -> str | None:
    if code is None or not code.strip():
        return None
    text = code.strip()
    if re.fullmatch(r"\d{2}-\d{4}", text):
        text += ".00"
    if not _CODE.match(text):
        raise ApplicationError(
            f"{code!r} is not an O*NET-SOC code like 15-1255.00.",
            field=field,
            hint="Search the occupations by title to find codes.",
        )
    return text


def check_fields(data: ApplicationFields, *, partial: bool = False) -> ApplicationFields:
    """``data`` cleaned, or ApplicationError naming the first field at fault. With
    ``partial``, company and role title may be missing (an update of other fields)."""
    url = _text(data.posting_url, "posting_url", MAX_URL_CHARS)
    if url is not None and not re.match(r"^https?://\S+$", url, re.IGNORECASE):
        raise ApplicationError(
            "must be a web address starting with http:// or https://.", field="posting_url"
        )
    version = data.profile_version
    if version is not None and (isinstance(version, bool) or version < 1):
        raise ApplicationError("must be 1 or more.", field="profile_version")
    if len(data.contacts) > MAX_LIST_ITEMS:
        raise ApplicationError(
            f"lists {len(data.contacts)} people; the limit is {MAX_LIST_ITEMS}.",
            field="linked_contacts",
        )
    seen: set[tuple[int, str]] = set()
    contacts = []
    for linked in data.contacts:
        if linked.role not in CONTACT_ROLES:
            raise ApplicationError(
                f"{linked.role!r} is not a role; use one of {', '.join(CONTACT_ROLES)}.",
                field="linked_contacts",
            )
        if (linked.contact_id, linked.role) not in seen:
            seen.add((linked.contact_id, linked.role))
            contacts.append(linked)
    return replace(
        data,
        company=_text(data.company, "company", MAX_LABEL_CHARS, required=not partial),
        role_title=_text(data.role_title, "role_title", MAX_LABEL_CHARS, required=not partial),
        occupation_code=check_code(data.occupation_code),
        posting_url=url,
        posting_text=_text(data.posting_text, "posting_text", MAX_POSTING_CHARS),
        source=_text(data.source, "source", _SOURCE_CHARS),
        location=_text(data.location, "location", MAX_LABEL_CHARS),
        pay=_text(data.pay, "pay", MAX_LABEL_CHARS),
        profile_slug=_text(data.profile_slug, "profile_slug", _SLUG_CHARS),
        cv_id=_text(data.cv_id, "cv_id", _CV_CHARS),
        notes=_text(data.notes, "notes", MAX_TEXT_CHARS),
        next_action=_text(data.next_action, "next_action", MAX_LABEL_CHARS),
        contacts=tuple(contacts),
    )


def check_stage(stage: str) -> str:
    wanted = (stage or "").strip().lower()
    if wanted not in STAGES:
        raise ApplicationError(
            f"{stage!r} is not a stage; use one of {', '.join(STAGES)}.", field="stage"
        )
    return wanted


def _names(values: Sequence[str], field: str, allowed: Sequence[str]) -> tuple[str, ...]:
    if len(values) > MAX_LIST_ITEMS:
        raise ApplicationError(f"lists {len(values)}; the limit is {MAX_LIST_ITEMS}.", field=field)
    out: list[str] = []
    for value in values:
        name = value.strip().lower().replace("-", "_").replace(" ", "_")
        if name not in allowed:
            raise ApplicationError(f"{value!r} is not one of {', '.join(allowed)}.", field=field)
        if name not in out:
            out.append(name)
    return tuple(out)


def check_event(event: StageEvent) -> StageEvent:
    """A new log entry cleaned, or ApplicationError naming the field at fault."""
    stage = check_stage(event.stage)
    kind = event.interview_kind
    if kind is not None:
        if stage != "interview":
            raise ApplicationError("only an interview has a kind.", field="interview_kind")
        kind = _names([kind], "interview_kind", INTERVIEW_KINDS)[0]
    if len(event.people) > MAX_LIST_ITEMS or len(event.contact_ids) > MAX_LIST_ITEMS:
        raise ApplicationError(
            f"lists too many people; the limit is {MAX_LIST_ITEMS}.", field="people"
        )
    people = tuple(
        p for p in (_text(n, "people", MAX_LABEL_CHARS) for n in event.people) if p is not None
    )
    rejection = (event.at_stage, event.ended_by, event.reasons, event.feedback, event.cited)
    if stage != "rejected" and any(rejection):
        raise ApplicationError(
            "only a rejection has a stage, reasons, feedback or cited skills.", field="reasons"
        )
    at_stage = event.at_stage
    if at_stage is not None:
        at_stage = at_stage.strip().lower()
        if at_stage not in REJECTABLE:
            raise ApplicationError(
                f"{event.at_stage!r} is not a stage a rejection comes at; use one of "
                f"{', '.join(REJECTABLE)}.",
                field="at_stage",
            )
    ended_by = event.ended_by
    if ended_by is not None:
        ended_by = _names([ended_by], "ended_by", ENDED_BY)[0]
    if len(event.cited) > MAX_LIST_ITEMS:
        raise ApplicationError(
            f"lists {len(event.cited)}; the limit is {MAX_LIST_ITEMS}.", field="cited"
        )
    cited: list[str] = []
    for raw in event.cited:
        element = raw.strip()
        if not _DESCRIPTOR.match(element):
            raise ApplicationError(
                f"{raw!r} is not an O*NET descriptor id like 2.B.1.a.", field="cited"
            )
        if element not in cited:
            cited.append(element)
    return replace(
        event,
        stage=stage,
        note=_text(event.note, "note", MAX_TEXT_CHARS),
        interview_kind=kind,
        contact_ids=tuple(dict.fromkeys(event.contact_ids)),
        people=people,
        at_stage=at_stage,
        ended_by=ended_by,
        reasons=_names(event.reasons, "reasons", REASONS),
        feedback=_text(event.feedback, "feedback", MAX_TEXT_CHARS),
        cited=tuple(cited),
    )
