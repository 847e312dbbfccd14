"""API: POST /applications/classify and /applications/import-mail."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from passionpath.limits import MAX_CLASSIFY_TEXT_CHARS
from tests.sign_in import sign_up

FIXTURES = Path(__file__).resolve().parents[1] / "jobsearch" / "fixtures" / "mail"


def test_classify_texts(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    texts = ["We regret that you were not selected.", "Thanks, we received your application."]
    response = client.post("/api/v1/applications/classify", json={"texts": texts}, headers=a)
    assert response.status_code == 200, response.text
    kinds = [r["kind"] for r in response.json()["results"]]
    assert kinds == ["rejection", "acknowledgement"]
    assert client.post("/api/v1/applications/classify", json={"texts": texts}).status_code == 401


def test_classify_limits_name_the_field(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    long = {"texts": ["no " * (MAX_CLASSIFY_TEXT_CHARS // 3 + 1)]}
    response = client.post("/api/v1/applications/classify", json=long, headers=a)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "texts", 0]
    response = client.post("/api/v1/applications/classify", json={"texts": []}, headers=a)
    assert response.json()["detail"][0]["loc"] == ["body", "texts"]
    response = client.post("/api/v1/applications/classify", json={"texts": ["!!!"]}, headers=a)
    assert response.status_code == 400  # the core's check, as every core error: 400 with loc
    assert response.json()["detail"][0]["loc"][:2] == ["body", "text"]


def test_import_mail_lists_every_message(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    upload = {"file": ("takeout.mbox", (FIXTURES / "takeout.mbox").read_bytes())}
    response = client.post("/api/v1/applications/import-mail", files=upload, headers=a)
    assert response.status_code == 200, response.text
    report = response.json()
    assert len(report["unmatched"]) + len(report["proposals"]) + len(report["unchanged"]) == 6
    bad = {"file": ("notes.eml", b"shopping list\neggs\n")}
    response = client.post("/api/v1/applications/import-mail", files=bad, headers=a)
    assert response.status_code == 400
    assert response.json()["detail"][0]["loc"] == ["body", "file"]
    assert client.post("/api/v1/applications/import-mail", files=upload).status_code == 401
