"""The CSV import page: upload, see each column as it would be read, change any, import all
rows or none; errors name the line and column; the upload is the person's own."""

from __future__ import annotations

import html
import re

from fastapi.testclient import TestClient

from tests.sign_in import web_login
from tests.web.conftest import main_text

HUNTR = (
    "Company,Job Title,List,Date Applied,Notes\n"
    "Lumen Health,UX Designer,Rejected,2026-03-02,Portfolio round\n"
    "Brightpath,Product Designer,Applied,2026-03-05,\n"
)
SHEET = "Firm,What,Where from,Progress\nGlobex,UX Designer,Meetup,Maybe later\n"


def _upload(web: TestClient, csrf: str, name: str, text: str) -> tuple[str, str]:
    page = web.post("/applications/import", data={"csrf": csrf}, files={"file": (name, text)})
    assert page.status_code == 200, page.text
    token = re.search(r'name="token" value="([^"]+)"', page.text)
    assert token is not None
    return page.text, token.group(1)


def _selected(page: str) -> list[str]:
    """The field chosen under each column."""
    selects = re.findall(r'<select id="column-\d+" name="column-\d+">(.*?)</select>', page, re.S)
    return [re.findall(r'<option value="([^"]*)" selected>', s)[0] for s in selects]


def test_a_huntr_file_is_shown_as_read_and_imported(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    first = web.get("/applications/import").text
    assert "At most 20 MB and 5,000 rows" in main_text(first)
    page, token = _upload(web, csrf, "huntr.csv", HUNTR)
    assert _selected(page) == ["company", "role_title", "status", "applied_on", "notes"]
    assert "huntr.csv: 2 rows" in main_text(page) and "Lumen Health" in page
    assert "0 applications, by stage" in main_text(web.get("/applications").text)  # not yet
    # Leave the notes out and check: nothing is imported by checking.
    columns = {"column-0": "company", "column-1": "role_title", "column-2": "status",
               "column-3": "applied_on", "column-4": ""}  # fmt: skip
    checked = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "check", **columns},
    )
    assert checked.status_code == 200
    assert "Checked: 2 rows can be imported (1 rejected, 1 applied)" in main_text(checked.text)
    assert _selected(checked.text)[-1] == ""  # the choice is kept
    done = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "import", **columns},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/applications?imported=2"
    board = main_text(web.get("/applications?imported=2").text)
    assert "Imported 2 applications" in board and "2 applications, by stage" in board
    assert "Portfolio round" not in web.get("/applications").text
    again = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "import", **columns},
    )
    assert again.status_code == 400 and "no longer here" in again.text


def test_a_spreadsheet_needs_its_columns_chosen_and_errors_name_line_and_column(
    web: TestClient,
) -> None:
    csrf = web_login(web, "sam@example.org")
    page, token = _upload(web, csrf, "sheet.csv", SHEET)
    assert _selected(page) == ["", "", "", ""]
    unchosen = web.post("/applications/import/confirm",
                        data={"csrf": csrf, "token": token, "action": "import"})  # fmt: skip
    assert unchosen.status_code == 400
    assert "Choose the column that holds the Company and the Role." in main_text(unchosen.text)
    columns = {"column-0": "company", "column-1": "role_title", "column-2": "source",
               "column-3": "status"}  # fmt: skip
    bad = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "import", **columns},
    )
    assert bad.status_code == 400
    text = html.unescape(main_text(bad.text))
    assert "Line 2 of the file, column “Progress”: 'Maybe later' is not a status" in text
    assert "Nothing was imported" in text and _selected(bad.text) == list(columns.values())
    twice = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "import", **columns, "column-2": "company"},
    )
    assert twice.status_code == 400 and "company is chosen for two columns" in main_text(twice.text)
    columns["column-3"] = ""
    done = web.post(
        "/applications/import/confirm",
        data={"csrf": csrf, "token": token, "action": "import", **columns},
        follow_redirects=False,
    )
    assert done.status_code == 303
    assert "UX Designer" in web.get("/applications").text


def test_a_bad_file_is_named_and_another_person_cannot_import_the_upload(
    web: TestClient,
) -> None:
    csrf = web_login(web, "a@example.org")
    empty = web.post("/applications/import", data={"csrf": csrf}, files={"file": ("e.csv", "")})
    assert empty.status_code == 400 and "CSV file: the file is empty" in main_text(empty.text)
    _, token = _upload(web, csrf, "huntr.csv", HUNTR)
    web.post("/logout", data={"csrf": csrf})
    other = web_login(web, "b@example.org")
    stolen = web.post(
        "/applications/import/confirm",
        data={
            "csrf": other,
            "token": token,
            "action": "import",
            "column-0": "company",
            "column-1": "role_title",
        },
    )
    assert stolen.status_code == 400 and "no longer here" in stolen.text
    assert "0 applications, by stage" in main_text(web.get("/applications").text)
    assert web.get("/applications/import", follow_redirects=False).status_code == 200
    web.post("/logout", data={"csrf": other})
    assert web.get("/applications/import", follow_redirects=False).status_code == 303
