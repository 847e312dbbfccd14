"""Title search: ranking, typo tolerance and plurals on a hand-made index."""

from __future__ import annotations

from passionpath.catalog._search import TitleIndex, tokenize

OCCUPATIONS = [
    ("51-3011.00", "Bakers"),
    ("35-1011.00", "Chefs and Head Cooks"),
    ("15-1252.00", "Software Developers"),
    ("15-1254.00", "Web Developers"),
    ("29-1141.00", "Registered Nurses"),
    ("29-1141.01", "Acute Care Nurses"),
]
ALTERNATES = [
    ("51-3011.00", "Pastry Chef"),
    ("35-1011.00", "Pastry Chef"),
    ("35-1011.00", "Executive Chef"),
    ("15-1252.00", "Application Developer"),
    ("29-1141.01", "Nurse"),
    ("29-1141.00", "Nurse"),
]


def index() -> TitleIndex:
    return TitleIndex.build(OCCUPATIONS, ALTERNATES)


def test_tokenize_folds_case_punctuation_and_plurals() -> None:
    assert tokenize("Chefs & Head-Cooks") == ["chef", "head", "cook"]
    assert tokenize("Bakeries' classes") == ["bakery", "class"]


def test_exact_title_ranks_first() -> None:
    assert index().search("baker")[0].code == "51-3011.00"


def test_alternate_titles_are_searched_and_reported() -> None:
    hits = index().search("pastry chef")
    assert {h.code for h in hits[:2]} == {"51-3011.00", "35-1011.00"}
    assert all(h.matched_title == "Pastry Chef" for h in hits[:2])


def test_typos_are_tolerated() -> None:
    hits = index().search("sofware develper")
    assert hits[0].code == "15-1252.00"
    assert hits[0].title == "Software Developers"


def test_titles_matching_every_word_beat_partial_matches() -> None:
    hits = index().search("web developer")
    assert [h.code for h in hits[:2]] == ["15-1254.00", "15-1252.00"]
    assert hits[0].score > hits[1].score


def test_ties_prefer_the_broad_occupation() -> None:
    assert index().search("nurse")[0].code == "29-1141.00"


def test_nothing_similar_gives_no_hits() -> None:
    assert index().search("zzqx") == []
    assert index().search("   ") == []


def test_limit_is_respected() -> None:
    assert len(index().search("developer", limit=1)) == 1
