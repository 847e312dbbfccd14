"""A resume with no word of passion yet: work history stands in, and jobs are read right."""

from __future__ import annotations

import numpy as np
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.match import load_matrices, match, readiness, summary_intents
from passionpath.match._matrices import borrow_education
from passionpath.match._person import split_phrases, work_phrases
from passionpath.profile import parse_document

NURSE = {
    "basics": {"name": "Ann", "label": "Registered Nurse", "summary": "Nurse, 11 years."},
    "work": [
        {
            "name": "St Mary's",
            "position": "Charge Nurse, Cardiac Step-Down",
            "startDate": "2021-03",
            "summary": "Lead a team of RNs; staffing; preceptor for new graduates.",
        },
        {"name": "St Mary's", "position": "Staff Nurse", "startDate": "2013-06"},
    ],
    "education": [{"institution": "UIC", "studyType": "Bachelor of Science in Nursing"}],
}


def test_a_resume_alone_is_ranked_by_its_work_history() -> None:
    document = parse_document(NURSE)
    ready = readiness(document)
    assert ready.passion == ("work",) and ready.can_rank and ready.from_work_only
    texts = [p.text for p in work_phrases(document)]
    assert texts[:3] == ["Registered Nurse", "Charge Nurse, Cardiac Step-Down", "Staff Nurse"]
    assert "preceptor for new graduates" in texts
    assert {p.source for p in work_phrases(document)} == {"work"}


def test_a_word_of_passion_replaces_the_work_history() -> None:
    document = parse_document({**NURSE, "passionpath": {"reflections": {"unpaid": "Gardening"}}})
    assert readiness(document).passion == ("reflections",)
    assert not readiness(document).from_work_only


def test_the_nurses_resume_puts_nursing_first_and_says_why(
    starter_engine: Engine, ctx: Context
) -> None:
    report = match(parse_document(NURSE), ctx, top=5)
    codes = [r.code for r in report.results]
    assert codes[0] == "29-1141.00"  # Registered Nurses, not the catalog's first code
    assert report.results[0].passion > 0.5
    assert any("work history" in w for w in report.warnings)
    # With a word of passion the note goes.
    loving = parse_document({**NURSE, "passionpath": {"reflections": {"unpaid": "Baking"}}})
    assert not any("work history" in w for w in match(loving, ctx, top=5).warnings)


def test_nothing_to_go_on_ranks_nothing(starter_engine: Engine, ctx: Context) -> None:
    document = parse_document(
        {"basics": {"name": "New"}, "education": [{"institution": "X", "studyType": "BSc"}]}
    )
    report = match(document, ctx, top=5)
    assert report.results == [] and report.worth_the_stretch == []
    assert report.warnings and "what you love" in report.warnings[-1]


def test_a_title_with_two_roles_is_read_role_by_role(starter_engine: Engine, ctx: Context) -> None:
    from passionpath.match._report import _past_occupations

    m = load_matrices(ctx)

    def held(position: str) -> set[str]:
        document = parse_document({"work": [{"position": position, "startDate": "2020"}]})
        return {str(m.codes[row]) for row in _past_occupations(document, m, ctx)}

    assert "29-1141.00" in held("Owner and Registered Nurse")
    assert held("Owner") == set()  # says nothing of the work on its own
    assert held("Registered Nurse") == held("Registered Nurse / Owner")
    assert held("Registered Nurse / CTO") == held("Registered Nurse")  # a post's acronym


def test_an_aversion_ends_where_the_next_thought_begins() -> None:
    wishes, aversions = summary_intents(
        "Primary teacher. Burnt out by the workload and looking at options outside the "
        "classroom. Ready to move on from bar work and I would like to train as a plumber."
    )
    assert aversions == ["the workload", "the classroom", "bar work"]
    assert wishes == ["I would like to train as a plumber"]
    assert summary_intents("I love working outside.") == (["I love working outside"], [])
    assert summary_intents("Sick to death of Sundays.")[1] == ["Sundays"]


def test_one_thing_named_in_a_list_is_a_phrase_of_its_own() -> None:
    # "a school office or the library": the library had been dropped as a fragment, and
    # "something like that" kept as if it said something.
    document = parse_document(
        {
            "basics": {
                "name": "D",
                "summary": "Want part-time work, a school office or the library or "
                "something like that.",
            }
        }
    )
    found = [p.text for p in split_phrases(document)[0]]
    assert found == ["Want part-time work", "a school office", "the library"]


def test_an_education_spread_is_borrowed_from_the_nearest_relatives() -> None:
    codes = np.array(["29-1215.00", "29-1214.00", "29-1141.00", "13-2011.00"])
    zones = np.array([5, 5, 4, 4], np.float32)
    education = np.zeros((4, 12), np.float32)
    education[0, 10] = 0.9  # family physicians: doctoral
    education[0, 7] = 0.1
    education[2, 5] = 1.0  # nurses: bachelor's
    out = borrow_education(codes, zones, education)
    # Emergency physicians borrow the physicians' spread (same broad group and zone), not
    # the nurses'; accountants have no relative with a spread and stay empty.
    np.testing.assert_allclose(out[1], education[0])
    np.testing.assert_array_equal(out[[0, 2]], education[[0, 2]])
    assert out[3].sum() == 0


def test_a_word_is_read_in_the_sense_the_persons_work_gives_it() -> None:
    from passionpath.match._senses import hinted

    foreman = ["Groundworks foreman", "Footings, drainage and drives on new-build estates"]
    assert hinted(["Want to go site manager"], foreman) == [
        "Want to go site manager (on a building site, construction)"
    ]
    # Someone who builds websites means websites; a phrase alone is read as it stands.
    assert hinted(["Want to go site manager"], [*foreman, "I build web sites"]) == [
        "Want to go site manager"
    ]
    assert hinted(["Want to go site manager"], []) == ["Want to go site manager"]
    mentor = ["Peer mentor on the wing", "Youth project volunteer, boys at risk of exclusion"]
    assert hinted(["getting through to young lads"], mentor)[0].endswith("at risk)")
    # ... unless they speak of toddlers and nursery work.
    assert hinted(["getting through to kids"], [*mentor, "nursery nurse"]) == [
        "getting through to kids"
    ]


def test_a_wish_before_an_aversion_in_one_sentence_is_kept() -> None:
    wishes, aversions = summary_intents(
        "Want something that uses what I know - hazmat, safety, emergency management - "
        "without leaving home for months at a time."
    )
    assert wishes == ["Want something that uses what I know - hazmat, safety, emergency management"]
    assert aversions == ["home for months at a time"]
    # "I really want to" says nothing by itself.
    assert summary_intents("I really want to get out of teaching.") == ([], ["teaching"])


def test_work_nobody_does_without_more_education_is_no_sweet_spot() -> None:
    from passionpath.match._scoring import EDUCATION_GATE, above_factor, education_gate

    education = np.zeros((3, 12), np.float32)
    education[0, 10] = 1.0  # dentists: all doctoral
    education[1, 2] = 0.5  # hygienists: half post-secondary certificate, half associate
    education[1, 4] = 0.5
    gate = education_gate(3, education)  # a certificate
    assert gate[0] == np.float32(EDUCATION_GATE[0]) and gate[1] == 1.0 and gate[2] == 1.0
    assert education_gate(11, education)[0] == 1.0
    # One zone up is an ordinary step; each zone further takes a share off.
    factor = above_factor(3, np.array([3, 4, 5, np.nan], np.float32))
    assert factor[0] == factor[1] == factor[3] == 1.0 and factor[2] < 1.0
