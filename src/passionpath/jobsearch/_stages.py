"""The stages an application goes through, the rejection taxonomy, and the status read from
the stage log (pure: no storage here).

The log is the truth. An application's status is its latest event's stage; how far it got is
the furthest stage on the way to a job that it reached (a rejection after two interviews still
reached the interview); and "ghosted" is worked out, not stored: an application waiting on the
employer with no news for ``ghost_after`` days is ghosted unless something newer is logged. The
person can also log "ghosted" themselves, which then stays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "CLOSED",
    "CONTACT_ROLES",
    "DEFAULT_GHOST_DAYS",
    "ENDED_BY",
    "INTERVIEW_KINDS",
    "PIPELINE",
    "REASONS",
    "REASON_WORDS",
    "REJECTABLE",
    "STAGES",
    "WAITING",
    "StageEvent",
    "Status",
    "Track",
    "furthest_stage",
    "ordered",
    "status_of",
]


#: Every stage an event can record, in the order a board shows them.
STAGES = (
    "saved",
    "applied",
    "screen",
    "assessment",
    "interview",
    "offer",
    "accepted",
    "declined",
    "withdrawn",
    "rejected",
    "ghosted",
)
#: The way to a job, in order: how far an application got is its furthest stage here.
PIPELINE = ("saved", "applied", "screen", "assessment", "interview", "offer", "accepted")
#: Stages that end an application.
CLOSED = ("accepted", "declined", "withdrawn", "rejected", "ghosted")
#: Stages where the person waits on the employer (no news for long means ghosted).
WAITING = ("applied", "screen", "assessment", "interview")
#: A rejection is recorded at one of these.
REJECTABLE = ("applied", "screen", "assessment", "interview", "offer")

#: Who ended it.
ENDED_BY = ("they", "you", "nobody_said")
#: Why, in one taxonomy (most rejections say nothing: "templated_unknown" is the usual one).
REASONS = (
    "skills_gap",
    "experience_seniority",
    "credentials",
    "interview_performance",
    "location_visa",
    "pay",
    "fit_values",
    "position_filled",
    "templated_unknown",
)
REASON_WORDS = {
    "skills_gap": "a skills gap",
    "experience_seniority": "experience or seniority",
    "credentials": "credentials",
    "interview_performance": "how the interview went",
    "location_visa": "location or visa",
    "pay": "pay",
    "fit_values": "fit or values",
    "position_filled": "the position was filled or frozen",
    "templated_unknown": "a templated answer or no reason given",
}
#: Kinds of interview.
INTERVIEW_KINDS = (
    "phone",
    "video",
    "onsite",
    "panel",
    "technical",
    "portfolio",
    "case",
    "behavioural",
    "final",
    "other",
)
#: How a contact takes part in an application.
CONTACT_ROLES = ("referrer", "recruiter", "interviewer")
#: Days without news after which a waiting application counts as ghosted, unless told.
DEFAULT_GHOST_DAYS = 30


@dataclass(frozen=True)
class StageEvent:
    """One entry of an application's log."""

    id: int
    stage: str
    on: date
    note: str | None = None
    interview_kind: str | None = None
    contact_ids: tuple[int, ...] = ()
    people: tuple[str, ...] = ()
    at_stage: str | None = None
    ended_by: str | None = None
    reasons: tuple[str, ...] = ()
    feedback: str | None = None
    cited: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def ordered(events: Sequence[StageEvent]) -> list[StageEvent]:
    """The log in the order things happened (same day: the order they were logged)."""
    return sorted(events, key=lambda e: (e.on, e.id))


@dataclass(frozen=True)
class Status:
    """What the log says now."""

    #: The latest event's stage, or "ghosted" when no news came for too long.
    stage: str
    #: The furthest stage on the way to a job (``PIPELINE``) the application reached.
    furthest: str
    #: The day the current stage began.
    since: date | None
    #: True when "ghosted" was worked out from the silence (not logged by the person).
    ghosted_computed: bool = False
    #: The day the application was sent (its first "applied"), None while only saved.
    applied_on: date | None = None
    #: Interviews logged.
    interviews: int = 0
    #: For a closed application, the stage where it ended.
    ended_at: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def furthest_stage(events: Sequence[StageEvent]) -> str:
    reached = [PIPELINE.index(e.stage) for e in events if e.stage in PIPELINE]
    reached += [PIPELINE.index(e.at_stage) for e in events if e.at_stage in PIPELINE]
    return PIPELINE[max(reached)] if reached else "saved"


def status_of(
    events: Sequence[StageEvent], today: date, ghost_after: int = DEFAULT_GHOST_DAYS
) -> Status:
    """The status the log ``events`` gives on ``today``."""
    log = ordered(events)
    if not log:
        return Status("saved", "saved", None)
    last = log[-1]
    furthest = furthest_stage(log)
    applied = next((e.on for e in log if e.stage == "applied"), None)
    if applied is None and furthest != "saved":
        applied = log[0].on  # logged straight at a later stage: it was sent by then
    interviews = sum(e.stage == "interview" for e in log)
    stage, since, computed = last.stage, last.on, False
    if stage in WAITING and ghost_after > 0 and (today - last.on).days >= ghost_after:
        stage, computed = "ghosted", True
    ended_at = None
    if stage in CLOSED:
        ended_at = last.at_stage if last.stage == "rejected" and last.at_stage else furthest
    return Status(stage, furthest, since, computed, applied, interviews, ended_at)


@dataclass
class Track:
    """An application as the metrics read it: its groups and its log. Built from stored
    applications, or by hand in tests."""

    id: int
    events: list[StageEvent]
    occupation: str | None = None
    source: str | None = None
    company: str = ""
    title: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
