"""Mail import: .eml and mbox files read as people export them, matched to applications and
proposed as stage changes; nothing dropped."""

from __future__ import annotations

import mailbox
from dataclasses import replace
from datetime import date
from email.message import EmailMessage
from pathlib import Path

import pytest

from passionpath.jobsearch import (
    ApplicationRecord,
    MailRead,
    MailReadError,
    company_from_sender,
    evidence_note,
    import_mail,
    mail_ids_in,
    match_mail,
    normalise_company,
    read_mail,
    read_mail_data,
)
from passionpath.limits import MAX_MAIL_MESSAGES

FIXTURES = Path(__file__).with_name("fixtures") / "mail"
ALL = ["tessellate_intro_call.eml", "cobalt_rejection_html_only.eml", "takeout.mbox", "Inbox"]
APPLICATIONS = [
    ApplicationRecord("a1", "Tessellate Ltd", "UX Designer", "applied", date(2024, 3, 28)),
    ApplicationRecord("a2", "Cobalt Retail", "UX Designer", "applied", date(2024, 4, 1)),
    ApplicationRecord("a3", "Solace Digital", "UX Researcher", "saved", date(2024, 4, 8)),
    ApplicationRecord(
        "a4",
        "Beacon Health Digital",
        "Lead UX Designer",
        "applied",
        date(2024, 5, 2),
        thread_ids=("priya-portfolio-0502@example.com",),
    ),
    ApplicationRecord("a5", "Ledger & Line", "Senior Product Designer", "interview"),
]


def test_quoted_printable_plain_text_eml() -> None:
    [message] = read_mail(FIXTURES / "tessellate_intro_call.eml").messages
    assert message.sender_email == "nadia.khan@tessellate.io"
    assert message.company_hint == "tessellate"
    assert "I\u2019d love to set up" in message.body  # =E2=80=99 decoded
    assert message.date is not None and message.date.isoformat().startswith("2024-04-02T10:14")
    assert message.message_id == "CAF3x9-intro-call@tessellate.io"


def test_html_only_base64_with_an_encoded_subject() -> None:
    [message] = read_mail(FIXTURES / "cobalt_rejection_html_only.eml").messages
    assert message.subject == "Update on your application \u2013 UX Designer"
    assert "move forward with other candidates" in message.body
    assert "<p>" not in message.body and "color:#333" not in message.body
    assert message.company_hint == "Cobalt Retail"  # Workday address: the display name


def test_gmail_takeout_threads_labels_charsets_and_a_missing_date() -> None:
    messages = read_mail(FIXTURES / "takeout.mbox").messages
    assert len(messages) == 6
    ack, rejection, alert, invite, offer, friend = messages
    assert ack.gmail_thread == rejection.gmail_thread == "1796432104820339211"
    assert rejection.thread_root == ack.thread_root
    assert "Jobs" in ack.labels
    assert "won\u2019t be moving forward" in rejection.body  # Windows-1252 smart quote
    assert rejection.date is not None and rejection.date.date() == date(2024, 4, 24)  # From line
    assert alert.subject == "12 new jobs for \u201cUX Designer\u201d"
    assert "Ledger & Line" in offer.body  # unknown charset read as UTF-8
    assert invite.references == ("priya-portfolio-0502@example.com",)
    assert friend.company_hint == "Sam Otieno"  # a Gmail address says nothing of an employer


def test_thunderbird_inbox_without_extension_crlf() -> None:
    messages = read_mail(FIXTURES / "Inbox").messages
    assert [m.sender_email for m in messages] == [
        "marco.bell@tessellate.io",
        "hr@northwind-analytics.com",
    ]
    assert messages[0].references == ("AM0PR01-inv-7701@tessellate.io",)


def test_every_message_is_proposed_kept_or_listed() -> None:
    report = import_mail([FIXTURES / name for name in ALL], APPLICATIONS)
    assert report.total == 10
    moves = [(p.application_id, p.from_stage, p.to_stage) for p in report.proposals]
    assert moves == [
        ("a1", "applied", "screen"),
        ("a3", "saved", "applied"),
        ("a1", "screen", "rejected"),
        ("a2", "applied", "rejected"),
        ("a3", "applied", "rejected"),
        ("a4", "applied", "interview"),
        ("a5", "interview", "offer"),
    ]
    by_source = {Path(p.evidence.source).name: p for p in report.proposals}
    assert by_source["takeout.mbox#4"].matched_by == ["same thread"]
    thread_reply = by_source["takeout.mbox#2"]
    assert thread_reply.matched_by == ["same thread as an earlier e-mail in this import"]
    assert thread_reply.rejected_at == "applied"
    tessellate = by_source["Inbox#1"]
    assert tessellate.rejected_at == "interview"
    assert "skills_gap" in [r["category"] for r in tessellate.reasons]
    assert tessellate.evidence.subject == "RE: Interview invitation - UX Designer"
    assert by_source["cobalt_rejection_html_only.eml"].reasons[0]["category"] == (
        "templated_unknown"
    )
    unmatched = sorted(Path(u.evidence.source).name for u in report.unmatched)
    assert unmatched == ["Inbox#2", "takeout.mbox#3", "takeout.mbox#6"]
    assert report.unchanged == [] and report.unreadable == []


def test_a_stage_already_reached_changes_nothing_but_is_listed() -> None:
    ended = [ApplicationRecord("a5", "Ledger & Line", "Senior Product Designer", "accepted")]
    report = import_mail([FIXTURES / "takeout.mbox"], ended)
    [kept] = report.unchanged
    assert kept.application_id == "a5" and "already at accepted" in kept.why
    assert report.total == 6 and not report.proposals


def test_two_applications_at_one_company_need_the_role_to_tell() -> None:
    two = [
        ApplicationRecord("x", "Tessellate", "UX Designer", "applied"),
        ApplicationRecord("y", "Tessellate", "Service Designer", "applied"),
    ]
    report = import_mail([FIXTURES / "tessellate_intro_call.eml"], two)
    assert [p.application_id for p in report.proposals] == ["x"]
    same = [
        ApplicationRecord("x", "Tessellate", "", "applied"),
        ApplicationRecord("y", "Tessellate", "", "applied"),
    ]
    report = import_mail([FIXTURES / "tessellate_intro_call.eml"], same)
    [ambiguous] = report.unmatched
    assert "more than one application" in ambiguous.why and "x" in ambiguous.why


def test_a_contact_address_matches_even_from_a_personal_domain() -> None:
    record = ApplicationRecord("c", "Acme", "", "applied", contact_emails=("Sam.Otieno@gmail.com",))
    report = import_mail([FIXTURES / "takeout.mbox"], [record])
    assert any(u.application_id == "c" for u in [*report.proposals, *report.unchanged]), report


def test_files_that_are_not_mail_are_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(MailReadError, match="not an e-mail"):
        read_mail(FIXTURES / "notes.eml")
    with pytest.raises(MailReadError, match="no such file"):
        read_mail(tmp_path / "missing.mbox")
    empty = tmp_path / "empty.mbox"
    empty.write_bytes(b"")
    with pytest.raises(MailReadError, match="empty"):
        read_mail(empty)
    with pytest.raises(MailReadError, match="folder"):
        read_mail(tmp_path)


def test_a_mailbox_over_the_message_limit_is_refused_not_half_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.mbox"
    box = mailbox.mbox(str(path))
    for i in range(4):
        message = EmailMessage()
        message["From"] = "a@b.example"
        message["Subject"] = f"n{i}"
        message.set_content("hello")
        box.add(message)
    box.close()
    monkeypatch.setattr("passionpath.jobsearch._mail.MAX_MAIL_MESSAGES", 3)
    with pytest.raises(MailReadError, match="more than 3 messages"):
        read_mail(path)
    assert MAX_MAIL_MESSAGES > 3


def test_a_damaged_message_is_listed_as_unreadable() -> None:
    read = MailRead(problems=[("box.mbox#3", "cannot be read (ValueError).")])
    report = match_mail(read, APPLICATIONS)
    assert report.unreadable == [("box.mbox#3", "cannot be read (ValueError).")]
    assert report.total == 1


def test_company_names_and_senders() -> None:
    assert normalise_company("Société Lumière S.A.") == "societe lumiere"
    assert normalise_company("Ledger & Line Ltd") == "ledger and line"
    assert company_from_sender("", "careers.acme.co.uk") == "acme"
    assert company_from_sender("Acme Talent Team", "us.greenhouse-mail.io") == "Acme"
    assert company_from_sender("", "acme.myworkday.com") == "acme"


def test_an_imported_e_mail_is_recognised_the_second_time() -> None:
    first = import_mail([FIXTURES / "Inbox"], APPLICATIONS)
    proposal = next(p for p in first.proposals if p.application_id == "a1")
    note = evidence_note(proposal)
    assert note.startswith('From the e-mail "RE: Interview invitation - UX Designer"')
    assert mail_ids_in(note) == ["AM0PR01-rej-8812@tessellate.io"]
    again = [
        replace(a, imported_ids=tuple(mail_ids_in(note))) if a.id == "a1" else a
        for a in APPLICATIONS
    ]
    second = import_mail([FIXTURES / "Inbox"], again)
    [kept] = [u for u in second.unchanged if u.application_id == "a1"]
    assert kept.why == "this e-mail was imported before"
    assert not [p for p in second.proposals if p.application_id == "a1"]


def test_an_uploaded_mailbox_reads_like_the_file() -> None:
    data = (FIXTURES / "takeout.mbox").read_bytes()
    read = read_mail_data(data, "takeout.mbox")
    assert [m.source for m in read.messages][:2] == ["takeout.mbox#1", "takeout.mbox#2"]
    assert len(read.messages) == 6
    [one] = read_mail_data((FIXTURES / "tessellate_intro_call.eml").read_bytes(), "a.eml").messages
    assert one.sender_email == "nadia.khan@tessellate.io"
    with pytest.raises(MailReadError, match="not an e-mail"):
        read_mail_data(b"just some words", "x.txt")
