"""Study groups of 3 to 6 around one topic: pure functions over arrays.

People are bucketed by topic first (a shared interest from the phrase bank, or a shared gap:
a skill their plans work on); inside a bucket, balanced sizes are fixed up front and people
are placed by a size-constrained k-means of our own: k-means++ seeds, then each round, in
waves, everyone unplaced picks the nearest centre with room and each centre keeps the nearest
of those who picked it up to its size; then the centres move to their members' mean. A large
bucket is first split in halves along its main direction (recursively, to at most
``SPLIT_ABOVE`` people), so each clustering stays small. Each person is in one group per
bucket, so at most one group per topic. Pairs who blocked each other are kept apart.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

F32 = npt.NDArray[np.float32]
I64 = npt.NDArray[np.int64]

#: Buckets larger than this are halved along their main direction before clustering.
SPLIT_ABOVE = 600
MIN_GROUP = 3
MAX_GROUP = 6
#: A group meets every two weeks unless everyone asked for weekly.
DEFAULT_CADENCE_DAYS = 14


def balanced_sizes(n: int, lo: int = MIN_GROUP, hi: int = MAX_GROUP) -> list[int]:
    """Group sizes for ``n`` people, each in [lo, hi] and differing by at most one; [] when
    ``n < lo`` (too few for a group)."""
    if n < lo:
        return []
    k = math.ceil(n / hi)
    base, extra = divmod(n, k)
    sizes = [base + 1] * extra + [base] * (k - extra)
    if min(sizes) < lo:  # cannot happen for lo <= hi / 2 + 1, kept as a guard
        raise ValueError(f"cannot split {n} into groups of {lo}-{hi}")
    return sizes


def _sq_dist(x: F32, c: F32) -> F32:
    return (x * x).sum(1)[:, None] - 2 * x @ c.T + (c * c).sum(1)[None, :]


def constrained_clusters(
    vectors: F32, sizes: Sequence[int], *, seed: int = 0, rounds: int = 8
) -> I64:
    """A label per row such that label ``g`` has exactly ``sizes[g]`` rows, placing alike
    rows together (see module)."""
    n = vectors.shape[0]
    k = len(sizes)
    if sum(sizes) != n:
        raise ValueError("sizes must add up to the number of rows")
    if k == 1:
        return np.zeros(n, dtype=np.int64)
    rng = np.random.default_rng(seed)
    x = np.asarray(vectors, dtype=np.float32)
    xx = (x * x).sum(1)
    first = int(rng.integers(n))
    centres = [x[first]]
    d = np.maximum(xx - 2 * (x @ x[first]) + xx[first], 0)
    for _ in range(1, k):
        total = float(d.sum())
        pick = int(rng.choice(n, p=d / total)) if total > 0 else int(rng.integers(n))
        centres.append(x[pick])
        d = np.minimum(d, np.maximum(xx - 2 * (x @ x[pick]) + xx[pick], 0))
    c = np.asarray(centres, dtype=np.float32)
    room = np.asarray(sizes, dtype=np.int64)
    labels = np.full(n, -1, dtype=np.int64)
    for _ in range(rounds):
        dist = _sq_dist(x, c)
        # In waves: everyone still unplaced picks the nearest centre with room, and each
        # centre keeps the nearest of those who picked it, up to its room.
        left = room.copy()
        waiting = np.arange(n)
        while waiting.size:
            d = np.where(left[None, :] > 0, dist[waiting], np.inf)
            choice = d.argmin(axis=1)
            near = d[np.arange(waiting.size), choice]
            order = np.lexsort((near, choice))
            picked, who = choice[order], waiting[order]
            starts = np.ones(picked.size, dtype=bool)
            starts[1:] = picked[1:] != picked[:-1]
            place = np.arange(picked.size) - np.flatnonzero(starts)[np.cumsum(starts) - 1]
            keep = place < left[picked]
            labels[who[keep]] = picked[keep]
            left -= np.bincount(picked[keep], minlength=k)
            waiting = who[~keep]
        sums = np.zeros_like(c)
        np.add.at(sums, labels, x)
        new = sums / room[:, None]
        if np.allclose(new, c):
            break
        c = new.astype(np.float32)
    return labels


def _halves(people: list[int], vectors: F32) -> list[list[int]]:
    """``people`` in parts of at most ``SPLIT_ABOVE``, split at the median of their main
    direction (a few steps of power iteration), so alike people stay in one part."""
    if len(people) <= SPLIT_ABOVE:
        return [people]
    x = vectors[people] - vectors[people].mean(axis=0)
    direction = np.ones(x.shape[1], dtype=np.float32) / math.sqrt(x.shape[1])
    for _ in range(8):
        direction = x.T @ (x @ direction)
        norm = float(np.linalg.norm(direction))
        if norm == 0:
            break
        direction /= norm
    order = np.argsort(x @ direction, kind="stable")
    half = len(people) // 2
    low = [people[i] for i in order[:half].tolist()]
    high = [people[i] for i in order[half:].tolist()]
    return _halves(low, vectors) + _halves(high, vectors)


def _separate(groups: list[list[int]], blocked: set[frozenset[int]]) -> list[list[int]]:
    """Move people out of groups holding someone they blocked (or who blocked them), into a
    group of the same bucket with room and no such person; otherwise they wait."""

    def clash(person: int, group: Iterable[int]) -> bool:
        return any(frozenset((person, other)) in blocked for other in group if other != person)

    for g in groups:
        for person in list(g):
            if person in g and clash(person, g):
                g.remove(person)
                for other in groups:
                    if other is not g and len(other) < MAX_GROUP and not clash(person, other):
                        other.append(person)
                        break
    return [g for g in groups if len(g) >= MIN_GROUP]


@dataclass(frozen=True)
class GroupPlan:
    """A suggested group: topic, kind ('interest' or 'gap'), the rows of its members."""

    topic: str
    kind: str
    members: tuple[int, ...]


def form_groups(
    buckets: Mapping[tuple[str, str], Sequence[int]],
    vectors: F32,
    *,
    blocked: Iterable[tuple[int, int]] = (),
    seed: int = 0,
) -> tuple[list[GroupPlan], dict[tuple[str, str], list[int]]]:
    """Groups for each ``(kind, topic)`` bucket of row indices, and who is left waiting.

    Sizes are always 3-6; a bucket of fewer than 3 forms no group.
    """
    pairs = {frozenset(p) for p in blocked}
    plans: list[GroupPlan] = []
    waiting: dict[tuple[str, str], list[int]] = {}
    for (kind, topic), rows in sorted(buckets.items()):
        people = list(dict.fromkeys(int(r) for r in rows))
        sizes = balanced_sizes(len(people))
        if not sizes:
            waiting[(kind, topic)] = people
            continue
        groups = []
        for part in _halves(people, vectors):
            part_sizes = balanced_sizes(len(part))
            labels = constrained_clusters(vectors[part], part_sizes, seed=seed)
            groups += [
                [part[i] for i in np.flatnonzero(labels == g)] for g in range(len(part_sizes))
            ]
        if pairs:
            groups = _separate(groups, pairs)
        placed = {p for g in groups for p in g}
        left = [p for p in people if p not in placed]
        if left:
            waiting[(kind, topic)] = left
        plans.extend(GroupPlan(topic, kind, tuple(sorted(g))) for g in groups)
    return plans, waiting


def group_name(topic: str, kind: str) -> str:
    """What a group is called: what its members share."""
    if kind == "gap":
        return f"Learning {topic} together"
    return f"{topic[:1].upper()}{topic[1:]} circle"


_DAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}


def first_meeting(
    availability: Sequence[str | None], today: date | None = None
) -> tuple[date, int]:
    """(a first meeting day at least a week away, the cadence in days) from what the members
    said about when they are free: the day most of them name (weekends: Saturday; evenings or
    weekdays: Tuesday; otherwise Wednesday), weekly when every member says weekly."""
    today = today or date.today()
    votes = [0] * 7
    for text in availability:
        words = (text or "").lower()
        for name, day in _DAYS.items():
            if name in words:
                votes[day] += 2
        if "weekend" in words:
            votes[5] += 1
        if "evening" in words or "weekday" in words or "lunch" in words:
            votes[1] += 1
    day = int(np.argmax(votes)) if max(votes) else 2
    start = today + timedelta(days=7)
    start += timedelta(days=(day - start.weekday()) % 7)
    weekly = bool(availability) and all(
        "week" in (t or "").lower() and "weekend" not in (t or "").lower() for t in availability
    )
    return start, 7 if weekly else DEFAULT_CADENCE_DAYS
