"""Population records: their fields, and a whole partition of them turned into arrays.

A record is what a public employment service holds about a person, in flat fields (the
same names in Parquet, JSON lines and PostgreSQL):

    id                    any text or number; missing: the record's 1-based position
    riasec                six interest scores R, I, A, S, E, C on the inventory's 0-40 scale
                          (a list in that order, or an object keyed by letter)
    education             the highest study, in words ("Bachelor of Science") or as an
                          O*NET education category number 1-12
    experience_years      years of work (counted in whole months)
    skills                O*NET skill and knowledge element id -> level 0-7
    work_values           work value name ("Achievement", ...) -> rating 1-7
    passions              phrases about what the person loves doing
    avoid                 phrases about work the person wants to leave behind
    max_job_zone          1-5, the highest job zone the person wants to consider
    open_to_lower_levels  true when work below their preparation is fine

Conversion works on a whole partition at once with Arrow compute and numpy: no Python
object is made per person, except to describe a bad record.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from passionpath.limits import MAX_BATCH_ID_CHARS, MAX_BATCH_PHRASE_CHARS, MAX_BATCH_PHRASES
from passionpath.profile import WORK_VALUES

if TYPE_CHECKING:
    import pyarrow as pa

    from passionpath.match import Population
    from passionpath.profile import ProfileDocument

AREAS = "RIASEC"
FIELDS = (
    "id",
    "riasec",
    "education",
    "experience_years",
    "skills",
    "work_values",
    "passions",
    "avoid",
    "max_job_zone",
    "open_to_lower_levels",
    # Read by ``batch community`` only:
    "target_careers",
    "occupation",
    "work_history",
    "mentor_capacity",
)
MAX_EXPERIENCE_YEARS = 80
MAX_EDUCATION_CHARS = 200


def schema() -> pa.Schema:
    """The canonical Arrow schema every input is brought to."""
    import pyarrow as pa

    pairs = pa.list_(pa.struct([("key", pa.string()), ("value", pa.float64())]))
    return pa.schema(
        [
            ("id", pa.string()),
            ("riasec", pa.list_(pa.float64())),
            ("education", pa.string()),
            ("experience_years", pa.float64()),
            ("skills", pairs),
            ("work_values", pairs),
            ("passions", pa.list_(pa.string())),
            ("avoid", pa.list_(pa.string())),
            ("max_job_zone", pa.int64()),
            ("open_to_lower_levels", pa.bool_()),
            ("target_careers", pa.list_(pa.string())),
            ("occupation", pa.string()),
            ("work_history", pa.list_(pa.string())),
            ("mentor_capacity", pa.int64()),
        ]
    )


@dataclass
class BadRecord:
    """A record that was skipped, and why, in the input's own terms."""

    person_id: str
    position: int
    field: str
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "position": self.position,
            "field": self.field,
            "message": self.message,
        }


class RecordError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type[RecordError], tuple[str, str]]:
        return RecordError, (self.field, self.message)


# --- one record given as a mapping (JSON lines, PostgreSQL rows) -------------------------


def _number(value: Any, name: str) -> float:
    if isinstance(value, Decimal):  # PostgreSQL numeric
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RecordError(name, f"must be a number, not {json.dumps(value)[:40]}")
    number = float(value)
    if not math.isfinite(number):
        raise RecordError(name, "must be a finite number")
    return number


def _pairs(value: Any, name: str) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, list):
        try:
            items = [
                (v["element_id"] if "element_id" in v else v["key"], v.get("level", v.get("value")))
                for v in value
            ]
        except (TypeError, KeyError) as exc:
            raise RecordError(name, "must map names to numbers") from exc
    else:
        raise RecordError(name, "must map names to numbers")
    return [{"key": str(k), "value": _number(v, f"{name}.{k}")} for k, v in items]


def _texts(value: Any, name: str) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RecordError(name, "must be a list of texts")
    return value


def normalise_record(record: Any) -> dict[str, Any]:
    """A record from JSON or a database row in the canonical field types (checks of
    ranges and sizes are left to ``to_population``, which makes them for every input)."""
    if not isinstance(record, Mapping):
        raise RecordError("record", "must be a JSON object")
    out: dict[str, Any] = {}
    rid = record.get("id")
    if rid is not None and (isinstance(rid, (dict, list, bool))):
        raise RecordError("id", "must be a text or a number")
    out["id"] = None if rid is None else str(rid)
    riasec = record.get("riasec")
    if isinstance(riasec, Mapping):
        missing = [a for a in AREAS if a not in riasec]
        if missing:
            raise RecordError("riasec", f"lacks {', '.join(missing)}")
        riasec = [riasec[a] for a in AREAS]
    if riasec is not None:
        if not isinstance(riasec, list):
            raise RecordError("riasec", "must be six scores R, I, A, S, E, C")
        riasec = [_number(v, "riasec") for v in riasec]
    out["riasec"] = riasec
    education = record.get("education")
    if (education is not None and not isinstance(education, (str, int))) or isinstance(
        education, bool
    ):
        raise RecordError("education", "must be words or a category number 1-12")
    out["education"] = None if education is None else str(education)
    years = record.get("experience_years")
    out["experience_years"] = None if years is None else _number(years, "experience_years")
    out["skills"] = _pairs(record.get("skills"), "skills")
    out["work_values"] = _pairs(record.get("work_values"), "work_values")
    out["passions"] = _texts(record.get("passions"), "passions")
    out["avoid"] = _texts(record.get("avoid"), "avoid")
    zone = record.get("max_job_zone")
    if zone is not None and (isinstance(zone, bool) or not isinstance(zone, int)):
        raise RecordError("max_job_zone", "must be a whole number 1-5")
    out["max_job_zone"] = zone
    lower = record.get("open_to_lower_levels")
    if lower is not None and not isinstance(lower, bool):
        raise RecordError("open_to_lower_levels", "must be true or false")
    out["open_to_lower_levels"] = lower
    out["target_careers"] = _texts(record.get("target_careers"), "target_careers")
    out["work_history"] = _texts(record.get("work_history"), "work_history")
    occupation = record.get("occupation")
    if occupation is not None and not isinstance(occupation, str):
        raise RecordError("occupation", "must be an O*NET-SOC code")
    out["occupation"] = occupation
    capacity = record.get("mentor_capacity")
    if capacity is not None and (isinstance(capacity, bool) or not isinstance(capacity, int)):
        raise RecordError("mentor_capacity", "must be a whole number")
    out["mentor_capacity"] = capacity
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise RecordError(unknown[0], f"is not a record field; the fields are {', '.join(FIELDS)}")
    return out


@dataclass
class Rows:
    """Records read as mappings, normalised, with the bad ones already set aside."""

    records: list[dict[str, Any]] = field(default_factory=list)
    positions: list[int] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)

    def add(self, record: Any, position: int) -> None:
        try:
            self.records.append(normalise_record(record))
            self.positions.append(position)
        except RecordError as exc:
            rid = record.get("id") if isinstance(record, Mapping) else None
            label = str(rid) if rid is not None else str(position)
            self.bad.append(BadRecord(label, position, exc.field, exc.message))

    def table(self) -> pa.Table:
        import pyarrow as pa

        return pa.Table.from_pylist(self.records, schema=schema())


def rows_from_json_lines(lines: Iterable[bytes], first_position: int) -> Rows:
    out = Rows()
    for offset, line in enumerate(lines):
        position = first_position + offset
        if not line.strip():
            continue  # a blank line holds no record (it still counts as a position)
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            out.bad.append(BadRecord(str(position), position, "record", f"is not JSON ({exc.msg})"))
            continue
        except ValueError as exc:  # not UTF-8
            out.bad.append(BadRecord(str(position), position, "record", f"is not JSON ({exc})"))
            continue
        out.add(record, position)
    return out


# --- a whole table -----------------------------------------------------------------------


def canonical(table: pa.Table) -> pa.Table:
    """``table`` (from Parquet or ``Rows``) with the canonical columns and types: missing
    columns are null, maps become key/value lists, numbers become floats."""
    import pyarrow as pa
    import pyarrow.compute as pc

    target = schema()
    unknown = [n for n in table.column_names if n not in FIELDS]
    if unknown:
        raise RecordError(unknown[0], f"is not a record field; the fields are {', '.join(FIELDS)}")
    columns = []
    for f in target:
        if f.name not in table.column_names:
            columns.append(pa.nulls(table.num_rows, f.type))
            continue
        col = table.column(f.name).combine_chunks()
        if pa.types.is_map(col.type):
            pairs = pa.StructArray.from_arrays(
                [col.keys.cast(pa.string()), col.items.cast(pa.float64())], ["key", "value"]
            )
            col = pa.ListArray.from_arrays(col.offsets, pairs, mask=col.is_null())
        elif f.name == "riasec" and pa.types.is_struct(col.type):
            parts = [col.field(a).cast(pa.float64()) for a in AREAS]
            flat = np.stack([p.to_numpy(zero_copy_only=False) for p in parts], axis=1)
            offsets = pa.array(np.arange(0, 6 * (len(col) + 1), 6, dtype=np.int32))
            col = pa.ListArray.from_arrays(offsets, pa.array(flat.ravel()), mask=col.is_null())
        elif f.name in ("education", "id") and not pa.types.is_string(col.type):
            col = pc.cast(col, pa.string())
        try:
            columns.append(col.cast(f.type))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError) as exc:
            raise RecordError(f.name, f"has the type {col.type}, not {f.type} ({exc})") from exc
    return pa.Table.from_arrays(columns, schema=target)


@dataclass
class Partition:
    """A partition ready for the matcher."""

    person_ids: pa.Array  # string, one per person kept
    population: Population
    #: Distinct passion and aversion phrases; ``population.*_rows`` index them.
    phrases: list[str]
    aversions: list[str]
    bad: list[BadRecord]
    #: (records,) which records of the table were kept.
    good: NDArray[np.bool_] | None = None


def _list_parts(col: pa.Array) -> tuple[NDArray[np.int64], pa.Array]:
    """(row of each element, the flat elements) of a list column (nulls are empty)."""
    import pyarrow.compute as pc

    lengths = pc.fill_null(pc.list_value_length(col), 0).to_numpy().astype(np.int64)
    rows = np.repeat(np.arange(len(col), dtype=np.int64), lengths)
    return rows, pc.list_flatten(col)


def _pack(rows: NDArray[np.int64], values: NDArray[Any], size: int, fill: Any) -> NDArray[Any]:
    """Values grouped by row (rows sorted) into a (size, K) block, padded with ``fill``."""
    counts = np.bincount(rows, minlength=size) if rows.size else np.zeros(size, np.int64)
    width = int(counts.max()) if size else 0
    out = np.full((size, width), fill, dtype=values.dtype)
    if rows.size:
        starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
        out[rows, np.arange(rows.size) - starts[rows]] = values
    return out


#: Ratings per record up to which repeated descriptors are looked for by comparing
#: neighbours (cheap) rather than by sorting the partition's ratings.
NEIGHBOUR_SCAN = 16


def _last_of_each(keys: NDArray[np.int64], longest: int) -> NDArray[np.int64]:
    """Positions of the last occurrence of each distinct key, in order. ``keys`` hold their
    record's row first, so equal keys are at most ``longest`` - 1 apart; when no two within
    that distance are equal (records rarely rate a descriptor twice), that is every one."""
    if longest <= NEIGHBOUR_SCAN and not any(
        np.any(keys[j:] == keys[:-j]) for j in range(1, min(longest, keys.size))
    ):
        return np.arange(keys.size)
    last = keys.size - 1 - np.unique(keys[::-1], return_index=True)[1]
    last.sort()
    return np.asarray(last)


class _Checks:
    """Bad rows found column by column; the first problem of a row is the one reported."""

    def __init__(self, size: int) -> None:
        self.bad = np.zeros(size, bool)
        self.found: list[tuple[int, str, str]] = []

    def flag(self, mask: NDArray[np.bool_], field: str, message: str) -> None:
        for row in np.flatnonzero(mask & ~self.bad).tolist():
            self.found.append((row, field, message))
        self.bad |= mask


def _education_categories(texts: list[str | None]) -> dict[str | None, int | None]:
    """Category 1-12 for each distinct education value (None where it is not valid)."""
    from passionpath.match import education_level
    from passionpath.profile import ProfileDocument

    out: dict[str | None, int | None] = {None: 2}
    for text in texts:
        if text is None or text in out:
            continue
        stripped = text.strip()
        if stripped.isdigit():
            out[text] = int(stripped) if 1 <= int(stripped) <= 12 else None
        elif len(text) > MAX_EDUCATION_CHARS:
            out[text] = None
        elif not stripped:
            out[text] = 2
        else:
            document = ProfileDocument.model_validate({"education": [{"studyType": text}]})
            out[text] = education_level(document)
    return out


def to_population(
    table: pa.Table,
    first_position: int,
    descriptor_ids: list[str],
    positions: list[int] | None = None,
) -> Partition:
    """A canonical table as the matcher's arrays. ``first_position`` is the 1-based
    position of its first record in the input (``positions`` gives each one instead)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from passionpath.match import Population

    b = table.num_rows
    pos = (
        np.asarray(positions, dtype=np.int64)
        if positions is not None
        else np.arange(first_position, first_position + b, dtype=np.int64)
    )
    checks = _Checks(b)
    ids = table.column("id").combine_chunks()
    ids = pc.if_else(pc.is_null(ids), pa.array(pos).cast(pa.string()), ids)
    checks.flag(
        pc.greater(pc.utf8_length(ids), MAX_BATCH_ID_CHARS).to_numpy(zero_copy_only=False),
        "id",
        f"is longer than {MAX_BATCH_ID_CHARS} characters",
    )

    # Interest scores.
    riasec_col = table.column("riasec").combine_chunks()
    lengths = pc.fill_null(pc.list_value_length(riasec_col), 0).to_numpy().astype(np.int64)
    has_riasec = riasec_col.is_valid().to_numpy(zero_copy_only=False) & (lengths > 0)
    checks.flag(has_riasec & (lengths != 6), "riasec", "must be six scores R, I, A, S, E, C")
    riasec = np.zeros((b, 6), np.float32)
    flat = pc.list_flatten(riasec_col).to_numpy(zero_copy_only=False).astype(np.float64)
    rows = np.repeat(np.arange(b), lengths)
    six = (lengths == 6)[rows]
    bad_score = ~np.isfinite(flat) | (flat < 0) | (flat > 40)
    checks.flag(np.bincount(rows[bad_score], minlength=b) > 0, "riasec", "scores run from 0 to 40")
    if six.any():
        riasec[lengths == 6] = (flat[six] / 40.0).reshape(-1, 6)

    # Education, years of work, constraints.
    education_col = table.column("education").combine_chunks()
    encoded = pc.dictionary_encode(education_col)
    categories = _education_categories(encoded.dictionary.to_pylist())
    lookup = np.asarray(
        [categories[t] if categories[t] is not None else -1 for t in encoded.dictionary.to_pylist()]
        + [2],
        dtype=np.int64,
    )
    index = pc.fill_null(encoded.indices, len(lookup) - 1).to_numpy().astype(np.int64)
    education = lookup[index]
    checks.flag(
        education < 0,
        "education",
        f"must be a category number 1-12 or words of at most {MAX_EDUCATION_CHARS} characters",
    )
    education = np.where(education < 0, 2, education)
    years = pc.fill_null(table.column("experience_years"), 0.0).to_numpy().astype(np.float64)
    checks.flag(
        ~np.isfinite(years) | (years < 0) | (years > MAX_EXPERIENCE_YEARS),
        "experience_years",
        f"must be 0 to {MAX_EXPERIENCE_YEARS}",
    )
    years = np.round(np.nan_to_num(years) * 12) / 12
    zone_col = pc.fill_null(table.column("max_job_zone"), 0).to_numpy().astype(np.int64)
    checks.flag(
        table.column("max_job_zone").is_valid().to_numpy(zero_copy_only=False)
        & ((zone_col < 1) | (zone_col > 5)),
        "max_job_zone",
        "must be 1 to 5",
    )
    lower = pc.fill_null(table.column("open_to_lower_levels"), False).to_numpy(zero_copy_only=False)

    # Rated skills and knowledge: the last rating of a descriptor counts, as in a profile.
    d = len(descriptor_ids)
    skill_rows, pairs = _list_parts(table.column("skills").combine_chunks())
    keys, levels = pairs.field("key"), pairs.field("value").to_numpy(zero_copy_only=False)
    levels = np.asarray(levels, dtype=np.float64)
    checks.flag(
        np.bincount(skill_rows[~np.isfinite(levels) | (levels < 0) | (levels > 7)], minlength=b)
        > 0,
        "skills",
        "levels run from 0 to 7",
    )
    columns = pc.index_in(keys, value_set=pa.array(descriptor_ids)).to_numpy(zero_copy_only=False)
    known = ~np.isnan(columns.astype(np.float64)) if columns.dtype == object else ~np.isnan(columns)
    columns = np.nan_to_num(columns.astype(np.float64), nan=-1).astype(np.int64)
    keep = known & (columns >= 0)
    combined = skill_rows[keep] * (d + 1) + columns[keep]
    last = _last_of_each(combined, int(np.bincount(skill_rows).max(initial=0)))
    kept_rows = skill_rows[keep][last]
    rated_index = _pack(kept_rows, columns[keep][last], b, d)
    rated_level = _pack(kept_rows, levels[keep][last].astype(np.float32), b, np.float32(0))

    # Work values.
    value_rows, value_pairs = _list_parts(table.column("work_values").combine_chunks())
    names = pc.index_in(value_pairs.field("key"), value_set=pa.array(list(WORK_VALUES)))
    slots = np.nan_to_num(names.to_numpy(zero_copy_only=False).astype(np.float64), nan=-1).astype(
        np.int64
    )
    ratings = np.asarray(
        value_pairs.field("value").to_numpy(zero_copy_only=False), dtype=np.float64
    )
    checks.flag(
        np.bincount(value_rows[slots < 0], minlength=b) > 0,
        "work_values",
        f"names one of {', '.join(WORK_VALUES)}",
    )
    checks.flag(
        np.bincount(value_rows[~np.isfinite(ratings) | (ratings < 1) | (ratings > 7)], minlength=b)
        > 0,
        "work_values",
        "are rated 1 to 7",
    )
    values = np.full((b, 6), 4.0, np.float32)
    ok = slots >= 0
    values[value_rows[ok], slots[ok]] = ratings[ok]
    has_values = np.bincount(value_rows, minlength=b) > 0

    # Phrases: distinct texts once per partition; people hold indexes into them.
    def phrases(name: str) -> tuple[NDArray[np.int64], list[str]]:
        col = table.column(name).combine_chunks()
        counts = pc.fill_null(pc.list_value_length(col), 0).to_numpy().astype(np.int64)
        checks.flag(counts > MAX_BATCH_PHRASES, name, f"holds more than {MAX_BATCH_PHRASES}")
        rows, texts = _list_parts(col)
        texts = pc.utf8_trim_whitespace(texts)
        long = pc.fill_null(pc.greater(pc.utf8_length(texts), MAX_BATCH_PHRASE_CHARS), False)
        checks.flag(
            np.bincount(rows[long.to_numpy(zero_copy_only=False)], minlength=b) > 0,
            name,
            f"has a phrase longer than {MAX_BATCH_PHRASE_CHARS} characters",
        )
        present = pc.fill_null(pc.greater(pc.utf8_length(texts), 0), False)
        present_np = present.to_numpy(zero_copy_only=False)
        kept = pc.filter(texts, present)
        encoded = pc.dictionary_encode(kept)
        index = encoded.indices.to_numpy().astype(np.int64)
        return _pack(rows[present_np], index, b, -1), encoded.dictionary.to_pylist()

    from passionpath.match import cue_bits

    phrase_rows, phrase_texts = phrases("passions")
    # Word-sense cues per distinct phrase, then OR-ed over each person's phrases.
    cues = np.append(cue_bits(phrase_texts), np.int64(0))  # the last one for padding
    sense_bits = np.bitwise_or.reduce(cues[np.where(phrase_rows >= 0, phrase_rows, -1)], axis=1)
    aversion_rows, aversion_texts = phrases("avoid")

    good = ~checks.bad
    bad = [
        BadRecord(ids[row].as_py(), int(pos[row]), field_name, message)
        for row, field_name, message in sorted(checks.found)
    ]
    population = Population(
        riasec=riasec[good],
        has_riasec=has_riasec[good],
        education=education[good],
        experience_years=years[good].astype(np.float32),
        rated_index=rated_index[good],
        rated_level=rated_level[good],
        values=values[good],
        has_values=has_values[good],
        phrase_rows=phrase_rows[good],
        aversion_rows=aversion_rows[good],
        max_job_zone=zone_col[good],
        lower_levels_ok=np.asarray(lower, dtype=bool)[good],
        sense_bits=sense_bits[good],
    )
    return Partition(
        ids.filter(pa.array(good)), population, phrase_texts, aversion_texts, bad, good
    )


# --- the same record as a profile document (for the one-profile engine) -----------------

#: Words for the education categories that have them (what ``education_level`` reads).
_EDUCATION_WORDS = {
    1: "No formal qualifications",
    2: "High school",
    3: "Certificate",
    4: "Some college",
    5: "Associate degree",
    6: "Bachelor's degree",
    8: "Master's degree",
    11: "Doctorate",
}


def record_to_document(record: Mapping[str, Any]) -> ProfileDocument:
    """The profile document that says what ``record`` says, for the one-profile engine
    (``passionpath match``): the batch results equal that engine's on it."""
    from passionpath.profile import ProfileDocument

    r = normalise_record(record)
    block: dict[str, Any] = {}
    doc: dict[str, Any] = {"basics": {"name": r["id"] or "person"}, "passionpath": block}
    if r["riasec"] is not None:
        block["inventory"] = {"scores": dict(zip(AREAS, r["riasec"], strict=True))}
    if r["education"] is not None and r["education"].strip():
        text = r["education"]
        if text.strip().isdigit():
            category = int(text)
            if category not in _EDUCATION_WORDS:
                raise RecordError("education", f"category {category} has no words in a profile")
            text = _EDUCATION_WORDS[category]
        doc["education"] = [{"institution": "-", "studyType": text}]
    months = round((r["experience_years"] or 0) * 12)
    if months:
        end_year, end_month = 2000 + months // 12, months % 12 + 1
        doc["work"] = [{"startDate": "2000-01", "endDate": f"{end_year}-{end_month:02d}"}]
    if r["skills"]:
        block["skills"] = [{"element_id": p["key"], "level": p["value"]} for p in r["skills"]]
    if r["work_values"]:
        block["work_values"] = {p["key"]: p["value"] for p in r["work_values"]}
    if r["passions"]:
        doc["interests"] = [{"name": t} for t in r["passions"] if t.strip()]
    constraints: dict[str, Any] = {}
    if r["max_job_zone"] is not None:
        constraints["max_job_zone"] = r["max_job_zone"]
    if r["open_to_lower_levels"]:
        constraints["open_to_lower_levels"] = True
    block["constraints"] = constraints
    if r["avoid"]:
        block["preferences"] = {"does_not_want": r["avoid"]}
    return ProfileDocument.model_validate(doc)
