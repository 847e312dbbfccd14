"""Tailored CVs in the database: each with its target, the profile version it came from,
and the applications it was sent with."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Row, delete, insert, select, update

from passionpath.cv._tailor import Choice, TailoredCV
from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import MAX_POSTING_CHARS, MAX_SUMMARY_CHARS
from passionpath.profile import ProfileRecord
from passionpath.store import models as m
from passionpath.store import owned_by

THEMES = ("classic", "modern")


@dataclass(frozen=True)
class StoredCV:
    id: int
    profile_slug: str
    profile_version: int
    target_code: str
    target_title: str
    theme: str
    document: dict[str, Any]
    choices: list[Choice]
    summary_edited: bool
    created_at: datetime
    updated_at: datetime
    posting: str | None = None
    #: Ids of the applications this CV was sent with (plain numbers until the applications
    #: table exists).
    applications: list[int] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "profile": self.profile_slug,
            "profile_version": self.profile_version,
            "target": {"code": self.target_code, "title": self.target_title},
            "theme": self.theme,
            "summary_edited": self.summary_edited,
            "applications": self.applications,
            "has_posting": self.posting is not None,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "document": self.document,
            "choices": [c.as_dict() for c in self.choices],
        }


def check_theme(theme: str, field_name: str = "theme") -> str:
    if theme not in THEMES:
        raise PassionpathError(
            f"{field_name}: {theme!r} is not a theme; use one of {', '.join(THEMES)}.",
            field=field_name,
        )
    return theme


def check_posting(text: str | None, field_name: str = "posting") -> str | None:
    if text is None:
        return None
    if len(text) > MAX_POSTING_CHARS:
        raise PassionpathError(
            f"{field_name}: {len(text)} characters is too long; the limit is {MAX_POSTING_CHARS}.",
            field=field_name,
        )
    return text


def save_cv(
    tailored: TailoredCV,
    profile: ProfileRecord,
    profile_version: int,
    engine: Engine,
    *,
    theme: str = "classic",
    posting: str | None = None,
    owner: int | None = None,
) -> StoredCV:
    check_theme(theme)
    check_posting(posting)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        cv_id = conn.execute(
            insert(m.CurriculumVitae).returning(m.CurriculumVitae.id),
            {
                "user_id": owner,
                "profile_id": profile.id,
                "profile_version": profile_version,
                "target_code": tailored.target_code,
                "target_title": tailored.target_title[:200],
                "posting": posting,
                "theme": theme,
                "document": json.dumps(tailored.document, ensure_ascii=False),
                "explanation": json.dumps([c.as_dict() for c in tailored.choices]),
                "summary_edited": False,
                "created_at": now,
                "updated_at": now,
            },
        ).scalar_one()
    return get_cv(int(cv_id), engine, owner=owner)


def _stored(row: Row[Any], slug: str, applications: list[int]) -> StoredCV:
    return StoredCV(
        id=row.id,
        profile_slug=slug,
        profile_version=row.profile_version,
        target_code=row.target_code,
        target_title=row.target_title,
        theme=row.theme,
        document=json.loads(row.document),
        choices=[Choice(**c) for c in json.loads(row.explanation)],
        summary_edited=bool(row.summary_edited),
        created_at=row.created_at,
        updated_at=row.updated_at,
        posting=row.posting,
        applications=applications,
    )


def _query() -> Any:
    cv = m.CurriculumVitae.__table__
    return select(*cv.c, m.Profile.slug.label("slug")).join(
        m.Profile.__table__, m.Profile.id == cv.c.profile_id
    )


def _applications(engine: Engine, ids: list[int]) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {i: [] for i in ids}
    if not ids:
        return found
    with engine.connect() as conn:
        rows = conn.execute(
            select(m.CvApplication.cv_id, m.CvApplication.application_id)
            .where(m.CvApplication.cv_id.in_(ids))
            .order_by(m.CvApplication.sent_at, m.CvApplication.id)
        ).all()
    for cv_id, application in rows:
        found[cv_id].append(application)
    return found


def get_cv(cv_id: int, engine: Engine, *, owner: int | None = None) -> StoredCV:
    """A stored CV of ``owner``'s; someone else's is as missing as one never made."""
    with engine.connect() as conn:
        row = conn.execute(
            _query().where(m.CurriculumVitae.id == cv_id, owned_by(m.CurriculumVitae, owner))
        ).first()
    if row is None:
        raise NotFoundError(f"No CV {cv_id}.", field="cv", hint="Your list of CVs shows them.")
    return _stored(row, row.slug, _applications(engine, [row.id])[row.id])


def list_cvs(
    engine: Engine, *, owner: int | None = None, profile: str | None = None
) -> list[StoredCV]:
    query = _query().where(owned_by(m.CurriculumVitae, owner))
    if profile is not None:
        query = query.where(m.Profile.slug == profile)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(m.CurriculumVitae.id)).all()
    applications = _applications(engine, [r.id for r in rows])
    return [_stored(r, r.slug, applications[r.id]) for r in rows]


def edit_cv(
    cv_id: int,
    engine: Engine,
    *,
    summary: str | None = None,
    theme: str | None = None,
    owner: int | None = None,
) -> StoredCV:
    """Change a CV's summary (the person's own words from then on) or theme."""
    current = get_cv(cv_id, engine, owner=owner)
    values: dict[str, Any] = {"updated_at": datetime.now(UTC)}
    if theme is not None:
        values["theme"] = check_theme(theme)
    if summary is not None:
        if len(summary) > MAX_SUMMARY_CHARS:
            raise PassionpathError(
                f"summary: {len(summary)} characters is too long; the limit is "
                f"{MAX_SUMMARY_CHARS}.",
                field="summary",
            )
        document = dict(current.document)
        basics = dict(document.get("basics") or {})
        basics["summary"] = summary.strip()
        document["basics"] = basics
        values["document"] = json.dumps(document, ensure_ascii=False)
        values["summary_edited"] = True
    with engine.begin() as conn:
        conn.execute(
            update(m.CurriculumVitae).where(m.CurriculumVitae.id == current.id).values(**values)
        )
    return get_cv(cv_id, engine, owner=owner)


def record_sent(
    cv_id: int, application_id: int, engine: Engine, *, owner: int | None = None
) -> StoredCV:
    """Note that the CV was sent with the owner's application ``application_id`` (once per
    pair)."""
    current = get_cv(cv_id, engine, owner=owner)
    with engine.connect() as conn:
        found = conn.execute(
            select(m.Application.id).where(
                m.Application.id == application_id, owned_by(m.Application, owner)
            )
        ).first()
    if found is None:
        raise NotFoundError(
            f"No application {application_id}.",
            field="application",
            hint="The list of your applications shows their ids.",
            kind="unknown_application",
        )
    if application_id not in current.applications:
        with engine.begin() as conn:
            conn.execute(
                insert(m.CvApplication),
                {
                    "cv_id": current.id,
                    "user_id": owner,
                    "application_id": application_id,
                    "sent_at": datetime.now(UTC),
                },
            )
    return get_cv(cv_id, engine, owner=owner)


def delete_cv(cv_id: int, engine: Engine, *, owner: int | None = None) -> None:
    current = get_cv(cv_id, engine, owner=owner)
    with engine.begin() as conn:
        conn.execute(delete(m.CvApplication).where(m.CvApplication.cv_id == current.id))
        conn.execute(delete(m.CurriculumVitae).where(m.CurriculumVitae.id == current.id))
