"""Imports into the book and exports out of it, on SQLite and PostgreSQL: merging, re-imports
that change nothing, LinkedIn files, bad files that leave the book untouched, round trips."""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from passionpath import accounts
from passionpath.errors import NotFoundError
from passionpath.network import (
    CSV_COLUMNS,
    ContactError,
    ContactFields,
    Email,
    ImportFileError,
    Phone,
    add_contact,
    export_csv,
    export_vcard,
    get_contact,
    import_contacts,
    list_contacts,
    list_interactions,
    log_interaction,
    merge_contacts,
)
from passionpath.store import models as m

FIXTURES = Path(__file__).parent / "fixtures"
VCARDS = sorted(p.name for p in FIXTURES.glob("*.vcf") if not p.name.startswith("bad_"))


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def snapshot(engine: Engine) -> tuple[object, ...]:
    """Everything an import could change, to compare before and after."""
    with engine.connect() as conn:
        counts = tuple(
            conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (m.Contact, m.ContactEmail, m.ContactPhone, m.Interaction)
        )
    return counts, tuple(c.as_dict().items().__repr__() for c in list_contacts(engine))


def linkedin_zip(*, messages: bool = True) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Profile.csv", "First Name,Last Name,Headline\nPriya,Nair,UX Researcher\n")
        archive.writestr("Connections.csv", fixture("Connections.csv"))
        if messages:
            archive.writestr("messages.csv", fixture("messages.csv"))
    return buffer.getvalue()


def test_every_client_file_imports_and_a_second_import_changes_nothing(engine: Engine) -> None:
    for name in VCARDS:
        import_contacts(engine, None, name, fixture(name), region="US")
    before = snapshot(engine)
    for name in VCARDS:
        report = import_contacts(engine, None, name, fixture(name), region="US")
        assert (report.added, report.merged) == (0, 0), name
        assert report.skipped >= 1
    assert snapshot(engine) == before


def test_a_report_counts_added_merged_and_skipped(engine: Engine) -> None:
    report = import_contacts(engine, None, "icloud.vcf", fixture("icloud_iphone.vcf"))
    assert report.kind == "vcard"
    assert (report.added, report.merged, report.skipped) == (2, 0, 1)  # the group card
    assert len(report.added_ids) == 2
    names = {c.display_name for c in list_contacts(engine)}
    assert names == {"Priya Nair", "Blue Bottle Coffee"}
    priya = next(c for c in list_contacts(engine) if c.display_name == "Priya Nair")
    assert priya.birthday == date(1604, 2, 29) and priya.photo is not None


def test_the_same_email_merges_into_the_stored_contact(engine: Engine) -> None:
    kept = add_contact(
        ContactFields(
            display_name="Lena O.",
            emails=(Email("LENA.ORTIZ@figma.example"),),
            tags=("mentor",),
            notes="Knows everyone at Config.",
        ),
        engine,
    )
    report = import_contacts(engine, None, "google.vcf", fixture("google_contacts.vcf"))
    assert (report.added, report.merged) == (2, 1)
    [note] = report.merges
    assert note.source == "card 1 (Lena Ortiz)"
    assert (note.into, note.into_id) == ("Lena O.", kept)
    assert note.reason == "same email lena.ortiz@figma.example"
    lena = get_contact(kept, engine)
    # What was stored stays; what only the card had is added.
    assert lena.display_name == "Lena O."
    assert lena.tags == ("mentor", "mentors")
    assert lena.organisation == "Figma" and lena.birthday == date(1988, 4, 15)
    assert [e.address for e in lena.emails] == [
        "lena.ortiz@figma.example",
        "lena.ortiz@gmail.example",
    ]
    assert lena.notes is not None and lena.notes.startswith("Knows everyone at Config.\n\nMet at")


def test_the_same_linkedin_profile_merges(engine: Engine) -> None:
    import_contacts(engine, None, "google.vcf", fixture("google_contacts.vcf"))
    report = import_contacts(engine, None, "Connections.csv", fixture("Connections.csv"))
    assert report.kind == "linkedin_connections"
    [lena_note] = [n for n in report.merges if n.source == "line 5 (Lena Ortiz)"]
    assert lena_note.reason == "same LinkedIn profile linkedin.com/in/lena-ortiz-ux"
    lena = next(c for c in list_contacts(engine) if c.family_name == "Ortiz")
    assert lena.how_met == "Connected on LinkedIn on 2026-12-04"  # "04 Dec 2026"


def test_the_same_name_at_the_same_organisation_merges_fuzzily(engine: Engine) -> None:
    # Accents, case and "Ltd." do not make two people of one.
    tomas = add_contact(
        ContactFields(given_name="Tomas", family_name="Reyes", organisation="Coachwell"), engine
    )
    report = import_contacts(engine, None, "google.vcf", fixture("google_contacts.vcf"))
    [note] = report.merges
    assert (note.source, note.into_id) == ("card 2 (Tomás Reyes)", tomas)
    assert note.reason == "same name and organisation (Tomas Reyes, Coachwell)"
    assert get_contact(tomas, engine).job_title == "Career Coach"


def test_the_fuzzy_rule_needs_the_organisation_on_both_sides(engine: Engine) -> None:
    add_contact(
        ContactFields(given_name="Alex", family_name="Kim", organisation="Figma, Inc."), engine
    )
    add_contact(ContactFields(given_name="Sam", family_name="Lee"), engine)
    cards = (
        "BEGIN:VCARD\nVERSION:3.0\nN:Kim;Alex\nFN:Alex Kim\nORG:FIGMA\nTITLE:PM\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Kim;Alex\nFN:Alex Kim\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:sam lee\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Sam Leeson\nEND:VCARD\n"
    )
    report = import_contacts(engine, None, "people.vcf", cards.encode())
    reasons = [(n.source, n.reason) for n in report.merges]
    assert reasons == [("card 1 (Alex Kim)", "same name and organisation (Alex Kim, Figma, Inc.)")]
    # "sam lee" is the stored Sam Lee (nothing new: skipped); "Alex Kim" without an
    # organisation and "Sam Leeson" are new people.
    assert (report.added, report.merged, report.skipped) == (2, 1, 1)


def test_duplicates_inside_one_file_are_merged_and_reported(engine: Engine) -> None:
    cards = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Ng\nEMAIL:ada@example.org\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ada Ng\nEMAIL:ADA@example.org\nTEL:555-0100\nEND:VCARD\n"
    )
    preview = import_contacts(engine, None, "dupes.vcf", cards.encode(), dry_run=True)
    assert (preview.added, preview.merged) == (1, 1)
    assert preview.merges[0].into == "Ada Ng (card 1 of this file)"
    assert preview.merges[0].into_id is None
    assert list_contacts(engine) == []  # a preview writes nothing
    report = import_contacts(engine, None, "dupes.vcf", cards.encode())
    [ada] = list_contacts(engine)
    assert report.added_ids == (ada.id,)
    assert [p.original for p in ada.phones] == ["555-0100"]


@pytest.mark.parametrize("name", ["bad_truncated.vcf", "bad_line.vcf"])
def test_a_bad_file_leaves_the_book_untouched(engine: Engine, name: str) -> None:
    import_contacts(engine, None, "google.vcf", fixture("google_contacts.vcf"))
    before = snapshot(engine)
    with pytest.raises(ImportFileError) as caught:
        import_contacts(engine, None, name, fixture(name))
    assert caught.value.card == 2 and name in str(caught.value)
    # Card 1 of that file ("Good One") was fine, and still nothing of the file was stored.
    assert snapshot(engine) == before


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.vcf", b"", "is empty"),
        ("photo.vcf", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" * 20, "is not a text file"),
        ("notes.txt", b"just some text\n", "is not a file of contacts"),
        ("other.csv", b"Name,Phone\nAda,555\n", "no header line with the columns First Name"),
        (
            "google.csv",
            b"First Name,Middle Name,Last Name,E-mail 1 - Value\nAda,,Ng,a@x\n",
            "Connected On",
        ),
        ("broken.zip", b"PK\x03\x04 not really", "is not a readable zip"),
        ("u16.vcf", b"\xff\xfe" + "BEGIN:VCARD\n".encode("utf-16-le") + b"\x00\xd8", "UTF-16"),
    ],
)
def test_files_that_are_no_contacts_are_refused_without_a_traceback(
    engine: Engine, name: str, data: bytes, words: str
) -> None:
    with pytest.raises(ImportFileError, match=words) as caught:
        import_contacts(engine, None, name, data)
    assert caught.value.filename == name and caught.value.field == "file"
    assert list_contacts(engine) == []


def test_both_linkedin_layouts(engine: Engine) -> None:
    current = import_contacts(engine, None, "Connections.csv", fixture("Connections.csv"))
    assert (current.added, current.skipped) == (4, 1)  # a member without a name
    assert current.warnings[0].startswith("line 8 has no name")
    daniel = next(c for c in list_contacts(engine) if c.family_name == "Brooks")
    assert daniel.organisation == "Brooks Coaching, LLC"
    assert daniel.job_title == "Executive Coach"
    assert daniel.urls == ("https://www.linkedin.com/in/daniel-brooks-coach",)
    assert daniel.how_met == "Connected on LinkedIn on 2025-03-17"  # "17 Mar 2025"
    old = import_contacts(engine, None, "Connections (1).csv", fixture("Connections_2019.csv"))
    # Lena has no link in the old layout: her name at Figma finds her.
    assert (old.added, old.merged) == (1, 1)
    carlos = next(c for c in list_contacts(engine) if c.family_name == "Mendez")
    assert carlos.how_met == "Connected on LinkedIn on 2019-03-09"  # "3/9/19", month first
    lena = next(c for c in list_contacts(engine) if c.family_name == "Ortiz")
    assert lena.emails == (Email("lena.ortiz@figma.example"),)


def test_the_linkedin_export_zip_logs_messages_as_interactions(engine: Engine) -> None:
    report = import_contacts(engine, None, "Basic_LinkedInDataExport.zip", linkedin_zip())
    assert report.kind == "linkedin_export"
    assert (report.added, report.interactions_added) == (4, 2)
    by_name = {c.display_name: c for c in list_contacts(engine)}
    lena_log = list_interactions(engine, contact_id=by_name["Lena Ortiz"].id)
    assert [(i.on, i.kind) for i in lena_log] == [(date(2026, 12, 5), "message")]
    # Two messages that day in one conversation: one interaction, the day's last message.
    assert lena_log[0].note == "LinkedIn message: Wonderful, I'll send it over this week."
    [daniel] = list_interactions(engine, contact_id=by_name["Daniel Brooks"].id)
    assert daniel.on == date(2025, 3, 18)
    # The clock of the due list starts again at the message.
    assert get_contact(by_name["Lena Ortiz"].id, engine).added_on is not None
    again = import_contacts(engine, None, "Basic_LinkedInDataExport.zip", linkedin_zip())
    assert (again.added, again.merged, again.interactions_added) == (0, 0, 0)
    assert len(list_interactions(engine)) == 2


def test_a_zip_without_connections_is_refused(engine: Engine) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nPriya,Nair\n")
    with pytest.raises(ImportFileError, match=r"holds no Connections\.csv"):
        import_contacts(engine, None, "export.zip", buffer.getvalue())


def test_a_bad_row_in_the_zip_names_the_member_and_line(engine: Engine) -> None:
    buffer = io.BytesIO()
    rows = "First Name,Last Name,Connected On\nAda,Ng,1/2/24\nBo,Li,1/3/24,extra,cells\n"
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", rows)
    with pytest.raises(ImportFileError) as caught:
        import_contacts(engine, None, "export.zip", buffer.getvalue())
    assert caught.value.filename == "export.zip (Connections.csv)" and caught.value.line == 3
    assert list_contacts(engine) == []


def test_merge_by_hand_moves_interactions_and_unions_fields(engine: Engine) -> None:
    keep = add_contact(
        ContactFields(display_name="Lena", emails=(Email("lena@a.example"),), tags=("ux",)), engine
    )
    other = add_contact(
        ContactFields(
            display_name="Lena Ortiz",
            emails=(Email("lena@b.example"),),
            phones=(Phone("+1 415 555 0134"),),
            organisation="Figma",
            tags=("mentor",),
        ),
        engine,
    )
    day = date.today() - timedelta(days=3)
    shared = log_interaction([keep, other], "meeting", engine, on=day - timedelta(days=5))
    log_interaction([other], "call", engine, on=day, note="portfolio review")
    merged = merge_contacts(engine, None, keep, other)
    assert merged.id == keep and merged.display_name == "Lena"
    assert [e.address for e in merged.emails] == ["lena@a.example", "lena@b.example"]
    assert merged.organisation == "Figma" and merged.tags == ("ux", "mentor")
    assert merged.cadence == (30, 60)  # the mentor tag's cadence now applies
    timeline = list_interactions(engine, contact_id=keep)
    assert [i.kind for i in timeline] == ["call", "meeting"]
    assert next(i for i in timeline if i.id == shared).contact_ids == (keep,)
    with pytest.raises(NotFoundError):
        get_contact(other, engine)
    # The kept contact's clock now runs from the other's later call.
    with engine.connect() as conn:
        row = conn.execute(
            select(m.Contact.last_contacted_on, m.Contact.last_note).where(m.Contact.id == keep)
        ).one()
    assert (row.last_contacted_on, row.last_note) == (day, "portfolio review")


def test_merge_by_hand_refuses_one_contact_twice_and_strangers(engine: Engine) -> None:
    a = add_contact(ContactFields(display_name="A"), engine)
    with pytest.raises(ContactError, match="two different contacts"):
        merge_contacts(engine, None, a, a)
    with pytest.raises(NotFoundError):
        merge_contacts(engine, None, a, a + 1000)


@pytest.mark.parametrize("version", ["4.0", "3.0"])
def test_a_round_trip_keeps_what_a_contact_holds(engine: Engine, version: str) -> None:
    photo = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    original = ContactFields(
        given_name="Inês",
        family_name="Fernandes",
        display_name="Inês Fernandes, PhD",
        emails=(Email("ines@lisboa.example", "work"), Email("ines@home.example", "Personal")),
        phones=(Phone("+351 912 345 678", "mobile"), Phone("21 123 4567; ext. 9", "Studio")),
        organisation="Lisboa Digital, S.A.",
        job_title="Principal Designer",
        urls=("https://www.linkedin.com/in/ines-fernandes/", "https://ines.example/a,b;c"),
        location="Lisbon, Portugal",
        tags=("mentor", "ux"),
        how_met="Config 2024",
        notes="Line one; with, punctuation\\ and a backslash.\nLine two.",
        birthday=date(1986, 7, 4),
        photo=photo,
        photo_type="image/jpeg",
        occupation_codes=("15-1255.00",),
        passions="ceramics",
        ideal_days=20,
        max_days=45,
    )
    no_year = ContactFields(display_name="Jonas", birthday=date(1604, 12, 24))
    add_contact(original, engine)
    add_contact(no_year, engine)
    exported = export_vcard(engine, None, version=version)
    assert f"VERSION:{version}" in exported
    assert all(len(line.encode()) <= 75 for line in exported.split("\r\n"))
    before = {c.display_name: c for c in list_contacts(engine)}
    accounts_free = import_contacts(engine, None, "book.vcf", exported.encode(), dry_run=True)
    assert (accounts_free.added, accounts_free.merged) == (0, 0)
    # Into an empty book: the same contacts come back.
    with engine.begin() as conn:
        conn.execute(m.Contact.__table__.delete())
    import_contacts(engine, None, "book.vcf", exported.encode())
    after = {c.display_name: c for c in list_contacts(engine)}
    assert after.keys() == before.keys()
    for name, contact in after.items():
        for key in ContactFields.names():
            assert getattr(contact, key) == getattr(before[name], key), (name, key)


def test_the_csv_export(engine: Engine) -> None:
    add_contact(
        ContactFields(
            display_name='=HYPERLINK("http://x")',
            emails=(Email("a@example.org"), Email("b@example.org")),
            phones=(Phone("+1 415 555 0134"),),
            tags=("ux", "mentor"),
        ),
        engine,
    )
    rows = list(csv.reader(io.StringIO(export_csv(engine, None))))
    assert tuple(rows[0]) == CSV_COLUMNS
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["display_name"].startswith("'=")  # a spreadsheet must not run it
    assert row["emails"] == "a@example.org; b@example.org"
    assert row["phones"] == "+1 415 555 0134"
    assert row["tags"] == "ux; mentor"


def test_an_unknown_vcard_version_is_refused(engine: Engine) -> None:
    with pytest.raises(ContactError, match="not a vCard version"):
        export_vcard(engine, None, version="2.1")


def test_imports_and_exports_stay_within_their_owner(engine: Engine) -> None:
    priya = accounts.register(engine, "priya@example.org", "a long enough password")
    daniel = accounts.register(engine, "daniel@example.org", "a long enough password")
    import_contacts(engine, priya, "google.vcf", fixture("google_contacts.vcf"))
    report = import_contacts(engine, daniel, "google.vcf", fixture("google_contacts.vcf"))
    assert report.added == 3  # Priya's contacts are not Daniel's to merge into
    assert "Lena Ortiz" in export_vcard(engine, daniel)
    assert export_vcard(engine, None) == ""
    lena = next(c for c in list_contacts(engine, owner=priya) if c.family_name == "Ortiz")
    dan_lena = next(c for c in list_contacts(engine, owner=daniel) if c.family_name == "Ortiz")
    with pytest.raises(NotFoundError):
        merge_contacts(engine, daniel, dan_lena.id, lena.id)


def test_older_message_exports_without_profile_links_match_by_name(engine: Engine) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", fixture("Connections_2019.csv"))
        archive.writestr(
            "Messages.csv",
            "FROM,TO,DATE,SUBJECT,CONTENT\r\n"
            "Carlos Mendez,Priya Nair,3/10/19,Hello,Are you open to new roles?\r\n"
            "Priya Nair,Someone Else,3/11/19,,Not a connection\r\n",
        )
    preview = import_contacts(engine, None, "export.zip", buffer.getvalue(), dry_run=True)
    assert (preview.added, preview.interactions_added) == (2, 1)
    assert list_interactions(engine) == []
    import_contacts(engine, None, "export.zip", buffer.getvalue())
    [logged] = list_interactions(engine)
    assert (logged.on, logged.note) == (
        date(2019, 3, 10),
        "LinkedIn message: Are you open to new roles?",
    )
