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


def test_exact_titles_name_their_occupations_main_titles_first() -> None:
    assert index().exact_codes("Bakers") == ["51-3011.00"]
    assert index().exact_codes("baker") == ["51-3011.00"]  # case and plural aside
    assert sorted(index().exact_codes("pastry chefs")) == ["35-1011.00", "51-3011.00"]
    # "Nurse" is an alternate title of both; no occupation has it as its own title.
    assert sorted(index().exact_codes("nurse")) == ["29-1141.00", "29-1141.01"]
    assert index().exact_codes("nurs") == []


def test_the_last_word_may_be_unfinished_when_completing() -> None:
    assert index().search("softw") == []  # a whole-word search needs whole words (or typos)
    assert index().search("softw", complete=True)[0].code == "15-1252.00"
    assert index().search("sotfwa", complete=True)[0].code == "15-1252.00"  # and a typo
    assert index().search("bak", complete=True)[0].code == "51-3011.00"
    assert index().search("web dev", complete=True)[0].code == "15-1254.00"
    # Only the last word: one earlier in the query counts only as typed.
    partial = index().search("softw developer", complete=True)[0]
    whole = index().search("software developer", complete=True)[0]
    assert partial.code == whole.code == "15-1252.00" and partial.score < whole.score
    # A query ending in a space has no unfinished word.
    assert index().search("bak ", complete=True) == []


def test_a_completion_never_outweighs_the_word_as_typed() -> None:
    more = TitleIndex.build(
        [("29-1141.00", "Registered Nurses"), ("29-1171.00", "Nurse Practitioners"),
         ("29-2061.00", "Licensed Practical Nurses"), ("45-2092.00", "Farmworkers"),
         ("51-3011.00", "Bakers"), ("29-2052.00", "Pharmacy Technicians"),
         ("25-2021.00", "Elementary School Teachers")],
        [("45-2092.00", "Nursery Worker"), ("29-2052.00", "Pharmacy Tech")],
    )  # fmt: skip
    # "nursery" is rarer than "nurse", so on idf alone "Nursery Worker" would come first.
    assert more.search("nurse", complete=True)[0].code == "29-1141.00"
    # "teach" begins "teacher": no typo is assumed, so "tech" is not offered.
    assert [h.code for h in more.search("teach", complete=True)] == ["25-2021.00"]
    # With no word beginning as typed, a typo is: "bakr" is "baker".
    assert more.search("bakr", complete=True)[0].code == "51-3011.00"
