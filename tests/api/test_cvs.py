"""/api/v1/cvs: build, read, edit, render as text/html and application/pdf, match, validate;
errors with loc."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.sign_in import sign_up

ROOT = Path(__file__).resolve().parents[2]
MAYA = json.loads((ROOT / "examples" / "profiles" / "maya.json").read_text())
QUIRKS = json.loads((ROOT / "tests" / "cv" / "data" / "quirks.json").read_text())


def test_build_read_edit_render_match(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    client.post("/api/v1/profiles", json={"document": MAYA, "slug": "maya"}, headers=a)
    made = client.post(
        "/api/v1/cvs",
        json={"profile": "maya", "target": "27-4021.00", "theme": "modern"},
        headers=a,
    )
    assert made.status_code == 201, made.text
    cv = made.json()
    assert cv["target"] == {"code": "27-4021.00", "title": "Photographers"}
    assert any(c["where"] == "basics.summary" for c in cv["choices"])
    edited = client.patch(f"/api/v1/cvs/{cv['id']}", json={"summary": "Mine."}, headers=a)
    assert edited.json()["document"]["basics"]["summary"] == "Mine."
    html = client.get(f"/api/v1/cvs/{cv['id']}/render?format=html", headers=a)
    assert html.headers["content-type"].startswith("text/html")
    assert "<h1>Maya Fontaine</h1>" in html.text and "Mine." in html.text
    pdf = client.get(f"/api/v1/cvs/{cv['id']}/render?format=pdf&download=true", headers=a)
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert "attachment" in pdf.headers["content-disposition"]
    again = client.get(f"/api/v1/cvs/{cv['id']}/render?format=pdf", headers=a)
    assert again.content == pdf.content
    application = client.post(
        "/api/v1/applications", json={"company": "Lumen", "role_title": "Photographer"}, headers=a
    ).json()["id"]
    sent = client.post(
        f"/api/v1/cvs/{cv['id']}/applications", json={"application_id": application}, headers=a
    )
    assert sent.json()["applications"] == [application]
    missing = client.post(
        f"/api/v1/cvs/{cv['id']}/applications",
        json={"application_id": application + 1},
        headers=a,
    )
    assert missing.status_code == 404
    matched = client.post(
        f"/api/v1/cvs/{cv['id']}/match",
        json={"posting": "Edit photos in Adobe Lightroom."},
        headers=a,
    )
    assert "Adobe Lightroom" in {c["name"] for c in matched.json()["covered"]}
    assert [c["id"] for c in client.get("/api/v1/cvs", headers=a).json()] == [cv["id"]]


def test_errors_name_the_field(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    bad = client.post("/api/v1/cvs", json={"profile": "maya", "target": "photographer"}, headers=a)
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "target"]
    missing = client.post(
        "/api/v1/cvs", json={"profile": "nobody", "target": "27-4021.00"}, headers=a
    )
    assert missing.status_code == 404
    long = client.patch("/api/v1/cvs/1", json={"summary": "x" * 5000}, headers=a)
    assert long.status_code == 422 and long.json()["detail"][0]["loc"] == ["body", "summary"]


def test_validate_warns_by_path_and_changes_nothing(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    found = client.post("/api/v1/cvs/validate", json={"document": QUIRKS}, headers=a).json()
    assert {"path": "basics.location", "message": "expected object, found string"} in found[
        "schema"
    ]
    assert any(w["path"] == "work[3]" for w in found["matching"])
