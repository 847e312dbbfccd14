"""Mentors for mentees: closeness of career, shared interests and room to take someone,
and preference lists for a programme's stable assignment. Pure functions over arrays.

Closeness of career: 1 when a mentor's current occupation or one in their work history is
the mentee's target career; otherwise the catalog's ``similar`` score between the target and
the mentor's occupation (only the target's nearest occupations count); 0 otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from passionpath.community._stable import Preferences, propose

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

#: Weights of career closeness, shared interests and room in the mentor score.
MENTOR_WEIGHTS = (0.6, 0.3, 0.1)
#: A mentor whose career is less close than this to any target is not suggested.
MIN_CLOSENESS = 0.25


@dataclass(frozen=True)
class CareerLink:
    """Why a mentor's career fits: the target it meets, the mentor's occupation, how close."""

    target: str
    occupation: str
    closeness: float
    current: bool


def career_link(
    targets: Sequence[str],
    current: str | None,
    history: Sequence[str],
    similar_of: Callable[[str], Mapping[str, float]],
) -> CareerLink | None:
    """The best link between a mentee's targets and a mentor's occupations (None: none)."""
    best: CareerLink | None = None
    mentor_codes = ([(current, True)] if current else []) + [(c, False) for c in history]
    for target in targets:
        near = similar_of(target)
        for code, is_current in mentor_codes:
            closeness = 1.0 if code == target else float(near.get(code, 0.0))
            # The current job counts a little more than one held before, at equal closeness.
            key = closeness + (0.01 if is_current else 0.0)
            if closeness >= MIN_CLOSENESS and (
                best is None or key > best.closeness + (0.01 if best.current else 0.0)
            ):
                best = CareerLink(target, code, closeness, is_current)
    return best


def mentor_score(closeness: float, interests: float, room: int) -> float:
    """The ranking score: career first, then interests, then whether they have room."""
    w_career, w_interest, w_room = MENTOR_WEIGHTS
    return w_career * closeness + w_interest * interests + w_room * (1.0 if room > 0 else 0.0)


def occupation_edges(
    person_codes: Sequence[Sequence[int]],
) -> tuple[I64, I64]:
    """(person, occupation) pairs for ragged lists of occupation indices."""
    owners = np.repeat(np.arange(len(person_codes)), [len(c) for c in person_codes])
    codes = np.fromiter((c for cs in person_codes for c in cs), dtype=np.int64, count=owners.size)
    return owners.astype(np.int64), codes


def candidate_pairs(
    mentee_targets: tuple[I64, I64],
    mentor_occupations: tuple[I64, I64],
    neighbours: tuple[I64, I64, F32],
    n_occupations: int,
    *,
    per_mentee: int = 20,
    chunk: int = 10_000,
) -> tuple[I64, I64, F32]:
    """Every mentee's closest mentors by career: ``(mentee, mentor, closeness)`` rows, at most
    ``per_mentee`` each, and at most that many from any one occupation (taken from a place
    that depends on the mentee, so a crowded occupation's mentors share the asking).

    ``mentee_targets`` and ``mentor_occupations`` are (person, occupation) pairs;
    ``neighbours`` is (occupation, close occupation, score) with each occupation's nearest ones
    (an occupation is its own neighbour at 1.0 whether or not it is listed).
    """
    me_person, me_occ = mentee_targets
    mr_person, mr_occ = mentor_occupations
    src, dst, sim = neighbours
    # Occupation -> close occupations (CSR), itself first at 1.0.
    src = np.concatenate([np.arange(n_occupations), src])
    dst = np.concatenate([np.arange(n_occupations), dst])
    sim = np.concatenate([np.ones(n_occupations, dtype=np.float32), sim.astype(np.float32)])
    order = np.argsort(src, kind="stable")
    src, dst, sim = src[order], dst[order], sim[order]
    nb_ptr = np.zeros(n_occupations + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n_occupations), out=nb_ptr[1:])
    # Occupation -> mentors in it (CSR).
    order = np.argsort(mr_occ, kind="stable")
    occ_mentor = mr_person[order]
    oc_ptr = np.zeros(n_occupations + 1, dtype=np.int64)
    np.cumsum(np.bincount(mr_occ, minlength=n_occupations), out=oc_ptr[1:])

    def expand(ptr: I64, keys: I64) -> tuple[I64, I64]:
        """For each key, the positions ptr[key]..ptr[key+1] (and which key row they came from)."""
        counts = ptr[keys + 1] - ptr[keys]
        rows = np.repeat(np.arange(keys.size), counts)
        starts = np.repeat(ptr[keys] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
        return rows, np.arange(rows.size) + starts

    n_mentors = int(mr_person.max()) + 1 if mr_person.size else 1
    out_me, out_mr, out_c = [], [], []
    people = np.unique(me_person)
    for start in range(0, people.size, chunk):
        block = people[start : start + chunk]
        sel = np.isin(me_person, block)
        p, t = me_person[sel], me_occ[sel]
        r1, pos = expand(nb_ptr, t)
        p1, o1, s1 = p[r1], dst[pos], sim[pos]
        keep1 = s1 >= MIN_CLOSENESS
        p1, o1, s1 = p1[keep1], o1[keep1], s1[keep1]
        if p1.size == 0:
            continue
        # One row per (mentee, occupation), its best closeness, closest first per mentee:
        # a single sort on a composite key (mentee, closeness descending, occupation).
        q = np.round((1.0 - np.clip(s1, 0, 1)) * 1_000_000).astype(np.int64)
        order = np.argsort((p1 * 1_000_001 + q) * n_occupations + o1, kind="stable")
        p1, o1, s1 = p1[order], o1[order], s1[order]
        _, first = np.unique(p1 * n_occupations + o1, return_index=True)
        first.sort()
        p1, o1, s1 = p1[first], o1[first], s1[first]
        # Walk each mentee's occupations closest first, taking mentors until per_mentee.
        in_occ = oc_ptr[o1 + 1] - oc_ptr[o1]
        cap = np.minimum(in_occ, per_mentee)
        starts = np.ones(p1.size, dtype=bool)
        starts[1:] = p1[1:] != p1[:-1]
        group_first = np.flatnonzero(starts)[np.cumsum(starts) - 1]
        running = np.cumsum(cap)
        before = running - cap - (running[group_first] - cap[group_first])
        take = np.clip(per_mentee - before, 0, cap)
        # From a place that depends on the mentee, so a crowded occupation shares the asking.
        r2 = np.repeat(np.arange(o1.size), take)
        step = np.arange(r2.size) - np.repeat(np.cumsum(take) - take, take)
        size = np.maximum(in_occ[r2], 1)
        offset = (p1[r2] * 2654435761) % size
        pos2 = oc_ptr[o1[r2]] + (offset + step) % size
        p2, m2, s2 = p1[r2], occ_mentor[pos2], s1[r2]
        if p2.size == 0:
            continue
        # A mentor reached through two occupations counts once, at the closer (first) one.
        _, first = np.unique(p2 * n_mentors + m2, return_index=True)
        first.sort()
        out_me.append(p2[first])
        out_mr.append(m2[first])
        out_c.append(s2[first])
    if not out_me:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy(), np.zeros(0, dtype=np.float32)
    return np.concatenate(out_me), np.concatenate(out_mr), np.concatenate(out_c)


def pair_interests(
    mentee: npt.NDArray[np.integer],
    mentor: npt.NDArray[np.integer],
    mentee_vectors: F32,
    mentor_vectors: F32,
    *,
    chunk: int = 16_384,
) -> F32:
    """Cosine of each pair's person vectors (their passions), clipped to 0-1. The pairs'
    vectors are gathered ``chunk`` pairs at a time (two 25 MB blocks at 384 dimensions)."""
    out = np.empty(mentee.size, dtype=np.float32)
    for s in range(0, mentee.size, chunk):
        a = mentee_vectors[mentee[s : s + chunk]]
        b = mentor_vectors[mentor[s : s + chunk]]
        out[s : s + chunk] = np.einsum("nd,nd->n", a, b)
    np.clip(out, 0, 1, out=out)
    return out


#: About this many pairs are sorted together in ``stable_from_scores`` (a range of mentors,
#: or of mentees, at a time).
PAIR_BLOCK = 1 << 20


def _ranges(ptr: I64, size: int) -> list[tuple[int, int]]:
    """Ranges [a, b) of people (a CSR ``ptr`` over them) whose lists together hold about
    ``size`` pairs (a longer list is a range of its own)."""
    at = np.searchsorted(ptr, np.arange(0, int(ptr[-1]), max(size, 1)), side="right") - 1
    cuts = np.unique(np.concatenate([[0], at, [ptr.shape[0] - 1]]))
    return list(zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True))


def _csr(owner: npt.NDArray[np.integer], n: int) -> I64:
    ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=ptr[1:])
    return ptr


def stable_from_scores(
    mentee: npt.NDArray[np.integer],
    mentor: npt.NDArray[np.integer],
    score: F32,
    n_mentees: int,
    capacity: I64,
) -> I64:
    """``deferred_acceptance(preferences_from_scores(...))`` for scored pairs with no pair
    twice, in a fraction of its memory: both sides list the same pairs, so every pair is
    acceptable, and each side's lists are sorted a range of people at a time (the order of
    a whole side is that of its ranges one after the other), into int32 arrays where they
    fit. Beside the pairs it holds three arrays of one index per pair."""
    n_mentors = int(capacity.shape[0])
    small = np.int32 if max(n_mentees, n_mentors, mentee.size) < 2**31 - 1 else np.int64
    mentee = mentee.astype(small, copy=False)
    mentor = mentor.astype(small, copy=False)
    # Where each mentor ranks each pair's mentee: by score, then mentee index.
    rank: npt.NDArray[np.integer] = np.empty(mentee.size, small)
    mentor_ptr = _csr(mentor, n_mentors)
    for a, b in _ranges(mentor_ptr, PAIR_BLOCK):
        sel = np.flatnonzero((mentor >= a) & (mentor < b))
        at = sel[np.lexsort((mentee[sel], -score[sel], mentor[sel]))]
        del sel
        # A pair's place in its mentor's list: its place in the whole side's order less
        # where that mentor's list starts.
        place = np.arange(mentor_ptr[a], mentor_ptr[b], dtype=small)
        place -= mentor_ptr[mentor[at]].astype(small)
        rank[at] = place
        del at, place
    # Each mentee's mentors by score, then mentor index, with those mentors' ranks.
    ptr = _csr(mentee, n_mentees)
    listed: npt.NDArray[np.integer] = np.empty(mentee.size, small)
    ranks: npt.NDArray[np.integer] = np.empty(mentee.size, small)
    in_order = mentee.size < 2 or bool(np.all(mentee[1:] >= mentee[:-1]))
    for a, b in _ranges(ptr, PAIR_BLOCK):
        lo, hi = int(ptr[a]), int(ptr[b])
        if in_order:  # the range's pairs are already together
            at = lo + np.lexsort((mentor[lo:hi], -score[lo:hi], mentee[lo:hi]))
        else:
            sel = np.flatnonzero((mentee >= a) & (mentee < b))
            at = sel[np.lexsort((mentor[sel], -score[sel], mentee[sel]))]
            del sel
        listed[lo:hi] = mentor[at]
        ranks[lo:hi] = rank[at]
        del at
    del rank
    return propose(ptr, listed, ranks, np.asarray(capacity, dtype=np.int64))


def preferences_from_scores(
    mentee: I64, mentor: I64, score: F32, n_mentees: int, capacity: I64
) -> Preferences:
    """Both sides' preference lists from scored pairs: each mentee lists its mentors by score,
    each mentor ranks the mentees who list it by the same score (ties by index)."""
    n_mentors = capacity.shape[0]
    order = np.lexsort((mentor, -score, mentee))
    me_items = mentor[order]
    me_ptr = np.zeros(n_mentees + 1, dtype=np.int64)
    np.cumsum(np.bincount(mentee, minlength=n_mentees), out=me_ptr[1:])
    order = np.lexsort((mentee, -score, mentor))
    mr_items = mentee[order]
    mr_ptr = np.zeros(n_mentors + 1, dtype=np.int64)
    np.cumsum(np.bincount(mentor, minlength=n_mentors), out=mr_ptr[1:])
    return Preferences(
        me_ptr,
        me_items.astype(np.int64),
        mr_ptr,
        mr_items.astype(np.int64),
        np.asarray(capacity, dtype=np.int64),
    )
