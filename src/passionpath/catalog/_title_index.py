"""Title search over the loaded release: the index is built once per release and kept in
the context's memory and in its cache directory."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from sqlalchemy import Engine, select

from passionpath.catalog._release import EmptyCatalogError, current_release
from passionpath.catalog._search import SearchHit, TitleIndex
from passionpath.errors import PassionpathError
from passionpath.limits import MAX_QUERY_CHARS
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


def _checked_query(query: str, field: str) -> str:
    if len(query) > MAX_QUERY_CHARS:
        raise PassionpathError(
            f"{len(query)} characters is too long; the limit is {MAX_QUERY_CHARS}.",
            field=field,
            hint="Type a job title, or part of one.",
        )
    return query.strip()


def _with_details(hits: list[SearchHit], engine: Engine) -> list[SearchHit]:
    """The hits with each occupation's job zone and interest code filled in."""
    with engine.connect() as conn:
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


def search_occupations(
    query: str, ctx: Context, limit: int = 10, *, complete: bool = False
) -> list[SearchHit]:
    """Occupations whose title or an alternate title matches ``query``, best first. With
    ``complete`` (type-ahead), the last word may be only the start of one."""
    if limit < 1:
        raise PassionpathError("must be at least 1.", field="limit")
    _checked_query(query, "query")
    return _with_details(title_index(ctx).search(query, limit, complete=complete), ctx.engine)


#: An O*NET-SOC code, with or without its two-digit detail (15-1252 is 15-1252.00).
_CODE = re.compile(r"^\d{2}-\d{4}(\.\d{2})?$")


@dataclass(frozen=True)
class OccupationChoice:
    """What a typed title or code names: one occupation (``code`` and ``title``), or else
    the ``choices`` to pick from, best first (none when nothing comes close)."""

    query: str
    code: str | None = None
    title: str | None = None
    choices: list[SearchHit] = field(default_factory=list)


def resolve_occupation(
    text: str, ctx: Context, *, field: str = "occupation", limit: int = 8
) -> OccupationChoice:
    """The occupation a person means by ``text``: a code, a title or an alternate title.

    Only an unmistakable answer is taken on its own: a code in the catalog, a title that
    belongs to one occupation word for word, or a search with a single hit. Anything else
    (an alternate title several occupations share, a partial title, a typo, a last word
    not typed to its end) comes back as choices, because picking for the person would
    plan their path to the wrong job.
    ``field`` names the input in errors.
    """
    query = _checked_query(text, field)
    if not query:
        raise PassionpathError(
            "is empty.", field=field, hint="Type a job title, for example 'baker'."
        )
    index = title_index(ctx)
    if _CODE.match(query):
        code = query if "." in query else f"{query}.00"
        if code in index.codes:
            return OccupationChoice(query, code, index.titles[index.codes.index(code)])
        return OccupationChoice(query)
    exact = index.exact_codes(query)
    if len(exact) == 1:
        return OccupationChoice(query, exact[0], index.titles[index.codes.index(exact[0])])
    hits = index.search(query, max(limit, len(exact)), complete=True)
    if exact:  # a title several occupations share: those occupations, as ranked
        hits = [h for h in hits if h.code in exact] or hits
    if len(hits) == 1:
        return OccupationChoice(query, hits[0].code, hits[0].title)
    return OccupationChoice(query, choices=_with_details(hits[:limit], ctx.engine))
