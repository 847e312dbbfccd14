"""Title search over the loaded release: the index is built once per release and kept in
the context's memory and in its cache directory."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from passionpath.catalog._release import EmptyCatalogError, current_release
from passionpath.catalog._search import SearchHit, TitleIndex
from passionpath.errors import PassionpathError
from passionpath.store import models as m

if TYPE_CHECKING:
    from passionpath.context import Context


def _build_index(engine: Engine) -> TitleIndex:
    with engine.connect() as conn:
        occupations = conn.execute(
            select(m.Occupation.code, m.Occupation.title).order_by(m.Occupation.code)
        ).all()
        alternates = conn.execute(
            select(m.AlternateTitle.occupation_code, m.AlternateTitle.title)
        ).all()
        shorts = conn.execute(
            select(m.AlternateTitle.occupation_code, m.AlternateTitle.short_title).where(
                m.AlternateTitle.short_title.is_not(None)
            )
        ).all()
    return TitleIndex.build(
        [(c, t) for c, t in occupations],
        [(c, t) for c, t in [*alternates, *shorts] if t is not None],
    )


def title_index(ctx: Context) -> TitleIndex:
    """The search index for the loaded release (keyed by the release's content hash)."""
    release = current_release(ctx.engine)
    if release is None:
        raise EmptyCatalogError()
    key = release.content_sha256[:24]
    return ctx.shared.get_or_make(
        "title-index",
        key,
        lambda: ctx.disk.load_or_build(
            "title-index",
            key,
            lambda: _build_index(ctx.engine),
            lambda found: isinstance(found, TitleIndex),
        ),
        limit=2,
    )


def search_occupations(query: str, ctx: Context, limit: int = 10) -> list[SearchHit]:
    """Occupations whose title or an alternate title matches ``query``, best first."""
    if limit < 1:
        raise PassionpathError("must be at least 1.", field="limit")
    hits = title_index(ctx).search(query, limit)
    with ctx.engine.connect() as conn:
        details = {
            code: (zone, riasec)
            for code, zone, riasec in conn.execute(
                select(m.Occupation.code, m.Occupation.job_zone, m.Occupation.riasec_code).where(
                    m.Occupation.code.in_([h.code for h in hits])
                )
            )
        }
    return [
        replace(
            hit,
            job_zone=details.get(hit.code, (None, None))[0],
            riasec_code=details.get(hit.code, (None, None))[1],
        )
        for hit in hits
    ]
