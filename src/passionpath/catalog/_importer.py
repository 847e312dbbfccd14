"""Transactional import of a release into the catalog tables.

Everything happens inside one database transaction: the old catalog is deleted and the new
one inserted, and only a complete, valid release is committed. Any error (a bad header, a
bad number at line N, Ctrl-C, a killed process) leaves the previous catalog as it was.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert

from passionpath.catalog._bulk import insert_rows, integrity_errors
from passionpath.catalog._convert import FieldReader
from passionpath.catalog._layout import (
    HIGH_POINT_ELEMENTS,
    OCCUPATION_DATA,
    RIASEC_LETTERS,
    SPECS,
)
from passionpath.catalog._release import current_release
from passionpath.catalog._source import ReleaseSource, iter_rows, open_release, read_header
from passionpath.catalog.attribution import attribution_for
from passionpath.errors import ReleaseError
from passionpath.store import models as m

#: ``progress(file_name, bytes_done_in_release, bytes_total)``
ProgressCallback = Callable[[str, int, int], None]
#: ``embed_progress(texts_done, texts_total)``
EmbedProgressCallback = Callable[[int, int], None]

_CHUNK = 5000


@dataclass
class ImportReport:
    name: str
    version: str
    source: str
    unchanged: bool = False
    files_read: list[str] = field(default_factory=list)
    files_skipped: list[str] = field(default_factory=list)
    files_ignored: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    #: Filled by callers that embed the catalog's texts after importing.
    embeddings: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class _Context:
    codes: set[str]
    #: Element names seen in rating files, for descriptors the Content Model Reference lacks.
    element_names: dict[str, str] = field(default_factory=dict)
    descriptors: dict[str, tuple[str, str]] = field(default_factory=dict)


RowBuilder = Callable[[FieldReader, dict[str, str], _Context], dict[str, Any] | None]


def _rated_value(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    """The columns every per-occupation rating file shares."""
    element = f.text(row, "Element ID")
    ctx.element_names.setdefault(element, row["Element Name"])
    return {
        "occupation_code": f.code(row, "O*NET-SOC Code", ctx.codes),
        "element_id": element,
        "scale_id": f.text(row, "Scale ID"),
        "value": f.number(row, "Data Value"),
        "recommend_suppress": f.flag(row, "Recommend Suppress"),
    }


def _rating(domain: str) -> RowBuilder:
    def build(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
        return {
            **_rated_value(f, row, ctx),
            "domain": domain,
            "n": f.optional_integer(row, "N") if "N" in row else None,
            "std_error": f.optional_number(row, "Standard Error") if "N" in row else None,
            "lower_ci": f.optional_number(row, "Lower CI Bound") if "N" in row else None,
            "upper_ci": f.optional_number(row, "Upper CI Bound") if "N" in row else None,
            "not_relevant": f.flag(row, "Not Relevant"),
            "date": row["Date"] or None,
            "domain_source": row["Domain Source"] or None,
        }

    return build


def _ete(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    # Importance rows (IM) carry no category; they are stored as category 0.
    return {**_rated_value(f, row, ctx), "category": f.optional_integer(row, "Category") or 0}


def _ete_category(f: FieldReader, row: dict[str, str], _ctx: _Context) -> dict[str, Any]:
    return {
        "element_id": f.text(row, "Element ID"),
        "scale_id": f.text(row, "Scale ID"),
        "category": f.integer(row, "Category"),
        "description": row["Category Description"],
    }


def _job_zone_reference(f: FieldReader, row: dict[str, str], _ctx: _Context) -> dict[str, Any]:
    return {
        "job_zone": f.integer(row, "Job Zone"),
        "name": f.text(row, "Name"),
        "experience": row["Experience"],
        "education": row["Education"],
        "job_training": row["Job Training"],
        "examples": row["Examples"],
        "svp_range": row["SVP Range"],
    }


def _technology(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    return {
        "occupation_code": f.code(row, "O*NET-SOC Code", ctx.codes),
        "example": f.text(row, "Example"),
        "commodity_code": f.integer(row, "Commodity Code"),
        "commodity_title": row["Commodity Title"],
        "hot": f.flag(row, "Hot Technology"),
        "in_demand": f.flag(row, "In Demand"),
    }


def _task(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    return {
        "task_id": f.integer(row, "Task ID"),
        "occupation_code": f.code(row, "O*NET-SOC Code", ctx.codes),
        "text": f.text(row, "Task"),
        "task_type": row["Task Type"] or None,
    }


def _alternate_title(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    return {
        "occupation_code": f.code(row, "O*NET-SOC Code", ctx.codes),
        "title": f.text(row, "Alternate Title"),
        "short_title": row["Short Title"] or None,
        "sources": row["Source(s)"] or None,
    }


def _related(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    return {
        "occupation_code": f.code(row, "O*NET-SOC Code", ctx.codes),
        "related_code": f.code(row, "Related O*NET-SOC Code", ctx.codes),
        "tier": f.text(row, "Relatedness Tier"),
        "rank": f.integer(row, "Index"),
    }


def _content_model(f: FieldReader, row: dict[str, str], ctx: _Context) -> None:
    ctx.descriptors[f.text(row, "Element ID")] = (row["Element Name"], row["Description"])
    return None


def _scale(f: FieldReader, row: dict[str, str], _ctx: _Context) -> dict[str, Any]:
    return {
        "scale_id": f.text(row, "Scale ID"),
        "name": row["Scale Name"],
        "minimum": f.number(row, "Minimum"),
        "maximum": f.number(row, "Maximum"),
    }


def _anchor(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    element = f.text(row, "Element ID")
    ctx.element_names.setdefault(element, row["Element Name"])
    return {
        "element_id": element,
        "scale_id": f.text(row, "Scale ID"),
        "anchor_value": f.number(row, "Anchor Value"),
        "description": f.text(row, "Anchor Description"),
    }


def _interest_activity(f: FieldReader, row: dict[str, str], _ctx: _Context) -> dict[str, Any]:
    return {
        "element_id": f.text(row, "Element ID"),
        "kind": f"activity:{row['Interest Type'] or 'General'}",
        "text": f.text(row, "Activity"),
    }


def _riasec_keyword(f: FieldReader, row: dict[str, str], _ctx: _Context) -> dict[str, Any]:
    return {
        "element_id": f.text(row, "Element ID"),
        "kind": f"keyword:{row['Keyword Type'] or 'Action'}",
        "text": f.text(row, "Keyword"),
    }


def _basic_interest(f: FieldReader, row: dict[str, str], ctx: _Context) -> dict[str, Any]:
    element = f.text(row, "Basic Interests Element ID")
    ctx.element_names.setdefault(element, row["Basic Interests Element Name"])
    return {"element_id": element, "riasec_element_id": f.text(row, "RIASEC Element ID")}


#: file -> (table, row builder), in insertion order.
_HANDLERS: dict[str, tuple[type[m.Base] | None, RowBuilder]] = {
    **{
        name: (m.Rating, _rating(spec.domain))
        for name, spec in SPECS.items()
        if spec.domain is not None
    },
    "Education, Training, and Experience.txt": (m.EteValue, _ete),
    "Education, Training, and Experience Categories.txt": (
        m.EteCategory,
        _ete_category,
    ),
    "Job Zone Reference.txt": (m.JobZoneReference, _job_zone_reference),
    "Technology Skills.txt": (m.Technology, _technology),
    "Task Statements.txt": (m.Task, _task),
    "Alternate Titles.txt": (m.AlternateTitle, _alternate_title),
    "Related Occupations.txt": (m.RelatedOccupation, _related),
    "Content Model Reference.txt": (None, _content_model),
    "Scales Reference.txt": (m.Scale, _scale),
    "Level Scale Anchors.txt": (m.LevelAnchor, _anchor),
    "Interests Illustrative Activities.txt": (
        m.InterestActivity,
        _interest_activity,
    ),
    "RIASEC Keywords.txt": (m.InterestActivity, _riasec_keyword),
    "Basic Interests to RIASEC.txt": (m.BasicInterestArea, _basic_interest),
}


class _Progress:
    def __init__(self, callback: ProgressCallback | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def advance(self, name: str, amount: int) -> None:
        self.done += amount
        if self.callback is not None:
            self.callback(name, self.done, self.total)


def _occupation_rows(source: ReleaseSource, present: set[str]) -> list[dict[str, Any]]:
    """Occupations merged with their job zone and RIASEC high-point code."""
    occupations: dict[str, dict[str, Any]] = {}
    reader = FieldReader(OCCUPATION_DATA)
    for reader.line, row in iter_rows(source, SPECS[OCCUPATION_DATA]):
        code = reader.text(row, "O*NET-SOC Code")
        if code in occupations:
            raise reader.fail(f"occupation {code} is listed twice")
        occupations[code] = {
            "code": code,
            "title": reader.text(row, "Title"),
            "description": row["Description"],
            "job_zone": None,
            "riasec_code": None,
        }
    if "Job Zones.txt" in present:
        reader = FieldReader("Job Zones.txt")
        for reader.line, row in iter_rows(source, SPECS["Job Zones.txt"]):
            code = reader.code(row, "O*NET-SOC Code", set(occupations))
            zone = reader.integer(row, "Job Zone")
            if not 1 <= zone <= 5:
                raise reader.fail(f"column 'Job Zone': {zone} is outside 1-5")
            occupations[code]["job_zone"] = zone
    if "Interests.txt" in present:
        high_points: dict[str, dict[str, int]] = {}
        reader = FieldReader("Interests.txt")
        for reader.line, row in iter_rows(source, SPECS["Interests.txt"]):
            if row["Scale ID"] == "IH" and row["Element ID"] in HIGH_POINT_ELEMENTS:
                value = int(reader.number(row, "Data Value"))
                high_points.setdefault(row["O*NET-SOC Code"], {})[row["Element ID"]] = value
        for code, points in high_points.items():
            letters = "".join(
                RIASEC_LETTERS[points[e] - 1]
                for e in HIGH_POINT_ELEMENTS
                if 1 <= points.get(e, 0) <= 6
            )
            if code in occupations and letters:
                occupations[code]["riasec_code"] = letters
    return list(occupations.values())


def _chunks(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _load_file(
    conn: Connection, source: ReleaseSource, name: str, ctx: _Context, progress: _Progress
) -> int:
    model, build = _HANDLERS[name]
    reader = FieldReader(name)
    size = source.size(name)
    rows_total = 0
    first_line = 2

    def built() -> Iterator[dict[str, Any]]:
        for reader.line, row in iter_rows(source, SPECS[name]):
            record = build(reader, row, ctx)
            if record is not None:
                yield record

    for chunk in _chunks(built()):
        if model is not None:
            try:
                with conn.begin_nested():
                    insert_rows(conn, model.__table__, chunk)
            except integrity_errors() as exc:
                raise ReleaseError(
                    f"a row between lines {first_line} and {reader.line} repeats a key or "
                    f"breaks a reference ({getattr(exc, 'orig', exc)})",
                    file=name,
                ) from exc
        rows_total += len(chunk)
        first_line = reader.line + 1
    progress.advance(name, size)
    return rows_total


def import_release(
    path: str | Path,
    *,
    engine: Engine,
    force: bool = False,
    progress: ProgressCallback | None = None,
    embed: bool = False,
    embed_progress: EmbedProgressCallback | None = None,
    text_model: str | None = None,
) -> ImportReport:
    """Import a release zip or folder, replacing the current catalog in one transaction.

    With ``embed``, then embed the catalog's occupation texts with ``text_model`` (default:
    the configured one), so the first match does not wait for it; texts unchanged since an
    earlier import are reused. The report's ``embeddings`` says what was done."""
    report = _import(path, engine, force, progress)
    if embed:
        report.embeddings = embed_occupation_texts(engine, embed_progress, text_model)
    return report


def embed_occupation_texts(
    engine: Engine,
    progress: EmbedProgressCallback | None = None,
    text_model: str | None = None,
) -> dict[str, Any]:
    """Embed every occupation text not embedded yet; returns the model and the counts."""
    # Imported here: the text package reads the catalog, not the other way round.
    from passionpath.text import embed_catalog, get_embedder

    embedder = get_embedder(text_model)
    _, _, stats = embed_catalog(engine, embedder, progress=progress)
    return {"model": embedder.model_id, "texts": stats.unique, "computed": stats.computed}


def _import(
    path: str | Path, engine: Engine, force: bool, progress: ProgressCallback | None
) -> ImportReport:
    started = time.perf_counter()
    source = open_release(path)
    try:
        present = {name for name in SPECS if name in source.members}
        missing_required = [name for name, s in SPECS.items() if s.required and name not in present]
        if missing_required:
            raise ReleaseError(
                f"this is not an O*NET text release: {', '.join(missing_required)} is missing",
                file=str(source.path),
            )
        for name in sorted(present):
            read_header(source, SPECS[name])
        meta = source.meta
        report = ImportReport(
            name=str(meta.get("name", "O*NET Database")),
            version=source.version,
            source=str(source.path),
            files_read=sorted(present),
            files_skipped=sorted(set(SPECS) - present),
            files_ignored=sorted(
                n for n in source.members if n not in SPECS and n.endswith(".txt")
            ),
        )
        sha = source.content_sha256()
        previous = current_release(engine)
        if previous is not None and previous.content_sha256 == sha and not force:
            report.unchanged = True
            report.counts = json.loads(previous.counts)
            report.seconds = time.perf_counter() - started
            return report
        tracker = _Progress(progress, sum(source.size(n) for n in present))
        with engine.begin() as conn:
            report.counts = _replace_catalog(conn, source, present, tracker)
            conn.execute(
                insert(m.Release),
                {
                    "id": 1,
                    "name": report.name,
                    "version": report.version,
                    "approximate": bool(meta.get("approximate", False)),
                    "source": report.source,
                    "content_sha256": sha,
                    "attribution": str(meta.get("attribution") or attribution_for(report.version)),
                    "imported_at": datetime.now(UTC),
                    "files_read": json.dumps(report.files_read),
                    "files_skipped": json.dumps(report.files_skipped),
                    "files_ignored": json.dumps(report.files_ignored),
                    "counts": json.dumps(report.counts),
                },
            )
    finally:
        source.close()
    report.seconds = time.perf_counter() - started
    return report


def _replace_catalog(
    conn: Connection, source: ReleaseSource, present: set[str], progress: _Progress
) -> dict[str, int]:
    for table in m.CATALOG_TABLES:
        conn.execute(delete(table))
    occupations = _occupation_rows(source, present)
    for chunk in _chunks(occupations):
        insert_rows(conn, m.Occupation.__table__, chunk)
    progress.advance(OCCUPATION_DATA, source.size(OCCUPATION_DATA))
    if "Job Zones.txt" in present:
        progress.advance("Job Zones.txt", source.size("Job Zones.txt"))
    counts = {OCCUPATION_DATA: len(occupations)}
    ctx = _Context(codes={o["code"] for o in occupations})
    for name in _HANDLERS:
        if name in present:
            counts[name] = _load_file(conn, source, name, ctx, progress)
    if "Content Model Reference.txt" in present:
        counts["Content Model Reference.txt"] = len(ctx.descriptors)
    descriptors = {
        element: (name, "") for element, name in ctx.element_names.items()
    } | ctx.descriptors
    conn.execute(
        insert(m.Descriptor),
        [
            {"element_id": e, "name": name, "description": description}
            for e, (name, description) in sorted(descriptors.items())
        ],
    )
    return counts
