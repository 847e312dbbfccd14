"""Front door for gap analysis."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from passionpath.plan._gaps import GapReport, gap_report
from passionpath.profile import ProfileDocument


def profile_technology(document: ProfileDocument, engine: Engine) -> set[str]:
    """Products the person names: JSON Resume skills and keywords, and their own words."""
    from passionpath.text import extract_evidence

    names: set[str] = set()
    for skill in document.skills or []:
        names.update(n for n in [skill.name, *(skill.keywords or [])] if n)
    found = extract_evidence(document.free_texts(), engine=engine)
    names.update(e.name for e in found if e.kind == "technology")
    names.update(e.text for e in found if e.kind == "technology")
    return names


def analyse_gaps(
    profile: ProfileDocument | str | Path, target: str, engine: Engine | None = None
) -> GapReport:
    """Gaps between a profile and the occupation ``target`` (an O*NET-SOC code)."""
    from passionpath.match._api import _resolve, prepare_person
    from passionpath.match._matrices import load_matrices
    from passionpath.store import get_engine

    engine = engine or get_engine()
    name, document = _resolve(profile, engine)
    matrices = load_matrices(engine)
    code = target.strip()
    if code not in matrices.index:
        from passionpath.catalog import occupation_profile

        occupation_profile(code, engine)  # raises the clear "no occupation" error
    person = prepare_person(document, matrices, engine)
    return gap_report(name, person, profile_technology(document, engine), matrices, code, engine)
