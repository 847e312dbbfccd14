"""Empty states, messages in the site's own words, and forms that keep what was typed."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_TEXT_CHARS
from tests.sign_in import PASSWORD, web_login
from tests.web.conftest import csrf_of, main_text

WEB = Path(__file__).resolve().parents[2] / "src" / "passionpath" / "web"
#: What a page must never ask of a person: a command to run, or a command-line flag.
COMMAND = re.compile(r"`passionpath\b|passionpath (data|profile|plan|match|serve|path)\b|\s--[a-z]")


def test_a_new_user_sees_what_to_do_first_not_a_ranking(web: TestClient) -> None:
    csrf = web_login(web, "new@example.org")
    page = web.get("/matches")
    assert page.status_code == 200
    text = main_text(page.text)
    assert "Nothing to rank yet" in text
    assert 'class="results"' not in page.text and "<svg" not in page.text
    for link in ("/passions", "/inventory", "/explore", "/search"):
        assert f'href="{link}"' in page.text.split("<main", 1)[1]
    # Words about what the person loves are enough to rank.
    answers = {"csrf": csrf, "name": "Noor", "unpaid": "Photograph birds at the lake"}
    assert web.post("/passions", data=answers).status_code == 200
    ranked = web.get("/matches")
    assert 'class="results"' in ranked.text and "Nothing to rank yet" not in ranked.text
    # ... and the page says preparation is still unknown, with where to give it.
    assert "as if you were starting out" in main_text(ranked.text)


def test_empty_profile_and_plans_pages_say_where_to_start(web: TestClient) -> None:
    web_login(web, "empty@example.org")
    profile = web.get("/profile").text.split("<main", 1)[1]
    for link in ("/inventory", "/passions", "/skills"):
        assert f'href="{link}"' in profile
    plans = web.get("/plans").text.split("<main", 1)[1]
    assert "No plan yet" in plans and 'href="/matches"' in plans and 'href="/search"' in plans


def _page_words() -> list[tuple[str, str]]:
    """(file, text) for everything the web face can put in front of a person: the templates
    without their style sheets, and the strings of its Python code other than docstrings."""
    found = []
    for path in WEB.rglob("*.html"):
        html = re.sub(r"<style>.*?</style>", "", path.read_text(encoding="utf-8"), flags=re.S)
        found.append((path.name, html))
    for path in WEB.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        documented = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            text = isinstance(node, ast.Constant) and isinstance(node.value, str)
            if text and id(node) not in documented:
                found.append((path.name, str(node.value)))
    return found


def test_no_page_tells_a_person_to_run_a_command() -> None:
    words = _page_words()
    assert any(name == "_errors.py" for name, _ in words)
    assert [(name, text) for name, text in words if COMMAND.search(text)] == []
    assert COMMAND.search("`passionpath plan list` shows your plans")  # the rule can fail
    assert COMMAND.search("rerun with --hours-per-week 5")


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("/occupations/99-9999.00", "/search"),
        ("/gaps?target=99-9999.00", "/search"),
        ("/plans/987654", "/plans"),
    ],
)
def test_errors_link_to_the_page_where_to_fix_them(web: TestClient, url: str, link: str) -> None:
    web_login(web, f"lost{abs(hash(url))}@example.org")
    page = web.get(url)
    assert page.status_code == 404
    main = page.text.split("<main", 1)[1]
    assert 'role="alert"' in main and f'href="{link}"' in main
    assert not COMMAND.search(main_text(page.text))
    assert "javascript:" not in page.text  # "go back" must work without scripts


def test_a_bad_address_is_answered_with_a_page_and_the_api_keeps_its_json(
    web: TestClient,
) -> None:
    web_login(web, "address@example.org")
    page = web.get("/matches", params={"top": "999"})
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "top: Input should be less than or equal to 50" in main_text(page.text)
    api = web.get("/api/v1/occupations", params={"q": ""})
    assert api.status_code == 422 and api.json()["detail"][0]["loc"] == ["query", "q"]


def test_every_kind_of_core_error_has_web_words() -> None:
    from passionpath.web._errors import _ADVICE, advice, in_words

    kinds = {"unknown_occupation", "unknown_plan", "no_active_plan", "unknown_benchmark"}
    kinds |= {"empty_catalog", "no_profiles"}
    assert kinds <= set(_ADVICE)
    error = NotFoundError("No plan 5.", field="plan", hint="core words", kind="unknown_plan")
    said = advice(error)
    assert said is not None and said.href == "/plans" and "core words" not in said.text
    assert in_words(PassionpathError("is empty.", field="to"), "The job you want") == (
        "The job you want: is empty."
    )


def test_a_refused_registration_keeps_the_email_and_says_why_next_to_it(
    web: TestClient,
) -> None:
    web_login(web, "taken@example.org")
    other = TestClient(web.app)
    csrf = csrf_of(other.get("/register").text)
    page = other.post("/register", data={"email": "taken@example.org", "password": PASSWORD,
                                         "csrf": csrf})  # fmt: skip
    assert page.status_code == 400
    assert 'value="taken@example.org"' in page.text
    assert 'id="email-error"' in page.text and "exists already" in page.text
    short = other.post("/register", data={"email": "new@example.org", "password": "short",
                                          "csrf": csrf})  # fmt: skip
    assert 'value="new@example.org"' in short.text and 'id="password-error"' in short.text
    assert 'value="short"' not in short.text  # a password is never sent back
    wrong = other.post("/login", data={"email": "taken@example.org", "password": "nope",
                                       "csrf": csrf})  # fmt: skip
    assert wrong.status_code == 401 and 'value="taken@example.org"' in wrong.text


def test_the_passion_answers_are_bounded_and_kept_when_refused(web: TestClient) -> None:
    csrf = web_login(web, "long@example.org")
    too_long = "I love baking. " * (MAX_TEXT_CHARS // 15 + 1)
    answers = {"csrf": csrf, "name": "Lee", "causes": too_long, "talents": "Patience"}
    page = web.post("/passions", data=answers)
    assert page.status_code == 400
    assert 'id="causes-error"' in page.text and f"the limit is {MAX_TEXT_CHARS}" in page.text
    assert ">Patience</textarea>" in page.text and 'value="Lee"' in page.text
    assert "Patience" not in web.get("/profile").text  # nothing was saved
    expired = web.post("/passions", data={**answers, "causes": "Kids", "csrf": "old"})
    assert expired.status_code == 400 and "expired" in expired.text
    assert ">Kids</textarea>" in expired.text


def test_a_plan_that_cannot_be_made_shows_the_form_again_as_filled_in(web: TestClient) -> None:
    csrf = web_login(web, "planner@example.org")
    form = {"csrf": csrf, "target": "51-3011.00", "hours_per_week": "90", "obstacle": "time"}
    page = web.post("/plans", data=form)
    assert page.status_code == 400
    assert 'id="hours-error"' in page.text and "above 80" in page.text
    assert 'value="90"' in page.text
    assert re.search(r'value="time" checked', page.text)
    not_a_number = web.post("/plans", data={**form, "hours_per_week": "lots"})
    assert not_a_number.status_code == 400 and "enter a number" in not_a_number.text
    assert web.get("/plans").text.count('href="/plans/') == 0  # no plan was made


def test_the_delete_confirmation_is_kept_and_explained(web: TestClient) -> None:
    csrf = web_login(web, "keep@example.org")
    page = web.post("/account/delete", data={"csrf": csrf, "confirm": "delete"})
    assert page.status_code == 400
    assert 'value="delete"' in page.text and 'id="confirm-error"' in page.text
    assert web.get("/account").status_code == 200  # still signed in, still there


def test_a_tampered_skill_level_is_not_a_server_error(web: TestClient) -> None:
    csrf = web_login(web, "skills@example.org")
    response = web.post("/skills", data={"csrf": csrf, "2.A.1.a": "banana", "2.A.1.b": "99"})
    assert response.status_code == 200  # saved what could be read, then on to matches
    assert "Reading Comprehension" not in web.get("/profile").text
