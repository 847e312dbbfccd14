"""The community API: opt-in first, only chosen fields, requests into contact books, blocks;
nobody who did not opt in appears in any answer, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.server import create_app
from tests.sign_in import sign_up

API = "/api/v1/community"


@pytest.fixture
def client(starter_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=starter_engine)) as test_client:
        yield test_client


def _join(client: TestClient, headers: dict[str, str], name: str, **kw: object) -> int:
    body = {
        "display_name": name,
        "features": ["tribe", "mentee", "study_groups"],
        "passions": ["sourdough baking"],
        "target_careers": ["51-3011.00"],
        **kw,
    }
    response = client.put(f"{API}/me", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return int(response.json()["id"])


def _every_reading_answer(client: TestClient, headers: dict[str, str], ids: list[int]) -> str:
    """Everything the reading routes answer this user, as one text."""
    texts = []
    for url in ("/me", "/tribe", "/mentors", "/requests", "/groups"):
        texts.append(client.get(API + url, headers=headers).text)
    for member in ids:
        texts.append(client.get(f"{API}/members/{member}", headers=headers).text)
    return "\n".join(texts)


def test_nobody_who_did_not_opt_in_appears_anywhere(client: TestClient) -> None:
    maya = sign_up(client, "maya@example.org")
    secret = sign_up(client, "secret@example.org")
    ben = sign_up(client, "ben@example.org")
    # Secret has an account and a profile-like life, but never joins the community; Ben joins
    # for study groups only and shows no passions.
    client.post("/api/v1/contacts", json={"display_name": "Secret's friend"}, headers=secret)
    ben_id = _join(
        client,
        ben,
        "Ben Hidden",
        features=["study_groups"],
        visible=["display_name"],
        passions=["sourdough baking"],
    )
    maya_id = _join(client, maya, "Maya")
    client.post(f"{API}/groups/form", headers=maya)
    seen = _every_reading_answer(client, maya, [ben_id, maya_id + 1, maya_id + 5])
    assert "secret" not in seen.lower()
    assert "Ben Hidden" not in client.get(f"{API}/tribe", headers=maya).text
    assert client.get(f"{API}/me", headers=secret).status_code == 404
    assert "Maya" not in client.get(f"{API}/tribe", headers=secret).text
    # Email addresses are never in any answer about people.
    assert "@example.org" not in _every_reading_answer(client, ben, [maya_id])


def test_join_request_accept_contact_book_and_block(client: TestClient) -> None:
    a, b = sign_up(client, "a@example.org"), sign_up(client, "b@example.org")
    a_id = _join(client, a, "Ana", visible=["display_name", "passions", "location"], city="Leeds")
    b_id = _join(client, b, "Bo", passions=["baking bread at weekends"])
    [match] = client.get(f"{API}/tribe", headers=a).json()
    assert match["member"]["name"] == "Bo"
    assert "Bo wrote \u201cbaking bread at weekends\u201d" in match["reason"]
    sent = client.post(f"{API}/requests", json={"member_id": b_id, "note": "hi"}, headers=a)
    assert sent.status_code == 201
    request_id = sent.json()["id"]
    assert client.post(f"{API}/requests/{request_id}/accept", headers=a).status_code == 404
    accepted = client.post(f"{API}/requests/{request_id}/accept", headers=b)
    assert accepted.json()["status"] == "accepted"
    b_book = client.get("/api/v1/contacts", headers=b).json()
    assert [(c["display_name"], c["location"]) for c in b_book] == [("Ana", "Leeds")]
    assert client.post(f"{API}/members/{a_id}/block", headers=b).status_code == 204
    assert client.get(f"{API}/members/{b_id}", headers=a).status_code == 404
    assert client.get(f"{API}/tribe", headers=a).json() == []


def test_errors_name_the_field(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    bad = client.put(f"{API}/me", json={"display_name": "A", "features": ["mentor"]}, headers=a)
    assert bad.status_code == 400
    assert bad.json()["detail"][0]["loc"] == ["body", "mentor_capacity"]
    bad = client.put(
        f"{API}/me",
        json={"display_name": "A", "features": ["tribe"], "availability": "mail me at a@b.co"},
        headers=a,
    )
    assert bad.json()["detail"][0]["loc"] == ["body", "availability"]
    too_long = client.put(
        f"{API}/me", json={"display_name": "A" * 101, "features": ["tribe"]}, headers=a
    )
    assert too_long.status_code == 422
    assert client.get(f"{API}/tribe", headers=a).json()["detail"][0]["loc"] == ["community"]
    _join(client, a, "A")
    missing = client.post(f"{API}/requests", json={"member_id": 999}, headers=a)
    assert missing.status_code == 404
    assert missing.json()["detail"][0]["loc"] == ["body", "member_id"]


def test_assign_from_stated_preferences(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    body = {
        "mentees": {"m1": ["X"], "m2": ["X"]},
        "mentors": {"X": {"capacity": 1, "ranking": ["m2", "m1"]}},
    }
    answer = client.post(f"{API}/mentors/assign", json=body, headers=a)
    assert answer.json() == {"assignment": {"X": ["m2"]}, "unassigned": ["m1"]}
    bad = client.post(
        f"{API}/mentors/assign", json={"mentees": {"m": ["Q"]}, "mentors": {}}, headers=a
    )
    assert bad.status_code == 400 and bad.json()["detail"][0]["loc"] == ["body", "mentees.m[0]"]
    assert client.post(f"{API}/mentors/assign", json=body).status_code == 401


def test_leaving_and_account_deletion_clear_everything(client: TestClient) -> None:
    a, b = sign_up(client, "a@example.org"), sign_up(client, "b@example.org")
    _join(client, a, "Ana")
    _join(client, b, "Bo")
    exported = client.get("/api/v1/account/export", headers=a).json()
    assert exported["community"]["member"]["name"] == "Ana"
    assert client.delete(f"{API}/me", headers=a).status_code == 204
    assert client.get(f"{API}/tribe", headers=b).json() == []
