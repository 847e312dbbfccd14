"""Any JSON object is read (never refused for its shape), written back unchanged, and
renders."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passionpath.cv import render_html, render_pdf, validate_resume
from passionpath.profile import parse_document

SECTIONS = [
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
]
FIELDS = [
    "name",
    "startDate",
    "endDate",
    "date",
    "highlights",
    "keywords",
    "courses",
    "location",
    "profiles",
    "company",
    "website",
    "url",
    "summary",
    "level",
    "language",
    "score",
    "gpa",
]
TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", "Present", "07/2025", "2025-07", "2024", "Jan 2020", "31.12.2020"]),
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 3000), st.floats(-1, 1e4), TEXT)
KEYS = st.one_of(st.sampled_from(FIELDS), st.text(min_size=1, max_size=8))
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=5)),
    max_leaves=25,
)
ENTRY = st.one_of(st.dictionaries(KEYS, VALUES, max_size=6), VALUES)
DOCUMENT = st.dictionaries(
    st.one_of(st.sampled_from(SECTIONS), st.text(min_size=1, max_size=8)).filter(
        lambda k: k != "passionpath"
    ),
    st.one_of(st.lists(ENTRY, max_size=4), ENTRY),
    max_size=6,
)


@given(DOCUMENT)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_document_is_read_and_written_back_unchanged(data: dict[str, Any]) -> None:
    before = json.dumps(data, sort_keys=True)
    document = parse_document(data, "fuzz.json")
    assert json.dumps(data, sort_keys=True) == before  # the input is not touched
    assert document.to_json_dict(resume_only=True) == data
    validate_resume(data)  # warns, never raises
    document.free_texts()  # what matching reads is there to read
    assert render_html(data).startswith("<!doctype html>")
    assert render_pdf(data, "modern").startswith(b"%PDF-")
