"""Profile operations every face performs the same way: naming a profile (a file or a
stored slug), storing a file as a profile, and recording an interest inventory."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from passionpath.errors import NotFoundError
from passionpath.profile._background import with_background
from passionpath.profile._document import ProfileDocument
from passionpath.profile._files import read_profile_file
from passionpath.profile._inventory import Form, InventoryResult, inventory_record, score
from passionpath.profile._store import (
    ProfileRecord,
    SaveResult,
    create_profile,
    load_profile,
    save_profile,
    slugify,
)


@dataclass(frozen=True)
class ResolvedProfile:
    """A profile named by the user: read from ``path``, or the stored ``record``."""

    name: str
    document: ProfileDocument
    record: ProfileRecord | None = None
    path: Path | None = None

    @property
    def slug(self) -> str:
        """The stored profile's slug; for a file, the slug it is (or would be) stored under."""
        if self.record is not None:
            return self.record.slug
        assert self.path is not None
        named = self.document.basics is not None and bool(self.document.basics.name)
        return slugify(self.document.display_name if named else self.path.stem)


def is_profile_file(ref: str | Path) -> bool:
    """Whether ``ref`` names a file rather than a stored profile: a ``.json`` or ``.zip``
    name, or any path that exists."""
    path = Path(ref)
    return path.suffix.lower() in (".json", ".zip") or path.exists()


def resolve(ref: str | Path | None, engine: Engine, *, owner: int | None = None) -> ResolvedProfile:
    """The profile ``ref`` names: a JSON Resume / passionpath JSON file or a LinkedIn export
    (read, not stored), or a stored profile's slug or id (``None``: the only one there is)."""
    if ref is not None and is_profile_file(ref):
        path = Path(ref)
        return ResolvedProfile(path.stem, read_profile_file(path), None, path)
    record, document = load_profile(None if ref is None else str(ref), engine, owner=owner)
    return ResolvedProfile(record.slug, document, record)


@dataclass(frozen=True)
class StoredProfile:
    """A stored profile, and whether naming it just stored a file (``saved`` is then the
    save: a new profile when ``created``, else a version that may not have ``changed``)."""

    record: ProfileRecord
    document: ProfileDocument
    saved: SaveResult | None = None
    created: bool = False
    path: Path | None = None


def store_resolved(
    ref: str | Path | None, engine: Engine, *, owner: int | None = None
) -> StoredProfile:
    """The stored profile ``ref`` names; a file is stored first.

    A file becomes a new profile under the slug of its person's name (or the file's name),
    or, when ``owner`` has a profile with that slug already, its next version if the file
    says something new. A file without passionpath answers keeps the stored answers, so
    re-reading a plain CV never discards an assessment."""
    found = resolve(ref, engine, owner=owner)
    if found.record is not None:
        return StoredProfile(found.record, found.document)
    assert found.path is not None
    note = f"imported {found.path.name}"
    try:
        _, current = load_profile(found.slug, engine, owner=owner)
    except NotFoundError:
        saved = create_profile(found.document, engine, slug=found.slug, note=note, owner=owner)
        return StoredProfile(saved.profile, found.document, saved, True, found.path)
    document = with_background(current, found.document)
    saved = save_profile(found.slug, document, engine, note=note, owner=owner)
    return StoredProfile(saved.profile, document, saved, False, found.path)


@dataclass(frozen=True)
class RecordedInventory:
    result: InventoryResult
    saved: SaveResult

    @property
    def version(self) -> int:
        return self.saved.version


def record_inventory(
    profile: str | None,
    answers: dict[str, int],
    engine: Engine,
    *,
    form: Form = "full",
    owner: int | None = None,
) -> RecordedInventory:
    """Score an interest inventory and store it in the profile as a new version."""
    # The profile first: a request for someone else's profile fails before any scoring.
    record, document = load_profile(profile, engine, owner=owner)
    result = score(answers, form)
    document.pp.inventory = inventory_record(result, answers)
    saved = save_profile(
        record.slug, document, engine, note=f"interest inventory ({form})", owner=owner
    )
    return RecordedInventory(result, saved)
