"""The scoring maths on hand-made numbers: congruence indices and qualification fit."""

from __future__ import annotations

import numpy as np
import pytest

from passionpath.match import (
    brown_gore_c,
    congruence,
    iachan_m,
    profile_correlation,
    standardised_euclidean,
    top_code,
)
from passionpath.match._scoring import (
    FULL_SHORTFALL,
    Z_SCALE,
    preparation_fit,
    quadrants,
    skill_fit,
    study_fit,
    sweet_spot,
    text_fit,
    values_fit,
)


def test_profile_correlation_worked_example() -> None:
    person = [1, 2, 3, 4, 5, 6]
    occupations = np.array(
        [
            [1, 2, 3, 4, 5, 6],
            [6, 5, 4, 3, 2, 1],
            [2, 4, 6, 8, 10, 12],
            [3, 3, 3, 3, 3, 3],
            [1, 3, 2, 4, 6, 5],
        ]
    )
    r = profile_correlation(person, occupations)
    # Last row: deviations (-2.5,-0.5,-1.5,0.5,2.5,1.5) . (-2.5,-1.5,-0.5,0.5,1.5,2.5) = 15.5,
    # both sums of squares are 17.5, so r = 15.5 / 17.5.
    np.testing.assert_allclose(r, [1.0, -1.0, 1.0, 0.0, 15.5 / 17.5])
    np.testing.assert_allclose(
        congruence(person, occupations, [""] * 5, "correlation"),
        [1, 0, 1, 0.25, ((1 + 15.5 / 17.5) / 2) ** 2],
    )


def test_standardised_euclidean_worked_example() -> None:
    person = [1, 2, 3, 4, 5, 6]
    s = standardised_euclidean(person, np.array([[2, 4, 6, 8, 10, 12], [6, 5, 4, 3, 2, 1]]))
    # Same shape after z-scoring -> distance 0; mirror image -> distance 2 * sqrt(6).
    np.testing.assert_allclose(s, [1.0, 0.0], atol=1e-12)


def test_iachan_m_worked_examples() -> None:
    m = iachan_m("SAE", ["SAE", "ASE", "SEA", "RIC", "SIC", "ES"])
    # SAE/ASE: S in 1st vs 2nd = 10, A 2nd vs 1st = 10, E 3rd vs 3rd = 1 -> 21 of 28.
    # SAE/SEA: S 22, A 2nd vs 3rd = 2, E 3rd vs 2nd = 2 -> 26.  SIC: S only -> 22.
    # ES (two letters): S 1st vs 2nd = 10, E 3rd vs 1st = 4 -> 14.
    np.testing.assert_allclose(m * 28, [28, 21, 26, 0, 22, 14])


def test_brown_gore_c_worked_examples() -> None:
    c = brown_gore_c("RIA", ["RIA", "SEC", "IRC", "RAI"])
    # IRC: R-I adjacent (2) x3 + I-R adjacent (2) x2 + A-C opposite (0) x1 = 10 of 18.
    # RAI: R-R 3x3 + I-A adjacent 2x2 + A-I adjacent 2x1 = 15.
    np.testing.assert_allclose(c * 18, [18, 0, 10, 15])


def test_top_code_breaks_ties_in_hexagon_order() -> None:
    assert top_code([3, 5, 5, 1, 5, 0]) == "IAE"


def test_a_deficit_lowers_qualification_and_a_surplus_does_not_raise_it() -> None:
    required = np.array([[4.0, 4.0, 2.0]], dtype=np.float32)
    importance = np.array([[5.0, 3.0, 1.0]], dtype=np.float32)  # weights 1, 0.5, 0
    exact = skill_fit(np.array([4.0, 4.0, 2.0], np.float32), required, importance)
    short = skill_fit(np.array([3.0, 4.0, 2.0], np.float32), required, importance)
    surplus = skill_fit(np.array([3.0, 7.0, 7.0], np.float32), required, importance)
    assert exact[0] == pytest.approx(1.0)
    # Shortfall: weight 1 x 1 level / (1 x 4 + 0.5 x 4) = 1/6 of what is needed.
    assert short[0] == pytest.approx(1 - (1 / 6) / FULL_SHORTFALL)
    assert surplus[0] == pytest.approx(short[0])


def test_preparation_fit_counts_zone_gaps_both_ways() -> None:
    education = np.zeros((3, 12), np.float32)
    education[:, 5] = 1.0  # everyone in these jobs has a bachelor's degree
    fit = preparation_fit(3, 6, np.array([3, 5, 1], np.float32), education)
    np.testing.assert_allclose(fit, [1.0, 0.5 * (1 - 0.7) + 0.5, 0.5 * (1 - 0.25) + 0.5])


def test_values_fit_weighs_what_the_person_cares_about() -> None:
    person = np.array([7, 1, 1, 1, 1, 1], np.float32)  # only Achievement matters
    offered = np.array([[7, 1, 1, 1, 1, 1], [1, 7, 7, 7, 7, 7]], np.float32)
    np.testing.assert_allclose(values_fit(person, offered), [1.0, 0.0])


def test_sweet_spot_needs_both_axes() -> None:
    passion = np.array([0.9, 0.9, 0.2], np.float32)
    qualification = np.array([0.9, 0.2, 0.9], np.float32)
    score = sweet_spot(passion, qualification, None, 0.15)
    assert score[0] > 0.85 and score[1] == pytest.approx(score[2]) and score[1] < 0.45
    labels, _, _ = quadrants(passion, qualification, np.ones(3, bool), high=0.5)
    assert list(labels) == ["sweet spot", "passion stretch", "safe fit"]


def test_text_fit_uses_the_best_half_of_phrases() -> None:
    similarity = np.array([[0.55, 0.10], [0.55, 0.10], [0.10, 0.55], [0.10, 0.10]], np.float32)
    np.testing.assert_allclose(text_fit(similarity), [1.0, 0.5], rtol=1e-5)


def test_text_fit_on_standardised_scores_uses_its_own_scale() -> None:
    z = np.array([[4.0, 0.0, -1.0], [2.0, 2.0, -1.0]], np.float32)
    # One phrase each (best half of two): 4 -> full fit, 2 -> half, below zero -> none.
    np.testing.assert_allclose(text_fit(z, Z_SCALE), [1.0, 0.5, 0.0])
    assert text_fit(z, Z_SCALE)[1] != text_fit(z)[1]


def test_study_fit_counts_the_closest_field_and_ignores_unrelated_ones() -> None:
    titles = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1]], np.float32)
    descriptions = np.array([[0.6, 0.8, 0], [0, 1, 0], [0, 0, 1]], np.float32)
    studied = np.array([[1, 0, 0], [0.45, 0, np.sqrt(1 - 0.45**2)]], np.float32)
    fit = study_fit(studied, [titles, descriptions])
    # Occupation 0: the first field is its title -> full. 1: no field points at it -> 0.
    # 2: the second field reaches cosine 0.893 with its title -> full.
    np.testing.assert_allclose(fit, [1.0, 0.0, 1.0], atol=1e-6)
    weak = study_fit(np.array([[0.4, 0.0, np.sqrt(1 - 0.16)]], np.float32), [titles])
    np.testing.assert_allclose(weak[0], (0.4 - 0.25) / 0.35, rtol=1e-5)


def test_unrated_occupations_borrow_their_nearest_neighbours_ratings() -> None:
    from passionpath.match._matrices import impute_ratings

    descriptions = np.array([[1, 0], [0.9, 0.1], [0, 1], [0.95, 0.05], [0.8, 0.2]], np.float32)
    descriptions /= np.linalg.norm(descriptions, axis=1, keepdims=True)
    level = np.array([[6.0], [4.0], [1.0], [5.0], [np.nan]], np.float32)
    importance = np.full_like(level, 3.0)
    rated = ~np.isnan(level[:, 0])
    _, filled, imputed = impute_ratings(importance, level, descriptions, rated)
    assert imputed.tolist() == [False, False, False, False, True]
    # The three most similar rated rows are 1, 3 and 0: (4 + 5 + 6) / 3.
    assert filled[4, 0] == pytest.approx(5.0)
    assert filled[:4, 0].tolist() == level[:4, 0].tolist()


def test_the_best_half_of_phrases_counts_but_never_more_than_six() -> None:
    from passionpath.match._scoring import pooled_count, text_fit

    assert [pooled_count(n) for n in (1, 2, 3, 4, 11, 12, 13, 40)] == [1, 1, 2, 2, 6, 6, 6, 6]
    # Four strong phrases among twenty fragments: their agreement is not diluted away.
    scores = np.zeros((24, 1), np.float32)
    scores[:4] = 4.0
    assert text_fit(scores, (0.0, 4.0))[0] == pytest.approx(4 * 4.0 / 6 / 4.0)
