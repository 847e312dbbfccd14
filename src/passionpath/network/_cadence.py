"""How often to be in touch with someone, and who is due: pure functions, no database.

Each contact has an *ideal* interval (when a check-in becomes due) and a *maximum* one
(past which the relationship is overdue). The clock runs from the last logged interaction
with the contact, or from the day the contact was added when nothing has been logged yet:
logging anything with someone resets it.

The day arithmetic runs on numpy arrays of day numbers, so a book of ten thousand contacts
is classified in one pass rather than one Python loop turn per contact.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")

#: Default (ideal, maximum) days between check-ins, by tag. Closer relationships get shorter
#: intervals: a mentor relationship fades within a couple of months without contact, a
#: colleague from a past job can go a season. A contact with several tags takes the tightest.
DEFAULT_CADENCES: dict[str, tuple[int, int]] = {
    "mentor": (30, 60),
    "mentee": (30, 60),
    "family": (30, 90),
    "friend": (60, 120),
    "recruiter": (60, 120),
    "colleague": (90, 180),
    "alumni": (120, 240),
}
#: For a contact whose tags name no cadence (or who has no tags).
DEFAULT_CADENCE: tuple[int, int] = (90, 180)
#: How far ahead "coming up" looks.
COMING_UP_DAYS = 14


def cadence_for(
    tags: Iterable[str], ideal_days: int | None = None, max_days: int | None = None
) -> tuple[int, int]:
    """The (ideal, maximum) days that apply: the contact's own numbers where set, otherwise
    the tightest default among its tags. The maximum is never below the ideal (an override
    of the ideal alone past the tag's maximum moves the maximum with it)."""
    default = _tag_default(tuple(tags))
    ideal = ideal_days if ideal_days is not None else default[0]
    limit = max_days if max_days is not None else default[1]
    return ideal, max(ideal, limit)


@functools.lru_cache(maxsize=4096)
def _tag_default(tags: tuple[str, ...]) -> tuple[int, int]:
    # A book has few distinct tag sets, so a large one costs a dictionary look-up per contact.
    keys = (t.strip().lower() for t in tags)
    known = [DEFAULT_CADENCES[k] for k in keys if k in DEFAULT_CADENCES]
    return min(known) if known else DEFAULT_CADENCE


@dataclass(frozen=True)
class CadenceContact:
    """What the due list needs of a contact."""

    id: int
    name: str
    added_on: date
    tags: tuple[str, ...] = ()
    ideal_days: int | None = None
    max_days: int | None = None


@dataclass(frozen=True)
class LastContact:
    """The latest interaction with a contact: its day and its note."""

    on: date
    note: str | None = None


# Not frozen: a large book lists thousands of entries, and a frozen dataclass takes five
# times as long to make (each field goes through object.__setattr__).
@dataclass(slots=True)
class DueEntry:
    contact_id: int
    name: str
    #: Days since the last interaction (or since the contact was added, when there is none).
    days_since: int
    ideal_days: int
    max_days: int
    #: The day the check-in becomes due (last contact + ideal) and overdue (+ maximum + 1).
    due_on: date
    overdue_on: date
    last_contacted: date | None
    last_note: str | None


@dataclass
class DueList:
    """The three lists, each possibly cut to its first entries; the totals count them all."""

    overdue: list[DueEntry] = field(default_factory=list)
    due: list[DueEntry] = field(default_factory=list)
    coming_up: list[DueEntry] = field(default_factory=list)
    overdue_total: int = -1
    due_total: int = -1
    coming_up_total: int = -1

    def __post_init__(self) -> None:
        # Uncut lists count themselves.
        self.overdue_total = max(self.overdue_total, len(self.overdue))
        self.due_total = max(self.due_total, len(self.due))
        self.coming_up_total = max(self.coming_up_total, len(self.coming_up))

    @property
    def total(self) -> int:
        return self.overdue_total + self.due_total + self.coming_up_total

    @property
    def more(self) -> int:
        """How many entries the cut left out."""
        return self.total - len(self.overdue) - len(self.due) - len(self.coming_up)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def cadence_arrays(
    tags: Sequence[T],
    ideal_days: Sequence[int | None],
    max_days: Sequence[int | None],
    read_tags: Callable[[T], Iterable[str]],
) -> tuple[np.ndarray[Any, np.dtype[np.int64]], np.ndarray[Any, np.dtype[np.int64]]]:
    """``cadence_for`` over whole columns: (ideal, maximum) arrays. ``tags`` holds one value
    per contact that ``read_tags`` turns into its tags (the store's JSON text, say); each
    distinct value is read once, since a book has few distinct tag sets."""
    known = {value: cadence_for(read_tags(value)) for value in set(tags)}
    default = np.array([known[value] for value in tags], dtype=np.int64).reshape(-1, 2)
    # None becomes NaN in a float array: "no override of its own".
    own_ideal = np.array(ideal_days, dtype=np.float64)
    own_max = np.array(max_days, dtype=np.float64)
    ideal = np.where(np.isnan(own_ideal), default[:, 0], own_ideal).astype(np.int64)
    limit = np.where(np.isnan(own_max), default[:, 1], own_max).astype(np.int64)
    return ideal, np.maximum(ideal, limit)


def due_list(
    contacts: Sequence[CadenceContact],
    last_contacted: Mapping[int, LastContact],
    today: date,
    *,
    horizon: int = COMING_UP_DAYS,
) -> DueList:
    """Sort the contacts into overdue (more than the maximum days since contact), due (the
    ideal interval reached, today included) and coming up (due within ``horizon`` days).
    Overdue ones come most neglected first, due ones longest-waiting first, coming-up ones
    soonest first; ties by name. Contacts last seen in the future (a logged meeting ahead of
    time) count as seen today."""
    last = [last_contacted.get(c.id) for c in contacts]
    ideal, limit = cadence_arrays(
        [c.tags for c in contacts],
        [c.ideal_days for c in contacts],
        [c.max_days for c in contacts],
        read_tags=tuple,
    )
    return due_from_columns(
        ids=[c.id for c in contacts],
        names=[c.name for c in contacts],
        added_on=[c.added_on.toordinal() for c in contacts],
        last_on=[entry.on.toordinal() if entry else None for entry in last],
        last_notes=[entry.note if entry else None for entry in last],
        ideal_days=ideal,
        max_days=limit,
        today=today,
        horizon=horizon,
    )


def due_from_columns(
    *,
    ids: Sequence[int],
    names: Sequence[str],
    added_on: Sequence[int],
    last_on: Sequence[int | None],
    last_notes: Sequence[str | None],
    ideal_days: Sequence[int] | np.ndarray[Any, np.dtype[np.int64]],
    max_days: Sequence[int] | np.ndarray[Any, np.dtype[np.int64]],
    today: date,
    horizon: int = COMING_UP_DAYS,
) -> DueList:
    """``due_list`` on one list per field (days as ordinals, cadences already resolved), the
    way the store reads them. The arithmetic, the choice and the order are numpy; objects
    are made only for the contacts listed, which at ten thousand contacts is most of the
    remaining cost."""
    if not ids:
        return DueList()
    ideal = np.asarray(ideal_days, dtype=np.int64)
    limit = np.asarray(max_days, dtype=np.int64)
    seen = np.array(last_on, dtype=np.float64)  # None -> NaN: never in touch
    never = np.isnan(seen)
    start = np.where(never, np.asarray(added_on, dtype=np.int64), seen).astype(np.int64)
    days = np.maximum(today.toordinal() - start, 0)
    overdue = days > limit
    due = ~overdue & (days >= ideal)
    coming = ~overdue & ~due & (ideal - days <= horizon)
    text = np.asarray(names, dtype=str)

    def entries(mask: np.ndarray[Any, Any], key: np.ndarray[Any, Any]) -> list[DueEntry]:
        chosen = np.flatnonzero(mask)
        # By the key, then by name (lexsort sorts by its last array first).
        chosen = chosen[np.lexsort((text[chosen], key[chosen]))]
        begin = start[chosen]
        return [
            DueEntry(
                ids[i],
                names[i],
                d,
                a,
                b,
                date.fromordinal(s + a),
                date.fromordinal(s + b + 1),
                None if n else date.fromordinal(s),
                last_notes[i],
            )
            for i, d, a, b, s, n in zip(
                chosen.tolist(),
                days[chosen].tolist(),
                ideal[chosen].tolist(),
                limit[chosen].tolist(),
                begin.tolist(),
                never[chosen].tolist(),
                strict=True,
            )
        ]

    return DueList(
        overdue=entries(overdue, limit - days),  # most days past the maximum first
        due=entries(due, -days),  # longest waiting first
        coming_up=entries(coming, start + ideal),  # soonest due first
    )
