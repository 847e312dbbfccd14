"""The contact pages: the book with search and tags, adding and editing, a contact's timeline
with its log form, the due list on the home page, who works where, the check-in feed, and
another person's contacts out of reach. Plain forms: no script needed."""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

from fastapi.testclient import TestClient
from icalendar import Calendar

from tests.sign_in import web_login
from tests.web.conftest import main_text

UX = "15-1255.00"


def _add(web: TestClient, csrf: str, **fields: str) -> int:
    response = web.post("/contacts", data={"csrf": csrf, **fields}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return int(response.headers["location"].rsplit("/", 1)[1])


def test_a_book_built_and_kept_through_the_pages(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    assert "Your book is empty" in main_text(web.get("/contacts").text)
    assert 'href="/contacts"' in web.get("/").text  # in the header's navigation
    sam = _add(
        web,
        csrf,
        given_name="Sam",
        family_name="Patel",
        job_title="Senior UX Designer",
        organisation="Monzo",
        emails="sam@example.org\nsam.patel@example.org",
        phones="020 7946 0958",
        region="gb",
        tags="ux, Mentor",
    )
    lena = _add(web, csrf, display_name="Lena Ortiz", tags="friend", notes="Met at a meetup")
    page = web.get(f"/contacts/{sam}").text
    text = main_text(page)
    assert "Sam Patel" in text and "Web and Digital Interface Designers" in text
    assert "(read from the job title)" in text and 'href="tel:+442079460958"' in page
    assert "Every 30 days, at most 60" in text  # the mentor tag's cadence
    # Search and tags.
    book = main_text(web.get("/contacts", params={"q": "monzo"}).text)
    assert "1 contact matching “monzo”" in book and "Lena Ortiz" not in book
    tagged = main_text(web.get("/contacts", params={"tag": "friend"}).text)
    assert "Lena Ortiz" in tagged and "Sam Patel" not in tagged
    assert "mentor (1)" in main_text(web.get("/contacts").text)
    # Log an interaction 40 days ago with both: the mentor is due, and the home page says so.
    ago = (date.today() - timedelta(days=40)).isoformat()
    logged = web.post(
        f"/contacts/{sam}/log",
        data={
            "csrf": csrf,
            "kind": "informational_interview",
            "on": ago,
            "note": "Portfolio feedback",
            "with": str(lena),
        },
        follow_redirects=False,
    )
    assert logged.status_code == 303
    timeline = main_text(web.get(f"/contacts/{sam}").text)
    assert "Informational interview" in timeline and "Portfolio feedback" in timeline
    assert "with Lena Ortiz" in timeline
    home = web.get("/").text
    check_ins = home.split('id="check-ins-heading"', 1)[1].split("</section>", 1)[0]
    assert "Sam Patel" in check_ins and "Due: 40 days since you were in touch" in check_ins
    assert "Portfolio feedback" in check_ins and "Lena Ortiz" not in check_ins
    # Edit, then delete the interaction and the contact.
    edited = web.post(
        f"/contacts/{sam}/edit",
        data={
            "csrf": csrf,
            "given_name": "Sam",
            "family_name": "Patel",
            "job_title": "Graphic Designer",
            "occupation_codes": UX,
            "tags": "ux",
        },
        follow_redirects=False,
    )
    assert edited.status_code == 303
    # Codes left as shown follow the new title.
    assert "Graphic Designers" in main_text(web.get(f"/contacts/{sam}").text)
    interaction = re.search(
        rf"/contacts/{sam}/interactions/(\d+)/delete", web.get(f"/contacts/{sam}").text
    )
    assert interaction is not None
    web.post(f"/contacts/{sam}/interactions/{interaction.group(1)}/delete", data={"csrf": csrf})
    assert "Nothing logged yet" in main_text(web.get(f"/contacts/{sam}").text)
    web.post(f"/contacts/{lena}/delete", data={"csrf": csrf})
    assert web.get(f"/contacts/{lena}").status_code == 404


def test_errors_are_shown_next_to_the_field_with_what_was_typed(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    x = {"display_name": "X"}
    cases = {
        "emails": (
            {**x, "emails": "not-an-address"},
            "Email addresses: 'not-an-address' is not an email address.",
        ),
        "display_name": ({"tags": "x"}, "Name: A contact needs a name."),
        "birthday": ({**x, "birthday": "23/04/1990"}, "Birthday: enter a date"),
        "ideal_days": ({**x, "ideal_days": "soon"}, "Check in every (days): enter a whole"),
        "occupation_codes": (
            {**x, "occupation_codes": "15-12"},
            "Occupations: '15-12' is not an occupation code.",
        ),
        "max_days": ({**x, "ideal_days": "40", "max_days": "10"}, "At most (days): is shorter"),
    }
    for field, (data, said) in cases.items():
        page = web.post("/contacts", data={"csrf": csrf, **data})
        assert page.status_code == 400, field
        assert f'id="{field}-error"' in page.text and said in html.unescape(main_text(page.text))
        assert re.search(rf'aria-describedby="(?:{field}-hint )?{field}-error"', page.text), field
        assert len(re.findall(r"<[^>]* aria-describedby=[^>]* aria-describedby=", page.text)) == 0
        for value in data.values():
            assert value.replace("'", "&#39;") in page.text  # what was typed is kept
    big = web.post(
        "/contacts",
        data={"csrf": csrf, "display_name": "X"},
        files={"photo": ("big.jpg", b"\xff\xd8" + b"\0" * 600_000, "image/jpeg")},
    )
    assert big.status_code == 400 and "Photo: the picture is over 512 kB." in big.text
    lena = _add(web, csrf, display_name="Lena")
    bad_log = web.post(
        f"/contacts/{lena}/log", data={"csrf": csrf, "kind": "call", "on": "tuesday"}
    )
    assert bad_log.status_code == 400 and "When: enter a date" in bad_log.text
    late = web.post(
        f"/contacts/{lena}/log",
        data={"csrf": csrf, "kind": "call", "on": "2026-03-01", "follow_up_on": "2026-02-01"},
    )
    assert late.status_code == 400 and "Follow up on: is before the interaction." in late.text
    expired = web.post("/contacts", data={"csrf": "stale", "display_name": "Kept"})
    assert expired.status_code == 400 and "Kept" in expired.text
    assert [p for p in main_text(web.get("/contacts").text).split() if p == "Kept"] == []


def test_a_photo_is_served_only_as_a_raster_picture(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    made = web.post(
        "/contacts",
        data={"csrf": csrf, "display_name": "Pic"},
        files={"photo": ("me.png", png, "image/png")},
        follow_redirects=False,
    )
    pic = int(made.headers["location"].rsplit("/", 1)[1])
    served = web.get(f"/contacts/{pic}/photo")
    assert served.content == png and served.headers["content-type"] == "image/png"
    svg = web.post(
        "/contacts",
        data={"csrf": csrf, "display_name": "Svg"},
        files={"photo": ("x.svg", b"<svg><script>1</script></svg>", "image/svg+xml")},
        follow_redirects=False,
    )
    svg_id = int(svg.headers["location"].rsplit("/", 1)[1])
    assert (
        web.get(f"/contacts/{svg_id}/photo").headers["content-type"] == "application/octet-stream"
    )


def test_who_works_where_and_the_secret_feed(web: TestClient) -> None:
    csrf = web_login(web, "priya@example.org")
    sam = _add(web, csrf, display_name="Sam", job_title="UX Designer")
    _add(web, csrf, display_name="Omar", job_title="Graphic Designer")
    _add(web, csrf, display_name="Tom", job_title="Pastry Chef", tags="mentor")
    found = main_text(web.get("/contacts/for", params={"code": UX}).text)
    assert found.index("Sam") < found.index("Omar") and "Tom" not in found
    assert "Works in it" in found and "the 2nd nearest occupation" in found
    assert web.get("/contacts/for", params={"code": "99-9999.00"}).status_code == 404
    book = web.get("/contacts").text
    address = re.search(r'href="http://testserver(/contacts/feed/[^"]+\.ics)"', book)
    assert address is not None
    anonymous = TestClient(web.app)
    old = anonymous.get(address.group(1))
    assert old.status_code == 200 and old.headers["content-type"].startswith("text/calendar")
    assert Calendar.from_ical(old.content).walk("VTODO") == []  # nobody due yet
    web.post("/contacts/feed/new", data={"csrf": csrf})
    assert anonymous.get(address.group(1)).status_code == 404
    assert web.get(f"/contacts/{sam}").status_code == 200


def test_another_person_cannot_reach_the_contacts(web: TestClient) -> None:
    csrf = web_login(web, "a@example.org")
    png = b"\x89PNG\r\n\x1a\n"
    made = web.post(
        "/contacts",
        data={"csrf": csrf, "display_name": "Lena", "tags": "secret-tag"},
        files={"photo": ("me.png", png, "image/png")},
        follow_redirects=False,
    )
    lena = int(made.headers["location"].rsplit("/", 1)[1])
    web.post(f"/contacts/{lena}/log", data={"csrf": csrf, "kind": "call"})
    interaction = re.search(
        rf"/contacts/{lena}/interactions/(\d+)/delete", web.get(f"/contacts/{lena}").text
    )
    assert interaction is not None
    other = TestClient(web.app)
    other_csrf = web_login(other, "b@example.org")
    for url in (f"/contacts/{lena}", f"/contacts/{lena}/edit", f"/contacts/{lena}/photo"):
        assert other.get(url).status_code == 404, url
    for url, data in (
        (f"/contacts/{lena}/edit", {"display_name": "Mine"}),
        (f"/contacts/{lena}/log", {"kind": "call"}),
        (f"/contacts/{lena}/delete", {}),
        (f"/contacts/{lena}/interactions/{interaction.group(1)}/delete", {}),
    ):
        assert other.post(url, data={"csrf": other_csrf, **data}).status_code == 404, url
    theirs = main_text(other.get("/contacts").text) + other.get("/").text
    assert "Lena" not in theirs and "secret-tag" not in theirs
    assert "Lena" in main_text(web.get(f"/contacts/{lena}").text)
    assert len(re.findall(r"/interactions/\d+/delete", web.get(f"/contacts/{lena}").text)) == 1
    signed_out = TestClient(web.app).get("/contacts", follow_redirects=False)
    assert signed_out.status_code == 303 and signed_out.headers["location"] == "/login"
