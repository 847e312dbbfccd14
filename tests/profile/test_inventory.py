"""Interest inventory scoring, with exact expected scores for known answer sets."""

from __future__ import annotations

import pytest

from passionpath.profile import AREAS, InventoryError, answers_from_sequence, items, score


def by_area(values: dict[str, int], form: str = "full") -> dict[str, int]:
    """Answer every item of an area with the same value."""
    return {item.id: values[item.area] for item in items(form)}  # type: ignore[arg-type]


def test_item_bank_shape() -> None:
    full = items("full")
    assert len(full) == 60
    assert len({i.id for i in full}) == 60
    for area in AREAS:
        assert sum(i.area == area for i in full) == 10
        assert sum(i.area == area for i in items("short")) == 5
    assert [i.area for i in full[:6]] == list(AREAS)  # areas are interleaved


def test_all_strongly_like_scores_forty_everywhere() -> None:
    result = score(by_area(dict.fromkeys(AREAS, 5)))
    assert result.scores == dict.fromkeys(AREAS, 40)
    assert result.flat
    assert result.code == "RIA"  # ties fall back to hexagon order


def test_known_answer_set_gives_exact_scores() -> None:
    answers = by_area({"R": 1, "I": 2, "A": 5, "S": 4, "E": 3, "C": 1})
    # One item in each area moves by one step, so the sums are not all multiples of 10.
    answers["R01"] = 3  # +2
    answers["S01"] = 5  # +1
    result = score(answers)
    assert result.scores == {"R": 2, "I": 10, "A": 40, "S": 31, "E": 20, "C": 0}
    assert result.code == "ASE"
    assert not result.flat
    assert result.spread == 40


def test_short_form_is_scaled_to_forty() -> None:
    answers = by_area({"R": 2, "I": 3, "A": 4, "S": 5, "E": 1, "C": 3}, "short")
    result = score(answers, "short")
    assert len(answers) == 30
    assert result.scores == {"R": 10, "I": 20, "A": 30, "S": 40, "E": 0, "C": 20}
    assert result.code == "SAI"


def test_flat_profile_warning() -> None:
    answers = by_area(dict.fromkeys(AREAS, 3))
    answers["R01"] = 5
    answers["I01"] = 5
    result = score(answers)
    assert result.spread == 2 and result.flat


def test_answers_in_presentation_order() -> None:
    values = [5, 1, 1, 1, 1, 1] * 10
    result = score(answers_from_sequence(values))
    assert result.scores["R"] == 40 and result.scores["I"] == 0


def test_bad_answer_sets_are_explained() -> None:
    with pytest.raises(InventoryError, match="60 items; 3 answers"):
        answers_from_sequence([1, 2, 3])
    answers = by_area(dict.fromkeys(AREAS, 3))
    del answers["C10"]
    with pytest.raises(InventoryError, match="1 of the 60 items are unanswered: C10"):
        score(answers)
    answers["C10"] = 6
    with pytest.raises(InventoryError, match="Answer to C10 is 6"):
        score(answers)
    with pytest.raises(InventoryError, match="Unknown inventory items: X99"):
        score({**answers, "C10": 3, "X99": 2})
