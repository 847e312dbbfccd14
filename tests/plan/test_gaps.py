"""Gap analysis on a hand-made catalog: order, transfers, preparation, and bad input.

The bad-input check also runs ``passionpath gaps`` on the same person, so it stays here with
the catalog it needs rather than in ``tests/cli``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine
from typer.testing import CliRunner

from passionpath.catalog import import_release
from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.plan import analyse_gaps
from passionpath.profile import parse_document

PERSON = {
    "basics": {"name": "Test Person"},
    "education": [{"institution": "X", "studyType": "Bachelor of Science", "area": "Biology"}],
    "skills": [{"name": "Spreadsheets", "keywords": ["Microsoft Excel"]}],
    "passionpath": {
        "skills": [
            {"element_id": "2.A.1.a", "name": "Reading Comprehension", "level": 4.0},
            {"element_id": "2.B.3.e", "name": "Programming", "level": 3.0},
        ]
    },
}


@pytest.fixture
def catalog(engine: Engine, release_dir: Path) -> Engine:
    import_release(release_dir, engine=engine)
    return engine


def test_gaps_are_ordered_by_importance_times_deficit(catalog: Engine) -> None:
    report = analyse_gaps(parse_document(PERSON), "15-1252.00", Context.open(engine=catalog))
    # Programming: weight (4.6 - 1) / 4 = 0.9 x deficit 2.9 = 2.61;
    # Reading: weight 0.75 x deficit 0.6 = 0.45.
    assert [g.name for g in report.skills] == ["Programming", "Reading Comprehension"]
    assert report.skills[0].priority == pytest.approx(2.61, abs=0.01)
    assert report.skills[0].required == pytest.approx(5.9)
    assert report.skills[0].current == pytest.approx(3.0)
    assert report.skills[1].priority == pytest.approx(0.45, abs=0.01)
    assert [t.name for t in report.technology] == ["Python"]
    assert report.technology[0].hot and not report.technology[0].have


def test_what_transfers_and_preparation(catalog: Engine) -> None:
    report = analyse_gaps(parse_document(PERSON), "51-3011.00", Context.open(engine=catalog))
    assert [t.name for t in report.transfers] == ["Reading Comprehension"]
    assert report.preparation is not None
    assert report.preparation.share_with_your_education_or_less == pytest.approx(1.0)
    assert not report.preparation.gap
    assert [(t.name, t.have) for t in report.technology] == [("Microsoft Excel", True)]


def test_unknown_target_is_a_clear_error(catalog: Engine, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match=r"No occupation with code '99-9999\.00'"):
        analyse_gaps(parse_document(PERSON), "99-9999.00", Context.open(engine=catalog))
    path = tmp_path / "me.json"
    path.write_text(json.dumps(PERSON))
    result = CliRunner().invoke(app, ["gaps", str(path), "--target", "99-9999.00"])
    assert result.exit_code == 1 and "No occupation with code" in result.output
    ok = CliRunner().invoke(app, ["gaps", str(path), "--target", "15-1252.00", "--json"])
    assert ok.exit_code == 0, ok.output
    assert json.loads(ok.output)["skills"][0]["name"] == "Programming"
