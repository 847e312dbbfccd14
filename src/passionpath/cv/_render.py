"""Rendering a CV: HTML in two themes of our own, and PDF typeset by Typst.

Both read the same layout (``_view``). The PDF is one column in reading order, with real
links, set in Atkinson Hyperlegible (shipped in ``fonts/`` with its OFL licence); system
fonts are never read, the template imports no package, and the creation date is fixed, so
the same CV gives the same bytes on every machine, run after run.
"""

from __future__ import annotations

import json
import threading
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from passionpath.cv._store import check_theme
from passionpath.cv._view import readable, view
from passionpath.errors import PassionpathError

#: The PDF's creation date (seconds since 1970): fixed, so identical input gives identical
#: bytes. 2026-01-01T00:00:00Z.
PDF_TIMESTAMP = 1_767_225_600

#: PDF/UA-1: tagged, with a title, a language and described links, for screen readers and the
#: applicant-tracking systems that read the structure.
PDF_STANDARDS = ["ua-1"]

_lock = threading.Lock()


def _resource(*parts: str) -> Path:
    return Path(str(files("passionpath.cv").joinpath(*parts)))


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    return Environment(
        loader=FileSystemLoader(_resource("templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _css(theme: str) -> str:
    folder = _resource("templates")
    return (folder / "base.css").read_text(encoding="utf-8") + (folder / f"{theme}.css").read_text(
        encoding="utf-8"
    )


def _language(data: dict[str, Any]) -> str:
    meta = data.get("meta")
    lang = meta.get("language") if isinstance(meta, dict) else None
    return lang if isinstance(lang, str) and 2 <= len(lang) <= 12 else "en"


def render_html(data: dict[str, Any], theme: str = "classic", *, source: str = "CV") -> str:
    """A whole HTML page (styles inside, nothing fetched) for a JSON Resume document."""
    check_theme(theme)
    document = readable(data, source)
    template = _environment().get_template("cv.html.j2")
    return str(
        template.render(cv=view(document), theme=theme, css=_css(theme), lang=_language(data))
    )


@cache
def _compiler() -> Any:
    import typst

    template = _resource("templates", "cv.typ")
    return typst.Compiler(
        str(template),
        root=str(template.parent),
        font_paths=[str(_resource("fonts"))],
        ignore_system_fonts=True,
    )


def render_pdf(data: dict[str, Any], theme: str = "classic", *, source: str = "CV") -> bytes:
    """The CV as a PDF: same input, same bytes."""
    import typst

    check_theme(theme)
    laid = view(readable(data, source))
    inputs = {"cv": json.dumps(laid, ensure_ascii=False), "theme": theme, "lang": _language(data)}
    try:
        with _lock:
            try:
                pdf = _compiler().compile(
                    format="pdf",
                    sys_inputs=inputs,
                    timestamp=PDF_TIMESTAMP,
                    pdf_standards=PDF_STANDARDS,
                )
            except typst.TypstError:
                # a CV PDF/UA cannot describe still makes a (tagged) PDF
                pdf = _compiler().compile(format="pdf", sys_inputs=inputs, timestamp=PDF_TIMESTAMP)
    except typst.TypstError as exc:  # pragma: no cover - the template is ours
        raise PassionpathError(f"The PDF could not be made: {exc.message}") from exc
    assert isinstance(pdf, bytes)
    return pdf
