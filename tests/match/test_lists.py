"""Lists people can use: folded siblings, sweet spot first, vetoes, aversions, levels and
"worth the stretch"."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.match import load_matrices, match, summary_intents
from passionpath.match._engine import SIMILAR_WITHIN, fold_siblings
from passionpath.match._intent import contrast
from passionpath.match._scoring import (
    HIGH_AT_LEAST,
    STEP_BACK_COST,
    aversion_factor,
    interest_gate,
    level_factor,
    quadrants,
    relative_to_best,
    resemblance_gate,
    step_back_factor,
)
from passionpath.profile import ProfileDocument, load_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


def test_siblings_of_one_broad_group_fold_under_the_best() -> None:
    codes = np.array(["25-2011.00", "25-2012.00", "11-9032.00", "25-2021.00", "25-2031.00"])
    ranked = np.arange(5)
    score = np.array([1.0, 0.95, 0.9, 0.9, 0.88], np.float32)
    entries = fold_siblings(codes, ranked, score, top=10)
    # 25-2011 and 25-2012 share the broad group 25-201; 25-2021 and 25-2031 are the second
    # and third entries of minor group 25-20, so the third folds under the first.
    assert entries == [(0, [1, 4]), (2, []), (3, [])]


def test_a_sibling_far_below_its_entry_is_not_folded_under_it() -> None:
    codes = np.array(["35-2014.00", "35-2011.00"])
    low = SIMILAR_WITHIN * 0.9
    entries = fold_siblings(codes, np.arange(2), np.array([1.0, low], np.float32), top=10)
    assert entries == [(0, [])]


def test_a_full_list_still_gathers_later_siblings() -> None:
    codes = np.array(["25-2011.00", "11-9032.00", "25-2012.00"])
    score = np.array([1.0, 0.99, 0.98], np.float32)
    assert fold_siblings(codes, np.arange(3), score, top=2) == [(0, [2]), (1, [])]


def test_interests_that_run_against_a_text_match_veto_it() -> None:
    gate = interest_gate(np.array([0.0, 0.0625, 0.15, 0.25, 0.9], np.float32))
    assert gate[0] == gate[1] == 0.0
    assert 0.0 < gate[2] < 1.0
    assert gate[3] == gate[4] == 1.0


def test_work_far_below_the_person_ranks_down_unless_they_welcome_it() -> None:
    zones = np.array([5, 4, 3, 1], np.float32)
    factor = level_factor(5, zones)
    assert factor[0] == factor[1] == 1.0
    assert factor[3] < factor[2] < 1.0
    assert level_factor(5, zones, lower_levels_ok=True).tolist() == [1.0] * 4


def test_sweet_spot_needs_absolute_height_too() -> None:
    passion = np.array([0.3, 0.2, 0.1, 0.35], np.float32)
    qualification = np.array([0.3, 0.25, 0.1, 0.2], np.float32)
    labels, p_cut, q_cut = quadrants(passion, qualification, np.ones(4, bool))
    assert p_cut >= HIGH_AT_LEAST and q_cut >= HIGH_AT_LEAST
    assert "sweet spot" not in labels.tolist()


def test_only_a_phrases_best_occupations_reach_the_top_of_the_scale() -> None:
    z = np.array([[8.0, 4.0, 0.0], [3.0, 1.0, 0.0]], np.float32)
    stretched = relative_to_best(z, (0.0, 4.0))
    assert stretched[0].tolist() == [4.0, 2.0, 0.0]  # a clear best halves the runner-up
    assert stretched[1].tolist() == [3.0, 1.0, 0.0]  # a weak phrase keeps the fixed scale


def test_aversions_lower_passion_only_where_they_match() -> None:
    factor = aversion_factor(np.array([[5.0, 0.5], [1.0, 2.0]], np.float32))
    assert factor[0] < 0.5 and factor[1] == 1.0


def test_summaries_give_wishes_and_aversions_but_not_facts() -> None:
    wishes, aversions = summary_intents(
        "63, HVAC technician for 38 years. My knees don't like attics and roofs anymore. "
        "I'd like to teach apprentices or inspect, part-time."
    )
    assert wishes == ["I'd like to teach apprentices or inspect, part-time"]
    assert aversions == ["attics and roofs"]
    wishes, aversions = summary_intents("I'm tired of the counter; I enjoy reading studies.")
    assert aversions == ["the counter"] and wishes == ["I enjoy reading studies"]
    assert summary_intents("48, back to work after three years caring for my father.") == (
        [],
        [],
    )
    assert summary_intents(None) == ([], [])


def test_worth_the_stretch_lists_loved_careers_not_yet_in_reach(
    starter_engine: Engine, ctx: Context
) -> None:
    document = load_document(EXAMPLES / "maya.json")
    document.education = []  # no degree: photography and cooking become a stretch
    document.work = []
    report = match(document, ctx, top=1)
    shown = {r.code for r in report.results} | {s.code for r in report.results for s in r.similar}
    assert report.worth_the_stretch
    p_cut, q_cut = report.thresholds["passion"], report.thresholds["qualification"]
    below = report.scores.below_level if report.scores is not None else None
    for r in report.worth_the_stretch:
        assert r.code not in shown
        assert below is None or not below[load_matrices(ctx).index[r.code]]
        assert r.passion >= p_cut and r.qualification < q_cut
        takes = r.what_it_takes
        assert takes is not None and takes.years > 0 and takes.preparation
    data = report.as_dict()["worth_the_stretch"]
    assert data[0]["what_it_takes"]["to_zone"] == report.worth_the_stretch[0].job_zone


def test_saying_lower_levels_are_fine_lifts_them(starter_engine: Engine, ctx: Context) -> None:
    document = load_document(EXAMPLES / "daniel.json")
    before = match(document, ctx, top=5).scores
    document.pp.constraints.open_to_lower_levels = True
    after = match(document, ctx, top=5).scores
    assert before is not None and after is not None
    assert (after.score >= before.score - 1e-6).all() and (after.score > before.score).any()


def test_stated_preferences_pull_and_push(starter_engine: Engine, ctx: Context) -> None:
    document = load_document(EXAMPLES / "maya.json")
    before = match(document, ctx, top=3).scores
    m = load_matrices(ctx)
    bakers = m.index["51-3011.00"]
    document.pp.preferences.does_not_want = ["baking bread in a bakery"]
    pushed = match(document, ctx, top=3).scores
    document.pp.preferences.does_not_want = []
    document.pp.preferences.wants = ["baking bread in a bakery"]
    pulled = match(document, ctx, top=3).scores
    assert before is not None and pushed is not None and pulled is not None
    assert pushed.passion[bakers] < before.passion[bakers] <= pulled.passion[bakers]


def test_work_the_person_has_done_is_never_below_them(starter_engine: Engine, ctx: Context) -> None:
    from passionpath.profile import parse_document

    baker = {
        "basics": {"name": "Jo"},
        "education": [{"institution": "U", "studyType": "Master's degree", "area": "Nutrition"}],
        "passionpath": {"reflections": {"lose_track_of_time": "Baking bread at dawn"}},
    }
    scores = match(parse_document(baker), ctx, top=3).scores
    baker["work"] = [{"name": "Bakery", "position": "Baker", "startDate": "2019"}]
    held = match(parse_document(baker), ctx, top=3).scores
    bakers = load_matrices(ctx).index["51-3011.00"]
    assert scores is not None and held is not None
    assert held.qualification[bakers] > scores.qualification[bakers] + 0.2


def test_comparisons_split_into_what_is_wanted_and_what_is_not() -> None:
    assert contrast("more time with people than with spreadsheets") == (
        "time with people",
        "spreadsheets",
    )
    assert contrast("Working outdoors rather than in an office") == ("Working outdoors", "office")
    assert contrast("working with people, not machines") == ("working with people", "machines")
    assert contrast("less screen time") == ("", "screen time")
    assert contrast("which is more than I can say for a spreadsheet these days") == (
        "",
        "spreadsheet",
    )
    # "not" inside a wish is part of the wish, and a phrase that compares nothing stays whole.
    assert contrast("nurses not burning out") == ("nurses not burning out", None)
    assert contrast("Furniture restoration") == ("Furniture restoration", None)


def test_a_compared_phrase_gives_its_wanted_part_as_passion_and_the_rest_as_aversion() -> None:
    from passionpath.match._person import passion_phrases, split_phrases

    document = load_document(EXAMPLES / "daniel.json")
    texts = [p.text for p in passion_phrases(document)]
    assert "time with people" in texts
    assert not any("spreadsheet" in text for text in texts)
    assert "spreadsheets" in split_phrases(document)[1]


def test_a_step_back_in_a_held_jobs_own_field_costs_qualification() -> None:
    from passionpath.match._scoring import STEP_BACK_NEIGHBOURS

    # Row 0 is the held job (zone 4); rows 1..N are its field, row 1 a zone below it;
    # the last row is far away (and two zones down), beyond the N nearest.
    n = STEP_BACK_NEIGHBOURS
    angles = np.concatenate([np.linspace(0, 0.3, n + 1), [np.pi / 2]])
    vectors = np.stack([np.cos(angles), np.sin(angles)], axis=1).astype(np.float32)
    zones = np.array([4, 3, *([4] * (n - 1)), 2], np.float32)
    factor = step_back_factor([0], vectors, zones)
    assert factor[0] == 1.0  # the held job itself
    assert factor[1] == np.float32(1 - STEP_BACK_COST)  # one zone down, same field
    assert (factor[2:-1] == 1.0).all()  # same field, same zone
    assert factor[-1] == 1.0  # another field: an ordinary change, not a step back
    assert (step_back_factor([], vectors, zones) == 1.0).all()


def test_a_phrase_counts_only_where_it_resembles_the_work() -> None:
    gate = resemblance_gate(np.array([[0.05, 0.25, 0.6]], np.float32))
    assert gate[0, 0] == 0.0 and 0.0 < gate[0, 1] < 1.0 and gate[0, 2] == 1.0


def test_step_downs_come_after_the_persons_level_and_are_not_shown_folded(
    starter_engine: Engine, ctx: Context
) -> None:
    document = load_document(EXAMPLES / "daniel.json")
    report = match(document, ctx, top=len(load_matrices(ctx).codes))
    scores = report.scores
    assert scores is not None and scores.below_level is not None
    below = scores.below_level
    index = load_matrices(ctx).index
    rows = [index[r.code] for r in report.results]
    assert below.any() and not below.all()
    flags = [bool(below[row]) for row in rows]
    first_down = flags.index(True)
    # Step downs come last: every career at the person's level is listed before them.
    assert all(flags[first_down:])
    for result in report.results:
        assert not any(below[index[s.code]] for s in result.similar)
    document.pp.constraints.open_to_lower_levels = True
    welcomed = match(document, ctx, top=5).scores
    assert welcomed is not None and welcomed.below_level is not None
    assert not welcomed.below_level.any()


def test_a_sentence_saying_what_the_person_is_tired_of_is_no_passion() -> None:
    from passionpath.match._person import split_phrases

    document = ProfileDocument.model_validate(
        {
            "passionpath": {
                "reflections": {
                    "lose_track_of_time": (
                        "Teaching kids about cells. I am tired of the lab routine."
                    ),
                    "causes": "I hate seeing children bored at school.",
                }
            }
        }
    )
    wanted, against, stated = split_phrases(document)
    texts = [p.text for p in wanted]
    assert "Teaching kids about cells" in texts
    assert not any("lab" in text for text in texts)
    assert against == stated == ["the lab routine"]
    # A cause names what the person wants to fight: it stays a passion, never an aversion.
    assert any("bored at school" in text for text in texts)


def test_a_held_job_the_person_says_they_are_leaving_loses_its_line_of_work() -> None:
    from passionpath.match._scoring import LEAVING_KEEPS

    # Occupations: 0 the held job, 1 and 2 its field, 3 far away; one aversion names 0-3.
    scores = np.array([[3.5, 3.0, 1.0, 4.0]], np.float32)
    field = np.array([[1, 2]])
    said = aversion_factor(scores, [0], field, np.array([True]))
    assert said[0] == said[1] == np.float32(LEAVING_KEEPS)
    assert said[2] == 1.0  # in the field, but the aversion does not name it
    assert LEAVING_KEEPS < said[3] < 1.0  # named, but another line of work: the usual cut
    # The same words listed as a dislike ("visual-only design") are a side of the work.
    listed = aversion_factor(scores, [0], field, np.array([False]))
    assert np.array_equal(listed, aversion_factor(scores))
    assert listed[0] > LEAVING_KEEPS


def test_saying_you_are_leaving_the_classroom_moves_a_teacher_out_of_it(
    starter_engine: Engine, ctx: Context
) -> None:
    document = ProfileDocument.model_validate(
        {
            "basics": {
                "summary": (
                    "Taught year 5 for 14 years. Leaving the classroom: the marking wore me out."
                )
            },
            "work": [{"position": "Primary school teacher", "startDate": "2010-09"}],
            "education": [{"studyType": "Bachelor of Education", "area": "Primary education"}],
            "passionpath": {
                "reflections": {
                    "lose_track_of_time": "Designing a lesson that makes fractions click",
                    "talents": "Explaining things simply, writing clear materials",
                }
            },
        }
    )
    staying = document.model_copy(deep=True)
    assert staying.basics is not None
    staying.basics.summary = "Taught year 5 for 14 years."
    leaving = match(document, ctx, top=10).scores
    staying_scores = match(staying, ctx, top=10).scores
    row = load_matrices(ctx).index["25-2021.00"]  # Elementary School Teachers
    assert staying_scores.quadrant[row] == "sweet spot"
    assert leaving.passion[row] < 0.5 * staying_scores.passion[row]
    assert leaving.qualification[row] == staying_scores.qualification[row]


def test_without_real_passion_what_the_person_mentioned_leads() -> None:
    from passionpath.match._scoring import sweet_spot, tail_key

    passion = np.array([0.45, 0.25], np.float32)  # a career they wrote about; one they did not
    qualification = np.array([0.3, 0.95], np.float32)
    score = sweet_spot(passion, qualification, None, 0.0)
    assert score[1] > score[0]  # the score alone would put the unmentioned one first
    key = tail_key(passion, qualification)
    assert key[0] > key[1]
    # The same order as passion**0.75 * qualification**0.25.
    assert np.allclose(key**0.25, passion**0.75 * qualification**0.25, atol=1e-6)
