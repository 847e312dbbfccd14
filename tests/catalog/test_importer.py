"""Importer behaviour on small fixture releases, on SQLite and PostgreSQL."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, func, select

from passionpath.catalog import catalog_status, import_release, rating_matrix
from passionpath.catalog._importer import current_release
from passionpath.errors import ReleaseError
from passionpath.store import models as m
from tests.release_factory import corrupt_zip, release_files, write_release, zip_release


def _count(engine: Engine, table: type[m.Base]) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def test_import_folder_loads_every_table(engine: Engine, release_dir: Path) -> None:
    report = import_release(release_dir, engine=engine)
    assert report.counts["Occupation Data.txt"] == 3
    assert report.files_skipped == ["Abilities.txt", "Work Activities.txt"]
    assert _count(engine, m.Occupation) == 3
    assert _count(engine, m.Rating) == 3 * 9 + 12 + 1 + 3 + 3
    assert _count(engine, m.AlternateTitle) == 4
    with engine.connect() as conn:
        bakers = conn.execute(
            select(m.Occupation.job_zone, m.Occupation.riasec_code).where(
                m.Occupation.code == "51-3011.00"
            )
        ).one()
    assert tuple(bakers) == (2, "RCE")


def test_release_version_and_attribution_are_recorded(engine: Engine, tmp_path: Path) -> None:
    archive = zip_release(write_release(tmp_path / "r"), tmp_path / "db_30_0_text.zip")
    import_release(archive, engine=engine)
    status = catalog_status(engine)
    assert status is not None
    assert status.version == "30.0"
    assert "O*NET 30.0 Database" in status.attribution
    assert "CC BY 4.0" in status.attribution
    assert status.counts["with_interests"] == 3
    assert status.counts["with_skills"] == 3


def test_reimport_is_idempotent(engine: Engine, release_dir: Path) -> None:
    first = import_release(release_dir, engine=engine)
    second = import_release(release_dir, engine=engine)
    assert second.unchanged
    assert second.counts == first.counts
    forced = import_release(release_dir, engine=engine, force=True)
    assert not forced.unchanged
    assert forced.counts == first.counts
    assert _count(engine, m.Rating) == first.counts["Interests.txt"] + sum(
        first.counts[f]
        for f in ("Skills.txt", "Knowledge.txt", "Work Values.txt", "Work Styles.txt")
    )


def test_lf_and_crlf_give_the_same_catalog(engine: Engine, tmp_path: Path) -> None:
    lf = import_release(write_release(tmp_path / "lf", newline="\n"), engine=engine)
    crlf = import_release(write_release(tmp_path / "crlf", newline="\r\n"), engine=engine)
    assert lf.counts == crlf.counts


def test_missing_optional_files_are_reported(engine: Engine, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r", omit=("Skills.txt", "Technology Skills.txt"))
    report = import_release(folder, engine=engine)
    assert "Skills.txt" in report.files_skipped
    assert "Technology Skills.txt" in report.files_skipped
    assert _count(engine, m.Technology) == 0


def test_missing_occupation_data_is_rejected(engine: Engine, tmp_path: Path) -> None:
    folder = write_release(tmp_path / "r", omit=("Occupation Data.txt",))
    with pytest.raises(ReleaseError, match=r"Occupation Data\.txt is missing"):
        import_release(folder, engine=engine)


def test_suppressed_values_are_flagged_and_left_out_of_matrices(
    engine: Engine, release_dir: Path
) -> None:
    import_release(release_dir, engine=engine)
    levels = rating_matrix("skills", "LV", engine)
    row = list(levels.codes).index("27-2022.00")
    col = list(levels.element_ids).index("2.B.3.e")
    assert levels.suppressed[row, col]
    assert math.isnan(levels.values[row, col])
    kept = rating_matrix("skills", "LV", engine, include_suppressed=True)
    assert kept.values[row, col] == pytest.approx(0.3)


def test_rating_matrix_is_occupations_by_descriptors(engine: Engine, release_dir: Path) -> None:
    import_release(release_dir, engine=engine)
    interests = rating_matrix("interests", "OI", engine)
    assert interests.values.shape == (3, 6)
    assert list(interests.codes) == sorted(["51-3011.00", "15-1252.00", "27-2022.00"])
    assert interests.element_names[0] == "Realistic"
    bakers = list(interests.codes).index("51-3011.00")
    np.testing.assert_allclose(interests.values[bakers], [6.5, 2.0, 3.1, 2.2, 3.0, 4.0])


def test_na_values_become_missing(engine: Engine, release_dir: Path) -> None:
    import_release(release_dir, engine=engine)
    with engine.connect() as conn:
        n = conn.execute(
            select(m.Rating.n).where(
                m.Rating.domain == "knowledge", m.Rating.occupation_code == "51-3011.00"
            )
        ).scalar_one()
        certification = conn.execute(
            select(m.EteValue.category, m.EteValue.value).where(m.EteValue.scale_id == "IM")
        ).one()
    assert n is None
    assert tuple(certification) == (0, 2.1)


def _assert_previous_catalog_kept(engine: Engine, sha: str) -> None:
    release = current_release(engine)
    assert release is not None and release.content_sha256 == sha
    assert _count(engine, m.Occupation) == 3
    assert _count(engine, m.AlternateTitle) == 4


@pytest.fixture
def loaded(engine: Engine, release_dir: Path) -> str:
    import_release(release_dir, engine=engine)
    release = current_release(engine)
    assert release is not None
    return release.content_sha256


def test_bad_number_names_file_and_line(engine: Engine, loaded: str, tmp_path: Path) -> None:
    files = release_files()
    files["Skills.txt"][6] = files["Skills.txt"][6].replace("\t4.6\t", "\tfour\t")
    bad = write_release(tmp_path / "bad", files)
    with pytest.raises(ReleaseError) as caught:
        import_release(bad, engine=engine)
    assert caught.value.file == "Skills.txt"
    assert caught.value.line == 7
    assert "'four' is not a number" in str(caught.value)
    _assert_previous_catalog_kept(engine, loaded)


def test_wrong_header_is_rejected_before_writing(
    engine: Engine, loaded: str, tmp_path: Path
) -> None:
    files = release_files()
    files["Task Statements.txt"][0] = files["Task Statements.txt"][0].replace("Task ID", "TaskID")
    with pytest.raises(ReleaseError, match=r"Task Statements.txt, line 1: unexpected columns"):
        import_release(write_release(tmp_path / "bad", files), engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_short_row_names_file_and_line(engine: Engine, loaded: str, tmp_path: Path) -> None:
    files = release_files()
    files["Alternate Titles.txt"][3] = "15-1252.00\tApplication Developer"
    with pytest.raises(ReleaseError, match=r"Alternate Titles.txt, line 4: expected 4"):
        import_release(write_release(tmp_path / "bad", files), engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_unknown_occupation_code_is_rejected(engine: Engine, loaded: str, tmp_path: Path) -> None:
    files = release_files()
    files["Related Occupations.txt"].append("51-3011.00\t99-9999.00\tSupplemental\t2")
    with pytest.raises(ReleaseError, match=r"line 4: .*unknown O\*NET-SOC code '99-9999.00'"):
        import_release(write_release(tmp_path / "bad", files), engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_duplicate_rows_are_rejected(engine: Engine, loaded: str, tmp_path: Path) -> None:
    files = release_files()
    files["Skills.txt"].append(files["Skills.txt"][1])
    with pytest.raises(ReleaseError, match=r"Skills.txt: a row between lines"):
        import_release(write_release(tmp_path / "bad", files), engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_corrupted_zip_keeps_previous_catalog(
    engine: Engine, loaded: str, release_dir: Path, tmp_path: Path
) -> None:
    good = zip_release(release_dir, tmp_path / "good.zip")
    bad = corrupt_zip(good, tmp_path / "bad.zip")
    with pytest.raises(ReleaseError, match=r"bad\.zip"):
        import_release(bad, engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_truncated_and_non_zip_files_are_rejected(
    engine: Engine, loaded: str, release_dir: Path, tmp_path: Path
) -> None:
    good = zip_release(release_dir, tmp_path / "good.zip")
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    text_file = tmp_path / "notes.zip"
    text_file.write_text("hello")
    for path in (truncated, text_file):
        with pytest.raises(ReleaseError, match="not a readable zip archive"):
            import_release(path, engine=engine)
    _assert_previous_catalog_kept(engine, loaded)


def test_zip_and_folder_import_identically(
    engine: Engine, release_dir: Path, tmp_path: Path
) -> None:
    from_folder = import_release(release_dir, engine=engine)
    shutil.copytree(release_dir, tmp_path / "copy")
    archive = zip_release(tmp_path / "copy", tmp_path / "release.zip")
    from_zip = import_release(archive, engine=engine)
    assert from_zip.unchanged
    assert from_zip.counts == from_folder.counts
