"""The application routes: the tracker, its log, funnel, insights, import and export, and
errors with the field's path."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.sign_in import sign_up

UX = "15-1255.00"
API = "/api/v1/applications"
PRIYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "priya.json"


def test_an_application_through_the_api(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    lena = client.post("/api/v1/contacts", json={"display_name": "Lena"}, headers=me).json()
    made = client.post(
        API,
        json={
            "company": "Lumen Health",
            "role_title": "UX Designer",
            "on": "2026-09-01",
            "source": "referral",
            "linked_contacts": [{"contact_id": lena["id"], "role": "referrer"}],
        },
        headers=me,
    )
    assert made.status_code == 201, made.text
    app = made.json()
    assert app["occupation_code"] == UX and app["contacts"][0]["role"] == "referrer"
    url = f"{API}/{app['id']}/events"
    screen = client.post(url, json={"stage": "screen", "on": "2026-09-04"}, headers=me)
    assert screen.status_code == 201 and screen.json()["status"]["furthest"] == "screen"
    rejected = client.post(
        url,
        json={
            "stage": "rejected",
            "on": "2026-09-10",
            "reasons": ["skills_gap"],
            "cited": ["Design", "2.B.3.b"],
            "feedback": "More depth in interaction design.",
        },
        headers=me,
    ).json()
    assert rejected["event"]["cited"] == ["2.C.3.c", "2.B.3.b"]
    assert rejected["event"]["at_stage"] == "screen"
    shown = client.get(f"{API}/{app['id']}?today=2026-10-01", headers=me).json()
    assert [e["stage"] for e in shown["events"]] == ["applied", "screen", "rejected"]
    funnel = client.get(f"{API}/funnel?today=2026-10-01", headers=me).json()
    assert funnel["applied"] == 1 and funnel["stages"][1]["reached"] == 1
    chart = client.get(f"{API}/funnel.svg", headers=me)
    assert chart.headers["content-type"].startswith("image/svg+xml")
    found = client.get(f"{API}/insights?today=2026-10-01", headers=me).json()
    assert found["focus"][0] == UX and found["said"]
    patched = client.patch(f"{API}/{app['id']}", json={"next_action": "Ask Lena"}, headers=me)
    assert patched.json()["next_action"] == "Ask Lena"
    exported = client.get(f"{API}/export", headers=me).json()
    assert len(exported["applications"]) == 1
    assert client.delete(f"{API}/{app['id']}", headers=me).status_code == 204
    assert client.get(API, headers=me).json() == []


def test_errors_name_the_field_with_its_path(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    missing = client.post(API, json={"role_title": "UX Designer"}, headers=me)
    assert missing.status_code == 400
    assert missing.json()["detail"][0]["loc"] == ["body", "company"]
    too_long = client.post(API, json={"company": "x" * 201, "role_title": "y"}, headers=me)
    assert too_long.status_code == 422 and too_long.json()["detail"][0]["loc"][-1] == "company"
    app = client.post(API, json={"company": "A", "role_title": "B"}, headers=me).json()
    bad = client.post(
        f"{API}/{app['id']}/events",
        json={"stage": "rejected", "reasons": ["bad vibes"]},
        headers=me,
    )
    assert bad.status_code == 400 and bad.json()["detail"][0]["loc"] == ["body", "reasons"]
    cite = client.post(
        f"{API}/{app['id']}/events", json={"stage": "rejected", "cited": ["Juggling"]}, headers=me
    )
    assert cite.json()["detail"][0]["loc"] == ["body", "cited"]
    nobody = client.patch(
        f"{API}/{app['id']}",
        json={"linked_contacts": [{"contact_id": 999, "role": "recruiter"}]},
        headers=me,
    )
    assert nobody.status_code == 404
    assert nobody.json()["detail"][0]["loc"] == ["body", "linked_contacts"]
    gone = client.get(f"{API}/999", headers=me)
    assert gone.status_code == 404 and gone.json()["detail"][0]["loc"] == ["path", "application_id"]
    csv = b"Company,Title,Status\nA,B,Maybe\n"
    upload = client.post(f"{API}/import", files={"file": ("a.csv", csv)}, headers=me)
    assert upload.status_code == 400
    assert "line 2, column 'Status'" in upload.json()["detail"][0]["msg"]
    good = client.post(
        f"{API}/import?map=role_title=Title",
        files={"file": ("a.csv", b"Company,Title\nGlobex,UX Designer\n")},
        headers=me,
    )
    assert good.status_code == 200 and good.json()["rows"] == 1


def test_preferences_votes_and_the_switch(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    assert client.get(f"{API}/preferences", headers=me).json()["active"] is False
    for title in ("Graphic Designer", "Technical Writer"):
        client.post(API, json={"company": "A", "role_title": title}, headers=me)
    voted = client.post(f"{API}/votes", json={"occupation_code": "27-1011.00"}, headers=me)
    assert voted.status_code == 201 and voted.json()["active"] is True
    assert voted.json()["leans"][0]["said"] == "towards Artistic work"
    off = client.put(f"{API}/preferences", json={"on": False}, headers=me).json()
    assert off["on"] is False and off["active"] is False
    bad = client.post(f"{API}/votes", json={"occupation_code": "baker"}, headers=me)
    assert bad.status_code == 400 and bad.json()["detail"][0]["loc"] == ["body", "occupation_code"]


def test_a_persons_thumbs_change_the_api_ranking_until_switched_off(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    document = json.loads(PRIYA.read_text())
    client.post("/api/v1/profiles", json={"document": document, "slug": "priya"}, headers=me)
    url = "/api/v1/profiles/priya/matches?top=10"

    def ranking(query: str = "") -> list[str]:
        response = client.get(url + query, headers=me)
        assert response.status_code == 200, response.text
        return [r["code"] for r in response.json()["results"]]

    plain = ranking()
    # Thumbs down on the top three: what the person is steered away from drops.
    for code in plain[:3]:
        voted = client.post(f"{API}/votes", json={"occupation_code": code, "up": False}, headers=me)
        assert voted.status_code == 201, voted.text
    learned = client.get(url, headers=me).json()
    assert [r["code"] for r in learned["results"]] != plain
    assert all("preference" in r["components"] for r in learned["results"])
    assert any("Ranked with what your choices say" in w for w in learned["warnings"])
    # The switch in the query gives the plain ranking back, and so does switching it off.
    assert ranking("&learned=false") == plain
    client.put(f"{API}/preferences", json={"on": False}, headers=me)
    assert ranking() == plain
    client.put(f"{API}/preferences", json={"on": True}, headers=me)
    assert ranking() != plain
    # Another person's thumbs do not reach this person's ranking.
    other = sign_up(client, "sam@example.org")
    client.post("/api/v1/profiles", json={"document": document, "slug": "priya"}, headers=other)
    assert [r["code"] for r in client.get(url, headers=other).json()["results"]] == plain


def test_the_learned_switch_is_documented_in_openapi(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    params = spec["paths"]["/api/v1/profiles/{slug}/matches"]["get"]["parameters"]
    [learned] = [p for p in params if p["name"] == "learned"]
    assert learned["schema"]["type"] == "boolean" and learned["schema"]["default"] is True
    assert "thumbs" in learned["description"]
