"""Transactional import of a release into the catalog tables.

Everything happens inside one database transaction: the old catalog is deleted and the new
one inserted, and only a complete, valid release is committed. Any error (a bad header, a
bad number at line N, Ctrl-C, a killed process) leaves the previous catalog as it was.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import repeat
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert

from passionpath.catalog._bulk import insert_columns, integrity_errors
from passionpath.catalog._convert import Rows
from passionpath.catalog._layout import (
    HIGH_POINT_ELEMENTS,
    OCCUPATION_DATA,
    RIASEC_LETTERS,
    SPECS,
)
from passionpath.catalog._release import current_release
from passionpath.catalog._source import (
    ReleaseSource,
    open_release,
    read_file,
    read_header,
    read_rows,
)
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


#: Columns for a table, by name: lists as long as the batch, or ``repeat`` for a constant.
Columns = dict[str, Iterable[Any]]
#: Converts a batch of a file's rows; None for a file that only feeds the context.
Builder = Callable[[Rows, _Context], Columns | None]

# Each builder asks for its columns in the order a row-by-row reader would check a row's fields,
# so that of two bad values on one line, the one reported is the same as it always was.


def _remember_names(ctx: _Context, elements: list[str], names: list[str]) -> None:
    """Keep the first name seen for each element."""
    # Built backwards, the dict ends up holding each element's first name.
    first = dict(zip(reversed(elements), reversed(names[: len(elements)]), strict=True))
    for element, name in first.items():
        ctx.element_names.setdefault(element, name)


def _rated_value(rows: Rows, ctx: _Context) -> Columns:
    """The columns every per-occupation rating file shares."""
    elements = rows.text("Element ID")
    _remember_names(ctx, elements, rows.values("Element Name"))
    return {
        "element_id": elements,
        "occupation_code": rows.code("O*NET-SOC Code", ctx.codes),
        "scale_id": rows.text("Scale ID"),
        "value": rows.number("Data Value"),
        "recommend_suppress": rows.flag("Recommend Suppress"),
    }


def _rating(domain: str) -> Builder:
    def build(rows: Rows, ctx: _Context) -> Columns:
        columns = _rated_value(rows, ctx)
        columns["domain"] = repeat(domain)
        sampled = "N" in rows
        columns["n"] = rows.optional_integer("N") if sampled else repeat(None)
        for name, column in (
            ("std_error", "Standard Error"),
            ("lower_ci", "Lower CI Bound"),
            ("upper_ci", "Upper CI Bound"),
        ):
            columns[name] = rows.optional_number(column) if sampled else repeat(None)
        columns["not_relevant"] = rows.flag("Not Relevant")
        columns["date"] = rows.optional_text("Date")
        columns["domain_source"] = rows.optional_text("Domain Source")
        return columns

    return build


def _ete(rows: Rows, ctx: _Context) -> Columns:
    # Importance rows (IM) carry no category; they are stored as category 0.
    columns = _rated_value(rows, ctx)
    columns["category"] = [c or 0 for c in rows.optional_integer("Category")]
    return columns


def _ete_category(rows: Rows, _ctx: _Context) -> Columns:
    return {
        "element_id": rows.text("Element ID"),
        "scale_id": rows.text("Scale ID"),
        "category": rows.integer("Category"),
        "description": rows.values("Category Description"),
    }


def _job_zone_reference(rows: Rows, _ctx: _Context) -> Columns:
    return {
        "job_zone": rows.integer("Job Zone"),
        "name": rows.text("Name"),
        "experience": rows.values("Experience"),
        "education": rows.values("Education"),
        "job_training": rows.values("Job Training"),
        "examples": rows.values("Examples"),
        "svp_range": rows.values("SVP Range"),
    }


def _technology(rows: Rows, ctx: _Context) -> Columns:
    return {
        "occupation_code": rows.code("O*NET-SOC Code", ctx.codes),
        "example": rows.text("Example"),
        "commodity_code": rows.integer("Commodity Code"),
        "commodity_title": rows.values("Commodity Title"),
        "hot": rows.flag("Hot Technology"),
        "in_demand": rows.flag("In Demand"),
    }


def _task(rows: Rows, ctx: _Context) -> Columns:
    return {
        "task_id": rows.integer("Task ID"),
        "occupation_code": rows.code("O*NET-SOC Code", ctx.codes),
        "text": rows.text("Task"),
        "task_type": rows.optional_text("Task Type"),
    }


def _alternate_title(rows: Rows, ctx: _Context) -> Columns:
    return {
        "occupation_code": rows.code("O*NET-SOC Code", ctx.codes),
        "title": rows.text("Alternate Title"),
        "short_title": rows.optional_text("Short Title"),
        "sources": rows.optional_text("Source(s)"),
    }


def _related(rows: Rows, ctx: _Context) -> Columns:
    return {
        "occupation_code": rows.code("O*NET-SOC Code", ctx.codes),
        "related_code": rows.code("Related O*NET-SOC Code", ctx.codes),
        "tier": rows.text("Relatedness Tier"),
        "rank": rows.integer("Index"),
    }


def _content_model(rows: Rows, ctx: _Context) -> None:
    elements = rows.text("Element ID")
    described = zip(rows.values("Element Name"), rows.values("Description"), strict=True)
    ctx.descriptors.update(zip(elements, described, strict=False))
    return None


def _scale(rows: Rows, _ctx: _Context) -> Columns:
    return {
        "scale_id": rows.text("Scale ID"),
        "name": rows.values("Scale Name"),
        "minimum": rows.number("Minimum"),
        "maximum": rows.number("Maximum"),
    }


def _anchor(rows: Rows, ctx: _Context) -> Columns:
    elements = rows.text("Element ID")
    _remember_names(ctx, elements, rows.values("Element Name"))
    return {
        "element_id": elements,
        "scale_id": rows.text("Scale ID"),
        "anchor_value": rows.number("Anchor Value"),
        "description": rows.text("Anchor Description"),
    }


def _interest_activity(rows: Rows, _ctx: _Context) -> Columns:
    return {
        "element_id": rows.text("Element ID"),
        "kind": [f"activity:{kind or 'General'}" for kind in rows.values("Interest Type")],
        "text": rows.text("Activity"),
    }


def _riasec_keyword(rows: Rows, _ctx: _Context) -> Columns:
    return {
        "element_id": rows.text("Element ID"),
        "kind": [f"keyword:{kind or 'Action'}" for kind in rows.values("Keyword Type")],
        "text": rows.text("Keyword"),
    }


def _basic_interest(rows: Rows, ctx: _Context) -> Columns:
    elements = rows.text("Basic Interests Element ID")
    _remember_names(ctx, elements, rows.values("Basic Interests Element Name"))
    return {"element_id": elements, "riasec_element_id": rows.text("RIASEC Element ID")}


#: file -> (table, builder), in insertion order.
_HANDLERS: dict[str, tuple[type[m.Base] | None, Builder]] = {
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
    rows = read_file(source, SPECS[OCCUPATION_DATA])
    codes = rows.text("O*NET-SOC Code")
    seen: set[str] = set()
    for index, code in enumerate(codes):
        if code in seen:
            rows.fail(index, f"occupation {code} is listed twice")
            break
        seen.add(code)
    titles = rows.text("Title")
    rows.check()
    occupations: dict[str, dict[str, Any]] = {
        code: {
            "code": code,
            "title": title,
            "description": description,
            "job_zone": None,
            "riasec_code": None,
        }
        for code, title, description in zip(codes, titles, rows.values("Description"), strict=True)
    }
    if "Job Zones.txt" in present:
        rows = read_file(source, SPECS["Job Zones.txt"])
        codes = rows.code("O*NET-SOC Code", set(occupations))
        zones = rows.integer("Job Zone")
        for index, zone in enumerate(zones):
            if not 1 <= zone <= 5:
                rows.fail(index, f"column 'Job Zone': {zone} is outside 1-5")
                break
        rows.check()
        for code, zone in zip(codes, zones, strict=True):
            occupations[code]["job_zone"] = zone
    if "Interests.txt" in present:
        rows = read_file(source, SPECS["Interests.txt"])
        high = rows.where(
            scale == "IH" and element in HIGH_POINT_ELEMENTS
            for scale, element in zip(
                rows.values("Scale ID"), rows.values("Element ID"), strict=True
            )
        )
        values = high.number("Data Value")
        high.check()
        high_points: dict[str, dict[str, int]] = {}
        for code, element, value in zip(
            high.values("O*NET-SOC Code"), high.values("Element ID"), values, strict=True
        ):
            high_points.setdefault(code, {})[element] = int(value)
        for code, points in high_points.items():
            letters = "".join(
                RIASEC_LETTERS[points[e] - 1]
                for e in HIGH_POINT_ELEMENTS
                if 1 <= points.get(e, 0) <= 6
            )
            if code in occupations and letters:
                occupations[code]["riasec_code"] = letters
    return list(occupations.values())


def _load_file(
    conn: Connection, source: ReleaseSource, name: str, ctx: _Context, progress: _Progress
) -> int:
    model, build = _HANDLERS[name]
    rows_total = 0
    first_line = 2
    for rows in read_rows(source, SPECS[name], _CHUNK):
        columns = build(rows, ctx)
        rows.check()
        if model is not None and columns is not None:
            try:
                with conn.begin_nested():
                    insert_columns(conn, model.__table__, columns)
            except integrity_errors() as exc:
                raise ReleaseError(
                    f"a row between lines {first_line} and {rows.lines[-1]} repeats a key or "
                    f"breaks a reference ({getattr(exc, 'orig', exc)})",
                    file=name,
                ) from exc
            rows_total += len(rows)
        first_line = rows.lines[-1] + 1
    progress.advance(name, source.size(name))
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
    if occupations:
        insert_columns(
            conn,
            m.Occupation.__table__,
            {key: [o[key] for o in occupations] for key in occupations[0]},
        )
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
