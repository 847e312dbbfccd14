"""The CV pages: make a CV for an occupation, the preview, the theme, the summary in your own
words, downloads; errors next to the field; other people's CVs answer 404."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import csrf_of, main_text


def _make(web: TestClient, csrf: str, **fields: str) -> tuple[int, str]:
    response = web.post("/cvs", data={"csrf": csrf, **fields}, follow_redirects=True)
    return response.status_code, response.text


def test_a_cv_made_previewed_edited_and_downloaded(web: TestClient) -> None:
    csrf = web_login(web, "maya@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Maya", "unpaid": "Photograph food"})
    code, page = _make(web, csrf, target="27-4021.00", theme="modern", posting="")
    assert code == 200, page
    assert "<h1>CV for Photographers</h1>" in page
    cv_id = int(re.search(r'href="/cvs/(\d+)/cv\.pdf"', page).group(1))  # type: ignore[union-attr]
    assert f'src="/cvs/{cv_id}/preview"' in page
    assert "Why it looks like this" in main_text(page)
    preview = web.get(f"/cvs/{cv_id}/preview")
    assert preview.headers["content-type"].startswith("text/html")
    assert 'class="theme-modern"' in preview.text
    saved = web.post(
        f"/cvs/{cv_id}",
        data={"csrf": csrf_of(page), "summary": "I photograph food in Lyon.", "theme": "classic"},
        follow_redirects=True,
    )
    assert "Saved." in saved.text and "I photograph food in Lyon." in saved.text
    assert 'class="theme-classic"' in web.get(f"/cvs/{cv_id}/preview").text
    pdf = web.get(f"/cvs/{cv_id}/cv.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf.headers["content-disposition"]
    assert "I photograph food in Lyon." in web.get(f"/cvs/{cv_id}/cv.html").text
    assert "Photographers" in main_text(web.get("/cvs").text)


def test_an_occupation_page_leads_to_a_cv_for_it(web: TestClient) -> None:
    web_login(web, "maya@example.org")
    assert 'href="/cvs?target=27-4021.00"' in web.get("/occupations/27-4021.00").text
    assert 'value="27-4021.00"' in web.get("/cvs?target=27-4021.00").text


def test_errors_are_shown_next_to_the_field(web: TestClient) -> None:
    csrf = web_login(web, "maya@example.org")
    code, page = _make(web, csrf, target="zzzz qqqq", theme="gothic")
    assert code == 422
    assert 'id="target-error"' in page and 'id="theme-error"' in page
    assert 'value="zzzz qqqq"' in page
    code, page = _make(web, csrf, target="27-4021.00", theme="classic")
    cv_id = int(re.search(r'href="/cvs/(\d+)/cv\.pdf"', page).group(1))  # type: ignore[union-attr]
    long = web.post(f"/cvs/{cv_id}", data={"csrf": csrf, "summary": "x" * 4001, "theme": "classic"})
    assert long.status_code == 422 and 'id="summary-error"' in long.text


def test_another_person_cannot_reach_the_cv(web: TestClient) -> None:
    csrf = web_login(web, "maya@example.org")
    _, page = _make(web, csrf, target="27-4021.00", theme="classic")
    cv_id = int(re.search(r'href="/cvs/(\d+)/cv\.pdf"', page).group(1))  # type: ignore[union-attr]
    other = TestClient(web.app)
    other_csrf = web_login(other, "someone@example.org")
    for url in (f"/cvs/{cv_id}", f"/cvs/{cv_id}/preview", f"/cvs/{cv_id}/cv.pdf"):
        assert other.get(url).status_code == 404, url
    assert other.post(f"/cvs/{cv_id}/delete", data={"csrf": other_csrf}).status_code == 404
    assert "Photographers" not in main_text(other.get("/cvs").text)
