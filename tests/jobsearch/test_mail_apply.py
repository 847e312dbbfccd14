"""Mail import against the stored tracker, on SQLite and PostgreSQL: proposals become stage
events with the e-mail as their note, all or none, only in the owner's applications."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath import accounts
from passionpath.errors import NotFoundError
from passionpath.jobsearch import (
    ApplicationFields,
    add_application,
    application_records,
    apply_proposals,
    get_application,
    import_mail,
)

FIXTURES = Path(__file__).with_name("fixtures") / "mail"
PASSWORD = "a long enough password"


def _add(engine: Engine, company: str, role: str, on: date, owner: int | None = None) -> int:
    fields = ApplicationFields(company=company, role_title=role)
    return add_application(fields, engine, owner=owner, stage="applied", on=on)


def test_proposals_are_logged_with_the_e_mail_and_not_twice(engine: Engine) -> None:
    solace = _add(engine, "Solace Digital", "UX Researcher", date(2024, 4, 5))
    ledger = _add(engine, "Ledger & Line", "Senior Product Designer", date(2024, 4, 2))
    records = application_records(engine)
    assert {r.id for r in records} == {solace, ledger}
    report = import_mail([FIXTURES / "takeout.mbox"], records)
    assert report.total == 6
    applied = apply_proposals(report, engine)
    assert len(applied) == len(report.proposals) >= 2
    view = get_application(solace, engine, today=date(2024, 5, 1))
    rejection = view.events[-1]
    assert rejection.stage == "rejected" and rejection.on == date(2024, 4, 24)
    assert rejection.at_stage == "applied" and "skills_gap" in rejection.reasons
    assert "[mail:<greenhouse-decision-5521@us.greenhouse-mail.io>]" in (rejection.note or "")
    offer = get_application(ledger, engine, today=date(2024, 5, 20)).events[-1]
    assert offer.stage == "offer" and offer.on == date(2024, 5, 14)
    again = import_mail([FIXTURES / "takeout.mbox"], application_records(engine))
    assert again.proposals == []
    assert again.total == 6


def test_an_owner_never_moves_another_owners_application(engine: Engine) -> None:
    a = accounts.register(engine, "a@example.org", PASSWORD)
    b = accounts.register(engine, "b@example.org", PASSWORD)
    mine = _add(engine, "Ledger & Line", "Senior Product Designer", date(2024, 4, 2), owner=a)
    assert application_records(engine, owner=b) == []
    report = import_mail([FIXTURES / "takeout.mbox"], application_records(engine, owner=a))
    assert report.proposals
    with pytest.raises(NotFoundError):
        apply_proposals(report, engine, owner=b)
    before = get_application(mine, engine, owner=a).events
    assert [e.stage for e in before] == ["applied"]  # all or none: nothing was logged
