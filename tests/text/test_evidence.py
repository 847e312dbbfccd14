"""Product names found in a person's words: the spelling decides when the name is also a word."""

from __future__ import annotations

from passionpath.text._evidence import _technology_index, find_technology

INDEX = _technology_index(
    [("CALM", False), ("SAP", False), ("Microsoft Word", False), ("Tableau", False)]
)


def _names(text: str) -> list[str]:
    return [e.name for e in find_technology(text, INDEX, "reflections")]


def test_an_acronym_that_is_also_a_word_needs_its_own_spelling() -> None:
    assert _names("Patients say I stay calm under pressure") == []
    assert _names("I scheduled the ward in CALM") == ["CALM"]


def test_short_acronyms_match_in_any_case() -> None:
    # People type "sap" or "sql" in lower case; as ordinary words they are rare.
    assert _names("I ran reports in sap") == ["SAP"]


def test_a_product_named_after_a_common_word_needs_its_capital() -> None:
    assert _names("Not a word was said") == []
    assert _names("I write letters in Word and dashboards in tableau") == [
        "Microsoft Word",
        "Tableau",
    ]
