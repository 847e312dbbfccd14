"""Reading recruiting e-mails: kind, stage, reasons with their phrases, skills named."""

from __future__ import annotations

import pytest

from passionpath.context import Context
from passionpath.jobsearch import ClassifyInputError, classify_text, classify_texts
from passionpath.limits import MAX_CLASSIFY_TEXT_CHARS, MAX_CLASSIFY_TEXTS


def test_a_rejection_after_interview_gives_its_reasons_with_phrases_from_the_text() -> None:
    text = (
        "Dear Lee,\n\nThank you for interviewing with us. Unfortunately the panel felt your "
        "experience with SQL and data modelling was too limited, and your salary expectations "
        "were above our budget. We will not be moving forward.\n\nBest, Kim"
    )
    result = classify_text(text)
    assert result.kind == "rejection"
    assert result.stage == "interview"
    categories = {r.category for r in result.reasons}
    assert {"skills_gap", "pay"} <= categories
    assert "templated_unknown" not in categories
    for reason in result.reasons:
        for phrase in reason.phrases:
            assert text[phrase.start : phrase.end] == phrase.text


def test_a_rejection_without_a_reason_is_templated_and_shows_the_sentence_saying_no() -> None:
    text = "Thank you for applying. Unfortunately we have decided to proceed with other candidates."
    result = classify_text(text)
    assert result.kind == "rejection"
    [reason] = result.reasons
    assert reason.category == "templated_unknown"
    assert "other candidates" in reason.phrases[0].text


@pytest.mark.parametrize(
    ("text", "kind", "stage"),
    [
        (
            "We are delighted to offer you the position. The offer letter is attached.",
            "offer",
            "offer",
        ),
        (
            "Thanks for applying! We have received your application and will review it.",
            "acknowledgement",
            "applied",
        ),
        (
            "We'd like to invite you to a video interview next Tuesday at 10.",
            "interview",
            "interview",
        ),
        ("Job alert: 12 new Data Analyst jobs near you. Unsubscribe.", "other", None),
    ],
)
def test_each_kind(text: str, kind: str, stage: str | None) -> None:
    result = classify_text(text)
    assert (result.kind, result.stage) == (kind, stage)
    assert result.reasons == []


def test_only_the_newest_message_decides_not_the_quoted_one() -> None:
    text = (
        "Hi Lee, we have now decided to continue with other candidates. Sorry!\n\n"
        "> On 2 May, Kim wrote:\n> We would love to invite you to an interview on Tuesday."
    )
    result = classify_text(text)
    assert result.kind == "rejection"
    assert result.read[1] <= text.index("> On 2 May")


def test_bad_texts_are_refused_with_their_place() -> None:
    with pytest.raises(ClassifyInputError, match="no texts"):
        classify_texts([])
    with pytest.raises(ClassifyInputError, match="text 2: the text is empty"):
        classify_texts(["We regret to tell you no.", "  "])
    with pytest.raises(ClassifyInputError, match="limit is 20,000"):
        classify_text("no " * (MAX_CLASSIFY_TEXT_CHARS // 3 + 1))
    with pytest.raises(ClassifyInputError, match=f"limit is {MAX_CLASSIFY_TEXTS}"):
        classify_texts(["hello"] * (MAX_CLASSIFY_TEXTS + 1))
    with pytest.raises(ClassifyInputError, match="no words"):
        classify_text("12345 !!!")


def test_skills_named_in_a_skills_gap_are_mapped_to_the_catalog(starter_engine: object) -> None:
    ctx = Context.open()
    text = (
        "Thanks for the interview. Unfortunately the team felt your Python programming "
        "skills were not strong enough for this role, so we will not proceed."
    )
    result = classify_texts([text], ctx)[0]
    assert result.kind == "rejection"
    assert result.skills, result
    for skill in result.skills:
        assert text[skill.start : skill.end] == skill.text
    assert any(s.name == "Programming" or "Python" in s.name for s in result.skills)
