"""The profile pages, also for a user whose profile was made through the API."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.catalog import load_starter
from passionpath.server import create_app
from tests.sign_in import PASSWORD, sign_up


@pytest.mark.usefixtures("starter_engine")
def test_web_pages_work_for_a_user_who_made_a_profile_through_the_api(engine: Engine) -> None:
    import re

    load_starter(engine=engine)
    with TestClient(create_app(engine=engine)) as web:
        headers = sign_up(web, "both@example.org")
        made = web.post(
            "/api/v1/profiles",
            json={"document": {"basics": {"name": "Side project"}}, "slug": "side"},
            headers=headers,
        )
        assert made.status_code == 201
        csrf = re.search(r'name="csrf" value="([^"]+)"', web.get("/login").text)
        assert csrf is not None
        form = {"email": "both@example.org", "password": PASSWORD, "csrf": csrf.group(1)}
        assert web.post("/login", data=form).status_code == 200
        assert web.get("/profile").status_code == 200
        assert web.get("/passions").status_code == 200


@pytest.mark.usefixtures("starter_engine")
def test_matches_page_shows_what_the_stretch_careers_take(engine: Engine) -> None:
    import json
    import re
    from pathlib import Path

    load_starter(engine=engine)
    maya = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"
    document = json.loads(maya.read_text(encoding="utf-8"))
    document["education"], document["work"] = [], []  # no degree yet
    with TestClient(create_app(engine=engine)) as web:
        headers = sign_up(web, "stretch@example.org")
        made = web.post(
            # "me" is the profile the web pages show.
            "/api/v1/profiles",
            json={"document": document, "slug": "me"},
            headers=headers,
        )
        assert made.status_code == 201
        api = web.get("/api/v1/profiles/me/matches?top=1", headers=headers).json()
        stretch = api["worth_the_stretch"]
        assert stretch and stretch[0]["what_it_takes"]["preparation"]
        csrf = re.search(r'name="csrf" value="([^"]+)"', web.get("/login").text)
        assert csrf is not None
        form = {"email": "stretch@example.org", "password": PASSWORD, "csrf": csrf.group(1)}
        assert web.post("/login", data=form).status_code == 200
        page = web.get("/matches?top=1").text
        assert "Worth the stretch" in page
        assert stretch[0]["title"] in page
