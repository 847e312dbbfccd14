"""Finding occupations on the pages: search with type-ahead, explore, transitions chosen by
title, and the side-by-side comparison."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from passionpath.limits import MAX_COMPARE, MAX_QUERY_CHARS
from tests.sign_in import web_login
from tests.web.conftest import csrf_of, main_text


def test_search_finds_titles_despite_typos_and_offers_comparison(web: TestClient) -> None:
    page = web.get("/search", params={"q": "photgrapher"})
    assert page.status_code == 200
    assert '<a href="/occupations/27-4021.00">Photographers</a>' in page.text
    assert 'name="o" value="27-4021.00"' in page.text  # tick it to compare
    assert 'value="photgrapher"' in page.text  # the query stays in its field


def test_search_names_alternate_titles_and_says_when_nothing_is_found(web: TestClient) -> None:
    page = web.get("/search", params={"q": "executive chef"})
    assert "Chefs and Head Cooks" in page.text and "also called Executive Chef" in page.text
    nothing = main_text(web.get("/search", params={"q": "zzzqqqxx"}).text)
    assert "Nothing in the catalog is called “zzzqqqxx”" in nothing
    assert "<a" not in nothing


def test_a_too_long_search_is_refused_next_to_the_field(web: TestClient) -> None:
    query = "baker " * (MAX_QUERY_CHARS // 6 + 1)
    page = web.get("/search", params={"q": query})
    assert page.status_code == 400
    field = re.search(r'<input id="q"[^>]*>', page.text)
    assert field is not None and 'aria-describedby="q-error"' in field.group(0)
    assert f"the limit is {MAX_QUERY_CHARS}" in page.text.split('id="q-error"', 1)[1][:300]


def test_suggestions_are_json_titles_for_the_type_ahead(web: TestClient) -> None:
    found = web.get("/search/suggest", params={"q": "bakr"}).json()
    assert found["suggestions"][0] == {
        "code": "51-3011.00",
        "title": "Bakers",
        "matched_title": "Bakers",
    }
    assert web.get("/search/suggest", params={"q": "b"}).json()["suggestions"] == []
    too_long = web.get("/search/suggest", params={"q": "b" * (MAX_QUERY_CHARS + 1)})
    assert too_long.status_code == 200 and too_long.json()["suggestions"] == []
    script = web.get("/static/suggest.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    assert "/search/suggest?q=" in script.text and "datalist" in script.text.lower()
    # Every page with an occupation field loads it and gives the field its list.
    for url in ("/search", "/transitions", "/compare"):
        page = web.get(url).text
        assert '<script src="/static/suggest.js" defer></script>' in page
        assert re.search(r'list="([\w-]+)"[^>]*data-suggest', page), url
        assert "<datalist" in page


def test_explore_turns_a_description_into_occupations(web: TestClient) -> None:
    form = web.get("/explore").text
    text = "Baking bread and pastries early in the morning for the neighbourhood"
    page = web.post("/explore", data={"csrf": csrf_of(form), "text": text})
    assert page.status_code == 200
    assert '<a href="/occupations/51-3011.00">Bakers</a>' in page.text
    assert text in page.text  # the description stays in its box


def test_explore_says_what_is_wrong_next_to_the_box_and_keeps_the_words(web: TestClient) -> None:
    csrf = csrf_of(web.get("/explore").text)
    french = "J'aime faire du pain et des gâteaux pour mes voisins le matin"
    page = web.post("/explore", data={"csrf": csrf, "text": french})
    assert page.status_code == 400
    assert 'id="text-error"' in page.text and "not English" in page.text
    assert "J&#39;aime faire du pain" in page.text
    blank = web.post("/explore", data={"csrf": csrf, "text": "   "})
    assert blank.status_code == 400 and "nothing to go on" in blank.text
    expired = web.post("/explore", data={"csrf": "old", "text": "I love fixing bikes"})
    assert expired.status_code == 400 and "expired" in expired.text
    assert "I love fixing bikes</textarea>" in expired.text


def test_transitions_take_titles_and_offer_choices_when_ambiguous(web: TestClient) -> None:
    page = web.get("/transitions", params={"from": "nurse", "to": "baker"})
    assert "Which one do you mean by “nurse”?" in page.text
    assert "/transitions?to=baker&amp;from=29-1141.00" in page.text  # keeps the other field
    assert "Stepping stones" not in page.text
    chosen = web.get("/transitions", params={"from": "29-1141.00", "to": "baker"})
    assert chosen.status_code == 200
    assert 'value="Registered Nurses"' in chosen.text and 'value="Bakers"' in chosen.text
    text = main_text(chosen.text)
    assert "Easiest moves from Registered Nurses" in text
    assert "Stepping stones from Registered Nurses to Bakers" in text


def test_transitions_say_what_is_wrong_next_to_the_field(web: TestClient) -> None:
    page = web.get("/transitions", params={"from": "zzzqqqxx", "to": "Bakers"})
    assert page.status_code == 400
    assert 'id="from-error"' in page.text
    assert "Your job now: nothing in the catalog is called “zzzqqqxx”" in page.text
    same = web.get("/transitions", params={"from": "baker", "to": "Bakers"})
    assert same.status_code == 400 and 'id="to-error"' in same.text
    assert "same occupation" in same.text


def test_compare_shows_two_or_three_occupations_side_by_side(web: TestClient) -> None:
    params = [("o", "baker"), ("o", "27-4021.00"), ("o", "Registered Nurses")]
    page = web.get("/compare", params=params)
    assert page.status_code == 200
    text = main_text(page.text)
    for title in ("Bakers", "Photographers", "Registered Nurses"):
        assert title in text
    for row in ("Job zone", "Interests code", "Education", "Top skills", "Top knowledge", "tasks"):
        assert row in text
    assert "Log in to see how you fit each one" in text
    assert "Your fit" not in text


def test_compare_refuses_too_many_or_the_same_twice_and_asks_when_unsure(
    web: TestClient,
) -> None:
    many = [("o", t) for t in ("baker", "chef", "nurse", "photographer")[: MAX_COMPARE + 1]]
    too_many = web.get("/compare", params=many)
    assert too_many.status_code == 400 and "compare two or" in too_many.text
    twice = web.get("/compare", params=[("o", "baker"), ("o", "51-3011")])
    assert twice.status_code == 400 and "two different occupations" in twice.text
    one = main_text(web.get("/compare", params={"o": "51-3011.00"}).text)
    assert "Type a second occupation to compare with Bakers" in one
    unsure = web.get("/compare", params=[("o", "baker"), ("o", "chef")])
    assert "Which one do you mean by “chef”?" in unsure.text
    assert "/compare?o=Bakers&amp;o=35-1011.00" in unsure.text


def test_compare_adds_the_fit_of_a_signed_in_person_once_they_said_what_they_love(
    web: TestClient,
) -> None:
    csrf = web_login(web, "compare@example.org")
    params = [("o", "Bakers"), ("o", "Photographers")]
    before = main_text(web.get("/compare", params=params).text)
    assert "first tell us what you love" in before and "Your fit" not in before
    answers = {"csrf": csrf, "name": "Cam", "lose_track_of_time": "Baking bread at dawn"}
    assert web.post("/passions", data=answers).status_code == 200
    after = main_text(web.get("/compare", params=params).text)
    assert "Your fit" in after and "passion 0." in after and "Your top gaps" in after
