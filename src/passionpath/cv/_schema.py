"""Checking a résumé against the official JSON Resume v1.0.0 schema.

The schema ships in ``data/`` with its MIT notice. Problems are warnings with their JSON path:
a résumé that differs from the standard is still the person's résumé, and nothing in it is
changed or refused for it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

SCHEMA_FILE = "jsonresume-schema-1.0.0.json"


@dataclass(frozen=True)
class SchemaWarning:
    """Where (a JSON path like ``work[0].startDate``) a résumé differs from the schema."""

    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "message": self.message}


@cache
def resume_schema() -> dict[str, Any]:
    """The JSON Resume v1.0.0 schema, as published."""
    text = files("passionpath.cv").joinpath("data", SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def _validator() -> Any:
    from jsonschema import Draft4Validator

    return Draft4Validator(resume_schema())


def json_path(parts: Any) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(document)"


_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    int: "integer",
    float: "number",
    bool: "boolean",
    type(None): "null",
}


def _say(error: Any) -> str:
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        names = ", ".join(repr(name) for name in extra)
        return f"{names} {'is' if len(extra) == 1 else 'are'} not in JSON Resume 1.0 (kept as is)"
    if error.validator == "pattern" and "[0-9]{3}" in str(error.validator_value):
        return f"{error.instance!r} is not a date like 2024, 2024-05 or 2024-05-31"
    if error.validator == "type":
        found = _JSON_TYPES.get(type(error.instance), "a value")
        return f"expected {error.validator_value}, found {found}"
    return str(error.message)


def validate_resume(data: Any) -> list[SchemaWarning]:
    """Every place ``data`` differs from JSON Resume v1.0.0, in document order. Our own
    ``passionpath`` block is not part of the standard and is not reported."""
    if isinstance(data, dict) and "passionpath" in data:
        data = {k: v for k, v in data.items() if k != "passionpath"}
    found = []
    for error in _validator().iter_errors(data):
        found.append(
            (list(error.absolute_path), SchemaWarning(json_path(error.absolute_path), _say(error)))
        )
    found.sort(
        key=lambda pair: [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in pair[0]]
    )
    return [warning for _, warning in found]
