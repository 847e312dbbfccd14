"""The site's frame and its home page: one stylesheet of our own, a header whose account menu
keeps "Log out" out of the way, landmarks and one h1 on every page, the home page that says
where a signed-in person stands, and plans said in plain words."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import main_text

#: Pages a signed-in person reaches from the header and the home page.
PAGES = [
    "/",
    "/profile",
    "/matches",
    "/plans",
    "/search?q=baker",
    "/explore",
    "/compare?o=51-3011.00&o=27-4021.00",
    "/transitions?from=51-3011.00",
    "/account",
    "/passions",
    "/inventory",
    "/background",
    "/skills",
    "/occupations/51-3011.00",
    "/gaps?target=51-3011.00",
    "/contacts",
    "/contacts/new",
    "/contacts/for?code=15-1255.00",
    "/applications",
    "/applications/funnel",
    "/applications/insights",
    "/cvs",
    "/community",
]


def _header(page: str) -> str:
    return page.split("<header", 1)[1].split("</header>", 1)[0]


def test_the_stylesheet_is_our_own_and_loads_nothing_else(web: TestClient) -> None:
    page = web.get("/").text
    found = re.search(r'<link rel="stylesheet" href="(/static/site\.css\?v=[0-9a-f]{12})">', page)
    assert found is not None
    css = web.get(found.group(1))
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "max-age" in css.headers["cache-control"]
    # No web fonts, no imports, nothing fetched from elsewhere.
    assert "@import" not in css.text and "@font-face" not in css.text and "url(" not in css.text
    assert "<style" not in page and "https://" not in page.split("<footer", 1)[0]
    assert web.get("/static/secrets.env").status_code == 404


def test_every_page_has_landmarks_one_h1_and_a_quiet_log_out(web: TestClient) -> None:
    csrf = web_login(web, "frame@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Ada", "unpaid": "Bake bread for friends"})
    for url in PAGES:
        page = web.get(url)
        assert page.status_code == 200, url
        text = page.text
        assert text.count("<h1") == 1, url
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in text, (url, landmark)
        header = _header(text)
        # "Log out" sits in the account menu, a disclosure, not beside the page's name.
        menu = header.split('<details class="menu">', 1)[1].split("</details>", 1)[0]
        assert "Log out" in menu and header.count("Log out") == 1, url
        path = url.split("?")[0]
        if f'href="{path}"' in header:  # the header marks the page it is on
            assert f'href="{path}" aria-current="page"' in header, url
    visitor = TestClient(web.app).get("/").text
    assert "Log out" not in visitor and 'href="/register"' in _header(visitor)


def test_the_home_page_says_where_a_new_person_stands(web: TestClient) -> None:
    web_login(web, "home@example.org")
    text = main_text(web.get("/").text)
    assert "Where you stand" in text
    assert "Not started: what you love, in your own words" in text
    assert "Not given yet: without it, matches assume you are starting out" in text
    assert "What you want from work" in text  # the fifth step, the values page
    assert "Nothing to rank yet" in text and "No plan yet" in text
    assert "%" not in text  # progress is said in words, not percentages


def test_the_home_page_shows_profile_parts_matches_plan_and_what_is_due(web: TestClient) -> None:
    csrf = web_login(web, "standing@example.org")
    answers = {"csrf": csrf, "name": "Noor", "unpaid": "Bake bread", "causes": "Good food"}
    web.post("/passions", data=answers)
    made = web.post("/plans", data={"csrf": csrf, "target": "51-3011.00", "hours_per_week": "5"})
    assert made.status_code == 200
    page = web.get("/")
    main = page.text.split("<main", 1)[1]
    text = main_text(page.text)
    assert "Hello, Noor" in text
    assert "2 of 4 questions answered" in text
    assert "1 of 5 parts of your profile are filled in" in text
    assert main.count('href="/occupations/') == 5  # the top matches
    ticked = re.search(r"0 of (\d+) checks ticked", text)
    assert ticked is not None and int(ticked.group(1)) > 0
    assert re.search(r"Due (today|tomorrow|in \d days|\d+ [A-Z][a-z]+)", text)
    assert 'href="/plans/' in main


def test_a_plan_says_where_it_stands_in_words_and_its_feed_address_wraps(
    web: TestClient,
) -> None:
    csrf = web_login(web, "words@example.org")
    made = web.post("/plans", data={"csrf": csrf, "target": "51-3011.00", "hours_per_week": "5"})
    page = made.text
    text = main_text(page)
    assert re.search(r"\d+ of \d+ checks ticked", text)
    assert not re.search(r"\d+% ·", text)  # not "33% · not started"
    assert any(state in text for state in ("On track", "Not due to start yet", "Behind"))
    assert re.search(r'<a class="address" href="/feed/[^"]+\.ics">', page)


def test_the_matches_page_lists_results_as_cards_under_a_linked_map(web: TestClient) -> None:
    csrf = web_login(web, "cards@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Kim", "unpaid": "Photograph birds"})
    page = web.get("/matches").text
    assert page.count('<li class="card result"') >= 5
    figure = page.split('<figure class="chart card">', 1)[1].split("</figure>", 1)[0]
    links = re.findall(r'<a href="(/occupations/[^"]+)" aria-label="1\. ', figure)
    assert len(links) == 1  # the map's point 1 opens the first result
    first = page.split('<ol class="results">', 1)[1]
    assert first.split('href="', 1)[1].startswith(links[0] + '"')


def test_the_occupation_page_draws_its_interests_over_the_persons(web: TestClient) -> None:
    visitor = TestClient(web.app).get("/occupations/51-3011.00").text
    assert "Bakers: Realistic" in visitor and "You: Realistic" not in visitor
    csrf = web_login(web, "hexagon@example.org")
    web.post("/passions", data={"csrf": csrf, "name": "Lou", "unpaid": "Bake bread at dawn"})
    page = web.get("/occupations/51-3011.00").text
    assert "You: Realistic" in page and "Bakers: Realistic" in page
    assert "How you fit" in main_text(page)
