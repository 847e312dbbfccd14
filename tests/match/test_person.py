"""How a profile's education reads as an O*NET education category (RL, 1-12)."""

from __future__ import annotations

import pytest

from passionpath.match import education_level
from passionpath.profile import parse_document


def _level(study_type: str) -> int:
    document = parse_document(
        {"basics": {"name": "A"}, "education": [{"institution": "X", "studyType": study_type}]}
    )
    return education_level(document)


@pytest.mark.parametrize(
    "study_type",
    [
        "High School Diploma",
        "High-school diploma",
        "Secondary school certificate",
        "GED",
        "A-levels",
        "International Baccalaureate",
        "GCSEs (expected 2027)",
        "NVQ Level 2",
        "BTEC Level 2 Diploma in Construction",
    ],
)
def test_school_leaving_qualifications_are_high_school(study_type: str) -> None:
    # A "diploma" or "certificate" that finishes school is not post-secondary study.
    assert _level(study_type) == 2


@pytest.mark.parametrize(
    ("study_type", "category"),
    [
        ("Post-secondary certificate", 3),
        ("Diploma in Nursing", 3),
        ("Certificate in Welding", 3),
        ("Associate of Applied Science", 5),
        ("Associate degree", 5),
        ("Associate degree (HND)", 5),
        ("No qualifications (left school at 16)", 1),
        ("Bachelor of Arts", 6),
        ("Baccalaureate degree", 6),
        ("MSc", 8),
        ("PhD", 11),
        ("NVQ level 3", 3),
        ("City and Guilds", 3),
        ("Master's degree (magister)", 8),
        # Unfinished study is O*NET's "some college courses" (4), not the degree it names: a
        # 911 dispatcher with "Some college (no degree)" had read as a graduate.
        ("Some college (no degree)", 4),
        ("Bachelor of Science (not completed)", 4),
        ("BA English, incomplete", 4),
        ("Some university", 4),
        ("Degree course, dropped out in year 2", 4),
    ],
)
def test_study_after_school_keeps_its_level(study_type: str, category: int) -> None:
    assert _level(study_type) == category


@pytest.mark.parametrize(
    ("schooled", "years", "held", "zone"),
    [
        (3, 19.0, [2.0, 2.0], 3),  # some college, then 19 years as a 911 dispatcher
        (2, 20.0, [2.0], 3),  # an NVQ level 2, then 20 years of roofing
        (2, 10.0, [1.0], 2),  # school, then ten years on a till
        (2, 10.0, [], 3),  # years of work whose jobs the catalog does not name
        (2, 2.0, [3.0], 2),  # too few years to count
        (4, 12.0, [5.0], 4),  # years never stand in for a graduate degree
        (3, 6.0, [float("nan")], 4),  # a held job with no job zone says nothing
    ],
)
def test_years_of_work_raise_the_zone_at_most_one_above_the_work_done(
    schooled: int, years: float, held: list[float], zone: int
) -> None:
    import numpy as np

    from passionpath.match._person import experienced_zone

    assert experienced_zone(schooled, years, np.asarray(held, dtype=np.float32)) == zone


def test_no_education_listed_reads_as_high_school() -> None:
    assert education_level(parse_document({"basics": {"name": "A"}})) == 2


@pytest.mark.parametrize(
    ("certificate", "category"),
    [
        ("Counterbalance forklift", 2),
        ("First Aid at Work", 2),
        ("Food hygiene level 2", 2),
        ("Diploma in Early Years Education", 3),
        ("Certificate IV in Training and Assessment", 3),
        ("NVQ Level 3 Electrical Installation", 3),
        ("NVQ Level 2 Roof Slating", 2),
    ],
)
def test_a_licence_is_not_a_level_of_education(certificate: str, category: int) -> None:
    document = parse_document(
        {
            "basics": {"name": "A"},
            "education": [{"institution": "X", "studyType": "High school diploma"}],
            "certificates": [{"name": certificate}],
        }
    )
    assert education_level(document) == category
