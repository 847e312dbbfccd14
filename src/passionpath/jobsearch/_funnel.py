"""The funnel: how applications move from sent to offer, as pure functions over their logs.

Every figure is a count of applications, so a person can check it by hand:

* an application *reached* a stage when its furthest stage on the way to a job is that one
  or later (rejected after the interview: it reached the screen and the interview);
* *conversion* at a step is the share of those that reached one stage who reached the next;
* a *response* is any answer from the employer: a screen or later, or a rejection they sent
  (a templated "no" is still an answer); silence and withdrawing before any answer are not;
* *time in stage* counts the days from a stage's event to the next event, for the stages
  that have been left (one still waiting is shown as waiting, not averaged in);
* the *healthy* reference is the person's own best: for each step, the highest conversion
  among their own groups (an occupation, a source or a month) with at least
  ``HEALTHY_BASE`` applications entering that step, and not all of them (a group that is
  the whole compares nothing). No outside benchmark is claimed.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import numpy as np

from passionpath.jobsearch._stages import (
    CLOSED,
    DEFAULT_GHOST_DAYS,
    PIPELINE,
    Status,
    Track,
    ordered,
    status_of,
)

__all__ = [
    "FUNNEL",
    "HEALTHY_BASE",
    "Funnel",
    "GroupRow",
    "HealthyStep",
    "StageRow",
    "StageTime",
    "funnel",
    "reached",
    "responded",
]

#: The steps the funnel counts (an assessment, which many applications skip, is shown in the
#: time in stage, and an application that took one has passed the screen).
FUNNEL = ("applied", "screen", "interview", "offer", "accepted")
#: A group (an occupation, a source, a month) is a healthy reference for a step only when at
#: least this many applications entered the step in it.
HEALTHY_BASE = 3


@dataclass(frozen=True)
class StageRow:
    stage: str
    reached: int
    #: Of those that reached the previous stage, the share that reached this one (None for
    #: the first stage, or when none reached the previous one).
    conversion: float | None
    #: Of all applications sent, the share that reached this stage.
    of_applied: float | None


@dataclass(frozen=True)
class StageTime:
    stage: str
    #: Stays that have ended (the stage was left): how many, their median and mean in days.
    left: int
    median_days: float | None
    mean_days: float | None
    #: Applications in this stage now, and the longest of their waits so far.
    waiting: int
    longest_wait: int | None


@dataclass(frozen=True)
class GroupRow:
    key: str
    applied: int
    responded: int
    response_rate: float | None
    interviews: int
    interview_rate: float | None
    offers: int
    offer_rate: float | None


@dataclass(frozen=True)
class HealthyStep:
    """One step of the funnel: the person's overall conversion and their own best."""

    step: str  # "applied -> screen"
    entered: int
    yours: float | None
    best: float | None
    best_group: str | None
    best_entered: int


@dataclass
class Funnel:
    today: date
    ghost_after: int
    #: Applications sent (reached "applied"); saved ones not yet sent are counted apart.
    applied: int
    saved_only: int
    stages: list[StageRow]
    #: How many applications stand at each final or current status.
    outcomes: dict[str, int]
    responded: int
    response_rate: float | None
    times: list[StageTime]
    by_occupation: list[GroupRow]
    by_source: list[GroupRow]
    by_month: list[GroupRow]
    healthy: list[HealthyStep]
    #: Occupation codes to the titles the groups show (filled by the caller when it knows).
    titles: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _rank(stage: str) -> int:
    return PIPELINE.index(stage)


def reached(status: Status, stage: str) -> bool:
    return _rank(status.furthest) >= _rank(stage)


def responded(track: Track, status: Status) -> bool:
    """Whether the employer answered at all (see the module's note)."""
    if reached(status, "screen"):
        return True
    return any(e.stage == "rejected" and e.ended_by in (None, "they") for e in track.events)


_FUNNEL_RANKS = np.array([PIPELINE.index(stage) for stage in FUNNEL])


def _reached_matrix(statuses: Sequence[Status]) -> np.ndarray[Any, np.dtype[np.bool_]]:
    """Row per application, column per FUNNEL stage: whether it reached that stage."""
    ranks = np.array([_rank(s.furthest) for s in statuses], dtype=int).reshape(-1, 1)
    return np.asarray(ranks >= _FUNNEL_RANKS.reshape(1, -1))


def _stage_rows(reach: np.ndarray[Any, np.dtype[np.bool_]]) -> list[StageRow]:
    counts = [int(c) for c in reach.sum(axis=0)] if reach.size else [0] * len(FUNNEL)
    rows = []
    for i, stage in enumerate(FUNNEL):
        conversion = _rate(counts[i], counts[i - 1]) if i else None
        rows.append(StageRow(stage, counts[i], conversion, _rate(counts[i], counts[0])))
    return rows


def _times(tracks: Sequence[Track], statuses: Sequence[Status], today: date) -> list[StageTime]:
    stays: dict[str, list[int]] = {stage: [] for stage in PIPELINE[1:-1]}
    waits: dict[str, list[int]] = {stage: [] for stage in PIPELINE[1:-1]}
    for track, status in zip(tracks, statuses, strict=True):
        log = ordered(track.events)
        for here, after in itertools.pairwise(log):
            if here.stage in stays:
                stays[here.stage].append((after.on - here.on).days)
        if log and log[-1].stage in waits and status.stage not in CLOSED:
            waits[log[-1].stage].append((today - log[-1].on).days)
    out = []
    for stage, days in stays.items():
        values = np.asarray(days, dtype=float)
        out.append(
            StageTime(
                stage,
                int(values.size),
                round(float(np.median(values)), 1) if values.size else None,
                round(float(values.mean()), 1) if values.size else None,
                len(waits[stage]),
                max(waits[stage]) if waits[stage] else None,
            )
        )
    return out


def _groups(
    keys: Sequence[str],
    reach: np.ndarray[Any, np.dtype[np.bool_]],
    answered: np.ndarray[Any, np.dtype[np.bool_]],
) -> list[GroupRow]:
    members: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        members.setdefault(key, []).append(i)
    interview, offer = FUNNEL.index("interview"), FUNNEL.index("offer")
    rows = []
    for name, idx in members.items():
        n = len(idx)
        got = int(answered[idx].sum())
        interviews = int(reach[idx, interview].sum())
        offers = int(reach[idx, offer].sum())
        rows.append(
            GroupRow(
                name,
                n,
                got,
                _rate(got, n),
                interviews,
                _rate(interviews, n),
                offers,
                _rate(offers, n),
            )
        )
    rows.sort(key=lambda r: (-r.applied, r.key))
    return rows


def _healthy(
    reach: np.ndarray[Any, np.dtype[np.bool_]], groups: Sequence[tuple[str, list[int]]]
) -> list[HealthyStep]:
    out = []
    for i in range(len(FUNNEL) - 1):
        entered = int(reach[:, i].sum()) if reach.size else 0
        went = int(reach[:, i + 1].sum()) if reach.size else 0
        best: tuple[float, int, str] | None = None
        for name, idx in groups:
            base = int(reach[idx, i].sum())
            # A group holding every application that entered is the whole, not a reference.
            if base < HEALTHY_BASE or base == entered:
                continue
            rate = int(reach[idx, i + 1].sum()) / base
            if best is None or (rate, base) > (best[0], best[1]):
                best = (rate, base, name)
        out.append(
            HealthyStep(
                f"{FUNNEL[i]} -> {FUNNEL[i + 1]}",
                entered,
                _rate(went, entered),
                round(best[0], 4) if best else None,
                best[2] if best else None,
                best[1] if best else 0,
            )
        )
    return out


def funnel(
    tracks: Sequence[Track],
    *,
    today: date | None = None,
    ghost_after: int = DEFAULT_GHOST_DAYS,
) -> Funnel:
    """The funnel of ``tracks`` on ``today`` (see the module's note for each figure)."""
    day = today or date.today()
    every = [(t, status_of(t.events, day, ghost_after)) for t in tracks]
    sent = [(t, s) for t, s in every if s.applied_on is not None]
    saved_only = len(every) - len(sent)
    ts = [t for t, _ in sent]
    ss = [s for _, s in sent]
    outcomes: dict[str, int] = {}
    for s in ss:
        name = s.stage if s.stage in CLOSED else "open"
        outcomes[name] = outcomes.get(name, 0) + 1
    answers = np.array([responded(t, s) for t, s in sent], dtype=bool)
    reach = _reached_matrix(ss)
    keys = {
        "occupation": [t.occupation or "unknown" for t in ts],
        "source": [(t.source or "unknown").strip().lower() for t in ts],
        "month": [s.applied_on.strftime("%Y-%m") if s.applied_on else "unknown" for s in ss],
    }
    groups: list[tuple[str, list[int]]] = []
    for label, values in keys.items():
        members: dict[str, list[int]] = {}
        for i, key in enumerate(values):
            members.setdefault(key, []).append(i)
        groups += [(f"{label} {name}", idx) for name, idx in sorted(members.items())]
    answered = int(answers.sum())
    return Funnel(
        today=day,
        ghost_after=ghost_after,
        applied=len(sent),
        saved_only=saved_only,
        stages=_stage_rows(reach),
        outcomes=dict(sorted(outcomes.items())),
        responded=answered,
        response_rate=_rate(answered, len(sent)),
        times=_times(ts, ss, day),
        by_occupation=_groups(keys["occupation"], reach, answers),
        by_source=_groups(keys["source"], reach, answers),
        by_month=sorted(_groups(keys["month"], reach, answers), key=lambda r: r.key),
        healthy=_healthy(reach, groups),
    )
