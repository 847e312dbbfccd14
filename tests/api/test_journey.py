"""The API end to end: one user's profile, matches, gaps, plan, progress, export and
account deletion."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.sign_in import PASSWORD, sign_up

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


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
