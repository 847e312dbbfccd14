"""What the classifier reads of a messy e-mail: the newest message, without quoted history,
signatures, footers or markup, with positions in the text the person gave."""

from __future__ import annotations

from pathlib import Path

import pytest

from passionpath.jobsearch import _classify_model as model
from passionpath.jobsearch import classify_text
from passionpath.jobsearch._classify_text import newest_message, prepare


def _read(text: str) -> str:
    start, end = newest_message(text)
    return text[start:end]


def test_a_reply_loses_its_signature_footer_and_quoted_history() -> None:
    text = (
        "Hi Lee,\n\nCould you do a second interview on Tuesday at 10?\n\n"
        "Best regards,\nKim Park\nTalent Partner | Acme\n+44 20 1234 5678\n\n"
        "This email and any attachments are confidential and intended solely for the "
        "addressee.\n\n"
        "On Mon, 3 May 2024 at 10:12, Lee Chan <\nlee@example.com> wrote:\n"
        "> Unfortunately I cannot make Monday."
    )
    read = _read(text)
    assert "second interview" in read
    for gone in ("Kim Park", "confidential", "wrote", "Unfortunately"):
        assert gone not in read


@pytest.mark.parametrize(
    "history",
    [
        "Von: Lee Chan\nGesendet: Montag, 3. Juni 2024 10:12\nAn: jobs@acme.de\nBetreff: Bewerbung",
        "De : Lee Chan\nEnvoyé : lundi 3 juin 2024\nÀ : jobs@acme.fr\nObjet : Candidature",
        "-----Original Message-----\nFrom: Lee Chan",
        "Le lun. 3 juin 2024 à 10:12, Lee Chan <lee@example.com> a écrit :",
        "El lun, 3 jun 2024 a las 10:12, Lee Chan escribió:",
    ],
)
def test_quoted_history_in_several_languages_and_mailers_is_cut(history: str) -> None:
    text = f"Dear Lee, we regret that we will not continue with your application.\n\n{history}\n"
    text += "> We would love to invite you to an interview."
    read = _read(text)
    assert "regret" in read
    assert "invite" not in read and "Lee Chan" not in read


def test_a_forward_with_nothing_written_above_is_read_as_the_forwarded_message() -> None:
    text = (
        "FYI\n\n---------- Forwarded message ---------\nFrom: Acme Careers <jobs@acme.com>\n"
        "Date: Tue, 4 Jun 2024\nSubject: Your application\nTo: me\n\n"
        "Dear Sam, we are pleased to offer you the role of analyst.\n\nKind regards\nAcme HR"
    )
    assert _read(text).strip() == "Dear Sam, we are pleased to offer you the role of analyst."
    forwarded_with_a_note = text.replace(
        "FYI", "Hi Jo, this came in today and I am not sure I want it, can we talk tonight?"
    )
    assert "pleased" not in _read(forwarded_with_a_note)


def test_a_greeting_that_looks_like_a_sign_off_does_not_end_the_message() -> None:
    text = "Thanks Priya,\nwe got your CV and will review it shortly.\nCheers\nJo"
    read = _read(text)
    assert read.startswith("Thanks Priya") and "review it shortly" in read
    assert "Jo" not in read.split("shortly")[1]


def test_an_html_body_is_read_as_text_and_phrases_point_into_it() -> None:
    text = (
        "<html><head><style>p {color: red}</style></head><body><p>Dear Ana,</p>"
        "<p>Thank you for interviewing. Unfortunately your salary expectations were above "
        "our budget, so we won&#39;t be moving forward.</p>"
        '<div class="gmail_quote">On Tue, Ana wrote:<br>We would like to offer you a job'
        "</div></body></html>"
    )
    prepared = prepare(text)
    assert "color" not in prepared.newest and "<p>" not in prepared.newest
    assert "won't be moving forward" in prepared.newest
    assert "offer you" not in prepared.newest
    result = classify_text(text)
    assert result.kind == "rejection"
    [pay] = [r for r in result.reasons if r.category == "pay"]
    phrase = pay.phrases[0]
    assert "salary expectations" in text[phrase.start : phrase.end]
    assert result.read[1] <= text.index("gmail_quote")


def test_leftovers_of_an_html_conversion_go() -> None:
    text = "Hi Ana, [image: Acme logo] your interview is confirmed. Join <https://x.example/j/1>"
    newest = prepare(text).newest
    assert "image" not in newest and "<" not in newest and ">" not in newest
    assert "https://x.example/j/1" in newest


def test_a_changed_training_file_or_classifier_code_fits_the_model_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = model._fingerprint()
    original = model.TRAIN_FILE
    changed = tmp_path / "classify_train.jsonl"
    changed.write_bytes(model.TRAIN_FILE.read_bytes() + b"\n")
    monkeypatch.setattr(model, "TRAIN_FILE", changed)
    assert model._fingerprint() != before
    monkeypatch.setattr(model, "TRAIN_FILE", original)
    assert model._fingerprint() == before
    code = tmp_path / "_classify_text.py"
    code.write_text("# another version\n", encoding="utf-8")
    monkeypatch.setattr(model, "_MODEL_SOURCES", (code,))
    assert model._fingerprint() != before


_SIGNATURE = "\n\nKind regards,\nJo Lake\nTalent Partner | Fernway\n+44 20 7946 0000"
_FOOTER = (
    "\n\nThis email and any attachments are confidential and intended solely for the "
    "addressee. If you have received this email in error, please delete it."
)


@pytest.mark.parametrize(
    ("body", "quoted", "kind"),
    [
        (
            "Hi Lee, unfortunately your interviewer is ill tomorrow. Could we move your "
            "interview to Friday at 2pm instead?",
            "We regret to inform you that we will not be moving forward.",
            "interview",
        ),
        (
            "Dear Lee, we are delighted to offer you the position. We have let the other "
            "candidates know that they were unsuccessful. The offer letter is attached.",
            "Sorry, I cannot make Thursday any more. Could we find another time?",
            "offer",
        ),
        (
            "Dear Lee, thank you for your application, which we have received. Only "
            "shortlisted candidates will be contacted; we will be in touch if your profile "
            "matches.",
            "We would like to invite you to a second interview on Tuesday.",
            "acknowledgement",
        ),
    ],
)
def test_confusable_e_mails_in_their_clutter_get_the_newest_messages_kind(
    body: str, quoted: str, kind: str
) -> None:
    text = f"{body}{_SIGNATURE}{_FOOTER}\n\nOn Mon, 3 Jun 2024 at 09:12, Kim wrote:\n> {quoted}"
    assert classify_text(text).kind == kind
