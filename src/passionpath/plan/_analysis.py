"""Front door for gap analysis."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from passionpath.plan._gaps import GapReport, gap_report
from passionpath.profile import ProfileDocument

if TYPE_CHECKING:
    from passionpath.context import Context


def profile_technology(document: ProfileDocument, ctx: Context) -> set[str]:
    """Products the person names: JSON Resume skills and keywords, and their own words."""
    from passionpath.text import extract_evidence

    names: set[str] = set()
    for skill in document.skills or []:
        names.update(n for n in [skill.name, *(skill.keywords or [])] if n)
    found = extract_evidence(document.free_texts(), ctx)
    names.update(e.name for e in found if e.kind == "technology")
    names.update(e.text for e in found if e.kind == "technology")
    return names


def profile_credentials(document: ProfileDocument) -> list[str]:
    """Where a profile names credentials its owner holds: certificates, job titles,
    qualifications, the headline and the summary's sentences."""
    import re

    texts = [" ".join(filter(None, [c.name, c.issuer])) for c in document.certificates or []]
    texts += [w.position or "" for w in document.work or []]
    texts += [" ".join(filter(None, [e.studyType, e.area])) for e in document.education or []]
    basics = document.basics
    if basics is not None:
        texts.append(basics.label or "")
        texts += re.split(r"(?<=[.!?;])\s+", basics.summary or "")
    return [t.strip() for t in texts if t and t.strip()]


def analyse_gaps(
    profile: ProfileDocument | str | Path,
    target: str,
    ctx: Context,
    *,
    cited: Mapping[str, int] | None = None,
) -> GapReport:
    """Gaps between a profile and the occupation ``target`` (an O*NET-SOC code); ``cited``
    (descriptor id -> rejections naming it) raises the gaps employers named."""
    from passionpath.match import load_matrices, prepare_person, resolve_profile

    engine = ctx.engine
    name, document = resolve_profile(profile, engine)
    matrices = load_matrices(ctx)
    code = target.strip()
    if code not in matrices.index:
        from passionpath.catalog import occupation_profile

        occupation_profile(code, engine)  # raises the clear "no occupation" error
    person = prepare_person(document, matrices, ctx)
    return gap_report(
        name,
        person,
        profile_technology(document, ctx),
        matrices,
        code,
        engine,
        credentials_held=profile_credentials(document),
        cited=cited,
    )
