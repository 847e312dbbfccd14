"""Signing in on the pages: private pages, CSRF tokens and the session cookie."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.catalog import load_starter
from passionpath.server import create_app
from tests.sign_in import web_login


@pytest.mark.usefixtures("starter_engine")
def test_web_pages_are_private_and_need_csrf(engine: Engine) -> None:
    load_starter(engine=engine)
    app = create_app(engine=engine)
    with TestClient(app) as a, TestClient(app) as b:
        csrf_a = web_login(a, "web-a@example.org")
        made = a.post("/plans", data={"target": "51-3011.00", "hours_per_week": "5",
                                      "csrf": csrf_a})  # fmt: skip
        assert made.status_code == 200 and "/plans/" in str(made.url)
        plan_url = str(made.url).split("testserver", 1)[1]
        csrf_b = web_login(b, "web-b@example.org")
        assert b.get(plan_url).status_code == 404
        assert b.post(plan_url + "/check/1", data={"csrf": csrf_b}).status_code == 404
        forged = a.post("/plans", data={"target": "51-3011.00", "csrf": "forged"})
        assert forged.status_code == 400 and "expired" in forged.text
        anonymous = TestClient(app).get(plan_url, follow_redirects=False)
        assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login"
        cookie = TestClient(app).get("/register").headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie
