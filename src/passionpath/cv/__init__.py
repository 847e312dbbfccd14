"""Candidate profiles (CVs): JSON Resume checked against the standard, tailored to a target
occupation, stored with the profile version they came from, rendered to HTML and PDF, and
matched against a job posting."""

from passionpath.cv._build import build_cv
from passionpath.cv._files import CvSource, open_cv, read_json_file, read_posting
from passionpath.cv._posting import Covered, Missing, PostingMatch, Term, cv_texts, match_posting
from passionpath.cv._render import PDF_TIMESTAMP, render_html, render_pdf
from passionpath.cv._schema import SchemaWarning, resume_schema, validate_resume
from passionpath.cv._store import (
    THEMES,
    StoredCV,
    check_posting,
    check_theme,
    delete_cv,
    edit_cv,
    get_cv,
    list_cvs,
    record_sent,
    save_cv,
)
from passionpath.cv._tailor import Choice, TailoredCV, singular, tailor
from passionpath.cv._view import reading_order

__all__ = [
    "PDF_TIMESTAMP",
    "THEMES",
    "Choice",
    "Covered",
    "CvSource",
    "Missing",
    "PostingMatch",
    "SchemaWarning",
    "StoredCV",
    "TailoredCV",
    "Term",
    "build_cv",
    "check_posting",
    "check_theme",
    "cv_texts",
    "delete_cv",
    "edit_cv",
    "get_cv",
    "list_cvs",
    "match_posting",
    "open_cv",
    "read_json_file",
    "read_posting",
    "reading_order",
    "record_sent",
    "render_html",
    "render_pdf",
    "resume_schema",
    "save_cv",
    "singular",
    "tailor",
    "validate_resume",
]
