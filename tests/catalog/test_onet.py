"""The real O*NET 30.0 release from ../shared (skipped when it is not present)."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine

from passionpath.catalog import (
    catalog_status,
    import_release,
    occupation_profile,
    rating_matrix,
    search_occupations,
)
from passionpath.context import Context
from passionpath.store import dispose_engines, get_engine
from tests.conftest import ONET_DIR

pytestmark = [
    pytest.mark.onet,
    pytest.mark.skipif(
        not (ONET_DIR / "Occupation Data.txt").exists(),
        reason=f"the O*NET release is not present at {ONET_DIR}",
    ),
]


@pytest.fixture(scope="module")
def onet_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = tmp_path_factory.mktemp("onet") / "onet.db"
    engine = get_engine(f"sqlite:///{path}")
    import_release(ONET_DIR, engine=engine)
    yield engine
    dispose_engines()


def _check_counts(engine: Engine) -> None:
    status = catalog_status(engine)
    assert status is not None
    assert status.version == "30.0"
    assert status.counts["occupations"] == 1016
    assert status.counts["with_interests"] == 923
    assert status.counts["with_skills"] == 879
    assert status.counts["related_pairs"] == 18460
    assert "O*NET 30.0 Database" in status.attribution


def test_counts_on_sqlite(onet_engine: Engine) -> None:
    _check_counts(onet_engine)


def test_counts_on_postgresql_from_the_zip(pg_database: str, tmp_path: Path) -> None:
    """The release as it is downloaded (a zip holding a folder), imported into PostgreSQL.
    With the module's SQLite database, imported from the folder, two full imports cover both
    ways of reading a release and both databases."""
    archive = tmp_path / "db_30_0_text.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as out:
        for file in ONET_DIR.glob("*.txt"):
            out.write(file, f"db_30_0_text/{file.name}")
    engine = get_engine(pg_database)
    report = import_release(archive, engine=engine, force=True)
    assert report.counts["Occupation Data.txt"] == 1016
    assert report.version == "30.0"
    _check_counts(engine)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("baker", "51-3011.00"),
        ("pastry chef", {"51-3011.00", "35-1011.00"}),
        ("sofware developer", "15-1252.00"),
        ("registered nurse", "29-1141.00"),
        ("acountant", "13-2011.00"),
        ("football coach", "27-2022.00"),
    ],
)
def test_search_finds_the_right_occupation(
    onet_engine: Engine, query: str, expected: str | set[str]
) -> None:
    hits = search_occupations(query, Context.open(engine=onet_engine), 5)
    if isinstance(expected, set):
        assert {h.code for h in hits[: len(expected)]} == expected
    else:
        assert hits[0].code == expected


def test_profile_includes_related_occupations(onet_engine: Engine) -> None:
    profile = occupation_profile("51-3011.00", onet_engine)
    assert profile.title == "Bakers"
    assert profile.job_zone == 2
    assert len(profile.related) == 20
    assert {r["tier"] for r in profile.related} == {"Primary-Short", "Primary-Long", "Supplemental"}
    assert len(profile.skills) == 35
    assert profile.technology and profile.tasks


def test_matrices_cover_the_rated_occupations(onet_engine: Engine) -> None:
    levels = rating_matrix("skills", "LV", onet_engine)
    assert levels.values.shape == (879, 35)
    assert np.nanmax(levels.values) <= 7.0
    interests = rating_matrix("interests", "OI", onet_engine)
    assert interests.values.shape == (923, 6)
    assert not np.isnan(interests.values).any()


def test_suppressed_values_are_flagged(onet_engine: Engine) -> None:
    levels = rating_matrix("skills", "LV", onet_engine)
    assert levels.suppressed.sum() > 0
    assert np.isnan(levels.values[levels.suppressed]).all()
