"""The onboarding journey: five steps, each saved, skippable with what is lost said."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from passionpath.catalog import load_starter
from passionpath.profile import load_profile, onboarding_steps, parse_document
from passionpath.server import create_app
from tests.sign_in import web_login


def _owner(engine: Engine, email: str) -> int:
    from passionpath.store import models as m

    with engine.connect() as conn:
        return int(conn.execute(select(m.User.id).where(m.User.email == email)).scalar_one())


def test_steps_know_what_a_profile_already_answers() -> None:
    empty = parse_document({"basics": {"name": "A"}})
    assert [s.done for s in onboarding_steps(empty)] == [False] * 5
    filled = parse_document(
        {
            "basics": {"name": "A"},
            "work": [{"name": "X", "position": "Baker"}],
            "passionpath": {
                "reflections": {"unpaid": "Bake bread"},
                "work_values": {"Independence": 6},
            },
        }
    )
    done = {s.key: s.done for s in onboarding_steps(filled)}
    assert done == {
        "passions": True,
        "interests": False,
        "background": True,
        "skills": False,
        "values": True,
    }
    assert all(s.without for s in onboarding_steps(empty))
    # Half an inventory is not a result, and an empty job row is no background.
    started = parse_document(
        {
            "basics": {"name": "A"},
            "work": [{"name": "X"}],
            "passionpath": {"inventory": {"form": "short", "answers": {"R1": 5}}},
        }
    )
    done = {s.key: s.done for s in onboarding_steps(started)}
    assert done["interests"] is False and done["background"] is False


@pytest.mark.usefixtures("starter_engine")
def test_each_step_shows_where_it_stands_and_what_skipping_costs(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        web_login(web, "steps@example.org")
        page = web.get("/background").text
        assert "Step 3 of 5" in page
        assert 'href="/skills">Skip this step for now</a>' in page
        assert "cannot judge preparation" in page
        assert 'aria-current="step"' in page
        short = web.get("/inventory?form=short").text
        assert short.count('type="radio"') == 30 * 5 and 'value="short"' in short


@pytest.mark.usefixtures("starter_engine")
def test_skills_start_from_the_jobs_held_and_values_finish_the_journey(engine: Engine) -> None:
    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        csrf = web_login(web, "baker@example.org")
        form = {"csrf": csrf, "job-0-position": "Baker", "job-0-start": "2015"}
        assert web.post("/background", data=form).status_code == 200  # lands on skills
        page = web.get("/skills").text
        assert "Suggested from your work as Bakers" in page
        # Send the page back as it stands: the suggestions are confirmed as the job's.
        chosen = re.findall(r'<select id="d-([^"]+)" name="\1">.*?selected', page, re.S)
        fields = dict(re.findall(r'name="(from-job-[^"]+)" value="([^"]+)"', page))
        levels = {k.removeprefix("from-job-"): v for k, v in fields.items()}
        assert chosen and levels
        saved = web.post("/skills", data={"csrf": csrf, **levels, **fields}, follow_redirects=False)
        assert saved.headers["location"] == "/values"
        values = {
            "csrf": csrf,
            "Independence": "6",
            "Recognition": "2",
            "open_to_lower_levels": "on",
            "max_job_zone": "3",
        }
        done = web.post("/values", data=values, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/matches"
    _, document = load_profile("me", engine, owner=_owner(engine, "baker@example.org"))
    assert document.pp.skills and all(r.source == "job" for r in document.pp.skills)
    assert document.pp.work_values == {"Independence": 6.0, "Recognition": 2.0}
    assert document.pp.constraints.open_to_lower_levels is True
    assert document.pp.constraints.max_job_zone == 3
