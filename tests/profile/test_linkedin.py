"""LinkedIn data-export import: a good export maps to JSON Resume; broken ones change nothing.

The command-line check stays here, not in ``tests/cli``, because it builds on this file's
export maker.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.cli._app import app
from passionpath.profile import LinkedInImportError, list_profiles, read_linkedin_export

FILES = {
    "Profile.csv": "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,"
    "Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Priya,Raman,,,,"UX researcher in the making","Support lead who loves research, '
    'interviews and prototypes.",Software,M5V,"Toronto, Ontario, Canada",,,\n',
    "Email Addresses.csv": "Email Address,Confirmed,Primary,Updated On\n"
    "old@example.org,Yes,No,1/1/20\npriya@example.org,Yes,Yes,2/2/22\n",
    "Positions.csv": "Company Name,Title,Description,Location,Started On,Finished On\n"
    'Helpwise,Customer Support Lead,"Ran the help centre, wrote macros",Toronto,Mar 2021,\n'
    "Helpwise,Support Agent,,Toronto,Sep 2019,Feb 2021\n",
    "Education.csv": "School Name,Start Date,End Date,Notes,Degree Name,Activities\n"
    "Lakeshore University,2014,2018,Psychology,Bachelor of Arts,Debate\n",
    "Skills.csv": "Name\nUser Research\nFigma\nUsability Testing\n",
    "Certifications.csv": "Name,Url,Authority,Started On,Finished On,License Number\n"
    "UX Design Bootcamp,https://cert.example,Design School,Jun 2023,,\n",
    "Projects.csv": "Title,Description,Url,Started On,Finished On\n"
    "Recipe app redesign,Case study,https://p.example,Jan 2024,Mar 2024\n",
    "Languages.csv": "Name,Proficiency\nEnglish,Native or bilingual proficiency\n",
}


def make_export(path: Path, files: dict[str, str] = FILES, prefix: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(prefix + name, text)
    return path


def test_export_maps_to_json_resume(tmp_path: Path) -> None:
    document = read_linkedin_export(make_export(tmp_path / "export.zip", prefix="Basic_export/"))
    data = document.to_json_dict()
    assert data["basics"]["name"] == "Priya Raman"
    assert data["basics"]["email"] == "priya@example.org"
    assert data["basics"]["location"]["address"] == "Toronto, Ontario, Canada"
    assert data["work"][0] == {
        "name": "Helpwise",
        "position": "Customer Support Lead",
        "summary": "Ran the help centre, wrote macros",
        "location": "Toronto",
        "startDate": "2021-03",
    }
    assert data["work"][1]["endDate"] == "2021-02"
    assert data["education"][0]["studyType"] == "Bachelor of Arts"
    assert [s["name"] for s in data["skills"]] == ["User Research", "Figma", "Usability Testing"]
    assert data["certificates"][0] == {
        "name": "UX Design Bootcamp",
        "issuer": "Design School",
        "url": "https://cert.example",
        "date": "2023-06",
    }
    assert data["projects"][0]["endDate"] == "2024-03"
    assert data["languages"][0]["language"] == "English"


def test_broken_zip_is_refused(tmp_path: Path) -> None:
    good = make_export(tmp_path / "good.zip").read_bytes()
    broken = tmp_path / "broken.zip"
    broken.write_bytes(good[: len(good) // 2])
    with pytest.raises(LinkedInImportError, match=r"broken\.zip: not a readable zip"):
        read_linkedin_export(broken)


def test_not_a_linkedin_export(tmp_path: Path) -> None:
    path = make_export(tmp_path / "other.zip", {"notes.txt": "hello"})
    with pytest.raises(LinkedInImportError, match=r"Profile\.csv is missing"):
        read_linkedin_export(path)


def test_bad_date_names_file_and_line(tmp_path: Path) -> None:
    files = dict(FILES)
    files["Positions.csv"] = FILES["Positions.csv"].replace("Sep 2019", "sometime")
    with pytest.raises(LinkedInImportError, match=r"Positions.csv, line 3: 'sometime'"):
        read_linkedin_export(make_export(tmp_path / "e.zip", files))


def test_cli_import_of_a_broken_export_changes_nothing(engine: Engine, tmp_path: Path) -> None:
    runner = CliRunner()
    good = runner.invoke(
        app, ["profile", "import", str(make_export(tmp_path / "in.zip")), "--slug", "priya"]
    )
    assert good.exit_code == 0, good.output
    files = dict(FILES)
    files["Education.csv"] = "School Name,Start Date\nX,someday\n"
    bad = runner.invoke(
        app, ["profile", "import", str(make_export(tmp_path / "bad.zip", files)), "--into", "priya"]
    )
    assert bad.exit_code == 1
    assert "Education.csv, line 2" in bad.output and "Traceback" not in bad.output
    [profile] = list_profiles(engine)
    assert profile.current_version == 1
