"""Owner scoping across the whole API: user B cannot reach user A's data, and nobody reaches
it signed out. Kept in one place so that every owned route is listed in one matrix."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from tests.sign_in import sign_up

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


def test_user_b_cannot_reach_user_a_data(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    b = sign_up(client, "b@example.org")
    document = json.loads((EXAMPLES / "daniel.json").read_text())
    client.post("/api/v1/profiles", json={"document": document, "slug": "daniel"}, headers=a)
    plan = client.post("/api/v1/profiles/daniel/plans", json={"target": "27-2022.00"}, headers=a)
    plan_id = plan.json()["id"]
    benchmark = plan.json()["objectives"][0]["benchmarks"][0]["id"]
    contact = client.post("/api/v1/contacts", json={"display_name": "Lena"}, headers=a).json()
    contact_id = contact["id"]
    twin = client.post("/api/v1/contacts", json={"display_name": "Lena O"}, headers=a).json()
    interaction = client.post(
        f"/api/v1/contacts/{contact_id}/interactions", json={"kind": "call"}, headers=a
    ).json()["id"]
    application = client.post(
        "/api/v1/applications", json={"company": "Lumen", "role_title": "UX Designer"}, headers=a
    ).json()["id"]
    cv = client.post(
        "/api/v1/cvs", json={"profile": "daniel", "target": "27-2022.00"}, headers=a
    ).json()["id"]
    requests = [
        ("get", "/api/v1/profiles/daniel", None),
        ("put", "/api/v1/profiles/daniel", {"document": document}),
        ("delete", "/api/v1/profiles/daniel", None),
        ("get", "/api/v1/profiles/daniel/history", None),
        ("post", "/api/v1/profiles/daniel/inventory", {"answers": {}}),
        ("get", "/api/v1/profiles/daniel/matches", None),
        ("get", "/api/v1/profiles/daniel/gaps?target=27-2022.00", None),
        ("post", "/api/v1/profiles/daniel/plans", {"target": "27-2022.00"}),
        ("get", "/api/v1/profiles/daniel/plans", None),
        ("get", f"/api/v1/plans/{plan_id}", None),
        ("get", f"/api/v1/plans/{plan_id}/status", None),
        ("post", f"/api/v1/plans/{plan_id}/benchmarks/{benchmark}/check", None),
        ("post", f"/api/v1/plans/{plan_id}/log", {"hours": 1}),
        ("get", f"/api/v1/plans/{plan_id}/calendar.ics", None),
        ("get", f"/api/v1/contacts/{contact_id}", None),
        ("patch", f"/api/v1/contacts/{contact_id}", {"notes": "mine now"}),
        ("delete", f"/api/v1/contacts/{contact_id}", None),
        ("get", f"/api/v1/contacts/{contact_id}/interactions", None),
        ("post", f"/api/v1/contacts/{contact_id}/interactions", {"kind": "call"}),
        ("delete", f"/api/v1/contacts/{contact_id}/interactions/{interaction}", None),
        ("post", "/api/v1/contacts/merge", {"keep": contact_id, "other": twin["id"]}),
        ("get", f"/api/v1/applications/{application}", None),
        ("patch", f"/api/v1/applications/{application}", {"notes": "mine now"}),
        ("delete", f"/api/v1/applications/{application}", None),
        ("post", f"/api/v1/applications/{application}/events", {"stage": "screen"}),
        ("get", f"/api/v1/cvs/{cv}", None),
        ("patch", f"/api/v1/cvs/{cv}", {"summary": "mine now"}),
        ("delete", f"/api/v1/cvs/{cv}", None),
        ("get", f"/api/v1/cvs/{cv}/render?format=html", None),
        ("get", f"/api/v1/cvs/{cv}/render?format=pdf", None),
        ("post", f"/api/v1/cvs/{cv}/applications", {"application_id": 3}),
        ("post", f"/api/v1/cvs/{cv}/match", {"posting": "A dancer for a theatre show."}),
        ("post", "/api/v1/cvs", {"profile": "daniel", "target": "27-2022.00"}),
    ]
    for method, url, body in requests:
        as_b = client.request(method, url, json=body, headers=b)
        assert as_b.status_code == 404, (method, url, as_b.status_code, as_b.text)
        anonymous = client.request(method, url, json=body)
        assert anonymous.status_code == 401, (method, url, anonymous.status_code)
    assert client.get("/api/v1/profiles", headers=b).json() == []
    # The book-wide routes answer B from B's own (empty) book, and nobody signed out.
    for url in ("/api/v1/contacts", "/api/v1/contacts?q=lena", "/api/v1/contacts/due",
                "/api/v1/contacts/for/15-1255.00", "/api/v1/contacts/calendar.ics",
                "/api/v1/contacts/export", "/api/v1/contacts/export?format=csv"):  # fmt: skip
        assert client.get(url).status_code == 401, url
        assert "Lena" not in client.get(url, headers=b).text, url
    assert client.get("/api/v1/contacts", headers=b).json() == []
    for url in ("/api/v1/applications", "/api/v1/applications/funnel",
                "/api/v1/applications/funnel.svg", "/api/v1/applications/insights",
                "/api/v1/applications/export", "/api/v1/applications/preferences"):  # fmt: skip
        assert client.get(url).status_code == 401, url
        assert "Lumen" not in client.get(url, headers=b).text, url
    assert client.get("/api/v1/applications/funnel", headers=b).json()["applied"] == 0
    sheet = {"file": ("b.csv", b"Company,Title\nElsewhere,Designer\n")}
    assert client.post("/api/v1/applications/import", files=sheet).status_code == 401
    assert client.post("/api/v1/applications/import", files=sheet, headers=b).status_code == 200
    assert [x["company"] for x in client.get("/api/v1/applications", headers=a).json()] == ["Lumen"]
    mail = b"From: Lumen HR <hr@lumen.example>\r\nSubject: Your application\r\n\r\n" + (
        b"Unfortunately we will not be moving forward with your application at Lumen.\r\n"
    )
    upload = {"file": ("b.eml", mail)}
    assert client.post("/api/v1/applications/import-mail", files=upload).status_code == 401
    url = "/api/v1/applications/import-mail?apply=true"
    as_b = client.post(url, files=upload, headers=b).json()
    assert as_b["proposals"] == [] and as_b["applied_events"] == []  # A's Lumen is out of reach
    texts = {"texts": ["We regret to tell you no."]}
    assert client.post("/api/v1/applications/classify", json=texts).status_code == 401
    assert client.get("/api/v1/cvs").status_code == 401
    assert client.get("/api/v1/cvs", headers=b).json() == []
    assert client.get(f"/api/v1/cvs/{cv}", headers=a).json()["applications"] == []
    vcf = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lena\r\nORG:Elsewhere\r\nEND:VCARD\r\n"
    upload = {"file": ("b.vcf", vcf)}
    assert client.post("/api/v1/contacts/import", files=upload).status_code == 401
    imported = client.post("/api/v1/contacts/import", files=upload, headers=b).json()
    assert (imported["added"], imported["merged"]) == (1, 0)  # never merged into A's Lena
    assert len(client.get("/api/v1/contacts", headers=a).json()) == 2
    assert client.get(f"/api/v1/contacts/{contact_id}", headers=a).json()["notes"] is None
    assert len(client.get(f"/api/v1/contacts/{contact_id}/interactions", headers=a).json()) == 1
    assert client.get("/api/v1/profiles/daniel", headers=a).status_code == 200
    assert client.get(f"/api/v1/plans/{plan_id}", headers=a).status_code == 200


def test_community_is_owner_scoped(client: TestClient) -> None:
    a = sign_up(client, "a@example.org")
    b = sign_up(client, "b@example.org")
    c = sign_up(client, "c@example.org")
    join = {"display_name": "A", "features": ["tribe", "study_groups"], "passions": ["baking"]}
    client.put("/api/v1/community/me", json=join, headers=a)
    client.put("/api/v1/community/me", json={**join, "display_name": "C"}, headers=c)
    a_id = client.get("/api/v1/community/me", headers=a).json()["id"]
    request = client.post("/api/v1/community/requests", json={"member_id": a_id}, headers=c)
    request_id = request.json()["id"]
    # Requests made to A are A's to answer: B (not in the community, then in it) cannot.
    for joined in (False, True):
        if joined:
            client.put("/api/v1/community/me", json={**join, "display_name": "B"}, headers=b)
        for method, url in (
            ("post", f"/api/v1/community/requests/{request_id}/accept"),
            ("post", f"/api/v1/community/requests/{request_id}/decline"),
            ("delete", "/api/v1/community/groups/1/membership"),
        ):
            as_b = client.request(method, url, headers=b)
            assert as_b.status_code == 404, (method, url, as_b.status_code, as_b.text)
    assert client.get("/api/v1/community/requests", headers=b).json() == []
    assert [r["status"] for r in client.get("/api/v1/community/requests", headers=a).json()] == [
        "pending"
    ]
    # Nobody signed out reaches any community route.
    for method, url in (
        ("get", "/api/v1/community/me"), ("put", "/api/v1/community/me"),
        ("delete", "/api/v1/community/me"), ("get", f"/api/v1/community/members/{a_id}"),
        ("get", "/api/v1/community/tribe"), ("get", "/api/v1/community/mentors"),
        ("post", "/api/v1/community/mentors/assign"), ("get", "/api/v1/community/requests"),
        ("post", "/api/v1/community/requests"),
        ("post", f"/api/v1/community/requests/{request_id}/accept"),
        ("post", f"/api/v1/community/requests/{request_id}/decline"),
        ("post", f"/api/v1/community/members/{a_id}/block"),
        ("post", f"/api/v1/community/members/{a_id}/report"),
        ("get", "/api/v1/community/groups"), ("post", "/api/v1/community/groups/form"),
        ("post", "/api/v1/community/groups/1/join"),
        ("delete", "/api/v1/community/groups/1/membership"),
    ):  # fmt: skip
        assert client.request(method, url).status_code == 401, (method, url)
