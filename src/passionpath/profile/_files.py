"""Reading profile files: JSON Resume / passionpath JSON, or a LinkedIn export zip."""

from __future__ import annotations

import zipfile
from pathlib import Path

from passionpath.files import UserFileError
from passionpath.profile._document import ProfileDocument, load_document
from passionpath.profile._linkedin import read_linkedin_export


def read_profile_file(path: str | Path) -> ProfileDocument:
    """Parse a profile file; nothing is stored. Raises a PassionpathError naming the problem."""
    path = Path(path)
    if not path.exists():
        raise UserFileError(path, "no such file.")
    if path.is_dir():
        raise UserFileError(path, "this is a folder, not a file.")
    if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
        return read_linkedin_export(path)
    return load_document(path)
