"""PROFILE arguments: every command takes a profile file or a stored profile's slug."""

from __future__ import annotations

from typing import TYPE_CHECKING

from passionpath.cli._output import console, err_console

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.profile import StoredProfile

#: Help for a PROFILE that may be either.
PROFILE_HELP = "A profile file (JSON Resume, passionpath JSON, LinkedIn zip) or a stored slug"


def stored_profile(ctx: Context, ref: str | None, as_json: bool = False) -> StoredProfile:
    """The stored profile ``ref`` names; a file is stored first, and the user is told how
    in one line (on stderr under ``--json``, so the JSON stays clean)."""
    from passionpath.profile import store_resolved

    stored = store_resolved(ref, ctx.engine)
    if stored.saved is not None and stored.path is not None:
        slug, version = stored.record.slug, stored.saved.version
        if stored.created:
            line = f"Saved {stored.path} as a new profile {slug} (version 1)."
        elif stored.saved.changed:
            line = f"Saved {stored.path} as version {version} of profile {slug}."
        else:
            line = f"{stored.path} is profile {slug} as stored (version {version})."
        (err_console if as_json else console).print(line, highlight=False)
    return stored


def profile_slug(ctx: Context, ref: str | None) -> str | None:
    """The slug of the stored profile ``ref`` names, without storing anything: a file
    names the profile it was (or would be) stored as."""
    from passionpath.profile import is_profile_file, resolve

    if ref is None or not is_profile_file(ref):
        return ref
    return resolve(ref, ctx.engine).slug
