"""The profile document: validation errors with field paths, lossless JSON Resume round trips."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from passionpath.profile import (
    ProfileValidationError,
    load_document,
    parse_document,
    read_profile_file,
    score,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"

#: A JSON Resume v1.0.0 document using every standard section, plus keys the schema does not
#: define (they must survive the round trip untouched).
FULL_RESUME = {
    "$schema": "https://example.org/resume.schema.json",
    "basics": {
        "name": "Rosa Quintero",
        "label": "Pastry cook",
        "image": "",
        "email": "rosa@example.org",
        "phone": "+33 6 00 00 00 00",
        "url": "https://rosa.example.org",
        "summary": "Bakes, teaches, photographs.",
        "location": {
            "address": "1 Rue X",
            "postalCode": "69001",
            "city": "Lyon",
            "countryCode": "FR",
            "region": "Rhone",
        },
        "profiles": [{"network": "Mastodon", "username": "rosa", "url": "https://m.example/@rosa"}],
        "x-pronouns": "she/her",
    },
    "work": [
        {
            "name": "Boulangerie Lune",
            "position": "Baker",
            "url": "https://lune.example",
            "startDate": "2021-09",
            "endDate": "2024",
            "summary": "Night shifts.",
            "highlights": ["Launched a rye range"],
            "x-team-size": 4,
        }
    ],
    "volunteer": [
        {
            "organization": "Food bank",
            "position": "Driver",
            "startDate": "2020-01-15",
            "summary": "Deliveries",
            "highlights": [],
        }
    ],
    "education": [
        {
            "institution": "CAP Patisserie",
            "area": "Pastry",
            "studyType": "Certificate",
            "startDate": "2019",
            "endDate": "2020",
            "score": "16/20",
            "courses": ["Viennoiserie"],
        }
    ],
    "awards": [
        {"title": "Best croissant", "date": "2023-05-01", "awarder": "Town fair", "summary": "1st"}
    ],
    "certificates": [{"name": "Food hygiene", "date": "2021-06", "issuer": "City", "url": ""}],
    "publications": [
        {"name": "Rye notes", "publisher": "Blog", "releaseDate": "2022", "url": "", "summary": ""}
    ],
    "skills": [{"name": "Baking", "level": "Master", "keywords": ["sourdough", "laminated dough"]}],
    "languages": [{"language": "French", "fluency": "Native speaker"}],
    "interests": [{"name": "Photography", "keywords": ["food", "film"]}],
    "references": [{"name": "Chef Ana", "reference": "Rosa is great."}],
    "projects": [
        {
            "name": "Bread zine",
            "description": "A zine",
            "highlights": ["50 copies"],
            "keywords": ["print"],
            "startDate": "2022-01",
            "endDate": "2022-06",
            "url": "",
            "roles": ["editor"],
            "entity": "self",
            "type": "publication",
        }
    ],
    "meta": {
        "canonical": "https://example.org/r.json",
        "version": "v1.0.0",
        "lastModified": "2024-01-01T10:00:00",
    },
}


def test_json_resume_round_trips_losslessly(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps(FULL_RESUME))
    document = read_profile_file(path)
    assert document.to_json_dict() == FULL_RESUME
    assert document.to_json_dict(resume_only=True) == FULL_RESUME


def test_passionpath_block_round_trips() -> None:
    data = json.loads((EXAMPLES / "maya.json").read_text())
    assert parse_document(data).to_json_dict() == data


@pytest.mark.parametrize(
    ("patch", "path", "words"),
    [
        (
            {"passionpath": {"inventory": {"answers": {"R01": 9}}}},
            "passionpath.inventory.answers",
            "answers run from 1 to 5",
        ),
        (
            {"passionpath": {"work_values": {"Money": 4}}},
            "passionpath.work_values",
            "'Money' is not a work value",
        ),
        (
            {"passionpath": {"skills": [{"element_id": "2.A.1.a", "level": 9}]}},
            "passionpath.skills[0].level",
            "less than or equal to 7",
        ),
        (
            {"passionpath": {"constraints": {"max_job_zone": 0}}},
            "passionpath.constraints.max_job_zone",
            "greater than or equal to 1",
        ),
        (
            {"passionpath": {"activities": [{"name": "Chess", "kind": "sport"}]}},
            "passionpath.activities[0].kind",
            "hobby",
        ),
        ({"passionpath": {"mood": "happy"}}, "passionpath.mood", "Extra inputs"),
    ],
)
def test_validation_errors_name_the_field(patch: dict[str, object], path: str, words: str) -> None:
    with pytest.raises(ProfileValidationError) as caught:
        parse_document(patch, "maya.json")
    paths = [p for p, _ in caught.value.problems]
    assert path in paths
    assert words in str(caught.value)
    assert str(caught.value).startswith("maya.json is not a valid profile")


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        ({"work": [{"startDate": "last spring"}]}, "work[0].startDate", "not a date we can read"),
        ({"basics": "Maya"}, "basics", "not an object"),
    ],
)
def test_what_a_resume_says_oddly_is_a_warning_never_a_refusal(
    data: dict[str, object], path: str, words: str
) -> None:
    document = parse_document(data, "maya.json")
    assert (path, next(m for p, m in document.reading_warnings if p == path)) in (
        document.reading_warnings
    )
    assert words in dict(document.reading_warnings)[path]
    assert document.to_json_dict() == data


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "basics": {"name": "Maya",}\n}')
    with pytest.raises(Exception, match=r"broken.json, line 2, column \d+: not valid JSON"):
        load_document(path)


@pytest.mark.parametrize(
    ("name", "code"), [("maya", "AER"), ("daniel", "CSE"), ("priya", "AIS"), ("amara", "SIC")]
)
def test_example_profiles_load_and_score(name: str, code: str) -> None:
    document = load_document(EXAMPLES / f"{name}.json")
    block = document.passionpath
    assert block is not None and block.inventory is not None
    assert score(block.inventory.answers).code == code
    assert all(block.reflections.model_dump().values())
    assert block.skills and block.knowledge and len(block.work_values) == 6


def test_parts_filled_in_place_are_kept() -> None:
    document = parse_document({"basics": {"name": "Jo"}})
    document.pp.reflections.causes = "Food waste"
    document.pp.skills.append(
        parse_document(
            {"passionpath": {"skills": [{"element_id": "2.A.1.a", "level": 3}]}}
        ).pp.skills[0]
    )
    saved = parse_document(json.loads(json.dumps(document.to_json_dict())))
    assert saved.pp.reflections.causes == "Food waste"
    assert [s.element_id for s in saved.pp.skills] == ["2.A.1.a"]
