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


def test_patient_the_virtue_is_no_cue_for_medicine() -> None:
    from passionpath.text._evidence import cue_pattern

    medicine = cue_pattern("2.C.5.a")
    assert medicine is not None
    assert medicine.search(" people say i'm the most patient person they know ") is None
    assert medicine.search(" patient with finishes ") is None
    assert medicine.search(" caring for patients on a busy ward ") is not None
    assert medicine.search(" patient safety ") is not None


def test_products_are_found_by_the_names_people_use() -> None:
    index = _technology_index(
        [
            ("SAP software", True),
            ("Email software", False),
            ("Oracle Reports", False),
            ("Adobe Premiere Pro", True),
            ("SoftRisk Technologies SoftRisk SQL", False),
            ("Structured query language SQL", True),
        ]
    )

    def names(text: str) -> list[str]:
        return [e.name for e in find_technology(text, index, "work")]

    assert names("I ran month-end reports in SAP") == ["SAP software"]
    assert names("I cut the film in Premiere") == ["Adobe Premiere Pro"]
    assert names("We went to the premiere") == []
    assert names("Monthly reports by email") == []
    assert names("Queries in SQL") == ["Structured query language SQL"]
