"""Word sense read from the whole person: which occupations their words give no evidence for."""

from __future__ import annotations

import numpy as np
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.match import load_matrices
from passionpath.match._senses import person_veto, sense_masks
from passionpath.profile import ProfileDocument, parse_document

CODES = ["39-3011.00", "53-7021.00", "53-3051.00", "29-1141.00", "19-1023.00", "27-2021.00"]
MASKS = sense_masks(CODES)


def vetoed(*texts: str) -> list[str]:
    return [c for c, v in zip(CODES, person_veto(texts, MASKS), strict=True) if v]


def test_board_games_with_friends_give_no_evidence_for_gambling_or_sport() -> None:
    # "around a table together" says nothing alone; the person's other words decide.
    assert vetoed("Board game nights with friends", "around a table together") == [
        "39-3011.00",
        "27-2021.00",
    ]
    assert vetoed("around a table together") == []


def test_the_occupational_sense_anywhere_keeps_the_evidence() -> None:
    assert vetoed("board games", "and poker nights at the casino") == ["27-2021.00"]
    assert vetoed("video games", "five-a-side football on Sundays") == ["39-3011.00"]


def test_cranes_on_the_marsh_are_birds_and_on_a_site_are_machines() -> None:
    assert vetoed("counting cranes on the marsh") == ["53-7021.00"]
    assert vetoed("running the crane on a construction site") == []


def test_school_outreach_is_not_the_school_bus_unless_driving_is_said() -> None:
    assert vetoed("science outreach in schools") == ["53-3051.00"]
    assert vetoed("driving the school bus", "teaching kids road safety") == []


def test_patience_is_a_trait_unless_care_is_said() -> None:
    assert vetoed("I am patient with beginners") == ["29-1141.00"]
    assert vetoed("patient with people", "night shifts on a hospital ward") == []


def vetoed_among(codes: list[str], *texts: str) -> list[str]:
    return [c for c, v in zip(codes, person_veto(texts, sense_masks(codes)), strict=True) if v]


def test_a_soldiers_words_are_read_as_a_soldiers() -> None:
    # An EOD sergeant who coaches "wounded vets" and cares about "old mines": veterans and
    # landmines, not veterinary work or coal mining; "under pressure" is no gas compressor.
    codes = ["29-1131.00", "17-2151.00", "53-7071.00", "47-5032.00"]
    said = ("Coach adaptive archery for wounded vets", "Kids in places still full of old mines")
    work = ("Render-safe procedures on IEDs, landmines and UXO", "Methodical under pressure")
    assert vetoed_among(codes, *said, *work) == ["29-1131.00", "17-2151.00", "53-7071.00"]
    assert vetoed_among(codes, "Vet nurse for farm animals", "wounded wildlife") == []


def test_fostering_dogs_and_training_new_hires_are_not_childcare_or_fitness() -> None:
    codes = ["21-1021.00", "39-9031.00", "39-2021.00"]
    dispatcher = ("I foster dogs for a rescue", "Train and sign off new hires", "Train rookies")
    assert vetoed_among(codes, *dispatcher) == ["21-1021.00", "39-9031.00"]
    assert vetoed_among(codes, "foster children", "training clients at the gym") == []


def test_a_table_for_board_games_is_no_restaurant_table() -> None:
    codes = ["35-3031.00"]
    assert vetoed_among(codes, "Board game nights", "setting up the table") == codes
    assert vetoed_among(codes, "Board game nights", "waiting tables at a cafe") == []


def _person(reflections: dict[str, str]) -> ProfileDocument:
    return parse_document({"passionpath": {"version": 1, "reflections": reflections}})


def test_the_engine_neither_scores_nor_quotes_a_vetoed_sense(
    starter_engine: Engine, ctx: Context
) -> None:
    from passionpath.match._engine import MatchEngine
    from passionpath.match._report import prepare_person

    matrices = load_matrices(ctx)
    engine = MatchEngine(matrices)
    nurse = int(np.flatnonzero(matrices.codes == "29-1141.00")[0])
    trait = prepare_person(
        _person({"talents": "Patient with kids learning to read, and patient with beginners."}),
        matrices,
        ctx,
    )
    care = prepare_person(
        _person({"talents": "Patient care on a hospital ward, helping patients recover."}),
        matrices,
        ctx,
    )
    trait_scores, care_scores = engine.score(trait), engine.score(care)
    assert trait_scores.sense_veto is not None and trait_scores.sense_veto[nurse]
    assert trait_scores.text[nurse] == 0
    assert engine.explain(trait, trait_scores, nurse).passions == []
    assert care_scores.sense_veto is not None and not care_scores.sense_veto[nurse]
    assert care_scores.text[nurse] > 0
