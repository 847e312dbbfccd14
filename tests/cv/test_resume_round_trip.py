"""JSON Resume in and out unchanged: the official sample and hand-written documents with
every quirk people's résumés have, through the reader, the store and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.cv import validate_resume
from passionpath.profile import create_profile, load_profile, read_profile_file, save_profile
from tests.cli.run import invoke, run

DATA = Path(__file__).parent / "data"
DOCUMENTS = ["jsonresume-sample-1.0.0.json", "quirks.json", "legacy-0.0.json"]
MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"


def _json(path: Path) -> dict:  # type: ignore[type-arg]
    loaded: dict = json.loads(path.read_text(encoding="utf-8"))  # type: ignore[type-arg]
    return loaded


@pytest.mark.parametrize("name", DOCUMENTS)
def test_read_and_written_back_unchanged(name: str) -> None:
    document = read_profile_file(DATA / name)
    assert document.to_json_dict(resume_only=True) == _json(DATA / name)
    assert document.to_json_dict() == _json(DATA / name)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_stored_and_loaded_unchanged(name: str, engine: Engine) -> None:
    create_profile(read_profile_file(DATA / name), engine, slug="cv")
    _, loaded = load_profile("cv", engine)
    assert loaded.to_json_dict(resume_only=True) == _json(DATA / name)


@pytest.mark.parametrize("name", [*DOCUMENTS, "maya"])
def test_profile_import_then_export_resume_only_is_deep_equal(
    name: str, engine: Engine, tmp_path: Path
) -> None:
    path = MAYA if name == "maya" else DATA / name
    code, output = invoke("profile", "import", str(path), "--slug", "person")
    assert code == 0, output
    exported = tmp_path / "out.json"
    run("profile", "export", "person", "--resume-only", "-o", str(exported))
    expected = _json(path)
    expected.pop("passionpath", None)
    assert _json(exported) == expected


def test_what_matching_cannot_read_is_named_by_its_path(engine: Engine) -> None:
    code, output = invoke("profile", "import", str(DATA / "quirks.json"))
    assert code == 0, output
    assert "work[3]: not an object; left out" in output
    assert "work[4].endDate: 'somewhere in 2016' is not a date we can read" in output
    assert "basics.location: a text where an object is expected" in output


def test_the_engine_reads_quirks_in_the_standard_shape() -> None:
    document = read_profile_file(DATA / "quirks.json")
    hikari, cafe, freelance, print_shop = document.work or []
    assert (hikari.name, hikari.url, hikari.startDate, hikari.endDate) == (
        "Studio Hikari",
        "https://hikari.example.jp",
        "2019-07",
        None,
    )
    assert hikari.highlights == ["Lit and shot 40 product catalogues"]
    assert cafe.highlights == ["Ran the latte-art evenings", "7", ""]
    assert (freelance.startDate, freelance.endDate) == (None, None)
    assert (print_shop.startDate, print_shop.endDate, print_shop.location) == (
        "2015-03",
        None,
        None,
    )
    education = (document.education or [])[0]
    assert (education.startDate, education.endDate, education.score) == (
        "2012-04",
        "2016-03-31",
        "3.7",
    )
    assert education.courses == ["Darkroom I"]
    assert [s.name for s in document.skills or []] == [
        "Lightroom",
        "Studio lighting",
        "Colour grading",
    ]
    assert [lang.language for lang in document.languages or []] == ["Japanese", "English", "French"]
    assert (document.awards or [])[0].date == "2020-12-31"
    assert (document.projects or [])[0].endDate == "2022-01"
    assert document.basics is not None and document.basics.location is not None
    assert document.basics.location.address == "Osaka, Japan"
    assert document.basics.url == "https://zoe.example.org"


def test_an_edit_made_here_lands_on_the_persons_own_document(engine: Engine) -> None:
    create_profile(read_profile_file(DATA / "quirks.json"), engine, slug="zoe")
    _, document = load_profile("zoe", engine)
    assert document.basics is not None
    document.basics.summary = "Photographer."
    document.pp.reflections.causes = "Light"
    save_profile("zoe", document, engine)
    _, again = load_profile("zoe", engine)
    exported = again.to_json_dict(resume_only=True)
    expected = _json(DATA / "quirks.json")
    expected["basics"]["summary"] = "Photographer."
    assert exported == expected
    assert again.to_json_dict()["passionpath"]["reflections"]["causes"] == "Light"


def test_schema_warnings_name_paths_and_change_nothing() -> None:
    data = _json(DATA / "quirks.json")
    before = json.dumps(data)
    found = {w.path: w.message for w in validate_resume(data)}
    assert json.dumps(data) == before
    assert found["work[0].startDate"] == "'07/2019' is not a date like 2024, 2024-05 or 2024-05-31"
    assert found["basics.location"] == "expected object, found string"
    assert found["(document)"] == "'hobbies', 'portfolio' are not in JSON Resume 1.0 (kept as is)"
    assert found["skills[2].level"] == "expected string, found integer"
    assert "$schema" not in " ".join(found.values())


def test_the_official_sample_is_valid() -> None:
    assert validate_resume(_json(DATA / "jsonresume-sample-1.0.0.json")) == []
