"""Accounts in the core: owned data is registered, export keeps its shape, deletion leaves
nothing of the user behind, and the token cache is per context."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, insert, select

from passionpath import accounts
from passionpath.cache import Memo
from passionpath.context import Context
from passionpath.cv import TailoredCV, record_sent, save_cv
from passionpath.jobsearch import (
    ApplicationFields,
    LinkedContact,
    StageEvent,
    add_application,
    log_event,
    set_learning,
    vote,
)
from passionpath.network import (
    ContactFields,
    Email,
    Phone,
    add_contact,
    feed_token,
    log_interaction,
)
from passionpath.plan import add_event, new_plan
from passionpath.profile import create_profile, parse_document, save_profile
from passionpath.store import models as m
from passionpath.store import owned_by, owned_tables

MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"
PASSWORD = "a long enough password"


def test_every_table_a_user_owns_is_registered() -> None:
    registered = {table for part in accounts.owned_data() for table in part.tables}
    assert registered | set(accounts.ACCOUNT_TABLES) == owned_tables()
    assert {"profile", "plan_benchmark", "plan_event", "contact", "interaction_contact"} <= (
        owned_tables()
    )


def test_registration_does_not_depend_on_what_was_imported_first() -> None:
    code = (
        "import sys, passionpath.accounts as a; "
        "assert 'passionpath.plan' not in sys.modules; "
        "assert 'passionpath.network' not in sys.modules; "
        "print(','.join(p.name for p in a.owned_data()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "applications,community,contacts,cvs,profiles,plans"


def _user_with_everything(engine: Engine, email: str) -> int:
    user = accounts.register(engine, email, PASSWORD)
    document = parse_document(json.loads(MAYA.read_text()))
    created = create_profile(document, slug="maya", engine=engine, owner=user)
    cv = save_cv(
        TailoredCV("27-4021.00", "Photographers", {"basics": {"name": "Maya"}}),
        created.profile,
        1,
        engine,
        owner=user,
    )
    document.pp.reflections.causes = f"something new for {email}"
    save_profile("maya", document, note="second", engine=engine, owner=user)
    plan = new_plan(
        "maya", "51-3011.00", Context.open(engine=engine), obstacles=["time", "money"], owner=user
    )
    objective = plan.objectives[0].id
    add_event(plan.id, "hours", objective_id=objective, hours=2.0, engine=engine)
    add_event(plan.id, "note", note="started", engine=engine)
    accounts.issue_token(engine, user)
    accounts.issue_token(engine, user, name="second")
    contact = add_contact(
        ContactFields(
            display_name="Lena",
            emails=(Email("lena@example.org"),),
            phones=(Phone("+1 415 555 0134"),),
        ),
        engine,
        owner=user,
    )
    log_interaction([contact], "call", engine, owner=user, note="hello")
    feed_token(engine, owner=user)
    application = add_application(
        ApplicationFields(
            company="Lumen", role_title="Baker", contacts=(LinkedContact(contact, "referrer"),)
        ),
        engine,
        owner=user,
    )
    log_event(application, StageEvent(0, "rejected", date.today()), engine, owner=user)
    record_sent(cv.id, application, engine, owner=user)
    _community_of(engine, user)
    vote("51-3011.00", True, engine, owner=user)
    set_learning(False, engine, owner=user)
    return user


def _community_of(engine: Engine, user: int) -> None:
    from passionpath.community import (
        Choices,
        add_synthetic,
        block,
        join,
        report,
        send_request,
    )

    mine = join(Choices(display_name="Maya", features=("tribe",)), engine, owner=user).id
    first, second = add_synthetic(
        [Choices(display_name=n, features=("tribe",)) for n in ("S1", "S2")], engine
    )
    send_request(first, engine, owner=user)
    report(second, "rude", engine, owner=user)
    block(second, engine, owner=user)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        group = conn.execute(
            insert(m.StudyGroup).returning(m.StudyGroup.id),
            {
                "created_by": mine,
                "topic": "baking",
                "kind": "interest",
                "name": "Baking",
                "first_meeting": now.date(),
                "cadence_days": 14,
                "created_at": now,
            },
        ).scalar_one()
        conn.execute(
            insert(m.StudyGroupMember),
            {"group_id": group, "member_id": mine, "topic": "baking", "joined_at": now},
        )


def _rows(engine: Engine, owner: int) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            name: conn.execute(
                select(func.count()).select_from(table).where(owned_by(table, owner))
            ).scalar_one()
            for name, table in m.Base.metadata.tables.items()
            if name in owned_tables()
        }


def _all_rows(engine: Engine) -> dict[str, set[tuple[object, ...]]]:
    def rows(table: Any) -> Any:
        # Synthetic demo people (the community's) belong to no account.
        if "synthetic" in table.c:
            return select(table).where(table.c.synthetic.is_(False))
        return select(table)

    with engine.connect() as conn:
        return {
            name: {tuple(row) for row in conn.execute(rows(table)).all()}
            for name, table in m.Base.metadata.tables.items()
            if name in owned_tables()
        }


def test_delete_account_leaves_no_row_of_the_user(starter_engine: Engine) -> None:
    engine = starter_engine
    leaving = _user_with_everything(engine, "leaving@example.org")
    staying = _user_with_everything(engine, "staying@example.org")
    mine_before = _all_rows(engine)
    with_staying_only = _rows(engine, staying)
    assert all(count > 0 for count in _rows(engine, leaving).values()), str(_rows(engine, leaving))

    exported = accounts.export_account(engine, leaving)
    assert list(exported) == [
        "applications",
        "preference_votes",
        "learned_preferences_on",
        "community",
        "contacts",
        "interactions",
        "cvs",
        "profiles",
    ]
    assert [len(cv["applications"]) for cv in exported["cvs"]] == [1]
    assert [c["display_name"] for c in exported["contacts"]] == ["Lena"]
    assert [i["note"] for i in exported["interactions"]] == ["hello"]
    (profile,) = exported["profiles"]
    assert list(profile) == ["slug", "versions", "plans"]
    assert [v["version"] for v in profile["versions"]] == [1, 2]
    assert profile["plans"][0]["obstacles"] and profile["plans"][0]["events"]

    accounts.delete_account(engine, leaving)

    after = _all_rows(engine)
    assert all(count == 0 for count in _rows(engine, leaving).values())
    assert _rows(engine, staying) == with_staying_only
    # Independently of the owner filter: what is left is exactly the other user's rows.
    for name, rows in after.items():
        assert rows <= mine_before[name]
        assert len(rows) == with_staying_only[name], name


def test_a_cached_token_expires_and_deleting_the_account_revokes_it_at_once(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])
    memo, other_memo = Memo(), Memo()
    user = accounts.register(engine, "token@example.org", PASSWORD)
    digest = accounts.token_digest(accounts.issue_token(engine, user))
    assert accounts.user_for_token(engine, digest, memo) == user
    assert accounts.cached_user(memo, digest) == user
    assert accounts.cached_user(other_memo, digest) is None  # one cache per context

    clock[0] += accounts.TOKEN_CACHE_SECONDS - 1
    assert accounts.cached_user(memo, digest) == user
    clock[0] += 2
    assert accounts.cached_user(memo, digest) is None  # re-checked in the database again
    assert accounts.user_for_token(engine, digest, memo) == user

    accounts.delete_account(engine, user, tokens=memo)
    assert accounts.cached_user(memo, digest) is None
    with pytest.raises(accounts.AuthError):
        accounts.user_for_token(engine, digest, memo)


def test_passwords_hashed_with_other_argon2_settings_still_log_in(engine: Engine) -> None:
    from argon2 import PasswordHasher
    from sqlalchemy import update

    user = accounts.register(engine, "older@example.org", "an older long password")
    with engine.connect() as conn:
        own = conn.execute(select(m.User.password_hash).where(m.User.id == user)).scalar_one()
    assert own.startswith("$argon2id$") and "m=19456,t=2,p=1" in own
    older = PasswordHasher().hash("an older long password")  # the library's own defaults
    with engine.begin() as conn:
        conn.execute(update(m.User).where(m.User.id == user).values(password_hash=older))
    limiter = accounts.LoginLimiter()
    signed_in = accounts.authenticate(
        engine, "older@example.org", "an older long password", limiter
    )
    assert signed_in == user
