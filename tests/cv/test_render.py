"""Rendering: HTML themes that are whole, accessible pages; PDFs whose text an applicant-
tracking system reads in order, with real links, and the same bytes every time."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pypdf
import pytest

from passionpath.cv import THEMES, reading_order, render_html, render_pdf
from passionpath.profile import parse_document

DATA = Path(__file__).parent / "data"
MAYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "maya.json"
TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "passionpath" / "cv" / "templates"


def _maya() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(MAYA.read_text(encoding="utf-8"))
    return loaded


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("theme", THEMES)
def test_pdf_text_comes_out_in_reading_order(theme: str) -> None:
    pdf = render_pdf(_maya(), theme)
    extracted = _squash(_text(pdf))
    read = parse_document(_maya()).model_dump(mode="json", exclude_unset=True)
    position = 0
    for piece in reading_order(read):
        piece = _squash(piece)
        found = extracted.find(piece, position)
        if found < 0:  # headings are set in capitals
            found = extracted.find(piece.upper(), position)
        assert found >= position, f"{piece!r} not found after position {position}"
        position = found + len(piece)


@pytest.mark.parametrize("theme", THEMES)
def test_the_same_cv_gives_the_same_bytes_twice(theme: str) -> None:
    assert render_pdf(_maya(), theme) == render_pdf(_maya(), theme)


def test_a_two_page_cv_with_real_links() -> None:
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(_maya(), "modern")))
    assert len(reader.pages) == 2
    uris = [
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object()
    ]
    assert "mailto:maya.fontaine@example.com" in uris
    assert "https://www.instagram.com/miette.et.lumiere" in uris
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/Lang"] == "en"  # tagged, PDF/UA-1
    assert reader.metadata is not None
    assert reader.metadata.title == "Maya Fontaine \u2013 CV"


def test_fonts_are_our_own_and_no_package_is_imported() -> None:
    fonts = {
        str(font.get_object()["/BaseFont"]).split("+")[-1]
        for theme in THEMES
        for page in pypdf.PdfReader(io.BytesIO(render_pdf(_maya(), theme))).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert {f.split("-")[0] for f in fonts} <= {"AtkinsonHyperlegible", "LibertinusSerif"}
    assert "@preview" not in (TEMPLATES / "cv.typ").read_text(encoding="utf-8")
    assert "import" not in (TEMPLATES / "cv.typ").read_text(encoding="utf-8").replace(
        "imports no package", ""
    ).replace("No package imports", "")


@pytest.mark.parametrize("name", ["quirks.json", "legacy-0.0.json", "jsonresume-sample-1.0.0.json"])
def test_any_resume_renders(name: str) -> None:
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    assert render_pdf(data, "classic").startswith(b"%PDF-")
    page = render_html(data, "modern")
    assert "<h1>" in page


def test_user_text_never_becomes_markup() -> None:
    data = {"basics": {"name": "<script>alert(1)</script> #set text(red) ]", "label": "$x$"}}
    page = render_html(data)
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    assert "#set text(red) ]" in _text(render_pdf(data))


@pytest.mark.parametrize("theme", THEMES)
def test_html_is_a_whole_accessible_page(theme: str) -> None:
    page = render_html(_maya(), theme)
    assert page.startswith("<!doctype html>")
    assert '<html lang="en">' in page
    assert page.count("<h1>") == 1
    assert '<h2 id="work-title">Experience</h2>' in page
    assert "<h3>" in page
    assert "@media print" in page and "@page" in page
    # nothing is fetched: no stylesheet, script, font or image from elsewhere
    assert not re.search(r"<(link|script|img)\b|@import|url\(", page)
    assert '<a href="mailto:maya.fontaine@example.com">' in page
    assert f'class="theme-{theme}"' in page


def test_themes_differ() -> None:
    assert render_html(_maya(), "classic") != render_html(_maya(), "modern")
    assert render_pdf(_maya(), "classic") != render_pdf(_maya(), "modern")
