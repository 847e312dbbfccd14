"""Patterns across applications, as rules a person can check by counting (pure functions).

* **Where you fall out**: among the applications that ended without a job, the stage where
  most ended. When at least ``FALL_OUT_MIN`` ended there and they are at least
  ``FALL_OUT_SHARE`` of all endings, it is a pattern, and the stage says what to work on:
  ending at the application or the screen points at the CV and the targeting (the person was
  not seen as a match on paper), at an assessment at the tests, at the interview at
  interviewing, at the offer at the terms.
* **Skills named again and again**: a descriptor cited by at least ``REPEAT_MIN`` rejections.
* **Seniority**: at least ``REPEAT_MIN`` rejections giving experience or seniority as a reason.
* **Reasons**: how often each category was given; most rejections give none, and the counts
  say so rather than reading meaning into a template.
* **Occupations that convert**: per occupation, how often applications got an answer and an
  interview, beside the person's fit for it when known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from passionpath.jobsearch._funnel import reached, responded
from passionpath.jobsearch._stages import (
    CLOSED,
    DEFAULT_GHOST_DAYS,
    REASON_WORDS,
    REASONS,
    Track,
    status_of,
)

__all__ = [
    "FALL_OUT_MIN",
    "FALL_OUT_SHARE",
    "REPEAT_MIN",
    "FallOut",
    "OccupationConversion",
    "Patterns",
    "patterns",
    "reason_words",
]

FALL_OUT_MIN = 3
FALL_OUT_SHARE = 0.6
REPEAT_MIN = 2

#: What ending at each stage points to, in plain words.
_WORK_ON = {
    "applied": "the CV and the targeting: you are not yet seen as a match on paper",
    "screen": "the CV and the targeting: the first conversation is where the match is doubted",
    "assessment": "the tests: practise the kind of task these employers set",
    "interview": "interviewing: your stories, your portfolio walk-through, and the feedback "
    "the interviewers can give",
    "offer": "the offer: pay, timing or terms",
}


@dataclass(frozen=True)
class FallOut:
    stage: str
    ended_here: int
    ended: int
    share: float
    work_on: str


@dataclass(frozen=True)
class OccupationConversion:
    code: str
    applied: int
    response_rate: float
    interview_rate: float
    #: The person's fit for the occupation when the caller knows it: the match score and
    #: its passion and qualification parts (0-1).
    score: float | None = None
    passion: float | None = None
    qualification: float | None = None


@dataclass
class Patterns:
    #: Applications sent, and those that ended without a job, by the stage they ended at.
    applied: int
    ended: int
    ended_at: dict[str, int]
    fall_out: FallOut | None
    rejections: int
    #: Reason category -> rejections giving it (a rejection may give several).
    reasons: dict[str, int]
    #: The share of rejections that said nothing useful (templated or no reason).
    unexplained_share: float | None
    #: Descriptor id -> rejections naming it, for those named at least REPEAT_MIN times.
    repeated_skills: dict[str, int]
    seniority: int
    seniority_repeated: bool
    #: Occupation codes where seniority was given, and how often.
    seniority_by_occupation: dict[str, int]
    occupations: list[OccupationConversion] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def patterns(
    tracks: Sequence[Track],
    *,
    today: date | None = None,
    ghost_after: int = DEFAULT_GHOST_DAYS,
    fits: Mapping[str, tuple[float, float, float]] | None = None,
) -> Patterns:
    """The patterns in ``tracks``; ``fits`` maps occupation codes to the person's (score,
    passion, qualification) to set beside how each occupation converts."""
    day = today or date.today()
    sent = [(t, status_of(t.events, day, ghost_after)) for t in tracks]
    sent = [(t, s) for t, s in sent if s.applied_on is not None]
    ended_at: Counter[str] = Counter()
    for _t, s in sent:
        if s.stage in CLOSED and s.stage != "accepted" and s.ended_at:
            ended_at[s.ended_at] += 1
    ended = sum(ended_at.values())
    fall_out = None
    if ended:
        stage, here = max(ended_at.items(), key=lambda kv: (kv[1], -_order(kv[0])))
        if here >= FALL_OUT_MIN and here / ended >= FALL_OUT_SHARE:
            fall_out = FallOut(stage, here, ended, round(here / ended, 4), _WORK_ON[stage])
    rejections = [e for t, _s in sent for e in t.events if e.stage == "rejected"]
    reasons: Counter[str] = Counter()
    cited: Counter[str] = Counter()
    seniority_by: Counter[str] = Counter()
    unexplained = 0
    for t, _s in sent:
        for e in t.events:
            if e.stage != "rejected":
                continue
            given = set(e.reasons) or {"templated_unknown"}
            reasons.update(given)
            if given <= {"templated_unknown"}:
                unexplained += 1
            cited.update(set(e.cited))
            if "experience_seniority" in given:
                seniority_by[t.occupation or "unknown"] += 1
    seniority = sum(seniority_by.values())
    by_code: dict[str, list[int]] = {}
    for i, (t, _s) in enumerate(sent):
        if t.occupation:
            by_code.setdefault(t.occupation, []).append(i)
    occupations = []
    for code, idx in by_code.items():
        n = len(idx)
        answered = sum(responded(*sent[i]) for i in idx)
        interviews = sum(reached(sent[i][1], "interview") for i in idx)
        fit = (fits or {}).get(code)
        occupations.append(
            OccupationConversion(
                code,
                n,
                round(answered / n, 4),
                round(interviews / n, 4),
                *(round(v, 4) for v in fit) if fit else (None, None, None),
            )
        )
    occupations.sort(key=lambda o: (-o.interview_rate, -o.response_rate, -o.applied, o.code))
    return Patterns(
        applied=len(sent),
        ended=ended,
        ended_at=dict(sorted(ended_at.items(), key=lambda kv: _order(kv[0]))),
        fall_out=fall_out,
        rejections=len(rejections),
        reasons={r: reasons[r] for r in REASONS if reasons[r]},
        unexplained_share=round(unexplained / len(rejections), 4) if rejections else None,
        repeated_skills={k: v for k, v in cited.most_common() if v >= REPEAT_MIN},
        seniority=seniority,
        seniority_repeated=seniority >= REPEAT_MIN,
        seniority_by_occupation=dict(seniority_by.most_common()),
        occupations=occupations,
    )


def _order(stage: str) -> int:
    from passionpath.jobsearch._stages import PIPELINE

    return PIPELINE.index(stage) if stage in PIPELINE else len(PIPELINE)


def reason_words(reason: str) -> str:
    return REASON_WORDS.get(reason, reason.replace("_", " "))
