"""The pattern rules on hand-made logs."""

from __future__ import annotations

from datetime import date, timedelta

from passionpath.jobsearch import StageEvent, Track, patterns

DAY = date(2026, 5, 4)
TODAY = DAY + timedelta(days=40)
DESIGN, TECH_DESIGN = "2.C.3.c", "2.B.3.b"


def _rejected(
    i: int,
    path: list[str],
    *,
    reasons: tuple[str, ...] = (),
    cited: tuple[str, ...] = (),
    code: str = "15-1255.00",
) -> Track:
    events = [StageEvent(i * 10 + n, s, DAY + timedelta(days=n)) for n, s in enumerate(path)]
    events.append(
        StageEvent(
            i * 10 + 9,
            "rejected",
            DAY + timedelta(days=len(path)),
            at_stage=path[-1],
            ended_by="they",
            reasons=reasons,
            cited=cited,
        )
    )
    return Track(i, events, occupation=code)


def test_four_of_five_at_the_screen_points_at_the_cv_and_targeting() -> None:
    tracks = [
        _rejected(1, ["applied", "screen"], reasons=("skills_gap",), cited=(DESIGN,)),
        _rejected(2, ["applied", "screen"], cited=(DESIGN, TECH_DESIGN)),
        _rejected(3, ["applied", "screen"], reasons=("experience_seniority",)),
        _rejected(4, ["applied", "screen"]),
        _rejected(
            5,
            ["applied", "screen", "interview"],
            reasons=("experience_seniority",),
            cited=(DESIGN, TECH_DESIGN),
        ),
    ]
    p = patterns(tracks, today=TODAY)
    assert p.ended_at == {"screen": 4, "interview": 1}
    assert p.fall_out is not None
    assert (p.fall_out.stage, p.fall_out.ended_here, p.fall_out.ended) == ("screen", 4, 5)
    assert "CV and the targeting" in p.fall_out.work_on
    assert p.repeated_skills == {DESIGN: 3, TECH_DESIGN: 2}
    assert (p.seniority, p.seniority_repeated) == (2, True)
    # A rejection that gives no reason counts as templated or unknown: 2 of 5 here.
    assert p.reasons == {"skills_gap": 1, "experience_seniority": 2, "templated_unknown": 2}
    assert p.unexplained_share == 0.4


def test_no_pattern_is_claimed_from_too_few_or_spread_endings() -> None:
    two = [_rejected(1, ["applied", "screen"]), _rejected(2, ["applied", "screen"])]
    assert patterns(two, today=TODAY).fall_out is None  # 2 < 3
    spread = [
        _rejected(1, ["applied"]),
        _rejected(2, ["applied", "screen"]),
        _rejected(3, ["applied", "screen"]),
        _rejected(4, ["applied", "screen", "interview"]),
        _rejected(5, ["applied", "screen", "interview"]),
    ]
    p = patterns(spread, today=TODAY)
    assert p.fall_out is None  # screen is 2 of 5, under 60 %
    once = [_rejected(1, ["applied"], cited=(DESIGN,), reasons=("experience_seniority",))]
    q = patterns(once, today=TODAY)
    assert q.repeated_skills == {} and not q.seniority_repeated


def test_silence_counts_as_ending_at_the_application() -> None:
    ghosts = [Track(i, [StageEvent(i, "applied", DAY)], occupation="A") for i in range(3)]
    p = patterns(ghosts, today=TODAY, ghost_after=30)
    assert p.fall_out is not None and p.fall_out.stage == "applied"
    assert p.rejections == 0 and p.unexplained_share is None
    assert patterns(ghosts, today=TODAY, ghost_after=60).ended == 0


def test_occupations_are_ranked_by_how_they_convert_beside_the_fit() -> None:
    tracks = [
        _rejected(1, ["applied"], code="A"),
        _rejected(2, ["applied", "screen"], code="A"),
        _rejected(3, ["applied", "screen", "interview"], code="B"),
        _rejected(4, ["applied", "screen"], code="B"),
    ]
    fits = {"A": (0.8, 0.9, 0.7), "B": (0.5, 0.6, 0.4)}
    p = patterns(tracks, today=TODAY, fits=fits)
    rows = [(o.code, o.applied, o.response_rate, o.interview_rate, o.score) for o in p.occupations]
    # A rejection is an answer: both of A's were answered; B converts to interviews better.
    assert rows == [("B", 2, 1.0, 0.5, 0.5), ("A", 2, 1.0, 0.0, 0.8)]
