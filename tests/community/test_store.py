"""Opt-in, privacy, requests, blocks, reports and leaving, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select

from passionpath import accounts
from passionpath.community import (
    Choices,
    CommunityError,
    add_synthetic,
    answer_request,
    block,
    join,
    leave,
    list_requests,
    me,
    my_membership,
    on_membership_change,
    report,
    send_request,
    visible_member,
    visible_members,
)
from passionpath.errors import NotFoundError
from passionpath.limits import MAX_REQUESTS_PER_DAY
from passionpath.network import list_contacts
from passionpath.store import models as m

PASSWORD = "a long enough password"


def _people(engine: Engine) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        accounts.register(engine, f"{n}@example.org", PASSWORD) for n in ("ana", "ben", "cy")
    )


def _join(engine: Engine, owner: int | None, name: str, *features: str, **kw: object) -> int:
    choices = Choices(
        display_name=name,
        features=features or ("tribe",),
        passions=kw.pop("passions", ("sourdough baking", "food photography")),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )
    return join(choices, engine, owner=owner).id


def test_nobody_who_did_not_opt_in_appears(engine: Engine) -> None:
    ana, ben, cy = _people(engine)
    _join(engine, ana, "Ana", "tribe")
    # Ben has an account but never joined; Cy joined only for study groups.
    _join(engine, cy, "Cy", "study_groups")
    seen = visible_members(engine, owner=ana)
    assert [p.display_name for p in seen] == ["Cy"]
    assert visible_members(engine, owner=ana, feature="tribe") == []
    assert visible_members(engine, owner=ana, feature="mentor") == []
    assert [p.display_name for p in visible_members(engine, owner=ben, feature="tribe")] == ["Ana"]
    with pytest.raises(NotFoundError):
        visible_member(999, engine, owner=ana)


def test_only_chosen_fields_are_shown_and_used(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(
        engine,
        ana,
        "Ana",
        "tribe",
        "mentor",
        visible=("passions", "location"),
        city="Leeds",
        remote=True,
        current_occupation="15-1252.00",
        target_careers=("27-4021.00",),
        availability="weekends",
        mentor_capacity=2,
    )
    [seen] = visible_members(engine, owner=ben)
    assert seen.display_name.startswith("Member ")
    assert seen.passions == ("sourdough baking", "food photography")
    assert seen.location == "Leeds or remote"
    assert seen.current_occupation is None and seen.target_careers == ()
    assert seen.availability is None
    shown = seen.shown()
    assert "email" not in str(shown) and "ana@example.org" not in str(shown)
    assert set(shown) == {"id", "name", "passions", "location", "mentor_capacity", "features"}
    # Her own record keeps everything she gave.
    assert me(engine, owner=ana).current_occupation == "15-1252.00"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"features": ()}, "features"),
        ({"features": ("dating",)}, "features[0]"),
        ({"visible": ("email",)}, "visible[0]"),
        ({"features": ("mentor",), "mentor_capacity": 0}, "mentor_capacity"),
        ({"passions": ("write to me at ana@example.org",)}, "passions[0]"),
        ({"availability": "call +44 20 7946 0018"}, "availability"),
        ({"target_careers": ("nurse",)}, "target_careers[0]"),
        ({"display_name": "  "}, "display_name"),
        ({"passions": tuple(f"p{i}" for i in range(31))}, "passions"),
    ],
)
def test_bad_choices_name_the_field(engine: Engine, change: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"display_name": "Ana", "features": ("tribe",)}
    with pytest.raises(CommunityError) as caught:
        join(Choices(**{**base, **change}), engine)  # type: ignore[arg-type]
    assert caught.value.field == field
    assert my_membership(engine) is None


def test_a_request_accepted_puts_both_in_each_others_book(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(engine, ana, "Ana", visible=("display_name", "passions"))
    ben_id = _join(engine, ben, "Ben", passions=("astronomy",))
    request = send_request(ben_id, engine, owner=ana, note="Hello from a fellow baker")
    with pytest.raises(CommunityError):
        send_request(ben_id, engine, owner=ana)  # already waiting
    [outgoing] = list_requests(engine, owner=ana)
    assert outgoing.status == "pending" and not outgoing.incoming
    # Only the person asked can answer.
    with pytest.raises(NotFoundError):
        answer_request(request, True, engine, owner=ana)
    answer_request(request, True, engine, owner=ben)
    [ana_book] = list_contacts(engine, owner=ana)
    [ben_book] = list_contacts(engine, owner=ben)
    assert ana_book.display_name == "Ben" and ana_book.tags == ("community",)
    assert ben_book.display_name == "Ana"
    assert ben_book.passions == "sourdough baking; food photography"
    assert ana_book.emails == () and ben_book.emails == ()
    assert list_contacts(engine, owner=None) == []


def test_a_declined_request_adds_nobody(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(engine, ana, "Ana")
    ben_id = _join(engine, ben, "Ben")
    request = send_request(ben_id, engine, owner=ana)
    assert answer_request(request, False, engine, owner=ben).status == "declined"
    assert list_contacts(engine, owner=ana) == list_contacts(engine, owner=ben) == []


def test_a_mentor_request_needs_a_mentor(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(engine, ana, "Ana", "mentee")
    ben_id = _join(engine, ben, "Ben", "tribe")
    with pytest.raises(NotFoundError):
        send_request(ben_id, engine, owner=ana, kind="mentor")


def test_block_hides_both_ways_for_good(engine: Engine) -> None:
    ana, ben, cy = _people(engine)
    _join(engine, ana, "Ana")
    ben_id = _join(engine, ben, "Ben")
    _join(engine, cy, "Cy")
    request = send_request(ben_id, engine, owner=ana)
    block(ben_id, engine, owner=ana)
    assert [p.display_name for p in visible_members(engine, owner=ana)] == ["Cy"]
    assert [p.display_name for p in visible_members(engine, owner=ben)] == ["Cy"]
    assert list_requests(engine, owner=ben) == []
    with pytest.raises(NotFoundError):
        answer_request(request, True, engine, owner=ben)
    with pytest.raises(NotFoundError):
        send_request(ben_id, engine, owner=ana)
    # Ben leaves and comes back: still blocked (by his account).
    leave(engine, owner=ben)
    _join(engine, ben, "Ben again")
    assert [p.display_name for p in visible_members(engine, owner=ana)] == ["Cy"]
    assert [p.display_name for p in visible_members(engine, owner=ben)] == ["Cy"]


def test_report_is_stored_for_the_reporter(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(engine, ana, "Ana")
    ben_id = _join(engine, ben, "Ben")
    with pytest.raises(CommunityError):
        report(ben_id, "  ", engine, owner=ana)
    report(ben_id, "asked for my phone number", engine, owner=ana)
    exported = accounts.export_account(engine, ana)
    assert exported["community"]["reports"][0]["reason"] == "asked for my phone number"


def test_requests_are_rate_limited(engine: Engine) -> None:
    ana, _, _ = _people(engine)
    _join(engine, ana, "Ana")
    others = add_synthetic(
        [
            Choices(display_name=f"S{i}", features=("tribe",))
            for i in range(MAX_REQUESTS_PER_DAY + 1)
        ],
        engine,
    )
    start = datetime.now(UTC) - timedelta(hours=23)
    for k, other in enumerate(others[:-1]):
        send_request(other, engine, owner=ana, now=start + timedelta(minutes=k))
    with pytest.raises(CommunityError) as caught:
        send_request(others[-1], engine, owner=ana)
    assert caught.value.kind == "rate_limited"
    # A day after the first ones, there is room again.
    send_request(others[-1], engine, owner=ana, now=start + timedelta(hours=25))


def test_leaving_removes_the_person_everywhere_at_once(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    heard: list[tuple[str, int]] = []

    def listener(event: str, member_id: int, _: Engine) -> None:
        heard.append((event, member_id))

    on_membership_change(listener)
    ana_id = _join(engine, ana, "Ana")
    _join(engine, ben, "Ben")
    send_request(ana_id, engine, owner=ben)
    assert leave(engine, owner=ana)
    assert not leave(engine, owner=ana)
    assert ("leave", ana_id) in heard
    assert visible_members(engine, owner=ben) == []
    assert list_requests(engine, owner=ben) == []
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.CommunityRequest)).scalar() == 0


def test_the_local_user_and_synthetic_people_are_apart(engine: Engine) -> None:
    add_synthetic([Choices(display_name="Synthetic Sam", features=("tribe",))], engine)
    assert my_membership(engine) is None
    _join(engine, None, "Me")
    [sam] = visible_members(engine)
    assert sam.synthetic and sam.shown()["synthetic"] is True
    assert me(engine).display_name == "Me"


def test_account_export_and_deletion(engine: Engine) -> None:
    ana, ben, _ = _people(engine)
    _join(engine, ana, "Ana", city="Leeds", visible=("display_name",))
    _join(engine, ben, "Ben")
    exported = accounts.export_account(engine, ana)
    assert exported["community"]["member"]["choices"]["city"] == "Leeds"
    accounts.delete_account(engine, ana)
    assert visible_members(engine, owner=ben) == []
