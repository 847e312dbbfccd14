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


def test_compare_puts_occupations_side_by_side_and_names_the_parameter(
    client: TestClient,
) -> None:
    both = client.get("/api/v1/compare", params={"occupations": ["51-3011.00", "35-2014.00"]})
    assert both.status_code == 200, both.text
    shown = both.json()["occupations"]
    assert [o["code"] for o in shown] == ["51-3011.00", "35-2014.00"]
    assert shown[0]["title"] == "Bakers" and shown[0]["interests"]
    for codes, status in (
        (["51-3011.00"], 400),
        (["51-3011.00", "51-3011.00"], 400),
        (["51-3011.00", "35-2014.00", "35-1011.00", "35-2021.00"], 400),
        (["51-3011.00", "00-0000.00"], 404),
        (["51-3011.00", "x" * 40], 400),
    ):
        answer = client.get("/api/v1/compare", params={"occupations": codes})
        assert answer.status_code == status, (codes, answer.text)
        assert answer.json()["detail"][0]["loc"] == ["query", "occupations"], codes
