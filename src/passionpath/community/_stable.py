"""Mentee-proposing deferred acceptance with mentor capacities, over numpy arrays.

Preferences are ragged lists kept as CSR arrays: ``ptr`` (one more entry than people) and
``items`` (the other side's indices, best first), so person ``i`` lists
``items[ptr[i]:ptr[i + 1]]``. A pair is acceptable only when each side lists the other; pairs
listed by one side alone are dropped before the run.

The run proposes in rounds: every free mentee proposes to the next mentor on their list at
once, and each mentor who received proposals keeps the best ``capacity`` of what it holds and
what it was offered. The order in which mentees propose does not change the outcome of
deferred acceptance, so the rounds give the same mentee-optimal stable matching as the
one-at-a-time textbook version, with every round a few sorts over arrays.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

IntArray = npt.NDArray[np.int64]


class PreferenceError(ValueError):
    """Preferences that cannot be read: ``where`` names the entry (``mentees.ID[2]``)."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass(frozen=True)
class Preferences:
    """Both sides' lists as CSR arrays over indices (0..n_mentees-1, 0..n_mentors-1)."""

    mentee_ptr: IntArray
    mentee_items: IntArray
    mentor_ptr: IntArray
    mentor_items: IntArray
    capacity: IntArray

    @property
    def n_mentees(self) -> int:
        return int(self.mentee_ptr.shape[0] - 1)

    @property
    def n_mentors(self) -> int:
        return int(self.mentor_ptr.shape[0] - 1)


def csr_from_lists(lists: Sequence[Sequence[int]]) -> tuple[IntArray, IntArray]:
    """``(ptr, items)`` for ragged lists of indices."""
    lengths = np.fromiter((len(x) for x in lists), dtype=np.int64, count=len(lists))
    ptr = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=ptr[1:])
    items = np.fromiter((j for x in lists for j in x), dtype=np.int64, count=int(ptr[-1]))
    return ptr, items


def _owners(ptr: IntArray) -> IntArray:
    """For each entry of a CSR list, the index of the person whose list it is in."""
    return np.repeat(np.arange(ptr.shape[0] - 1, dtype=np.int64), np.diff(ptr))


def _positions(ptr: IntArray) -> IntArray:
    """For each entry of a CSR list, its place in its own list (0 = first choice)."""
    owners = _owners(ptr)
    return np.arange(ptr[-1], dtype=np.int64) - ptr[owners]


def mutual_edges(prefs: Preferences) -> tuple[IntArray, IntArray, IntArray]:
    """The acceptable pairs in each mentee's order: ``(ptr, mentor, mentor_rank)``.

    ``ptr`` is the mentees' CSR over the kept entries, ``mentor`` the mentor of each entry and
    ``mentor_rank`` where that mentor ranks this mentee (0 = first). Entries a mentor does not
    return are dropped; a mentor listed twice counts once, at its first place.
    """
    n_me = prefs.n_mentees
    me_owner = _owners(prefs.mentee_ptr)
    mr_owner = _owners(prefs.mentor_ptr)
    mr_pos = _positions(prefs.mentor_ptr)
    _check_range(prefs.mentee_items, prefs.n_mentors, "mentor")
    _check_range(prefs.mentor_items, n_me, "mentee")
    # Key every pair as mentor * n_mentees + mentee; the mentors' keys, sorted, are a table
    # the mentees' entries are looked up in.
    width = np.int64(max(n_me, 1))
    mr_keys = mr_owner * width + prefs.mentor_items
    order = np.argsort(mr_keys, kind="stable")
    mr_keys_sorted = mr_keys[order]
    # A mentee listed twice by one mentor: keep its best (first) place.
    first = np.ones(mr_keys_sorted.shape[0], dtype=bool)
    first[1:] = mr_keys_sorted[1:] != mr_keys_sorted[:-1]
    mr_keys_sorted = mr_keys_sorted[first]
    mr_rank_sorted = mr_pos[order][first]

    me_keys = prefs.mentee_items * width + me_owner
    at = np.searchsorted(mr_keys_sorted, me_keys)
    at_clipped = np.minimum(at, max(mr_keys_sorted.shape[0] - 1, 0))
    found = (
        (at < mr_keys_sorted.shape[0]) & (mr_keys_sorted[at_clipped] == me_keys)
        if mr_keys_sorted.shape[0]
        else np.zeros(me_keys.shape[0], dtype=bool)
    )
    # A mentor listed twice by one mentee: keep the first.
    pair = me_owner * np.int64(max(prefs.n_mentors, 1)) + prefs.mentee_items
    _, first_at = np.unique(pair, return_index=True)
    once = np.zeros(pair.shape[0], dtype=bool)
    once[first_at] = True
    keep = found & once

    kept_owner = me_owner[keep]
    ptr = np.zeros(n_me + 1, dtype=np.int64)
    np.cumsum(np.bincount(kept_owner, minlength=n_me), out=ptr[1:])
    return ptr, prefs.mentee_items[keep], mr_rank_sorted[at_clipped[keep]]


def _check_range(items: IntArray, bound: int, side: str) -> None:
    if items.shape[0] and (int(items.min()) < 0 or int(items.max()) >= bound):
        raise PreferenceError("preferences", f"a {side} index is outside 0..{bound - 1}")


def deferred_acceptance(prefs: Preferences) -> IntArray:
    """The mentee-optimal stable matching: for each mentee, its mentor's index or -1."""
    _n_me, n_mr = prefs.n_mentees, prefs.n_mentors
    capacity = np.asarray(prefs.capacity, dtype=np.int64)
    if capacity.shape[0] != n_mr:
        raise PreferenceError("capacity", "one capacity per mentor is needed")
    if n_mr and int(capacity.min()) < 0:
        raise PreferenceError("capacity", "a capacity cannot be negative")
    ptr, mentor, mrank = mutual_edges(prefs)
    return propose(ptr, mentor, mrank, capacity)


def propose(
    ptr: npt.NDArray[np.integer], mentor: npt.NDArray[np.integer],
    mrank: npt.NDArray[np.integer], capacity: IntArray,
) -> IntArray:  # fmt: skip
    """The rounds of deferred acceptance over acceptable pairs in each mentee's order (CSR
    ``ptr`` over ``mentor``, and ``mrank``: where that mentor ranks the mentee, 0 = first);
    for each mentee, its mentor's index or -1. Compact dtypes (int32) are kept as given."""
    n_me = int(ptr.shape[0] - 1)
    n_mr = int(capacity.shape[0])
    assigned = np.full(n_me, -1, dtype=np.int64)
    held_rank = np.zeros(n_me, dtype=np.int64)
    nxt = ptr[:-1].astype(np.int64)
    end = ptr[1:]
    free = np.flatnonzero(nxt < end)
    touched = np.zeros(max(n_mr, 1), dtype=bool)
    while free.shape[0]:
        edge = nxt[free]
        nxt[free] += 1
        p_mentor = mentor[edge]
        p_rank = mrank[edge]
        touched[p_mentor] = True
        holders = np.flatnonzero(assigned >= 0)
        holders = holders[touched[assigned[holders]]]
        touched[p_mentor] = False

        who = np.concatenate([holders, free])
        to = np.concatenate([assigned[holders], p_mentor])
        rank = np.concatenate([held_rank[holders], p_rank])
        order = np.lexsort((rank, to))
        who, to, rank = who[order], to[order], rank[order]
        starts = np.ones(to.shape[0], dtype=bool)
        starts[1:] = to[1:] != to[:-1]
        start_at = np.flatnonzero(starts)
        group = np.cumsum(starts) - 1
        place = np.arange(to.shape[0], dtype=np.int64) - start_at[group]
        keep = place < capacity[to]

        assigned[who[keep]] = to[keep]
        held_rank[who[keep]] = rank[keep]
        rejected = who[~keep]
        assigned[rejected] = -1
        free = rejected[nxt[rejected] < end[rejected]]
    return assigned


@dataclass(frozen=True)
class Assignment:
    """A stable assignment by id: each mentor's mentees (in the mentor's order) and the rest."""

    assignment: dict[str, list[str]]
    unassigned: list[str]

    def as_json(self) -> dict[str, object]:
        return {"assignment": self.assignment, "unassigned": self.unassigned}


def _text_id(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise PreferenceError(where, "an id must be a non-empty string")
    return value


def assign_stated(data: object, *, max_people: int | None = None) -> Assignment:
    """Stable assignment from stated preferences in the documented JSON shape.

    ``{"mentees": {"ID": ["MENTOR_ID", ...]}, "mentors": {"ID": {"capacity": N,
    "ranking": ["MENTEE_ID", ...]}}}``. Ids listed that the other side does not define are
    refused with where they are, so a typo is not silently unacceptable.
    """
    if not isinstance(data, Mapping):
        raise PreferenceError("(top)", "expected an object with 'mentees' and 'mentors'")
    extra = sorted(set(data) - {"mentees", "mentors"})
    if extra:
        raise PreferenceError(str(extra[0]), "unknown key (expected 'mentees' and 'mentors')")
    mentees = data.get("mentees")
    mentors = data.get("mentors")
    if not isinstance(mentees, Mapping):
        raise PreferenceError("mentees", "expected an object of mentee id to list of mentor ids")
    if not isinstance(mentors, Mapping):
        raise PreferenceError("mentors", "expected an object of mentor id to capacity and ranking")
    if max_people is not None and len(mentees) + len(mentors) > max_people:
        raise PreferenceError("(top)", f"at most {max_people:,} people in one file")
    mentee_ids = [_text_id(k, "mentees") for k in mentees]
    mentor_ids = [_text_id(k, "mentors") for k in mentors]
    mentee_at = {m: i for i, m in enumerate(mentee_ids)}
    mentor_at = {m: i for i, m in enumerate(mentor_ids)}

    mentee_lists: list[list[int]] = []
    for mid in mentee_ids:
        listed = mentees[mid]
        if not isinstance(listed, list):
            raise PreferenceError(f"mentees.{mid}", "expected a list of mentor ids")
        row = []
        for k, other in enumerate(listed):
            where = f"mentees.{mid}[{k}]"
            if _text_id(other, where) not in mentor_at:
                raise PreferenceError(where, f"no mentor {other!r} in 'mentors'")
            row.append(mentor_at[other])
        mentee_lists.append(row)

    mentor_lists: list[list[int]] = []
    capacity = np.zeros(len(mentor_ids), dtype=np.int64)
    for j, rid in enumerate(mentor_ids):
        entry = mentors[rid]
        if not isinstance(entry, Mapping):
            raise PreferenceError(f"mentors.{rid}", "expected {'capacity': N, 'ranking': [...]}")
        unknown = sorted(set(entry) - {"capacity", "ranking"})
        if unknown:
            raise PreferenceError(f"mentors.{rid}.{unknown[0]}", "unknown key")
        cap = entry.get("capacity")
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 0:
            raise PreferenceError(f"mentors.{rid}.capacity", "expected a whole number >= 0")
        capacity[j] = cap
        ranking = entry.get("ranking", [])
        if not isinstance(ranking, list):
            raise PreferenceError(f"mentors.{rid}.ranking", "expected a list of mentee ids")
        row = []
        for k, other in enumerate(ranking):
            where = f"mentors.{rid}.ranking[{k}]"
            if _text_id(other, where) not in mentee_at:
                raise PreferenceError(where, f"no mentee {other!r} in 'mentees'")
            row.append(mentee_at[other])
        mentor_lists.append(row)

    me_ptr, me_items = csr_from_lists(mentee_lists)
    mr_ptr, mr_items = csr_from_lists(mentor_lists)
    prefs = Preferences(me_ptr, me_items, mr_ptr, mr_items, capacity)
    return assignment_by_id(prefs, deferred_acceptance(prefs), mentee_ids, mentor_ids)


def assignment_by_id(
    prefs: Preferences,
    assigned: IntArray,
    mentee_ids: Sequence[str],
    mentor_ids: Sequence[str],
) -> Assignment:
    """Name a matching by id, each mentor's mentees in that mentor's own order."""
    ptr, mentor, mrank = mutual_edges(prefs)
    rank_of = {}
    owners = _owners(ptr)
    for i, j, r in zip(owners.tolist(), mentor.tolist(), mrank.tolist(), strict=True):
        if assigned[i] == j:
            rank_of[i] = r
    by_mentor: dict[str, list[str]] = {m: [] for m in mentor_ids}
    for i in sorted(rank_of, key=lambda i: rank_of[i]):
        by_mentor[mentor_ids[int(assigned[i])]].append(mentee_ids[i])
    unassigned = [mentee_ids[i] for i in np.flatnonzero(assigned < 0).tolist()]
    return Assignment({m: v for m, v in by_mentor.items() if v}, unassigned)


def blocking_pairs(prefs: Preferences, assigned: IntArray) -> list[tuple[int, int]]:
    """Every acceptable (mentee, mentor) pair that would both rather be together.

    A plain loop, kept simple on purpose: it is the check the fast code is tested against.
    """
    ptr, mentor, mrank = mutual_edges(prefs)
    n_mr = prefs.n_mentors
    held: list[list[int]] = [[] for _ in range(n_mr)]
    rank: dict[tuple[int, int], int] = {}
    for i in range(prefs.n_mentees):
        for e in range(int(ptr[i]), int(ptr[i + 1])):
            rank[(i, int(mentor[e]))] = int(mrank[e])
    for i, j in enumerate(assigned.tolist()):
        if j >= 0:
            if (i, j) not in rank:
                return [(i, j)]  # an unacceptable pair is as bad as a blocking one
            held[j].append(rank[(i, j)])
    found = []
    for i in range(prefs.n_mentees):
        for e in range(int(ptr[i]), int(ptr[i + 1])):
            j = int(mentor[e])
            if int(assigned[i]) == j:
                break  # everything further down the list is worse for the mentee
            cap = int(prefs.capacity[j])
            if cap == 0:
                continue
            if len(held[j]) < cap or max(held[j]) > int(mrank[e]):
                found.append((i, j))
    return found


__all__ = [
    "Assignment",
    "PreferenceError",
    "Preferences",
    "assign_stated",
    "assignment_by_id",
    "blocking_pairs",
    "csr_from_lists",
    "deferred_acceptance",
    "mutual_edges",
    "propose",
]
