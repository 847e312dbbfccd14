"""The community page: join with chosen fields, errors next to the field with what was typed
kept, tribe and requests, and nothing of anyone who did not opt in."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from passionpath.community import Choices, add_synthetic, list_requests
from passionpath.server import create_app
from tests.sign_in import web_login
from tests.web.conftest import main_text


@pytest.fixture
def web(default_starter_engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(engine=default_starter_engine)) as client:
        yield client


def _join(web: TestClient, csrf: str, **kw: object) -> str:
    data: dict[str, object] = {
        "csrf": csrf,
        "display_name": "Maya",
        "features": ["tribe"],
        "visible": ["display_name", "passions"],
        "passions": "sourdough baking\nfood photography",
        **kw,
    }
    return web.post("/community/join", data=data).text


def test_join_see_the_tribe_connect_and_leave(
    web: TestClient, default_starter_engine: Engine
) -> None:
    [ben] = add_synthetic(
        [
            Choices(
                display_name="Ben (synthetic)",
                features=("tribe",),
                passions=("baking bread at weekends",),
            )
        ],
        default_starter_engine,
    )
    csrf = web_login(web, "maya@example.org")
    page = web.get("/community").text
    assert "Join the community" in page and "Ben" not in main_text(page)
    page = _join(web, csrf)
    text = main_text(page)
    assert "Saved: this is what others in the community see of you." in text
    assert "Ben (synthetic)" in text
    assert "Ben (synthetic) wrote \u201cbaking bread at weekends\u201d" in text
    web.post("/community/connect", data={"csrf": csrf, "member": ben})
    assert "To Ben (synthetic)" in main_text(web.get("/community").text)
    web.post("/community/block", data={"csrf": csrf, "member": ben})
    assert "Ben" not in main_text(web.get("/community").text)
    page = web.post("/community/leave", data={"csrf": csrf}).text
    assert "You have left the community." in main_text(page)


def test_errors_next_to_the_field_with_what_was_typed(web: TestClient) -> None:
    csrf = web_login(web, "maya@example.org")
    response = web.post(
        "/community/join",
        data={
            "csrf": csrf,
            "display_name": "Maya",
            "features": ["tribe"],
            "availability": "call me on +44 20 7946 0018",
            "passions": "sourdough baking",
        },
    )
    assert response.status_code == 400
    assert 'id="availability-error"' in response.text
    assert "looks like contact details" in response.text
    assert "sourdough baking" in response.text  # what was typed is kept
    response = web.post(
        "/community/join",
        data={"csrf": csrf, "display_name": "M", "features": ["mentor"], "mentor_capacity": "lots"},
    )
    assert 'id="mentor_capacity-error"' in response.text


def test_nobody_else_answers_a_request_or_sees_what_was_not_opted_in(
    web: TestClient, default_starter_engine: Engine
) -> None:
    csrf = web_login(web, "a@example.org")
    _join(web, csrf, display_name="Ana")
    other = TestClient(web.app)
    other_csrf = web_login(other, "b@example.org")
    # B has not joined: B's page shows nobody, and B cannot be found by A.
    assert "Ana" not in main_text(other.get("/community").text)
    _join(other, other_csrf, display_name="Bo", visible=["display_name"])
    page = web.get("/community").text
    assert "Bo" not in main_text(page)  # Bo shows no passions, so shares none
    third = TestClient(web.app)
    third_csrf = web_login(third, "c@example.org")
    _join(third, third_csrf, display_name="Cy")
    cy_page = third.get("/community").text
    assert "Ana" in main_text(cy_page)
    member = int(cy_page.split('name="member" value="', 1)[1].split('"', 1)[0])
    third.post("/community/connect", data={"csrf": third_csrf, "member": member})
    ana = 1  # the first account of this fresh database
    [request] = list_requests(default_starter_engine, owner=ana)
    # Bo may not answer a request made to Ana.
    answered = other.post(f"/community/requests/{request.id}/accept", data={"csrf": other_csrf})
    assert answered.status_code == 404
    assert (
        web.post(f"/community/requests/{request.id}/accept", data={"csrf": csrf}).status_code == 200
    )
