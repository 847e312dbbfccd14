"""The contact routes: CRUD, the timeline, the due list, `for`, the calendar, and errors
with the field's path."""

from __future__ import annotations

import base64
from datetime import date, timedelta

from fastapi.testclient import TestClient
from icalendar import Calendar

from tests.sign_in import sign_up

UX = "15-1255.00"
API = "/api/v1/contacts"


def test_a_contact_book_through_the_api(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    made = client.post(
        API,
        json={
            "given_name": "Sam",
            "family_name": "Patel",
            "job_title": "Senior UX Designer",
            "emails": [{"address": "Sam@Example.org", "label": "work"}],
            "phones": [{"number": "020 7946 0958"}],
            "region": "GB",
            "tags": ["UX"],
            "photo": base64.b64encode(b"\x89PNG\r\n\x1a\nfake").decode(),
            "photo_type": "image/png",
        },
        headers=me,
    )
    assert made.status_code == 201, made.text
    sam = made.json()
    assert sam["display_name"] == "Sam Patel" and sam["tags"] == ["ux"]
    assert sam["occupation_codes"] == [UX] and sam["occupations_inferred"]
    assert sam["phones"][0]["e164"] == "+442079460958"
    lena = client.post(API, json={"display_name": "Lena", "tags": ["mentor"]}, headers=me).json()
    assert [c["display_name"] for c in client.get(API, headers=me).json()] == ["Lena", "Sam Patel"]
    assert [c["id"] for c in client.get(API, params={"tag": "ux"}, headers=me).json()] == [
        sam["id"]
    ]
    assert [c["id"] for c in client.get(API, params={"q": "sam@ex"}, headers=me).json()] == [
        sam["id"]
    ]
    changed = client.patch(
        f"{API}/{sam['id']}", json={"occupation_codes": ["27-1024.00"], "tags": None}, headers=me
    ).json()
    assert changed["occupation_codes"] == ["27-1024.00"] and not changed["occupations_inferred"]
    assert changed["tags"] == [] and changed["job_title"] == "Senior UX Designer"
    ago = (date.today() - timedelta(days=45)).isoformat()
    logged = client.post(
        f"{API}/{lena['id']}/interactions",
        json={
            "kind": "informational interview",
            "on": ago,
            "note": "portfolio",
            "with": [sam["id"]],
        },
        headers=me,
    )
    assert logged.status_code == 201, logged.text
    assert logged.json()["contact_ids"] == sorted([lena["id"], sam["id"]])
    timeline = client.get(f"{API}/{sam['id']}/interactions", headers=me).json()
    assert [i["kind"] for i in timeline] == ["informational_interview"]
    due = client.get(f"{API}/due", headers=me).json()
    assert [(e["name"], e["days_since"]) for e in due["due"]] == [("Lena", 45)]
    found = client.get(f"{API}/for/{UX}", headers=me).json()
    assert [(p["name"], p["closeness"]) for p in found["people"]] == [("Sam Patel", 2)]
    feed = client.get(f"{API}/calendar.ics", headers=me)
    assert feed.headers["content-type"].startswith("text/calendar")
    todos = Calendar.from_ical(feed.content).walk("VTODO")
    assert [str(t["SUMMARY"]) for t in todos] == ["Check in with Lena"]
    gone = client.delete(f"{API}/{lena['id']}/interactions/{logged.json()['id']}", headers=me)
    assert gone.status_code == 204
    assert client.get(f"{API}/due", headers=me).json()["due"] == []
    assert client.delete(f"{API}/{sam['id']}", headers=me).status_code == 204
    assert client.get(f"{API}/{sam['id']}", headers=me).status_code == 404


def test_bad_requests_name_the_field(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    lena = client.post(API, json={"display_name": "Lena"}, headers=me).json()

    def loc(response: object) -> list[object]:
        body = response.json()  # type: ignore[attr-defined]
        return body["detail"][0]["loc"]

    cases = [
        (client.post(API, json={"tags": ["x"]}, headers=me), 400, ["body", "display_name"]),
        (client.post(API, json={"display_name": "X", "emails": [{"address": "nope"}]}, headers=me),
         400, ["body", "emails"]),
        (client.post(API, json={"display_name": "X", "occupation_codes": ["15-12"]}, headers=me),
         422, ["body", "occupation_codes", 0]),
        (client.post(API, json={"display_name": "X" * 201}, headers=me),
         422, ["body", "display_name"]),
        (client.post(API, json={"display_name": "X", "photo": "@@@"}, headers=me),
         422, ["body", "photo"]),
        (client.patch(f"{API}/{lena['id']}", json={"ideal_days": 40, "max_days": 10}, headers=me),
         400, ["body", "max_days"]),
        (client.post(f"{API}/{lena['id']}/interactions", json={"kind": "gossip"}, headers=me),
         400, ["body", "kind"]),
        (client.post(f"{API}/999/interactions", json={"kind": "call"}, headers=me),
         404, ["path", "contact_id"]),
        (client.get(f"{API}/for/99-9999.00", headers=me), 404, ["path", "code"]),
        (client.get(f"{API}/due", params={"today": "soon"}, headers=me), 422, ["query", "today"]),
    ]  # fmt: skip
    for response, status, where in cases:
        assert (response.status_code, loc(response)) == (status, where), response.text


FIXTURES = __import__("pathlib").Path(__file__).resolve().parents[1] / "network" / "fixtures"


def test_import_preview_then_import_export_and_merge(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    client.post(API, json={"display_name": "Lena Ortiz", "organisation": "Figma"}, headers=me)
    vcf = (FIXTURES / "google_contacts.vcf").read_bytes()
    files = {"file": ("contacts.vcf", vcf, "text/vcard")}
    preview = client.post(f"{API}/import", params={"dry_run": True}, files=files, headers=me)
    assert preview.status_code == 200, preview.text
    report = preview.json()
    assert (report["added"], report["merged"], report["dry_run"]) == (2, 1, True)
    assert report["merges"][0]["into"] == "Lena Ortiz"
    assert len(client.get(API, headers=me).json()) == 1  # a preview stores nothing
    done = client.post(f"{API}/import", files=files, headers=me).json()
    assert (done["added"], done["merged"]) == (2, 1)
    book = {c["display_name"]: c for c in client.get(API, headers=me).json()}
    # Imported job titles are read at once ("Career Coach" names no one occupation).
    assert book["Tomás Reyes"]["occupation_codes"] == []
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Silva\r\nTITLE:Senior UX Designer\r\nEND:VCARD\r\n"
    )
    client.post(f"{API}/import", files={"file": ("ana.vcf", card)}, headers=me)
    ana = next(c for c in client.get(API, params={"q": "ana silva"}, headers=me).json())
    assert ana["occupation_codes"] == [UX] and ana["occupations_inferred"]
    again = client.post(f"{API}/import", files=files, headers=me).json()
    assert (again["added"], again["merged"]) == (0, 0)
    vcard = client.get(f"{API}/export", params={"vcard_version": "3.0"}, headers=me)
    assert vcard.headers["content-type"].startswith("text/vcard")
    assert vcard.text.count("BEGIN:VCARD") == 4 and "VERSION:3.0" in vcard.text
    csv = client.get(f"{API}/export", params={"format": "csv"}, headers=me)
    assert csv.headers["content-type"].startswith("text/csv") and "Tomás Reyes" in csv.text
    ids = sorted(c["id"] for c in book.values())
    merged = client.post(f"{API}/merge", json={"keep": ids[0], "other": ids[1]}, headers=me)
    assert merged.status_code == 200 and len(client.get(API, headers=me).json()) == 3


def test_a_bad_file_imports_nothing_and_names_the_card(client: TestClient) -> None:
    me = sign_up(client, "priya@example.org")
    bad = (FIXTURES / "bad_line.vcf").read_bytes()
    response = client.post(f"{API}/import", files={"file": ("bad.vcf", bad)}, headers=me)
    assert response.status_code == 400
    (detail,) = response.json()["detail"]
    assert detail["loc"] == ["body", "file"] and detail["msg"].startswith("bad.vcf, card 2, line")
    assert client.get(API, headers=me).json() == []
    wrong = client.get(f"{API}/export", params={"vcard_version": "2.1"}, headers=me)
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == [
        "query",
        "vcard_version",
    ]
