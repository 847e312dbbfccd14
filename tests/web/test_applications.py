"""The application pages: the board by stage, a timeline with its forms, the funnel and the
insights; another person's applications out of reach. Plain forms: no script needed."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import main_text


def _add(web: TestClient, csrf: str, **fields: str) -> int:
    response = web.post("/applications", data={"csrf": csrf, **fields}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_the_board_a_timeline_the_funnel_and_the_insights(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    assert 'href="/applications"' in web.get("/").text  # in the header
    assert "0 applications, by stage" in main_text(web.get("/applications").text)
    lumen = _add(
        web,
        csrf,
        company="Lumen Health",
        role_title="UX Designer",
        stage="applied",
        on="2026-09-01",
        source="job board",
    )
    page = main_text(web.get(f"/applications/{lumen}").text)
    assert "UX Designer at Lumen Health" in page
    assert "Web and Digital Interface Designers (read from the role)" in page
    moved = web.post(
        f"/applications/{lumen}/move",
        data={"csrf": csrf, "stage": "screen", "on": "2026-09-05"},
        follow_redirects=False,
    )
    assert moved.status_code == 303
    rejected = web.post(
        f"/applications/{lumen}/reject",
        data={
            "csrf": csrf,
            "on": "2026-09-09",
            "reasons": ["skills_gap", "experience_seniority"],
            "cited": "Design, Technology Design",
            "feedback": "More interaction depth.",
        },
        follow_redirects=False,
    )
    assert rejected.status_code == 303, rejected.text
    page = main_text(web.get(f"/applications/{lumen}").text)
    assert "Named: Design, Technology Design More interaction depth." in page
    assert "At the screen, they did: a skills gap, experience or seniority." in page
    board = main_text(web.get("/applications").text)
    assert "Rejected at the screen" in board
    funnel = web.get("/applications/funnel").text
    assert "<svg" in funnel and "1 application sent" in main_text(funnel)
    insights = main_text(web.get("/applications/insights").text)
    assert "You sent 1 application; 1 got an answer (100%)." in insights
    assert "Employers named" not in insights  # named once: not yet a pattern
    assert "Too little to go on yet: 1 of the 3" in insights
    switched = web.post(
        "/applications/preferences", data={"csrf": csrf, "on": "0"}, follow_redirects=False
    )
    assert switched.status_code == 303
    assert "Switch it on" in web.get("/applications/insights").text


def test_mistakes_are_shown_next_to_the_field_with_what_was_typed(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    bad = web.post(
        "/applications",
        data={
            "csrf": csrf,
            "company": "Lumen",
            "role_title": "UX",
            "posting_url": "not an address",
            "on": "2026-09-01",
        },
    )
    assert bad.status_code == 400
    assert "Posting address: must be a web address" in main_text(bad.text)
    assert 'value="Lumen"' in bad.text
    app = _add(web, csrf, company="Lumen", role_title="UX Designer")
    cite = web.post(
        f"/applications/{app}/reject", data={"csrf": csrf, "cited": "Juggling", "on": "2026-09-01"}
    )
    assert cite.status_code == 400
    assert "Skills or knowledge they named: &#39;Juggling&#39;" in cite.text or (
        "Skills or knowledge they named: 'Juggling'" in main_text(cite.text)
    )


def test_another_persons_applications_answer_404(web: TestClient) -> None:
    csrf = web_login(web, "a@example.org")
    app = _add(web, csrf, company="Lumen", role_title="UX Designer")
    web.post("/logout", data={"csrf": csrf})
    other = web_login(web, "b@example.org")
    assert web.get(f"/applications/{app}").status_code == 404
    assert (
        web.post(f"/applications/{app}/move", data={"csrf": other, "stage": "screen"}).status_code
        == 404
    )
    assert "Lumen" not in web.get("/applications").text


def test_matches_are_ordered_with_the_learned_preferences_until_switched_off(
    web: TestClient,
) -> None:
    csrf = web_login(web, "priya@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Priya", "unpaid": "Sketch and paint"})
    assert "Ordered with what your applications" not in web.get("/matches").text
    for company, role in (("A", "Graphic Designer"), ("B", "Art Director"), ("C", "Painter")):
        _add(web, csrf, company=company, role_title=role)
    page = main_text(web.get("/matches").text)
    assert "Ordered with what your applications and votes say you want" in page
    web.post("/applications/preferences", data={"csrf": csrf, "on": "0"})
    assert "Ordered with what your applications" not in web.get("/matches").text


def test_an_applications_details_are_edited_keeping_what_was_typed_on_error(
    web: TestClient,
) -> None:
    csrf = web_login(web, "priya@example.org")
    app = _add(web, csrf, company="Lumen", role_title="UX Designer", stage="applied")
    form = web.get(f"/applications/{app}/edit").text
    assert 'value="Lumen"' in form and 'name="occupation_was"' in form
    shown = re.search(r'name="occupation_was" value="([^"]*)"', form)
    assert shown is not None and shown.group(1) == "Web and Digital Interface Designers"
    fields = {"csrf": csrf, "company": "Lumen Health", "role_title": "UX Designer",
              "occupation": "Graphic Designers", "occupation_was": shown.group(1),
              "posting_url": "not an address", "posting_text": "Design flows.",
              "source": "Referral", "location": "Toronto", "pay": "$90k",
              "notes": "Met Ana at a meetup", "next_action": "Follow up",
              "next_action_on": "2026-13-40"}  # fmt: skip
    bad = web.post(f"/applications/{app}/edit", data=fields)
    assert bad.status_code == 400
    text = main_text(bad.text)
    assert "Next action on: enter a date such as" in text
    for typed in ("Lumen Health", "Met Ana at a meetup", "Follow up", "2026-13-40", "$90k"):
        assert typed in bad.text  # kept as typed
    fields["next_action_on"] = "2026-10-01"
    bad = web.post(f"/applications/{app}/edit", data=fields)
    assert bad.status_code == 400 and "Posting address: must be a web address" in main_text(
        bad.text
    )
    fields["posting_url"] = "https://jobs.example.org/7"
    ambiguous = web.post(f"/applications/{app}/edit", data={**fields, "occupation": "designer"})
    assert ambiguous.status_code == 400 and "Occupation: which one?" in main_text(ambiguous.text)
    done = web.post(f"/applications/{app}/edit", data=fields, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == f"/applications/{app}?saved=1"
    page = main_text(web.get(f"/applications/{app}?saved=1").text)
    assert "Saved." in page and "UX Designer at Lumen Health" in page
    assert "Graphic Designers" in page and "(read from the role)" not in page
    assert "Follow up" in page and "Toronto" in page
    # Emptied, the occupation is read from the role again.
    again = {**fields, "occupation": "", "occupation_was": "Graphic Designers"}
    web.post(f"/applications/{app}/edit", data=again)
    assert "(read from the role)" in main_text(web.get(f"/applications/{app}").text)
    # Another person can neither see nor change it.
    web.post("/logout", data={"csrf": csrf})
    other = web_login(web, "b@example.org")
    assert web.get(f"/applications/{app}/edit").status_code == 404
    stolen = web.post(f"/applications/{app}/edit", data={**fields, "csrf": other})
    assert stolen.status_code == 404
