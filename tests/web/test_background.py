"""The background page: what a person has done, typed in or read from a CV file."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.catalog import load_starter
from passionpath.profile import load_profile
from passionpath.server import create_app
from tests.sign_in import web_login
from tests.web.conftest import main_text


def _owner(engine: Engine, email: str) -> int:
    from sqlalchemy import select

    from passionpath.store import models as m

    with engine.connect() as conn:
        found = conn.execute(select(m.User.id).where(m.User.email == email)).scalar_one()
    return int(found)


def _background(
    csrf: str, study: tuple[str, str, str], job: tuple[str, str, str, str], summary: str = ""
) -> dict[str, str]:
    """The background form with one study (level, field, end) and one current job
    (position, employer, start, what it involved)."""
    level, area, end = study
    position, employer, start, what = job
    return {
        "csrf": csrf,
        "edu-0-level": level,
        "edu-0-area": area,
        "edu-0-institution": "Uni",
        "edu-0-end": end,
        "job-0-position": position,
        "job-0-employer": employer,
        "job-0-start": start,
        "job-0-end": "",
        "job-0-summary": what,
        "cert-0-name": "",
        "summary": summary,
        "max_job_zone": "",
    }


@pytest.mark.usefixtures("starter_engine")
def test_education_jobs_and_certificates_reach_the_matches(engine: Engine) -> None:
    from passionpath.context import Context
    from passionpath.match import match

    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "lena@example.org")
        assert "What you have done" in web.get("/background").text
        form = _background(
            csrf,
            ("Doctorate (PhD)", "Molecular biology", "2024"),
            ("Postdoctoral researcher", "Lab", "2024-09", "Experiments and teaching"),
            summary="I'm tired of the lab routine. What I love is teaching kids.",
        )
        saved = web.post("/background", data=form, follow_redirects=False)
        assert saved.status_code == 303 and saved.headers["location"] == "/skills"
    _, document = load_profile("me", engine, owner=_owner(engine, "lena@example.org"))
    assert document.education and document.education[0].studyType == "Doctorate (PhD)"
    assert document.work and document.work[0].startDate == "2024-09"
    assert document.basics is not None and "lab routine" in (document.basics.summary or "")
    report = match(document, Context.open(engine=engine), top=3)
    assert report.zone == 5  # a doctorate: the qualification half is now known


@pytest.mark.usefixtures("starter_engine")
def test_a_wrong_date_is_named_and_nothing_typed_is_lost(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "gary@example.org")
        form = {
            "csrf": csrf,
            "job-0-position": "Warehouse supervisor",
            "job-0-start": "June 2014",
            "edu-0-level": "High school diploma",
            "summary": "I restore furniture at weekends.",
        }
        page = web.post("/background", data=form)
        assert page.status_code == 400
        assert "Job 1, from: write a year like 2019" in page.text
        assert 'value="Warehouse supervisor"' in page.text
        assert 'value="June 2014"' in page.text
        assert "I restore furniture at weekends." in page.text
        assert 'aria-invalid="true"' in page.text
    _, document = load_profile("me", engine, owner=_owner(engine, "gary@example.org"))
    assert not document.work  # nothing half-saved


@pytest.mark.usefixtures("starter_engine")
def test_a_cv_file_fills_the_page_and_keeps_the_passion_answers(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "jo@example.org")
        passions = {"csrf": csrf, "name": "Jo", "lose_track_of_time": "Restoring old chairs"}
        assert web.post("/passions", data=passions).status_code == 200
        resume = {
            "basics": {"name": "Jo Smith", "summary": "Warehouse supervisor."},
            "work": [{"name": "Depot", "position": "Warehouse supervisor", "startDate": "2014"}],
            "education": [{"institution": "School", "studyType": "High school diploma"}],
        }
        files = {"file": ("jo-resume.json", json.dumps(resume), "application/json")}
        read = web.post("/background/import", data={"csrf": csrf}, files=files)
        assert read.status_code == 200 and "Your file was read" in read.text
        assert 'value="Warehouse supervisor"' in read.text
        broken = {"file": ("broken.json", "{not json", "application/json")}
        bad = web.post("/background/import", data={"csrf": csrf}, files=broken)
        assert bad.status_code == 400 and "broken.json" in bad.text
        assert "/tmp" not in bad.text
        text = {"file": ("cv.txt", "hello", "text/plain")}
        wrong = web.post("/background/import", data={"csrf": csrf}, files=text)
        assert wrong.status_code == 400 and "JSON Resume file (.json)" in wrong.text
    _, document = load_profile("me", engine, owner=_owner(engine, "jo@example.org"))
    assert document.pp.reflections.lose_track_of_time == "Restoring old chairs"
    assert document.work and document.work[0].position == "Warehouse supervisor"


@pytest.mark.usefixtures("starter_engine")
def test_the_background_page_is_private(engine: Engine) -> None:
    load_starter(engine=engine)
    app = create_app(engine=engine)
    with TestClient(app) as a, TestClient(app) as b:
        csrf_a = web_login(a, "bg-a@example.org")
        form = {"csrf": csrf_a, "job-0-position": "Secret agent", "summary": "Quiet life."}
        assert a.post("/background", data=form).status_code == 200
        web_login(b, "bg-b@example.org")
        assert "Secret agent" not in b.get("/background").text
        forged = a.post("/background", data={**form, "csrf": "forged"})
        assert forged.status_code == 400
        anonymous = TestClient(app).get("/background", follow_redirects=False)
        assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login"


@pytest.mark.usefixtures("starter_engine")
def test_a_long_career_keeps_every_job_when_saved_again(engine: Engine) -> None:
    import re

    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "long@example.org")
        resume = {
            "basics": {"name": "Long Career"},
            "work": [{"name": f"Firm {i}", "position": f"Role {i}"} for i in range(30)],
        }
        files = {"file": ("cv.json", json.dumps(resume), "application/json")}
        page = web.post("/background/import", data={"csrf": csrf}, files=files).text
        # Send the page back as a browser would: every box with what it shows.
        fields = dict(re.findall(r'name="((?:job|edu|cert)-\d+-\w+)" value="([^"]*)"', page))
        assert web.post("/background", data={"csrf": csrf, **fields}).status_code == 200
    _, document = load_profile("me", engine, owner=_owner(engine, "long@example.org"))
    assert document.work is not None and len(document.work) == 30


@pytest.mark.usefixtures("starter_engine")
def test_a_work_history_alone_is_ranked_with_a_note_saying_so(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "ann@example.org")
        form = _background(
            csrf,
            ("Bachelor's degree", "Nursing", "2013"),
            (
                "Registered Nurse",
                "St Mary's",
                "2013-06",
                "Medical and surgical wards; preceptor for new graduates",
            ),
        )
        assert web.post("/background", data=form, follow_redirects=False).status_code == 303
        page = web.get("/matches")
        text = main_text(page.text)
        assert "Nothing to rank yet" not in text and 'class="results"' in page.text
        assert "follow your work history" in text
        # The first result is her own line of work, not the catalog's first code.
        first = page.text.split('class="results"', 1)[1]
        assert first.index("Registered Nurses") < first.index("</li>")
