"""Choices filled in from a profile: its passion phrases (as matching reads them), its
interest profile and the occupations its work history shows. The person still chooses what
to show; phrases that look like contact details are left out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from passionpath.community._members import Choices, CommunityError, check_choices
from passionpath.context import Context
from passionpath.limits import MAX_COMMUNITY_PASSIONS, MAX_COMMUNITY_PHRASE_CHARS


def choices_from_profile(profile: str | Path, ctx: Context, choices: Choices) -> Choices:
    """``choices`` with passions, interests and work history taken from ``profile`` (a stored
    profile's slug or a file) where the choices leave them empty."""
    from passionpath.match import load_matrices, prepare_person, resolve_profile

    _, document = resolve_profile(profile, ctx.engine)
    matrices = load_matrices(ctx)
    person = prepare_person(document, matrices, ctx)
    passions: list[str] = list(choices.passions)
    for phrase in person.phrases:
        text = " ".join(phrase.text.split())[:MAX_COMMUNITY_PHRASE_CHARS]
        if len(passions) >= MAX_COMMUNITY_PASSIONS:
            break
        try:
            check_choices(Choices(display_name="x", features=("tribe",), passions=(text,)))
        except CommunityError:
            continue
        passions.append(text)
    history: Sequence[str] = choices.work_history or tuple(
        str(matrices.codes[row]) for row in person.past_occupations
    )
    riasec = choices.riasec
    if riasec is None and person.riasec is not None:
        riasec = tuple(round(min(7.0, max(0.0, float(v))), 2) for v in person.riasec)
    return replace(
        choices,
        passions=tuple(dict.fromkeys(passions)),
        work_history=tuple(history)[:20],
        riasec=riasec,
    )
