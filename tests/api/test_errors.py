"""How the API reports bad input: the status code and the location of the field at fault."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.sign_in import PASSWORD, sign_up


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
