"""Choosing an occupation by what a person types: a code, a title, or choices to pick from."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from passionpath.catalog import compare_occupations, resolve_occupation, search_occupations
from passionpath.context import Context
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_COMPARE, MAX_QUERY_CHARS


@pytest.fixture
def starter(default_starter_engine: Engine) -> Context:
    return Context.open(engine=default_starter_engine)


@pytest.mark.parametrize("typed", ["Bakers", "baker", " BAKER ", "51-3011", "51-3011.00"])
def test_one_occupation_is_taken_as_it_is(starter: Context, typed: str) -> None:
    found = resolve_occupation(typed, starter)
    assert (found.code, found.title, found.choices) == ("51-3011.00", "Bakers", [])


@pytest.mark.parametrize(
    ("typed", "among"),
    [
        ("nurse", {"29-1141.00", "29-1171.00"}),  # a word in several titles
        ("photgrapher", {"27-4021.00"}),  # a typo: offered, not assumed
        ("chef", {"35-1011.00", "51-3011.00"}),  # "Executive Chef", "Pastry Chef"
    ],
)
def test_anything_less_certain_comes_back_as_choices(
    starter: Context, typed: str, among: set[str]
) -> None:
    found = resolve_occupation(typed, starter, limit=5)
    assert found.code is None
    assert among <= {h.code for h in found.choices} and len(found.choices) <= 5
    assert all(h.job_zone is not None for h in found.choices)  # details filled in


def test_nothing_close_or_an_unknown_code_gives_no_choices(starter: Context) -> None:
    assert resolve_occupation("zzzqqqxx", starter).choices == []
    unknown = resolve_occupation("99-9999.00", starter)
    assert unknown.code is None and unknown.choices == []


def test_empty_or_too_long_text_is_refused_naming_the_field(starter: Context) -> None:
    with pytest.raises(PassionpathError, match="is empty") as empty:
        resolve_occupation("  ", starter, field="from")
    assert empty.value.field == "from"
    with pytest.raises(PassionpathError, match=f"the limit is {MAX_QUERY_CHARS}") as long:
        resolve_occupation("b" * (MAX_QUERY_CHARS + 1), starter, field="to")
    assert long.value.field == "to"
    with pytest.raises(PassionpathError, match=f"the limit is {MAX_QUERY_CHARS}"):
        search_occupations("b" * (MAX_QUERY_CHARS + 1), starter)


def test_comparison_takes_two_to_three_different_occupations(starter: Context) -> None:
    profiles = compare_occupations(["27-4021.00", "51-3011.00"], starter.engine)
    assert [p.title for p in profiles] == ["Photographers", "Bakers"]
    for codes in (["51-3011.00"], ["51-3011.00", "51-3011.00"]):
        with pytest.raises(PassionpathError, match="two different") as few:
            compare_occupations(codes, starter.engine)
        assert few.value.field == "occupations"
    many = ["51-3011.00", "27-4021.00", "29-1141.00", "35-1011.00"][: MAX_COMPARE + 1]
    with pytest.raises(PassionpathError, match=f"the limit is {MAX_COMPARE}"):
        compare_occupations(many, starter.engine)
    with pytest.raises(NotFoundError):
        compare_occupations(["51-3011.00", "99-9999.00"], starter.engine)
