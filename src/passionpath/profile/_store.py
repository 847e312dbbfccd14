"""Profiles in the database. Every save that changes the document adds a version."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Row, delete, func, insert, or_, select, update

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.profile._document import ProfileDocument, parse_document
from passionpath.store import models as m
from passionpath.store import owned_by


@dataclass(frozen=True)
class ProfileRecord:
    id: int
    slug: str
    name: str
    current_version: int
    created_at: datetime
    updated_at: datetime

    def as_dict(self) -> dict[str, Any]:
        """The summary every face shows of a stored profile (API, CLI ``--json``)."""
        return {
            "slug": self.slug,
            "name": self.name,
            "version": self.current_version,
            "updated_at": self.updated_at.isoformat(),
        }


@dataclass(frozen=True)
class VersionInfo:
    version: int
    created_at: datetime
    note: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "saved_at": self.created_at.isoformat(), "note": self.note}


@dataclass(frozen=True)
class SaveResult:
    profile: ProfileRecord
    version: int
    changed: bool


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:60] or "profile"


def _record(row: Row[Any]) -> ProfileRecord:
    return ProfileRecord(
        row.id, row.slug, row.name, row.current_version, row.created_at, row.updated_at
    )


def _canonical(document: ProfileDocument) -> str:
    return json.dumps(document.to_json_dict(), sort_keys=True, ensure_ascii=False)


def list_profiles(engine: Engine, *, owner: int | None = None) -> list[ProfileRecord]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.Profile.__table__).where(owned_by(m.Profile, owner)).order_by(m.Profile.slug)
        ).all()
    return [_record(r) for r in rows]


def find_profile(key: str | None, engine: Engine, *, owner: int | None = None) -> ProfileRecord:
    """A profile by slug or id; with no key, the only profile there is."""
    if key is not None:
        match = m.Profile.slug == key
        if key.isdigit():
            match = or_(match, m.Profile.id == int(key))
        with engine.connect() as conn:
            row = conn.execute(
                select(m.Profile.__table__).where(owned_by(m.Profile, owner), match)
            ).first()
        if row is not None:
            return _record(row)
    profiles = list_profiles(engine, owner=owner)
    if key is None:
        if len(profiles) == 1:
            return profiles[0]
        if not profiles:
            raise NotFoundError(
                "There are no profiles yet.",
                field="profile",
                hint="Create a profile, or import one from a file.",
                kind="no_profiles",
            )
        raise PassionpathError(
            f"There are {len(profiles)} profiles; name one: " + ", ".join(p.slug for p in profiles),
            field="profile",
        )
    raise NotFoundError(
        f"No profile {key!r}. Profiles: {', '.join(p.slug for p in profiles) or 'none yet'}.",
        field="profile",
    )


def create_profile(
    document: ProfileDocument,
    engine: Engine,
    *,
    slug: str | None = None,
    note: str | None = "created",
    owner: int | None = None,
) -> SaveResult:
    slug = slugify(slug or document.display_name)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        taken = conn.execute(
            select(m.Profile.id).where(m.Profile.slug == slug, owned_by(m.Profile, owner))
        ).first()
        if taken is not None:
            raise PassionpathError(
                f"A profile called {slug!r} exists already.",
                field="slug",
                hint="Pick another short name for the new profile.",
            )
        profile_id = conn.execute(
            insert(m.Profile).returning(m.Profile.id),
            {
                "user_id": owner,
                "slug": slug,
                "name": document.display_name,
                "created_at": now,
                "updated_at": now,
                "current_version": 1,
            },
        ).scalar_one()
        conn.execute(
            insert(m.ProfileVersion),
            {
                "profile_id": profile_id,
                "version": 1,
                "document": _canonical(document),
                "note": note,
                "created_at": now,
            },
        )
    return SaveResult(find_profile(slug, engine, owner=owner), 1, True)


def load_profile(
    key: str | None,
    engine: Engine,
    *,
    version: int | None = None,
    owner: int | None = None,
) -> tuple[ProfileRecord, ProfileDocument]:
    """A stored profile and its document (the current version unless ``version``)."""
    profile = find_profile(key, engine, owner=owner)
    wanted = version or profile.current_version
    with engine.connect() as conn:
        text = conn.execute(
            select(m.ProfileVersion.document).where(
                m.ProfileVersion.profile_id == profile.id, m.ProfileVersion.version == wanted
            )
        ).scalar()
    if text is None:
        raise NotFoundError(
            f"Profile {profile.slug!r} has no version {wanted} "
            f"(versions 1 to {profile.current_version}).",
            field="version",
        )
    return profile, parse_document(
        json.loads(text), f"{profile.slug} v{wanted}", check_limits=False
    )


def save_profile(
    key: str | None,
    document: ProfileDocument,
    engine: Engine,
    *,
    note: str | None = None,
    owner: int | None = None,
) -> SaveResult:
    """Store ``document`` as the profile's next version, unless nothing changed."""
    profile, current = load_profile(key, engine, owner=owner)
    canonical = _canonical(document)
    if _canonical(current) == canonical:
        return SaveResult(profile, profile.current_version, False)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        latest = conn.execute(
            select(func.max(m.ProfileVersion.version)).where(
                m.ProfileVersion.profile_id == profile.id
            )
        ).scalar_one()
        version = int(latest) + 1
        conn.execute(
            insert(m.ProfileVersion),
            {
                "profile_id": profile.id,
                "version": version,
                "document": canonical,
                "note": note,
                "created_at": now,
            },
        )
        conn.execute(
            update(m.Profile)
            .where(m.Profile.id == profile.id)
            .values(current_version=version, updated_at=now, name=document.display_name)
        )
    return SaveResult(find_profile(profile.slug, engine, owner=owner), version, True)


def profile_history(
    key: str | None, engine: Engine, *, owner: int | None = None
) -> list[VersionInfo]:
    profile = find_profile(key, engine, owner=owner)
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.ProfileVersion.version, m.ProfileVersion.created_at, m.ProfileVersion.note)
            .where(m.ProfileVersion.profile_id == profile.id)
            .order_by(m.ProfileVersion.version)
        ).all()
    return [VersionInfo(v, created, note) for v, created, note in rows]


def delete_profile(key: str, engine: Engine, *, owner: int | None = None) -> None:
    profile = find_profile(key, engine, owner=owner)
    with engine.begin() as conn:
        conn.execute(delete(m.ProfileVersion).where(m.ProfileVersion.profile_id == profile.id))
        conn.execute(delete(m.Profile).where(m.Profile.id == profile.id))
