"""Signing a test user up through the API or through the pages."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


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


def web_login(client: TestClient, email: str) -> str:
    page = client.get("/register").text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    assert csrf is not None
    response = client.post("/register", data={"email": email, "password": PASSWORD,
                                              "csrf": csrf.group(1)})  # fmt: skip
    assert response.status_code == 200
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found is not None
    return found.group(1)
