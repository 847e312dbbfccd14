"""The due list on worked examples: pure arithmetic on days, no database."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from passionpath.network import (
    DEFAULT_CADENCE,
    DEFAULT_CADENCES,
    CadenceContact,
    LastContact,
    cadence_for,
    due_list,
)

README = Path(__file__).resolve().parents[2] / "README.md"
TODAY = date(2026, 6, 30)
ADDED = date(2026, 1, 1)


def _ago(days: int, note: str | None = None) -> LastContact:
    return LastContact(TODAY - timedelta(days=days), note)


def test_tag_defaults_take_the_tightest_and_a_contact_overrides_them() -> None:
    assert cadence_for(["mentor"]) == (30, 60)
    assert cadence_for(["colleague", "Mentor"]) == (30, 60)
    assert cadence_for(["colleague"]) == (90, 180)
    assert cadence_for([]) == DEFAULT_CADENCE == (90, 180)
    assert cadence_for(["unknown tag"]) == (90, 180)
    assert cadence_for(["mentor"], ideal_days=10) == (10, 60)
    assert cadence_for(["mentor"], max_days=45) == (30, 45)
    # An ideal past the tag's maximum carries the maximum with it.
    assert cadence_for(["mentor"], ideal_days=90) == (90, 90)


def test_ideal_and_maximum_split_due_from_overdue() -> None:
    # Mentors: due at 30 days, overdue past 60.
    contacts = [
        CadenceContact(1, "Ana", ADDED, ("mentor",)),  # 29 days: coming up tomorrow
        CadenceContact(2, "Ben", ADDED, ("mentor",)),  # 30 days: due today
        CadenceContact(3, "Cy", ADDED, ("mentor",)),  # 60 days: still due, not overdue
        CadenceContact(4, "Di", ADDED, ("mentor",)),  # 61 days: overdue
        CadenceContact(5, "Ed", ADDED, ("mentor",)),  # 10 days: due in 20, beyond 14
    ]
    last = {1: _ago(29), 2: _ago(30, "coffee"), 3: _ago(60), 4: _ago(61, "lunch"), 5: _ago(10)}
    result = due_list(contacts, last, TODAY)
    assert [e.name for e in result.overdue] == ["Di"]
    assert [e.name for e in result.due] == ["Cy", "Ben"]  # longest waiting first
    assert [e.name for e in result.coming_up] == ["Ana"]
    (di,) = result.overdue
    assert (di.days_since, di.ideal_days, di.max_days, di.last_note) == (61, 30, 60, "lunch")
    assert di.due_on == TODAY - timedelta(days=31)
    assert di.overdue_on == TODAY
    ben = result.due[1]
    assert (ben.days_since, ben.last_note, ben.due_on) == (30, "coffee", TODAY)
    assert result.coming_up[0].due_on == TODAY + timedelta(days=1)


def test_coming_up_looks_fourteen_days_ahead() -> None:
    contacts = [CadenceContact(i, f"c{i}", ADDED, ("friend",)) for i in (1, 2)]
    # Friends: ideal 60. 46 days ago -> due in 14 (coming up); 45 days ago -> due in 15 (not).
    result = due_list(contacts, {1: _ago(46), 2: _ago(45)}, TODAY)
    assert [e.contact_id for e in result.coming_up] == [1]
    assert not result.due and not result.overdue


def test_a_logged_interaction_resets_the_clock() -> None:
    contact = CadenceContact(1, "Ana", ADDED, ("colleague",))
    before = due_list([contact], {1: _ago(200, "old news")}, TODAY)
    assert [e.days_since for e in before.overdue] == [200]
    after = due_list([contact], {1: _ago(0, "caught up")}, TODAY)
    assert not after.overdue and not after.due and not after.coming_up


def test_without_any_interaction_the_clock_starts_when_the_contact_was_added() -> None:
    contact = CadenceContact(1, "Ana", TODAY - timedelta(days=95), ())
    (entry,) = due_list([contact], {}, TODAY).due
    assert (entry.days_since, entry.last_contacted, entry.last_note) == (95, None, None)


def test_a_per_contact_override_beats_the_tag_default() -> None:
    contacts = [
        CadenceContact(1, "Tag default", ADDED, ("colleague",)),
        CadenceContact(2, "Own cadence", ADDED, ("colleague",), ideal_days=7, max_days=14),
    ]
    result = due_list(contacts, {1: _ago(20), 2: _ago(20)}, TODAY)
    assert [e.name for e in result.overdue] == ["Own cadence"]
    assert not result.due and not result.coming_up


def test_an_interaction_dated_ahead_counts_as_today() -> None:
    contact = CadenceContact(1, "Ana", ADDED, ("mentor",))
    result = due_list([contact], {1: LastContact(TODAY + timedelta(days=3))}, TODAY)
    assert not result.overdue and not result.due and not result.coming_up


def test_the_readme_table_is_the_code_table() -> None:
    readme = README.read_text(encoding="utf-8")
    table = readme.split("| Tag | Ideal | Maximum |", 1)[1].split("\n\n", 1)[0]
    shown: dict[str, tuple[int, int]] = {}
    for line in table.strip().splitlines()[1:]:
        tags, ideal, limit = (cell.strip() for cell in line.strip("|").split("|"))
        for tag in tags.split(", "):
            shown[tag] = (int(ideal.split()[0]), int(limit.split()[0]))
    assert shown.pop("any other") == shown.pop("or none") == DEFAULT_CADENCE
    assert shown == DEFAULT_CADENCES
