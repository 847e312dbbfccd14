"""The public catalog routes: status, search, one occupation, the OpenAPI document."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_catalog_is_public_and_attributed(client: TestClient) -> None:
    assert client.get("/api/v1/data/status").json()["catalog"]["counts"]["occupations"] == 125
    found = client.get("/api/v1/occupations", params={"q": "bakr"}).json()
    assert found["results"][0]["code"] == "51-3011.00" and found["attribution"]
    assert client.get("/api/v1/occupations/51-3011.00").json()["title"] == "Bakers"
    missing = client.get("/api/v1/occupations/00-0000.00")
    assert missing.status_code == 404 and "No occupation" in missing.json()["detail"][0]["msg"]
    assert client.get("/api/v1/openapi.json").json()["info"]["title"] == "passionpath"
