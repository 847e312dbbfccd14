"""The whole journey in a real browser: Debian's Chromium driven by Playwright.

A new user registers, answers the passion questions and the inventory, sees matches, opens an
occupation, creates a plan and ticks a benchmark, then searches by title with the type-ahead,
explores by description, and opens the API docs with every other host blocked. Screenshots go
to test-artifacts/.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from sqlalchemy import Engine

if TYPE_CHECKING:
    from playwright.sync_api import Page

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, starter_sqlite: Path) -> Iterator[str]:
    import uvicorn

    from passionpath.config import get_settings
    from passionpath.server import create_app
    from passionpath.store import get_engine

    shutil.copyfile(starter_sqlite, tmp_path / "web.db")  # the starter catalog, loaded once
    url = f"sqlite:///{tmp_path / 'web.db'}"
    monkeypatch.setenv("PASSIONPATH_DATABASE_URL", url)
    get_settings.cache_clear()
    engine: Engine = get_engine(url)
    port = _free_port()
    config = uvicorn.Config(
        create_app(engine=engine), host="127.0.0.1", port=port, log_level="warning"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    for _ in range(100):
        if instance.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


def fits_the_width(page: Page) -> None:
    """Nothing on the page is wider than the window: no sideways scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert width <= 0, f"{page.url} scrolls sideways by {width} px"


#: Every page a signed-in person reaches, checked with axe-core for accessibility.
ACCESSIBILITY = [
    "/",
    "/passions",
    "/inventory",
    "/background",
    "/skills",
    "/values",
    "/profile",
    "/matches",
    "/occupations/51-3011.00",
    "/gaps?target=51-3011.00",
    "/plans",
    "/search?q=baker",
    "/explore",
    "/compare?o=51-3011.00&o=27-4021.00",
    "/transitions",
    "/account",
    "/contacts",
    "/contacts/new",
    "/contacts/for?code=15-1255.00",
    "/applications",
    "/applications/funnel",
    "/applications/insights",
    "/applications/import",
    "/cvs",
    "/community",
]


def accessible(page: Page) -> None:
    """axe-core (bundled with axe-playwright-python, nothing downloaded) finds no serious or
    critical violation on the page."""
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in found
        if v["impact"] in {"serious", "critical"}
    ]
    assert not serious, f"{page.url}: {serious}"


#: The main pages, shot again on a desktop-sized window.
DESKTOP = [
    ("0-home", "/"),
    ("3-matches", "/matches"),
    ("4-occupation", "/occupations/51-3011.00"),
    ("6-search", "/search?q=baker"),
    ("8-compare", "/compare?o=51-3011.00&o=27-4021.00"),
]


def test_journey_in_chromium(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--headless",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        page.set_default_timeout(30_000)
        page.goto(server + "/register")
        page.get_by_label("Email").fill("journey@example.org")
        page.get_by_label("Password").fill("a long enough password")
        page.get_by_role("button", name="Create an account").click()
        expect(page.get_by_role("heading", name="What do you love?")).to_be_visible()
        page.get_by_label("Your name").fill("Jo Journey")
        page.get_by_label("What activities make you lose track of time?").fill(
            "Baking bread at dawn and photographing the loaves for my blog"
        )
        page.get_by_label("What would you do unpaid?").fill(
            "Teach kids to cook at the community centre"
        )
        page.screenshot(path=str(ARTIFACTS / "1-passions.png"), full_page=True)
        page.get_by_role("button", name="Save").click()
        expect(page.get_by_role("heading", name="Interest inventory")).to_be_visible()
        groups = page.locator("fieldset")
        for i in range(groups.count()):
            groups.nth(i).get_by_label("Like", exact=True).check()
        expect(page.locator("#progress")).to_have_text("60 of 60 answered")
        page.screenshot(path=str(ARTIFACTS / "2-inventory.png"))
        page.get_by_role("button", name="Score my interests").click()
        expect(page.get_by_role("heading", name="What you have done")).to_be_visible()
        page.get_by_label("Level").first.select_option("Bachelor's degree")
        page.get_by_label("Field of study").first.fill("Nutrition")
        page.get_by_label("Job title").first.fill("Baker")
        page.get_by_label("From (year or year-month)").first.fill("2019-09")
        page.screenshot(path=str(ARTIFACTS / "2b-background.png"), full_page=True)
        page.get_by_role("button", name="Save and continue").click()
        expect(page.get_by_role("heading", name="Your skills and knowledge")).to_be_visible()
        page.get_by_role("button", name="Save ratings").click()
        expect(page.get_by_role("heading", name="What you want from work")).to_be_visible()
        page.get_by_label("Independence").select_option("Very important")
        page.get_by_role("button", name="Save and see my matches").click()
        expect(page.get_by_role("heading", name="Your matches")).to_be_visible()
        expect(page.locator("svg").first).to_be_visible()
        fits_the_width(page)
        # A point of the map reached with the keyboard says which result it is.
        page.locator("figure.chart a.point").first.focus()
        expect(page.locator(".chart-detail")).to_contain_text("1. ")
        expect(page.get_by_text("photographing the loaves").first).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "3-matches.png"), full_page=True)
        page.locator(".results h3 a").first.click()
        expect(page.get_by_text("O*NET-SOC")).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "4-occupation.png"), full_page=True)
        page.get_by_role("button", name="Make a plan for this career").click()
        expect(page.get_by_role("heading", name="Plan:")).to_be_visible()
        page.get_by_role("button", name="Tick").first.click()
        expect(page.get_by_text("Done:").first).to_be_visible()
        fits_the_width(page)  # the calendar feed's long address wraps
        page.screenshot(path=str(ARTIFACTS / "5-plan.png"), full_page=True)
        page.goto(server + "/")
        expect(page.get_by_role("heading", name="Hello, Jo Journey")).to_be_visible()
        plan = page.get_by_role("region", name="Your plan")
        expect(plan).to_contain_text("1 of ")
        expect(plan).to_contain_text("checks ticked")
        fits_the_width(page)
        page.screenshot(path=str(ARTIFACTS / "0-home.png"), full_page=True)
        # Finding occupations: the type-ahead fills the field's list as a title is typed.
        page.goto(server + "/search")
        page.get_by_label("Job title").fill("photgr")
        suggestion = page.locator("#q-suggestions option").first
        expect(suggestion).to_have_attribute("value", "Photographers")
        page.get_by_role("button", name="Search").click()
        expect(page.get_by_role("link", name="Photographers", exact=True)).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "6-search.png"), full_page=True)
        page.goto(server + "/explore")
        page.get_by_label("Work you would love").fill("Baking bread and cakes for the village")
        page.get_by_role("button", name="Explore").click()
        expect(page.get_by_role("link", name="Bakers", exact=True)).to_be_visible()
        page.screenshot(path=str(ARTIFACTS / "7-explore.png"), full_page=True)
        page.goto(server + "/gaps?target=51-3011.00")
        fits_the_width(page)
        # The account menu opens without a script of its own and holds "Log out".
        page.get_by_text("Account", exact=True).click()
        expect(page.get_by_role("button", name="Log out")).to_be_visible()
        # The main pages on a desktop window: the first screenful of each, for the README.
        page.set_viewport_size({"width": 1280, "height": 800})
        for name, path in DESKTOP:
            page.goto(server + path)
            fits_the_width(page)
            page.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        for name, path in DESKTOP:
            page.goto(server + path)
            page.screenshot(path=str(ARTIFACTS / f"{name}-390.png"))
        for path in ACCESSIBILITY:
            page.goto(server + path)
            accessible(page)
        # A contact added and an interaction logged with the plain forms, and the timeline.
        page.goto(server + "/contacts/new")
        page.get_by_label("Name", exact=True).fill("Lena Ortiz")
        page.get_by_label("Job title").fill("Senior UX Designer")
        page.get_by_label("Tags").fill("mentor")
        page.get_by_role("button", name="Add the contact").click()
        expect(page.get_by_role("heading", name="Lena Ortiz")).to_be_visible()
        page.get_by_label("What happened", exact=True).select_option("informational_interview")
        page.get_by_label("Note", exact=True).fill("Portfolio review")
        page.get_by_role("button", name="Log it").click()
        expect(page.get_by_text("Portfolio review")).to_be_visible()
        fits_the_width(page)
        accessible(page)
        # A CV made for an occupation, with its preview, theme and summary.
        page.goto(server + "/cvs")
        page.get_by_label("Occupation").fill("27-4021.00")
        page.get_by_role("button", name="Make the CV").click()
        expect(page.get_by_role("heading", name="CV for Photographers")).to_be_visible()
        fits_the_width(page)
        accessible(page)
        cv_page = page.url
        for theme in ("Modern", "Classic"):  # each theme's page passes axe on its own too
            page.goto(cv_page)
            page.get_by_label(theme, exact=False).check()
            page.get_by_role("button", name="Save").click()
            expect(page.get_by_text("Saved.")).to_be_visible()
            page.goto(cv_page + "/preview")
            accessible(page)
        # The API docs render with nothing but this server to load from.
        page.route(
            "**/*",
            lambda route: (
                route.continue_() if route.request.url.startswith(server) else route.abort()
            ),
        )
        page.goto(server + "/api/v1/docs")
        expect(page.get_by_text("/api/v1/occupations/{code}/similar")).to_be_visible()
        accessible(page)
        page.get_by_role("link", name="Try the calls in Swagger UI").click()
        expect(page.get_by_text("/api/v1/occupations/{code}/similar")).to_be_visible()
        browser.close()
