"""The mail import page: upload, see what would change, tick, and only then is it logged."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import main_text

FIXTURES = Path(__file__).resolve().parents[1] / "jobsearch" / "fixtures" / "mail"


def _add(web: TestClient, csrf: str, company: str, role: str) -> int:
    data = {"csrf": csrf, "company": company, "role_title": role, "stage": "applied",
            "on": "2024-04-01"}  # fmt: skip
    response = web.post("/applications", data=data, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_upload_ask_then_log_only_the_ticked_changes(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    solace = _add(web, csrf, "Solace Digital", "UX Researcher")
    ledger = _add(web, csrf, "Ledger & Line", "Senior Product Designer")
    assert "Mail file" in main_text(web.get("/applications/mail").text)
    upload = {"file": ("takeout.mbox", (FIXTURES / "takeout.mbox").read_bytes())}
    page = web.post("/applications/mail", data={"csrf": csrf}, files=upload)
    assert page.status_code == 200, page.text
    text = main_text(page.text)
    assert "Nothing has changed yet" in text
    assert "Not matched to any application (3)" in text
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    assert token is not None
    boxes = re.findall(r'name="apply" value="(\d+)"', page.text)
    assert len(boxes) >= 2
    # Nothing is logged by looking.
    assert "rejected" not in main_text(web.get(f"/applications/{solace}").text).lower()
    offer = next(
        n
        for n, line in zip(boxes, page.text.split('name="apply"')[1:], strict=False)
        if "offer" in line.split("</li>")[0]
    )
    done = web.post(
        "/applications/mail/apply",
        data={"csrf": csrf, "token": token.group(1), "apply": [offer]},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "offer" in main_text(web.get(f"/applications/{ledger}").text).lower()
    assert "rejected" not in main_text(web.get(f"/applications/{solace}").text).lower()
    again = web.post(
        "/applications/mail/apply", data={"csrf": csrf, "token": token.group(1), "apply": ["0"]}
    )
    assert again.status_code == 400 and "no longer here" in again.text


def test_a_bad_file_is_named_and_another_person_cannot_apply(web: TestClient) -> None:
    csrf = web_login(web, "a@example.org")
    bad = {"file": ("notes.eml", b"shopping list\n")}
    page = web.post("/applications/mail", data={"csrf": csrf}, files=bad)
    assert page.status_code == 400 and "Mail file:" in page.text
    _add(web, csrf, "Ledger & Line", "Senior Product Designer")
    upload = {"file": ("takeout.mbox", (FIXTURES / "takeout.mbox").read_bytes())}
    page = web.post("/applications/mail", data={"csrf": csrf}, files=upload)
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    assert token is not None
    web.post("/logout", data={"csrf": csrf})
    other = web_login(web, "b@example.org")
    stolen = web.post(
        "/applications/mail/apply", data={"csrf": other, "token": token.group(1), "apply": ["0"]}
    )
    assert stolen.status_code == 400 and "no longer here" in stolen.text


def test_deleting_the_account_removes_the_mail_waiting_for_confirmation(web: TestClient) -> None:
    folder = web.app.state.ctx.settings.cache_dir / "mail-uploads"  # type: ignore[attr-defined]
    before = set(folder.glob("*.mail")) if folder.exists() else set()
    csrf = web_login(web, "leaving@example.org")
    _add(web, csrf, "Ledger & Line", "Senior Product Designer")
    upload = {"file": ("takeout.mbox", (FIXTURES / "takeout.mbox").read_bytes())}
    page = web.post("/applications/mail", data={"csrf": csrf}, files=upload)
    assert page.status_code == 200 and 'name="token"' in page.text
    waiting = set(folder.glob("*.mail")) - before
    assert len(waiting) == 1
    gone = web.post(
        "/account/delete", data={"csrf": csrf, "confirm": "DELETE"}, follow_redirects=False
    )
    assert gone.status_code == 303
    assert not any(p.exists() for p in waiting)
