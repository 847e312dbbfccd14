"""The bundled starter catalog: offline, covers every area and zone, labelled approximate.

Two checks go through the CLI (the label on ``occupations show`` and the ``make run`` path); they
stay here because what they check is the starter catalog, not the commands.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from passionpath.catalog import (
    STARTER_PATH,
    catalog_status,
    load_starter,
    occupation_profile,
    rating_matrix,
    search_occupations,
)
from passionpath.catalog._layout import SPECS
from passionpath.catalog._source import open_release, read_file
from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.store import models as m
from tests.conftest import ONET_DIR


@pytest.fixture
def starter(starter_engine: Engine) -> Engine:
    return starter_engine  # conftest's template asserts load_starter reported an import


def test_starter_covers_all_areas_and_job_zones(starter: Engine) -> None:
    with starter.connect() as conn:
        rows = conn.execute(select(m.Occupation.riasec_code, m.Occupation.job_zone)).all()
    assert 100 <= len(rows) <= 150
    first_letters = Counter(code[0] for code, _ in rows)
    zones = Counter(zone for _, zone in rows)
    assert set(first_letters) == set("RIASEC")
    assert min(first_letters.values()) >= 10
    assert set(zones) == {1, 2, 3, 4, 5}
    assert min(zones.values()) >= 10


def test_every_occupation_is_fully_rated(starter: Engine) -> None:
    status = catalog_status(starter)
    assert status is not None
    n = status.counts["occupations"]
    for key in (
        "with_interests",
        "with_skills",
        "with_knowledge",
        "with_work_values",
        "with_job_zone",
    ):
        assert status.counts[key] == n, key
    skills = rating_matrix("skills", "LV", starter)
    assert skills.values.shape == (n, 35)
    assert rating_matrix("knowledge", "IM", starter).values.shape == (n, 33)


def test_starter_is_labelled_approximate(starter: Engine) -> None:
    status = catalog_status(starter)
    assert status is not None and status.approximate
    # The core says what the catalog is; only the command line names the command to replace it.
    assert status.notice is not None and "not O*NET data" in status.notice
    assert "passionpath" not in status.notice.replace("passionpath team", "")
    result = CliRunner().invoke(app, ["occupations", "show", "51-3011.00"])
    assert "Approximate starter catalog" in result.output
    assert "passionpath data download" in " ".join(result.output.split())


def test_ratings_tell_occupations_apart(starter: Engine) -> None:
    bakers = occupation_profile("51-3011.00", starter)
    developers = occupation_profile("15-1252.00", starter)
    assert bakers.riasec_code is not None and bakers.riasec_code[0] == "R"
    assert developers.riasec_code is not None and developers.riasec_code[0] == "I"
    programming = {s.name: s.level for s in developers.skills}["Programming"]
    assert programming is not None and programming >= 5
    food = {k.name: k.importance for k in bakers.knowledge}["Food Production"]
    assert food is not None and food >= 3.5
    assert bakers.related and bakers.tasks and bakers.alternate_titles


def test_starter_search(starter: Engine) -> None:
    assert search_occupations("baker", Context.open(engine=starter))[0].code == "51-3011.00"
    assert (
        search_occupations("sofware developer", Context.open(engine=starter))[0].code
        == "15-1252.00"
    )


def test_load_if_empty_leaves_a_loaded_catalog_alone(starter: Engine) -> None:
    assert load_starter(engine=starter, if_empty=True) is None


@pytest.mark.skipif(
    not (ONET_DIR / "Occupation Data.txt").exists(), reason="the O*NET release is not present"
)
def test_codes_and_titles_are_real_onet_soc() -> None:
    """Codes and titles must exist in O*NET (the only thing the starter shares with it)."""

    def occupations(path: Path) -> dict[str, tuple[str, str]]:
        rows = read_file(open_release(path), SPECS["Occupation Data.txt"])
        texts = zip(rows.values("Title"), rows.values("Description"), strict=True)
        return dict(zip(rows.values("O*NET-SOC Code"), texts, strict=True))

    official = occupations(ONET_DIR)
    for code, (title, description) in occupations(STARTER_PATH).items():
        assert title == official[code][0], code
        assert description != official[code][1], "descriptions must be our own text"


def test_make_run_path_loads_starter_then_searches(engine: Engine) -> None:
    runner = CliRunner()
    first = runner.invoke(app, ["data", "starter", "--if-empty"])
    assert first.exit_code == 0 and "Imported" in first.output
    second = runner.invoke(app, ["data", "starter", "--if-empty"])
    assert "already loaded" in second.output
    search = runner.invoke(app, ["occupations", "search", "baker"])
    assert search.exit_code == 0 and "Bakers" in search.output
