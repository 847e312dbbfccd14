"""The synthetic population: labelled, reproducible, and usable by every feature."""

from __future__ import annotations

import numpy as np
from sqlalchemy import Engine

from passionpath.community import (
    SYNTHETIC_LABEL,
    CatalogSample,
    Choices,
    add_demo_population,
    check_choices,
    join,
    synthetic_people,
    task_phrase,
    tribe,
    visible_members,
)
from passionpath.context import Context

SAMPLE = CatalogSample(
    codes=["51-3011.00", "27-4021.00", "15-1252.00"],
    interests=np.array(
        [[5, 2, 3, 2, 2, 4], [3, 2, 6, 3, 3, 2], [4, 6, 2, 2, 2, 4]], dtype=np.float32
    ),
    tasks=[["Mix and knead dough, by hand or machine."], ["Frame and light each shot."], []],
)


def test_people_are_labelled_valid_and_the_same_for_a_seed() -> None:
    people = synthetic_people(200, SAMPLE, seed=4)
    assert people == synthetic_people(200, SAMPLE, seed=4)
    assert people != synthetic_people(200, SAMPLE, seed=5)
    for person in people:
        assert person.display_name.endswith(SYNTHETIC_LABEL)
        assert check_choices(person) == person or check_choices(person)
        assert set(person.target_careers) <= set(SAMPLE.codes)
    assert any("mentor" in p.features for p in people)
    assert any("mix and knead dough" in p.passions for p in people)


def test_task_phrase() -> None:
    assert task_phrase("Mix and knead dough, by hand or machine.") == "mix and knead dough"


def test_a_demo_population_fills_the_community(starter_engine: Engine) -> None:
    ctx = Context.open(engine=starter_engine)
    assert add_demo_population(ctx, 60, seed=1) == 60
    assert add_demo_population(ctx, 60, if_empty=True) == 0
    join(
        Choices(display_name="Me", features=("tribe",), passions=("sourdough baking",)), ctx.engine
    )
    seen = visible_members(ctx.engine)
    assert len(seen) == 60 and all(p.synthetic for p in seen)
    assert tribe(ctx, top=5)
