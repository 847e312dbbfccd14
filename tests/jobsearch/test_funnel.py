"""The funnel's arithmetic on hand-made logs: every figure is checkable by counting."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from passionpath.jobsearch import StageEvent, Track, funnel, funnel_svg, write_funnel_chart

DAY = date(2026, 3, 2)


def _track(
    i: int,
    steps: list[tuple[str, int]],
    *,
    source: str = "board",
    code: str = "A",
    ended_by: str | None = None,
) -> Track:
    events = [
        StageEvent(
            i * 100 + n,
            stage,
            DAY + timedelta(days=d),
            ended_by=ended_by if stage == "rejected" else None,
        )
        for n, (stage, d) in enumerate(steps)
    ]
    return Track(i, events, occupation=code, source=source)


def _six() -> list[Track]:
    return [
        # Rejected at the screen, by a templated e-mail (an answer).
        _track(1, [("applied", 0), ("screen", 4), ("rejected", 10)]),
        # Two interviews, then an offer, accepted.
        _track(
            2,
            [
                ("applied", 0),
                ("screen", 2),
                ("interview", 9),
                ("interview", 16),
                ("offer", 20),
                ("accepted", 22),
            ],
            source="referral",
            code="B",
        ),
        # No answer: ghosted after 30 days.
        _track(3, [("applied", 0)]),
        # Rejected straight after applying.
        _track(4, [("applied", 0), ("rejected", 6)]),
        # Withdrawn by the person before any answer.
        _track(5, [("applied", 0), ("withdrawn", 3)]),
        # Still waiting after an interview, 5 days ago.
        _track(
            6, [("applied", 50), ("screen", 55), ("interview", 60)], source="referral", code="B"
        ),
        # Saved, never sent: not in the funnel.
        _track(7, [("saved", 0)]),
    ]


def test_stages_conversions_and_outcomes_are_counts_of_applications() -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65))
    assert (f.applied, f.saved_only) == (6, 1)
    rows = {r.stage: (r.reached, r.conversion, r.of_applied) for r in f.stages}
    assert rows == {
        "applied": (6, None, 1.0),
        "screen": (3, 0.5, 0.5),  # 1, 2, 6
        "interview": (2, 0.6667, 0.3333),  # 2, 6 of 3
        "offer": (1, 0.5, 0.1667),
        "accepted": (1, 1.0, 0.1667),
    }
    assert f.outcomes == {"accepted": 1, "ghosted": 1, "open": 1, "rejected": 2, "withdrawn": 1}
    # Answers: 1 (screen), 2, 4 (their rejection), 6; not 3 (silence) nor 5 (withdrawn).
    assert (f.responded, f.response_rate) == (4, 0.6667)


def test_time_in_stage_counts_finished_stays_and_shows_the_waiting_apart() -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65))
    times = {t.stage: t for t in f.times}
    # Left "applied" after 4, 2, 6, 3 and 5 days (track 3 is waiting: ghosted, closed).
    assert (times["applied"].left, times["applied"].median_days, times["applied"].mean_days) == (
        5,
        4.0,
        4.0,
    )
    # Screens: 6 (to the rejection), 7, 5 -> median 6.
    assert (times["screen"].left, times["screen"].median_days) == (3, 6.0)
    # Interviews left: 7 (to the second) and 4 (to the offer); track 6 is waiting 5 days.
    assert (times["interview"].left, times["interview"].median_days) == (2, 5.5)
    assert (times["interview"].waiting, times["interview"].longest_wait) == (1, 5)
    assert times["assessment"].left == 0 and times["assessment"].median_days is None


def test_groups_by_occupation_source_and_month() -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65))
    by_source = {g.key: (g.applied, g.responded, g.interviews, g.offers) for g in f.by_source}
    assert by_source == {"board": (4, 2, 0, 0), "referral": (2, 2, 2, 1)}
    by_code = {g.key: g.interview_rate for g in f.by_occupation}
    assert by_code == {"A": 0.0, "B": 1.0}
    assert [(g.key, g.applied) for g in f.by_month] == [("2026-03", 5), ("2026-04", 1)]


def test_the_healthy_reference_is_the_persons_own_best_group_with_enough_applications() -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65))
    step = {h.step: h for h in f.healthy}
    first = step["applied -> screen"]
    assert (first.entered, first.yours) == (6, 0.5)
    # Referral has 2 applications only (below the base of 3); of the groups with 3 or more,
    # March (5 sent, 2 screened) and "board" (4 sent, 1 screened) and occupation A (4, 1):
    # the best is 2 of 5.
    assert (first.best, first.best_group, first.best_entered) == (0.4, "month 2026-03", 5)
    # Only 3 reached the screen, in no group of 3: no reference is claimed.
    assert step["screen -> interview"].best is None


def test_ghosting_follows_the_configured_wait() -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65), ghost_after=90)
    assert f.outcomes["open"] == 2 and "ghosted" not in f.outcomes


def test_the_chart_draws_a_bar_per_stage_and_writes_svg_and_png(tmp_path: Path) -> None:
    f = funnel(_six(), today=DAY + timedelta(days=65))
    svg = funnel_svg(f)
    assert svg.count("<title>") == 5 and "Interview: 2 of 6 (33%)" in svg
    write_funnel_chart(f, tmp_path / "f.svg")
    write_funnel_chart(f, tmp_path / "f.png")
    assert (tmp_path / "f.png").read_bytes()[:4] == b"\x89PNG"
    assert funnel([]).applied == 0 and "0 applications sent" in funnel_svg(funnel([]))
