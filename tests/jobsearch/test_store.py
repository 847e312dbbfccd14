"""Applications and their stage logs in the database, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, func, inspect, select

from passionpath import accounts
from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.jobsearch import (
    ApplicationError,
    ApplicationFields,
    LinkedContact,
    StageEvent,
    add_application,
    delete_application,
    get_application,
    list_applications,
    log_event,
    update_application,
)
from passionpath.limits import MAX_POSTING_CHARS
from passionpath.network import ContactFields, add_contact
from passionpath.store import models as m
from passionpath.store.engine import MIGRATIONS_DIR, current_revision

PASSWORD = "a long enough password"
UX = "15-1255.00"  # Web and Digital Interface Designers
DAY = date(2026, 9, 1)
TABLES = {
    "application",
    "application_contact",
    "application_event",
    "preference_vote",
    "preference_setting",
}


def _ux(engine: Engine, owner: int | None = None, **extra: object) -> int:
    fields = ApplicationFields(
        company="Lumen Health",
        role_title="UX Designer",
        occupation_code=UX,
        source="LinkedIn",
        **extra,  # type: ignore[arg-type]
    )
    return add_application(fields, engine, owner=owner, stage="applied", on=DAY)


def test_the_log_keeps_every_stage_and_the_status_is_read_from_it(engine: Engine) -> None:
    app = _ux(engine, posting_url="https://jobs.example.org/ux-1", pay="£45-50k", cv_id="cv-3")
    log_event(app, StageEvent(0, "screen", DAY + timedelta(days=5)), engine)
    log_event(
        app,
        StageEvent(
            0,
            "interview",
            DAY + timedelta(days=12),
            interview_kind="portfolio",
            people=("Dana (design lead)",),
        ),
        engine,
    )
    log_event(
        app, StageEvent(0, "interview", DAY + timedelta(days=20), interview_kind="panel"), engine
    )
    log_event(
        app,
        StageEvent(
            0,
            "rejected",
            DAY + timedelta(days=25),
            reasons=("skills_gap",),
            feedback="Wanted more user research.",
            cited=("2.A.2.a",),
        ),
        engine,
    )
    view = get_application(app, engine, today=DAY + timedelta(days=26))
    assert [e.stage for e in view.events] == [
        "applied",
        "screen",
        "interview",
        "interview",
        "rejected",
    ]
    assert view.events[2].people == ("Dana (design lead)",)
    status = view.status
    assert status is not None
    assert (status.stage, status.furthest, status.interviews) == ("rejected", "interview", 2)
    # A rejection that names no stage is recorded where the application had got to, by them.
    assert (view.events[-1].at_stage, view.events[-1].ended_by) == ("interview", "they")
    assert status.ended_at == "interview" and status.applied_on == DAY
    assert view.pay == "£45-50k" and view.cv_id == "cv-3"


def test_silence_is_ghosted_when_worked_out_and_the_wait_is_configurable(engine: Engine) -> None:
    app = _ux(engine)
    later = DAY + timedelta(days=31)
    assert get_application(app, engine, today=later).status.stage == "ghosted"  # type: ignore[union-attr]
    assert get_application(app, engine, today=later).status.ghosted_computed  # type: ignore[union-attr]
    assert get_application(app, engine, today=later, ghost_after=60).status.stage == "applied"  # type: ignore[union-attr]
    # Nothing was stored: news after the silence brings it back.
    log_event(app, StageEvent(0, "screen", later), engine)
    assert get_application(app, engine, today=later).status.stage == "screen"  # type: ignore[union-attr]
    # Marked by the person, it stays whatever the wait.
    log_event(app, StageEvent(0, "ghosted", later + timedelta(days=2)), engine)
    marked = get_application(app, engine, today=later + timedelta(days=3), ghost_after=999)
    assert marked.status.stage == "ghosted" and not marked.status.ghosted_computed  # type: ignore[union-attr]
    assert [v.id for v in list_applications(engine, stage="ghosted", today=later)] == [app]
    assert list_applications(engine, open_only=True, today=later) == []


def test_the_role_title_names_the_occupation_until_the_person_sets_it(
    starter_engine: Engine, ctx: Context
) -> None:
    app = add_application(
        ApplicationFields(company="Figma", role_title="Senior UX Designer"), ctx.engine, ctx=ctx
    )
    view = get_application(app, ctx.engine, ctx=ctx)
    assert view.occupation_code == UX and view.occupation_inferred
    assert view.occupation_title == "Web and Digital Interface Designers"
    moved = update_application(app, {"role_title": "Graphic Designer"}, ctx.engine, ctx=ctx)
    assert moved.occupation_code == "27-1024.00"
    chosen = update_application(app, {"occupation_code": "15-1254"}, ctx.engine, ctx=ctx)
    assert chosen.occupation_code == "15-1254.00" and not chosen.occupation_inferred
    kept = update_application(app, {"role_title": "Product Designer"}, ctx.engine, ctx=ctx)
    assert kept.occupation_code == "15-1254.00"
    # A title that names no one occupation leaves it empty for the person to choose.
    vague = add_application(
        ApplicationFields(company="Acme", role_title="Consultant"), ctx.engine, ctx=ctx
    )
    assert get_application(vague, ctx.engine).occupation_code is None


def test_contacts_from_the_book_are_linked_with_their_role(engine: Engine) -> None:
    lena = add_contact(ContactFields(display_name="Lena", organisation="Lumen Health"), engine)
    sam = add_contact(ContactFields(display_name="Sam"), engine)
    app = _ux(
        engine,
        contacts=(LinkedContact(lena, "referrer"), LinkedContact(sam, "recruiter")),
    )
    assert get_application(app, engine).contacts == (
        LinkedContact(lena, "referrer"),
        LinkedContact(sam, "recruiter"),
    )
    log_event(app, StageEvent(0, "interview", DAY, contact_ids=(sam,)), engine)
    with pytest.raises(NotFoundError) as caught:
        update_application(app, {"contacts": (LinkedContact(999, "referrer"),)}, engine)
    assert caught.value.field == "linked_contacts"
    with pytest.raises(ApplicationError) as bad_role:
        update_application(app, {"contacts": (LinkedContact(lena, "boss"),)}, engine)
    assert bad_role.value.field == "linked_contacts"


def test_bad_input_is_refused_naming_the_field(engine: Engine) -> None:
    cases = [
        (ApplicationFields(role_title="UX Designer"), "company"),
        (ApplicationFields(company="A", role_title=" "), "role_title"),
        (ApplicationFields(company="A", role_title="B", occupation_code="ux"), "occupation_code"),
        (ApplicationFields(company="A", role_title="B", posting_url="ftp://x"), "posting_url"),
        (
            ApplicationFields(
                company="A", role_title="B", posting_text="x" * (MAX_POSTING_CHARS + 1)
            ),
            "posting_text",
        ),
        (ApplicationFields(company="A", role_title="B", profile_version=0), "profile_version"),
    ]
    for fields, name in cases:
        with pytest.raises(ApplicationError) as caught:
            add_application(fields, engine)
        assert caught.value.field == name
    app = _ux(engine)
    events = [
        (StageEvent(0, "hired", DAY), "stage"),
        (StageEvent(0, "screen", DAY, interview_kind="video"), "interview_kind"),
        (StageEvent(0, "interview", DAY, interview_kind="séance"), "interview_kind"),
        (StageEvent(0, "screen", DAY, reasons=("pay",)), "reasons"),
        (StageEvent(0, "rejected", DAY, reasons=("bad vibes",)), "reasons"),
        (StageEvent(0, "rejected", DAY, at_stage="accepted"), "at_stage"),
        (StageEvent(0, "rejected", DAY, ended_by="the cat"), "ended_by"),
        (StageEvent(0, "rejected", DAY, cited=("Figma!",)), "cited"),
    ]
    for event, name in events:
        with pytest.raises(ApplicationError) as caught:
            log_event(app, event, engine)
        assert caught.value.field == name
    assert len(get_application(app, engine).events) == 1
    with pytest.raises(ApplicationError):
        add_application(ApplicationFields(company="A", role_title="B"), engine, stage="offer")


def test_another_user_cannot_see_or_touch_the_applications(engine: Engine) -> None:
    alice = accounts.register(engine, "alice@example.org", PASSWORD)
    bob = accounts.register(engine, "bob@example.org", PASSWORD)
    app = _ux(engine, owner=alice)
    assert list_applications(engine, owner=bob) == []
    assert list_applications(engine) == []  # nor the local user
    with pytest.raises(NotFoundError):
        get_application(app, engine, owner=bob)
    with pytest.raises(NotFoundError):
        update_application(app, {"notes": "mine"}, engine, owner=bob)
    with pytest.raises(NotFoundError):
        log_event(app, StageEvent(0, "screen", DAY), engine, owner=bob)
    with pytest.raises(NotFoundError):
        delete_application(app, engine, owner=bob)
    # Nor link someone else's contact.
    bobs = add_contact(ContactFields(display_name="Bob's friend"), engine, owner=bob)
    with pytest.raises(NotFoundError):
        update_application(
            app, {"contacts": (LinkedContact(bobs, "referrer"),)}, engine, owner=alice
        )
    assert len(get_application(app, engine, owner=alice).events) == 1


def test_deleting_the_account_removes_the_applications(engine: Engine) -> None:
    leaving = accounts.register(engine, "leaving@example.org", PASSWORD)
    staying = accounts.register(engine, "staying@example.org", PASSWORD)
    for owner in (leaving, staying):
        app = _ux(engine, owner=owner)
        log_event(app, StageEvent(0, "rejected", DAY, feedback="no"), engine, owner=owner)
    exported = accounts.export_account(engine, leaving)
    [one] = exported["applications"]
    assert one["company"] == "Lumen Health"
    assert [e["stage"] for e in one["events"]] == ["applied", "rejected"]
    accounts.delete_account(engine, leaving)
    assert list_applications(engine, owner=leaving) == []
    assert len(list_applications(engine, owner=staying)) == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.ApplicationEvent)).scalar_one() == 2


def _run(engine: Engine, step: str, revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        getattr(command, step)(config, revision)


@pytest.mark.usefixtures("blank_database")
def test_migration_0008_goes_down_and_up(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= TABLES
    _run(engine, "downgrade", "0007")
    assert current_revision(engine) == "0007"
    assert not TABLES & set(inspect(engine).get_table_names())
    _run(engine, "upgrade", "head")
    assert set(inspect(engine).get_table_names()) >= TABLES
    app = _ux(engine)
    assert get_application(app, engine).company == "Lumen Health"
