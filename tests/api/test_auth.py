"""Registration and tokens through the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.sign_in import sign_up


def test_login_is_rate_limited(client: TestClient) -> None:
    sign_up(client, "lee@example.org")
    codes = [
        client.post(
            "/api/v1/auth/token", json={"email": "lee@example.org", "password": "wrong password"}
        ).status_code
        for _ in range(6)
    ]
    assert codes[:5] == [401] * 5 and codes[5] == 429
