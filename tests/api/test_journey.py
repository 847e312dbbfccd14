"""The REST API: accounts, catalog, profiles, matching, plans, errors, and owner scoping."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.catalog import load_starter
from passionpath.server import create_app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"
PASSWORD = "correct horse battery"


@pytest.fixture
def client(starter_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=starter_engine)) as test_client:
        yield test_client


def sign_up(client: TestClient, email: str) -> dict[str, str]:
    assert (
        client.post(
            "/api/v1/auth/register", json={"email": email, "password": PASSWORD}
        ).status_code
        == 201
    )
    token = client.post("/api/v1/auth/token", json={"email": email, "password": PASSWORD})
    assert token.status_code == 200
    return {"Authorization": f"Bearer {token.json()['token']}"}


def test_catalog_is_public_and_attributed(client: TestClient) -> None:
    assert client.get("/api/v1/data/status").json()["catalog"]["counts"]["occupations"] == 125
    found = client.get("/api/v1/occupations", params={"q": "bakr"}).json()
    assert found["results"][0]["code"] == "51-3011.00" and found["attribution"]
    assert client.get("/api/v1/occupations/51-3011.00").json()["title"] == "Bakers"
    missing = client.get("/api/v1/occupations/00-0000.00")
    assert missing.status_code == 404 and "No occupation" in missing.json()["detail"][0]["msg"]
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "passionpath"


def test_profile_match_gaps_and_plan_flow(client: TestClient) -> None:
    auth = sign_up(client, "maya@example.org")
    document = json.loads((EXAMPLES / "maya.json").read_text())
    created = client.post(
        "/api/v1/profiles", json={"document": document, "slug": "maya"}, headers=auth
    )
    assert created.status_code == 201 and created.json()["version"] == 1
    assert client.get("/api/v1/profiles/maya", headers=auth).json()["document"] == document
    matches = client.get("/api/v1/profiles/maya/matches", params={"top": 3}, headers=auth).json()
    assert len(matches["results"]) == 3
    gaps = client.get("/api/v1/profiles/maya/gaps", params={"target": "27-4021.00"}, headers=auth)
    assert gaps.status_code == 200 and gaps.json()["skills"]
    plan = client.post(
        "/api/v1/profiles/maya/plans",
        json={"target": "27-4021.00", "hours_per_week": 6},
        headers=auth,
    )
    assert plan.status_code == 201
    plan_id = plan.json()["id"]
    benchmark = plan.json()["objectives"][0]["benchmarks"][0]["id"]
    ticked = client.post(f"/api/v1/plans/{plan_id}/benchmarks/{benchmark}/check", headers=auth)
    assert ticked.json()["done_at"]
    assert (
        client.post(
            f"/api/v1/plans/{plan_id}/log", json={"hours": 2, "objective": 1}, headers=auth
        ).status_code
        == 201
    )
    status = client.get(f"/api/v1/plans/{plan_id}/status", headers=auth).json()
    assert status["objectives"][0]["benchmarks_done"] == 1
    ics = client.get(f"/api/v1/plans/{plan_id}/calendar.ics", headers=auth)
    assert ics.headers["content-type"].startswith("text/calendar")
    export = client.get("/api/v1/account/export", headers=auth).json()
    assert export["profiles"][0]["plans"][0]["id"] == plan_id
    assert client.delete("/api/v1/account", headers=auth).status_code == 204
    gone = client.post(
        "/api/v1/auth/token", json={"email": "maya@example.org", "password": PASSWORD}
    )
    assert gone.status_code == 401


def test_validation_errors_name_the_field(client: TestClient) -> None:
    auth = sign_up(client, "sam@example.org")
    bad = client.post(
        "/api/v1/profiles",
        headers=auth,
        json={"document": {"passionpath": {"constraints": {"max_job_zone": 9}}}},
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == [
        "body",
        "document",
        "passionpath",
        "constraints",
        "max_job_zone",
    ]
    weak = client.post(
        "/api/v1/auth/register", json={"email": "x@example.org", "password": "short"}
    )
    assert weak.status_code == 400 and weak.json()["detail"][0]["loc"] == ["body", "password"]
    malformed = client.post(
        "/api/v1/auth/register", json={"email": "not-an-email", "password": PASSWORD}
    )
    assert malformed.status_code == 422 and malformed.json()["detail"][0]["loc"][-1] == "email"


def test_login_is_rate_limited(client: TestClient) -> None:
    sign_up(client, "lee@example.org")
    codes = [
        client.post(
            "/api/v1/auth/token", json={"email": "lee@example.org", "password": "wrong password"}
        ).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [401] * 5 and codes[5] == 429


def test_user_b_cannot_reach_user_a_data(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    b = sign_up(client, "b@example.org")
    document = json.loads((EXAMPLES / "daniel.json").read_text())
    client.post("/api/v1/profiles", json={"document": document, "slug": "daniel"}, headers=a)
    plan = client.post("/api/v1/profiles/daniel/plans", json={"target": "27-2022.00"}, headers=a)
    plan_id = plan.json()["id"]
    benchmark = plan.json()["objectives"][0]["benchmarks"][0]["id"]
    requests = [
        ("get", "/api/v1/profiles/daniel", None),
        ("put", "/api/v1/profiles/daniel", {"document": document}),
        ("delete", "/api/v1/profiles/daniel", None),
        ("get", "/api/v1/profiles/daniel/history", None),
        ("post", "/api/v1/profiles/daniel/inventory", {"answers": {}}),
        ("get", "/api/v1/profiles/daniel/matches", None),
        ("get", "/api/v1/profiles/daniel/gaps?target=27-2022.00", None),
        ("post", "/api/v1/profiles/daniel/plans", {"target": "27-2022.00"}),
        ("get", "/api/v1/profiles/daniel/plans", None),
        ("get", f"/api/v1/plans/{plan_id}", None),
        ("get", f"/api/v1/plans/{plan_id}/status", None),
        ("post", f"/api/v1/plans/{plan_id}/benchmarks/{benchmark}/check", None),
        ("post", f"/api/v1/plans/{plan_id}/log", {"hours": 1}),
        ("get", f"/api/v1/plans/{plan_id}/calendar.ics", None),
    ]
    for method, url, body in requests:
        as_b = client.request(method, url, json=body, headers=b)
        assert as_b.status_code == 404, (method, url, as_b.status_code, as_b.text)
        anonymous = client.request(method, url, json=body)
        assert anonymous.status_code == 401, (method, url, anonymous.status_code)
    assert client.get("/api/v1/profiles", headers=b).json() == []
    assert client.get("/api/v1/profiles/daniel", headers=a).status_code == 200
    assert client.get(f"/api/v1/plans/{plan_id}", headers=a).status_code == 200


def _web_login(client: TestClient, email: str) -> str:
    import re

    page = client.get("/register").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    response = client.post("/register", data={"email": email, "password": PASSWORD,
                                              "csrf": csrf.group(1)})  # fmt: skip
    assert response.status_code == 200
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found is not None
    return found.group(1)


@pytest.mark.usefixtures("starter_engine")
def test_web_pages_are_private_and_need_csrf(engine: Engine) -> None:
    load_starter(engine=engine)
    app = create_app(engine=engine)
    with TestClient(app) as a, TestClient(app) as b:
        csrf_a = _web_login(a, "web-a@example.org")
        made = a.post("/plans", data={"target": "51-3011.00", "hours_per_week": "5",
                                      "csrf": csrf_a})  # fmt: skip
        assert made.status_code == 200 and "/plans/" in str(made.url)
        plan_url = str(made.url).split("testserver", 1)[1]
        csrf_b = _web_login(b, "web-b@example.org")
        assert b.get(plan_url).status_code == 404
        assert b.post(plan_url + "/check/1", data={"csrf": csrf_b}).status_code == 404
        forged = a.post("/plans", data={"target": "51-3011.00", "csrf": "forged"})
        assert forged.status_code == 400 and "expired" in forged.text
        anonymous = TestClient(app).get(plan_url, follow_redirects=False)
        assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login"
        cookie = TestClient(app).get("/register").headers["set-cookie"].lower()
        assert "httponly" in cookie and "samesite=lax" in cookie


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
