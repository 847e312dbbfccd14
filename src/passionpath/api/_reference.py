"""The API reference as plain rows, read from the app's own OpenAPI document.

The reference page is server-rendered from these rows, so it opens at once, works without
JavaScript and can be printed; Swagger UI stays one link away for trying calls out. Reading
the OpenAPI document (rather than the routes) keeps the two from ever disagreeing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: The order and the words of the sections; a tag not listed comes after these.
SECTIONS = {
    "account": "Account and signing in",
    "catalog": "Occupations, interests and exploring",
    "profiles": "Profiles, matches and gaps",
    "plans": "Plans",
}
#: Constraint keywords shown beside a type, in the words of the reference.
_LIMITS = (
    ("minLength", "at least {} characters"),
    ("maxLength", "at most {} characters"),
    ("minItems", "at least {} items"),
    ("maxItems", "at most {} items"),
    ("maxProperties", "at most {} entries"),
    ("minimum", ">= {}"),
    ("exclusiveMinimum", "> {}"),
    ("maximum", "<= {}"),
    ("pattern", "matching {}"),
)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    notes: str = ""
    #: The schema this field's type names, for a link (empty when it names none).
    ref: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    signed_in: bool
    anchor: str
    parameters: tuple[Field, ...] = ()
    body: str = ""
    responses: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: tuple[Field, ...]


@dataclass
class Section:
    title: str
    operations: list[Operation] = field(default_factory=list)


@dataclass(frozen=True)
class Reference:
    title: str
    version: str
    description: str
    sections: tuple[Section, ...]
    schemas: tuple[Schema, ...]


def reference(openapi: dict[str, Any]) -> Reference:
    """The rows of the reference page for one OpenAPI document."""
    sections: dict[str, Section] = {tag: Section(title) for tag, title in SECTIONS.items()}
    for path, operations in openapi.get("paths", {}).items():
        for method, op in operations.items():
            tag = (op.get("tags") or ["other"])[0]
            section = sections.setdefault(tag, Section(tag.replace("_", " ").capitalize()))
            section.operations.append(_operation(method, path, op))
    schemas = openapi.get("components", {}).get("schemas", {})
    info = openapi.get("info", {})
    return Reference(
        title=info.get("title", "API"),
        version=info.get("version", ""),
        description=info.get("description", ""),
        sections=tuple(s for s in sections.values() if s.operations),
        schemas=tuple(
            _schema(name, body) for name, body in sorted(schemas.items()) if "properties" in body
        ),
    )


def _operation(method: str, path: str, op: dict[str, Any]) -> Operation:
    params = op.get("parameters", [])
    # Every route takes the bearer token as a header; the reference says so once per call.
    signed_in = any(p.get("name") == "authorization" for p in params)
    shown = tuple(
        _field(p["name"], p.get("schema", {}), p.get("required", False), where=p.get("in", ""))
        for p in params
        if p.get("name") != "authorization"
    )
    body = ""
    for content in op.get("requestBody", {}).get("content", {}).values():
        body = _ref_name(content.get("schema", {})) or _type(content.get("schema", {}))
    responses = tuple(
        (code, answer.get("description", "")) for code, answer in op.get("responses", {}).items()
    )
    return Operation(
        method=method.upper(),
        path=path,
        summary=op.get("summary", ""),
        description=(op.get("description") or "").strip(),
        signed_in=signed_in,
        anchor=op.get("operationId", f"{method}-{path}"),
        parameters=shown,
        body=body,
        responses=responses,
    )


def _schema(name: str, body: dict[str, Any]) -> Schema:
    required = set(body.get("required", []))
    return Schema(
        name=name,
        description=(body.get("description") or "").replace("``", "").strip(),
        fields=tuple(
            _field(key, value, key in required) for key, value in body["properties"].items()
        ),
    )


def _field(name: str, schema: dict[str, Any], required: bool, *, where: str = "") -> Field:
    notes = [f"in the {where}"] if where and where != "body" else []
    notes += _limits(schema)
    if "default" in schema and schema["default"] not in (None, [], {}):
        notes.append(f"default {schema['default']}")
    if schema.get("description"):
        notes.append(schema["description"])
    return Field(name, _type(schema), required, "; ".join(notes), _ref_name(schema))


def _limits(schema: dict[str, Any]) -> list[str]:
    found = [words.format(schema[key]) for key, words in _LIMITS if key in schema]
    for option in schema.get("anyOf", []):
        found += _limits(option)
    if "items" in schema:
        found += [f"each {note}" for note in _limits(schema["items"])]
    return found


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return _ref_name(schema)
    if "anyOf" in schema:
        kinds = [_type(option) for option in schema["anyOf"] if option.get("type") != "null"]
        optional = any(option.get("type") == "null" for option in schema["anyOf"])
        return " or ".join(kinds) + (" or null" if optional else "")
    if "enum" in schema:
        return "one of " + ", ".join(str(value) for value in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if kind == "object" and "additionalProperties" in schema:
        inner = schema["additionalProperties"]
        return f"object of {_type(inner)}" if isinstance(inner, dict) else "object"
    return f"{kind} ({schema['format']})" if "format" in schema else str(kind)


def _ref_name(schema: dict[str, Any]) -> str:
    for candidate in (schema, *schema.get("anyOf", []), schema.get("items", {})):
        if isinstance(candidate, dict) and "$ref" in candidate:
            return str(candidate["$ref"]).rsplit("/", 1)[-1]
    return ""
