"""Learned preferences: what the person's choices say they want and avoid, as one explained
term in the match ranking that they can see and switch off.

The choices are signals on occupations: an application saved (+0.5) or sent (+1), one the
person withdrew from, declined, or ended themselves (-1), and a thumbs up (+2) or down (-2)
on an occupation among the matches (the latest vote on an occupation counts). Each
occupation is described by what the catalog rates it on: its six interest areas (RIASEC),
its six work values and its job zone, each standardised over the whole catalog. The learned
direction is the signal-weighted mean of the signalled occupations' standardised ratings:
where it is far from zero, the person leans one way ("towards Artistic work", "away from a
higher job zone"). An occupation's preference term is its projection on that direction, in
standard deviations, divided by 3 and clipped to -1..1; the match ranking adds
``PREFERENCE_WEIGHT`` times the term to each score, and reorders within the groups the
ranking already keeps (the sweet spot first, then real passion, then the rest). Words the
person's saved and sent postings use more than the ones they turned down are listed to
explain, not scored: occupations have no postings to compare them with.

Nothing is learned from fewer than ``MIN_SIGNALS`` signals, and a person who switches the
term off gets the plain ranking back.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Engine, delete, insert, select, update

from passionpath.jobsearch._fields import ApplicationError, check_code
from passionpath.jobsearch._store import list_applications
from passionpath.store import models as m
from passionpath.store import owned_by

if TYPE_CHECKING:
    from pathlib import Path

    from passionpath.context import Context
    from passionpath.match import MatchReport
    from passionpath.profile import ProfileDocument

__all__ = [
    "MIN_SIGNALS",
    "PREFERENCE_WEIGHT",
    "Lean",
    "LearnedPreferences",
    "Signal",
    "apply_preferences",
    "clear_vote",
    "current_votes",
    "learn_preferences",
    "learning_on",
    "list_votes",
    "match_with_preferences",
    "preference_term",
    "set_learning",
    "vote",
]

MIN_SIGNALS = 3
PREFERENCE_WEIGHT = 0.1
#: How much a thumbs up or down counts, against 1 for an application (and -1 for a
#: rejection); only a thumbs down reaches minus this.
VOTE_WEIGHT = 2.0
#: A lean is said when the direction is at least this far from zero (standard deviations).
_LEAN = 0.5
_SIGNAL_WEIGHTS = {"saved": 0.5, "applied": 1.0, "withdrawn": -1.0, "declined": -1.0}
_STOP = frozenset(
    "a an and are as at be by for from has have in is it of on or our the their this to we "
    "will with you your who what role team work job".split()
)


@dataclass(frozen=True)
class Signal:
    code: str
    weight: float
    why: str


@dataclass(frozen=True)
class Lean:
    """One way the person leans: ``feature`` (an interest area, a work value or the job
    zone) and how far, in standard deviations (positive: towards)."""

    feature: str
    amount: float
    said: str


@dataclass
class LearnedPreferences:
    on: bool
    signals: list[Signal] = field(default_factory=list)
    leans: list[Lean] = field(default_factory=list)
    words_liked: list[str] = field(default_factory=list)
    words_avoided: list[str] = field(default_factory=list)
    #: The learned direction over the features (empty while there is too little to go on).
    direction: list[float] = field(default_factory=list)
    features: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.on and bool(self.direction)

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["active"] = self.active
        return out


def vote(code: str, up: bool, engine: Engine, *, owner: int | None = None) -> None:
    """A thumbs up or down on an occupation (the latest vote on it counts)."""
    checked = check_code(code, "occupation_code")
    if checked is None:
        raise ApplicationError("give an occupation code like 15-1255.00.", field="occupation_code")
    with engine.begin() as conn:
        conn.execute(
            insert(m.PreferenceVote),
            {
                "user_id": owner,
                "occupation_code": checked,
                "vote": 1 if up else -1,
                "created_at": datetime.now(UTC),
            },
        )


def clear_vote(code: str, engine: Engine, *, owner: int | None = None) -> int:
    """Take back the thumbs on an occupation (every vote the owner gave it): the ranking is
    then as if they had never voted on it. Returns how many votes were removed."""
    checked = check_code(code, "occupation_code")
    if checked is None:
        raise ApplicationError("give an occupation code like 15-1255.00.", field="occupation_code")
    with engine.begin() as conn:
        removed = conn.execute(
            delete(m.PreferenceVote).where(
                owned_by(m.PreferenceVote, owner), m.PreferenceVote.occupation_code == checked
            )
        )
    return int(removed.rowcount or 0)


def current_votes(engine: Engine, *, owner: int | None = None) -> dict[str, int]:
    """Occupation code -> the vote that counts on it (1 up, -1 down)."""
    return {v["code"]: int(v["vote"]) for v in list_votes(engine, owner=owner)}


def list_votes(engine: Engine, *, owner: int | None = None) -> list[dict[str, Any]]:
    """Every thumbs up or down, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                m.PreferenceVote.occupation_code, m.PreferenceVote.vote, m.PreferenceVote.created_at
            )
            .where(owned_by(m.PreferenceVote, owner))
            .order_by(m.PreferenceVote.id)
        ).all()
    return [{"code": r.occupation_code, "vote": r.vote, "at": r.created_at} for r in rows]


def learning_on(engine: Engine, *, owner: int | None = None) -> bool:
    with engine.connect() as conn:
        row = conn.execute(
            select(m.PreferenceSetting.learned_on)
            .where(owned_by(m.PreferenceSetting, owner))
            .order_by(m.PreferenceSetting.id.desc())
            .limit(1)
        ).first()
    return True if row is None else bool(row.learned_on)


def set_learning(on: bool, engine: Engine, *, owner: int | None = None) -> None:
    """Switch the learned preference term in the match ranking on or off."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        found = conn.execute(
            select(m.PreferenceSetting.id).where(owned_by(m.PreferenceSetting, owner))
        ).first()
        if found is None:
            conn.execute(
                insert(m.PreferenceSetting),
                {"user_id": owner, "learned_on": on, "updated_at": now},
            )
        else:
            conn.execute(
                update(m.PreferenceSetting)
                .where(m.PreferenceSetting.id == found.id)
                .values(learned_on=on, updated_at=now)
            )


def _signals(engine: Engine, owner: int | None) -> tuple[list[Signal], list[str], list[str]]:
    signals: list[Signal] = []
    liked: list[str] = []
    avoided: list[str] = []
    for v in list_applications(engine, owner=owner):
        if not v.occupation_code:
            continue
        stages = {e.stage for e in v.events}
        ended_by_you = any(e.stage == "rejected" and e.ended_by == "you" for e in v.events)
        if stages & {"withdrawn", "declined"} or ended_by_you:
            what = "withdrew from" if "withdrawn" in stages else "turned down"
            signals.append(
                Signal(v.occupation_code, -1.0, f"you {what} {v.role_title} at {v.company}")
            )
            avoided.append(v.posting_text or "")
        elif v.status is not None and v.status.applied_on is not None:
            signals.append(
                Signal(v.occupation_code, 1.0, f"you applied to {v.role_title} at {v.company}")
            )
            liked.append(v.posting_text or "")
        else:
            signals.append(
                Signal(v.occupation_code, 0.5, f"you saved {v.role_title} at {v.company}")
            )
            liked.append(v.posting_text or "")
    with engine.connect() as conn:
        votes = conn.execute(
            select(m.PreferenceVote.occupation_code, m.PreferenceVote.vote)
            .where(owned_by(m.PreferenceVote, owner))
            .order_by(m.PreferenceVote.id)
        ).all()
    latest = {r.occupation_code: r.vote for r in votes}
    for code, value in latest.items():
        why = "thumbs up" if value > 0 else "thumbs down"
        signals.append(Signal(code, VOTE_WEIGHT * value, why))
    return signals, liked, avoided


def _words(texts: list[str]) -> Counter[str]:
    out: Counter[str] = Counter()
    for text in texts:
        out.update({w for w in re.findall(r"[a-z][a-z+#-]{2,}", text.lower()) if w not in _STOP})
    return out


def _features(ctx: Context) -> tuple[Any, list[str], np.ndarray[Any, Any]]:
    from passionpath.match import load_matrices
    from passionpath.profile import AREA_NAMES, WORK_VALUES

    mx = load_matrices(ctx)
    raw = np.column_stack([mx.interests, mx.values, mx.job_zone.reshape(-1, 1)]).astype(float)
    mean = np.nanmean(raw, axis=0)
    std = np.nanstd(raw, axis=0)
    std[~(std > 0)] = 1.0
    z = np.nan_to_num((raw - mean) / std, nan=0.0)
    names = (
        [f"{AREA_NAMES[k]} work" for k in "RIASEC"]
        + [f"the work value {v}" for v in WORK_VALUES]
        + ["a higher job zone"]
    )
    return mx, names, z


def learn_preferences(ctx: Context, *, owner: int | None = None) -> LearnedPreferences:
    """What the owner's choices say (see the module's note)."""
    on = learning_on(ctx.engine, owner=owner)
    signals, liked, avoided = _signals(ctx.engine, owner)
    out = LearnedPreferences(on=on, signals=signals)
    plus, minus = _words(liked), _words(avoided)
    out.words_liked = [w for w, n in (plus - minus).most_common(8) if n >= 2]
    out.words_avoided = [w for w, n in (minus - plus).most_common(8) if n >= 2]
    if len(signals) < MIN_SIGNALS:
        return out
    mx, names, z = _features(ctx)
    rows = [(mx.index[s.code], s.weight) for s in signals if s.code in mx.index]
    total = sum(abs(w) for _, w in rows)
    if not rows or total == 0:
        return out
    direction = sum(w * z[r] for r, w in rows) / total
    out.features = names
    out.direction = [round(float(x), 4) for x in direction]
    order = np.argsort(-np.abs(direction))
    for j in order[:4]:
        amount = float(direction[j])
        if abs(amount) < _LEAN:
            break
        way = "towards" if amount > 0 else "away from"
        out.leans.append(Lean(names[j], round(amount, 2), f"{way} {names[j]}"))
    return out


def preference_term(learned: LearnedPreferences, z_row: np.ndarray[Any, Any]) -> float:
    w = np.asarray(learned.direction)
    norm = float(np.linalg.norm(w))
    if norm == 0:
        return 0.0
    return float(np.clip(float(z_row @ w) / norm / 3.0, -1.0, 1.0))


def apply_preferences(
    report: MatchReport, learned: LearnedPreferences, ctx: Context, *, top: int | None = None
) -> MatchReport:
    """``report`` re-ranked with the preference term (score + PREFERENCE_WEIGHT x term),
    each result's term in its components as "preference", and a line saying why. Unchanged
    while the term is off or has too little to go on."""
    if not learned.active:
        return report
    mx, _names, z = _features(ctx)
    # The ranking puts the sweet spot first, then real passion, then the rest, each group by
    # score: a rise in score down the list starts a new group. The term reorders within them.
    groups, group, previous = [], 0, float("inf")
    for r in report.results:
        if r.score > previous + 1e-9:
            group += 1
        groups.append(group)
        previous = r.score
    results = []
    for r in report.results:
        row = mx.index.get(r.code)
        term = preference_term(learned, z[row]) if row is not None else 0.0
        score = round(r.score + PREFERENCE_WEIGHT * term, 4)
        results.append(
            replace(r, score=score, components={**r.components, "preference": round(term, 4)})
        )
    # A career the person said "Not for me" to goes after every other one, whatever its
    # group: the learned term alone would keep a strong passion career first.
    refused = {s.code for s in learned.signals if s.weight <= -VOTE_WEIGHT}
    order = sorted(
        range(len(results)),
        key=lambda i: (results[i].code in refused, groups[i], -results[i].score),
    )
    results = [results[i] for i in order]
    leans = ", ".join(lean.said for lean in learned.leans) or "no strong lean yet"
    note = (
        f"Ranked with what your choices say ({leans}; from {len(learned.signals)} "
        "applications and votes); you can switch this off."
    )
    return replace(
        report, results=results[:top] if top else results, warnings=[*report.warnings, note]
    )


def match_with_preferences(
    profile: ProfileDocument | str | Path,
    ctx: Context,
    *,
    owner: int | None = None,
    top: int = 10,
    quadrant: str | None = None,
    include_stretch: bool = True,
    learned: bool | LearnedPreferences = True,
) -> tuple[MatchReport, LearnedPreferences | None]:
    """The match ranking as every face shows it: with the owner's learned preference term
    when it is on and has enough to go on (and ``learned`` is not False), else the plain
    ranking; ``learned`` may also be preferences learned already. Three times ``top``
    results are ranked first, so that the term can bring up results from below the cut.
    Returns the report and the preferences applied (None when none were)."""
    from passionpath.match import match

    found: LearnedPreferences | None
    if isinstance(learned, LearnedPreferences):
        found = learned
    else:
        found = learn_preferences(ctx, owner=owner) if learned else None
    used = found if found is not None and found.active else None
    wider = top * 3 if used is not None else top
    report = match(profile, ctx, top=wider, quadrant=quadrant, include_stretch=include_stretch)
    if used is not None:
        report = apply_preferences(report, used, ctx, top=top)
    return report, used
