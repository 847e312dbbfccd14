"""Thumbs on the matches page: "More like this" and "Not for me" are plain forms that record
the vote the learned preferences use, show which one is pressed, and can be taken back."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import main_text


def _codes(page: str) -> list[str]:
    return re.findall(r'<li class="card result" id="r-([0-9.-]+)"', page)


def _pressed(page: str, code: str) -> list[str]:
    """The words of the pressed buttons in ``code``'s result."""
    return re.findall(r'aria-pressed="true">([^<]+)<', _result(page, code))


def _result(page: str, code: str) -> str:
    return page.split(f'id="r-{code}"', 1)[1].split('<li class="card result"', 1)[0]


def _vote(web: TestClient, csrf: str, code: str, vote: str, back: str = "/matches") -> str:
    response = web.post(
        "/matches/votes",
        data={"csrf": csrf, "code": code, "vote": vote, "back": back},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return response.headers["location"]


def test_thumbs_are_recorded_shown_and_taken_back(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Priya", "unpaid": "Sketch and paint"})
    page = web.get("/matches?quadrant=").text
    codes = _codes(page)
    assert len(codes) >= 4
    # Every result has both buttons, each named with the result's title for a screen reader.
    assert all(_result(page, c).count('action="/matches/votes"') == 1 for c in codes)
    assert re.search(r"More like this<span class=\"visually-hidden\">: [^<]+</span>", page)
    assert _pressed(page, codes[0]) == []
    back = _vote(web, csrf, codes[0], "up", back="/matches?quadrant=")
    assert back == f"/matches?quadrant=#r-{codes[0]}"  # the same page, at the result
    page = web.get("/matches").text
    assert _pressed(page, codes[0]) == ["More like this"]
    assert "You said more like this" in main_text(page)
    # The pressed button takes the vote back; the other one changes it.
    assert 'name="vote" value="clear"' in _result(page, codes[0])
    _vote(web, csrf, codes[0], "down")
    assert _pressed(web.get("/matches").text, codes[0]) == ["Not for me"]
    _vote(web, csrf, codes[0], "clear")
    page = web.get("/matches").text
    assert _pressed(page, codes[0]) == [] and "You said" not in main_text(page)
    # Votes are what the learned preferences go on: three of them reorder the matches.
    assert "Ordered with what your applications and votes" not in page
    for code in codes[:3]:
        _vote(web, csrf, code, "down")
    page = web.get("/matches").text
    assert "Ordered with what your applications and votes" in main_text(page)
    assert _codes(page)[:3] != codes[:3]
    insights = main_text(web.get("/applications/insights").text)
    assert "From 3 applications and votes" in insights


def test_votes_are_the_persons_own_and_stay_on_this_site(web: TestClient) -> None:
    csrf = web_login(web, "a@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "A", "unpaid": "Sketch and paint"})
    code = _codes(web.get("/matches").text)[0]
    assert _vote(web, csrf, code, "up", back="https://elsewhere.example/") == f"/matches#r-{code}"
    assert _vote(web, csrf, code, "up", back="//elsewhere.example/") == f"/matches#r-{code}"
    bad = web.post("/matches/votes", data={"csrf": csrf, "code": "baker", "vote": "up"})
    assert bad.status_code == 400 and "15-1255.00" in bad.text
    expired = web.post("/matches/votes", data={"csrf": "old", "code": code, "vote": "up"})
    assert expired.status_code == 400
    web.post("/logout", data={"csrf": csrf})
    other = web_login(web, "b@example.org")
    web.post("/passions", data={"csrf": other, "name": "B", "unpaid": "Sketch and paint"})
    page = web.get("/matches").text
    assert code in _codes(page) and _pressed(page, code) == []
    # Without the form's token nothing is recorded.
    assert web.post("/matches/votes", data={"code": code, "vote": "up"}).status_code == 400
    assert _pressed(web.get("/matches").text, code) == []
