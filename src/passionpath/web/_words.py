"""Figures said in plain words for the pages: dates as people write them, how soon something
is due, and where a plan's objective stands."""

from __future__ import annotations

from datetime import date

from passionpath.plan import ObjectiveProgress


def day(when: date, today: date) -> str:
    """ "3 December", with the year only when it is not this year's."""
    said = f"{when.day} {when:%B}"
    return said if when.year == today.year else f"{said} {when.year}"


def due(when: date, today: date) -> tuple[str, bool]:
    """How soon ``when`` is, in words, and whether it has passed."""
    days = (when - today).days
    if days < 0:
        return f"overdue: it was due {day(when, today)}", True
    if days == 0:
        return "due today", False
    if days == 1:
        return "due tomorrow", False
    if days < 7:
        return f"due in {days} days", False
    return f"due {day(when, today)}", False


def _hours(value: float) -> str:
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".removesuffix(".0")


def standing(p: ObjectiveProgress) -> tuple[str, str]:
    """(a short state, a css class) for an objective: "On track", "Behind by about 6 hours"."""
    if p.state == "done":
        return "Done", "done"
    if p.state == "behind":
        if p.behind_hours >= 1:
            return f"Behind by about {_hours(p.behind_hours)} hours", "behind"
        return "Behind schedule", "behind"
    if p.state == "on track":
        return "On track", "on-track"
    # Its weeks have not begun: any work done already is a head start.
    if p.progress > 0:
        return "Ahead of schedule", "on-track"
    return "Not due to start yet", "not-started"


def progress_words(p: ObjectiveProgress) -> str:
    """What has been done towards an objective: checks ticked, and hours if any were logged."""
    said = f"{p.benchmarks_done} of {p.benchmarks_total} checks ticked"
    if p.hours_logged:
        said += f", {_hours(p.hours_logged)} of {_hours(p.hours_planned)} hours logged"
    return said
