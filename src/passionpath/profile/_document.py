"""The profile document: JSON Resume v1.0.0 plus a ``passionpath`` block."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator

from passionpath.errors import PassionpathError
from passionpath.files import decode_user_text, read_user_bytes
from passionpath.limits import (
    MAX_LIST_ITEMS,
    MAX_PASSION_TOTAL_CHARS,
    MAX_PROFILE_BYTES,
    MAX_TEXT_CHARS,
)
from passionpath.profile._lenient import (
    as_written,
    drop_at,
    is_reading_error,
    json_copy,
    merge_back,
    reading,
    text_at,
)
from passionpath.profile._resume import (
    Award,
    Basics,
    Certificate,
    Education,
    Interest,
    Language,
    Meta,
    Project,
    Publication,
    Reference,
    Skill,
    Volunteer,
    Work,
)

#: The six O*NET work values, in content-model order (1.B.2.a .. 1.B.2.f).
WORK_VALUES = (
    "Achievement",
    "Working Conditions",
    "Recognition",
    "Relationships",
    "Support",
    "Independence",
)

PASSION_QUESTIONS = {
    "lose_track_of_time": "What activities make you lose track of time?",
    "causes": "Which topics or causes move you?",
    "talents": "What are your natural talents?",
    "unpaid": "What would you do unpaid?",
}


class _Block(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Reflections(_Block):
    """The four passion questions, answered in the person's own words."""

    lose_track_of_time: str = ""
    causes: str = ""
    talents: str = ""
    unpaid: str = ""


class Activity(_Block):
    name: str = Field(min_length=1)
    kind: Literal["hobby", "volunteering", "project", "study", "work"] = "hobby"
    hours_per_week: float | None = Field(default=None, ge=0, le=168)
    notes: str = ""


class InventoryRecord(_Block):
    form: Literal["full", "short"] = "full"
    answers: dict[str, int] = Field(default_factory=dict)
    scores: dict[str, float] | None = None
    code: str | None = None
    taken_at: str | None = None

    @field_validator("answers")
    @classmethod
    def _answers_in_range(cls, answers: dict[str, int]) -> dict[str, int]:
        for item, value in answers.items():
            if not 1 <= value <= 5:
                raise ValueError(f"answer to {item} is {value}; answers run from 1 to 5")
        return answers


class RatedDescriptor(_Block):
    """A self-rated skill or knowledge area on the O*NET level scale (0-7)."""

    element_id: str = Field(min_length=3)
    name: str = ""
    level: float = Field(ge=0, le=7)
    source: Literal["self", "job", "evidence"] = "self"


class Pay(_Block):
    amount: float = Field(ge=0)
    currency: str = Field(default="USD", min_length=3, max_length=3)
    period: Literal["hour", "month", "year"] = "year"


class Constraints(_Block):
    max_job_zone: int | None = Field(default=None, ge=1, le=5)
    #: Work below the person's preparation is welcome (fewer hours, less stress, a way in):
    #: matching then does not rank it down.
    open_to_lower_levels: bool = False
    location: str | None = None
    min_pay: Pay | None = None
    remote: Literal["onsite", "hybrid", "remote", "any"] | None = None


class Preferences(_Block):
    wants: list[str] = Field(default_factory=list)
    does_not_want: list[str] = Field(default_factory=list)


class PassionpathBlock(_Block):
    version: int = 1
    reflections: Reflections = Field(default_factory=Reflections)
    activities: list[Activity] = Field(default_factory=list)
    inventory: InventoryRecord | None = None
    skills: list[RatedDescriptor] = Field(default_factory=list)
    knowledge: list[RatedDescriptor] = Field(default_factory=list)
    work_values: dict[str, float] = Field(default_factory=dict)
    constraints: Constraints = Field(default_factory=Constraints)
    preferences: Preferences = Field(default_factory=Preferences)

    def model_post_init(self, context: Any, /) -> None:
        # Count every part of the block as set, so parts created empty and then filled in
        # place (``document.pp.reflections.causes = ...``) are kept when the profile is saved.
        self.__pydantic_fields_set__.update(type(self).model_fields)

    @field_validator("work_values")
    @classmethod
    def _known_values(cls, values: dict[str, float]) -> dict[str, float]:
        for name, rating in values.items():
            if name not in WORK_VALUES:
                raise ValueError(
                    f"{name!r} is not a work value; use one of {', '.join(WORK_VALUES)}"
                )
            if not 1 <= rating <= 7:
                raise ValueError(f"{name} is {rating}; work values are rated 1 to 7")
        return values


class ProfileDocument(BaseModel):
    """A JSON Resume document; unknown keys are kept so round trips are lossless."""

    model_config = ConfigDict(extra="allow")

    basics: Basics | None = None
    work: list[Work] | None = None
    volunteer: list[Volunteer] | None = None
    education: list[Education] | None = None
    awards: list[Award] | None = None
    certificates: list[Certificate] | None = None
    publications: list[Publication] | None = None
    skills: list[Skill] | None = None
    languages: list[Language] | None = None
    interests: list[Interest] | None = None
    references: list[Reference] | None = None
    projects: list[Project] | None = None
    meta: Meta | None = None
    passionpath: PassionpathBlock | None = None

    #: The person's document as written (without our block), when it was read from JSON:
    #: written back out unchanged but for the edits made here (see profile._lenient).
    _original: dict[str, Any] | None = PrivateAttr(default=None)
    _read: dict[str, Any] | None = PrivateAttr(default=None)
    _warnings: list[tuple[str, str]] = PrivateAttr(default_factory=list)

    @property
    def reading_warnings(self) -> list[tuple[str, str]]:
        """(JSON path, message) for what matching could not read and left out; the
        document itself keeps it."""
        return list(self._warnings)

    @property
    def pp(self) -> PassionpathBlock:
        """The passionpath block, created empty on first use."""
        if self.passionpath is None:
            self.passionpath = PassionpathBlock()
        return self.passionpath

    @property
    def display_name(self) -> str:
        return (self.basics.name if self.basics and self.basics.name else None) or "Unnamed"

    def passion_texts(self) -> list[tuple[str, str]]:
        """(field path, text) for what the person wrote about what they love: the answers
        to the passion questions and the notes on their activities (not names or titles)."""
        return [
            (where, text)
            for where, text in self.free_texts()
            if where.startswith(("passionpath.reflections.", "passionpath.activities["))
        ]

    def free_texts(self) -> list[tuple[str, str]]:
        """(field path, text) for every piece of the person's own writing in the profile."""
        texts: list[tuple[str, str]] = []
        block = self.passionpath
        if block is not None:
            for key, answer in block.reflections.model_dump().items():
                texts.append((f"passionpath.reflections.{key}", answer))
            for i, activity in enumerate(block.activities):
                texts.append((f"passionpath.activities[{i}]", f"{activity.name}. {activity.notes}"))
        if self.basics is not None:
            texts.append(("basics.summary", self.basics.summary or ""))
        for section, fields in (
            ("work", ("position", "summary", "highlights")),
            ("volunteer", ("position", "summary", "highlights")),
            ("projects", ("name", "description", "highlights")),
            ("education", ("area", "courses")),
        ):
            for i, entry in enumerate(getattr(self, section) or []):
                for name in fields:
                    value = getattr(entry, name, None)
                    for j, text in enumerate(value if isinstance(value, list) else [value]):
                        suffix = f"[{j}]" if isinstance(value, list) else ""
                        texts.append((f"{section}[{i}].{name}{suffix}", text or ""))
        return [(where, text.strip()) for where, text in texts if text and text.strip()]

    def to_json_dict(self, *, resume_only: bool = False) -> dict[str, Any]:
        data = self.model_dump(mode="json", exclude_unset=True, exclude_none=False)
        if self.passionpath is not None and "passionpath" not in data:
            data["passionpath"] = self.passionpath.model_dump(mode="json")
        if self._original is not None and self._read is not None:
            block = data.pop("passionpath", None)
            data = merge_back(self._original, self._read, data)
            if block is not None:
                data["passionpath"] = block
        if resume_only:
            data.pop("passionpath", None)
        return data


class ProfileValidationError(PassionpathError):
    """A profile document failed validation; ``problems`` holds (field path, message) pairs."""

    def __init__(self, source: str, problems: list[tuple[str, str]]) -> None:
        self.source = source
        self.problems = problems
        listed = "; ".join(f"{path}: {message}" for path, message in problems[:8])
        more = f" (and {len(problems) - 8} more)" if len(problems) > 8 else ""
        super().__init__(f"{source} is not a valid profile: {listed}{more}")


def _path(location: tuple[Any, ...]) -> str:
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(document)"


def _message(error: Any) -> str:
    if error["type"] == "string_pattern_mismatch" and "\\d{4}" in str(error.get("ctx", "")):
        return f"{error['input']!r} is not a date like 2024, 2024-05 or 2024-05-31"
    return str(error["msg"]).removeprefix("Value error, ")


def _limit_problems(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[str, str]]:
    """Every text longer than MAX_TEXT_CHARS and list longer than MAX_LIST_ITEMS, by path.

    Checked on the decoded JSON rather than on each model field, so JSON Resume sections
    and unknown keys kept for round trips are bounded too."""
    problems: list[tuple[str, str]] = []
    if isinstance(data, str) and len(data) > MAX_TEXT_CHARS:
        problems.append(
            (_path(path), f"{len(data)} characters is too long; the limit is {MAX_TEXT_CHARS}")
        )
    elif isinstance(data, list):
        if len(data) > MAX_LIST_ITEMS:
            problems.append(
                (_path(path), f"{len(data)} entries are too many; the limit is {MAX_LIST_ITEMS}")
            )
        for i, item in enumerate(data[:MAX_LIST_ITEMS]):
            problems += _limit_problems(item, (*path, i))
    elif isinstance(data, dict):
        for key, value in data.items():
            problems += _limit_problems(value, (*path, str(key)))
    return problems


def parse_document(
    data: Any, source: str = "profile", *, check_limits: bool = True
) -> ProfileDocument:
    """Validate a decoded JSON value as a profile; errors name each field path.

    New input is held to the size limits (``passionpath.limits``); versions already stored
    are read with ``check_limits=False`` so nothing saved before the limits is lost."""
    if not isinstance(data, dict):
        raise ProfileValidationError(source, [("(document)", "expected a JSON object")])
    if check_limits:
        size = len(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        if size > MAX_PROFILE_BYTES:
            limit = f"{MAX_PROFILE_BYTES / 1_000_000:g} MB"
            raise ProfileValidationError(
                source,
                [("(document)", f"{size / 1_000_000:.1f} MB is too large; the limit is {limit}")],
            )
        problems = _limit_problems(data)
        if problems:
            raise ProfileValidationError(source, problems)
    document = _read_leniently(data, source)
    if check_limits:
        # Each passion text is read at every first match: bound them together as well.
        total = sum(len(text) for _, text in document.passion_texts())
        if total > MAX_PASSION_TOTAL_CHARS:
            message = (
                f"the reflections and activities add up to {total} characters; the limit is "
                f"{MAX_PASSION_TOTAL_CHARS} for all of them together"
            )
            raise ProfileValidationError(source, [("passionpath", message)])
    return document


def _location_order(error: Any) -> list[tuple[int, int, str]]:
    """Deepest and last first, so dropping one value never moves another still to drop."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in error["loc"]]


def _read_leniently(data: dict[str, Any], source: str) -> ProfileDocument:
    """The document as the engine reads it, keeping the person's own verbatim. Only our
    ``passionpath`` block is held to its rules; elsewhere what cannot be read is left out of
    the reading with a warning."""
    readable, warnings, positions = reading(data)
    for _ in range(100):
        try:
            document = ProfileDocument.model_validate(readable)
            break
        except ValidationError as exc:
            errors = exc.errors()
            ours = [e for e in errors if not is_reading_error(tuple(e["loc"]))]
            if ours:
                problems = [(_path(e["loc"]), _message(e)) for e in ours]
                raise ProfileValidationError(source, problems) from None
            for error in sorted(errors, key=_location_order, reverse=True):
                location = tuple(error["loc"])
                if error["type"] == "string_type" and text_at(readable, location):
                    continue
                if drop_at(readable, location):
                    where = _path(as_written(location, positions))
                    warnings.append((where, f"{_message(error)}; left out"))
    else:  # pragma: no cover - every round drops at least one value
        raise ProfileValidationError(source, [("(document)", "could not be read")])
    document._original = json_copy({k: v for k, v in data.items() if k != "passionpath"})
    read = document.model_dump(mode="json", exclude_unset=True)
    read.pop("passionpath", None)
    document._read = read
    document._warnings = list(dict.fromkeys(warnings))
    return document


def is_empty(document: ProfileDocument) -> bool:
    """True when a document holds none of what a profile is made of: no name or other
    basics, no JSON Resume section entries, nothing in the passionpath block."""
    data = document.to_json_dict()
    block = data.pop("passionpath", None)
    if block is not None and block != PassionpathBlock().model_dump(mode="json"):
        return False
    known = set(ProfileDocument.model_fields) - {"meta", "passionpath"}
    return not any(_has_value(data.get(name)) for name in known)


def _has_value(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_value(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_value(v) for v in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None


def load_document(path: str | Path) -> ProfileDocument:
    """A profile JSON file: UTF-8 (a byte-order mark is fine), at most MAX_PROFILE_BYTES,
    and with something in it."""
    text = decode_user_text(read_user_bytes(path, max_bytes=MAX_PROFILE_BYTES), path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PassionpathError(
            f"{path}, line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})."
        ) from exc
    document = parse_document(data, str(path))
    if is_empty(document):
        raise PassionpathError(
            f"{path}: there is nothing in this profile (no name, work, education, skills, "
            "passions or interests), so nothing was imported."
        )
    return document
