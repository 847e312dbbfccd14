"""The book tied to careers: who in the network works in an occupation or near it, and
whether an informational interview has been held with one of them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, select

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.network._store import fill_occupations
from passionpath.store import models as m
from passionpath.store import owned_by

if TYPE_CHECKING:
    from passionpath.context import Context

#: How many of an occupation's nearest occupations (``similar``) count as close.
CLOSE_NEIGHBOURS = 10
#: Most people listed by ``contacts_for`` unless asked for more.
DEFAULT_TOP = 20


@dataclass(frozen=True)
class NetworkMatch:
    """A contact who works in the occupation asked about (``closeness`` 0) or in its
    ``closeness``-th nearest occupation, named by ``code`` and ``title``."""

    contact_id: int
    name: str
    organisation: str | None
    job_title: str | None
    code: str
    title: str
    closeness: int
    last_contacted: date | None
    days_since: int | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NetworkSearch:
    code: str
    title: str
    #: The close occupations searched besides the one asked about, nearest first.
    neighbours: list[tuple[str, str]]
    people: list[NetworkMatch]

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _occupation(code: str, ctx: Context) -> tuple[str, str, list[tuple[str, str]]]:
    """(code, title, close neighbours) of the occupation ``code`` names."""
    from passionpath.catalog import title_index
    from passionpath.match import similar

    text = code.strip()
    index = title_index(ctx)
    wanted = text if "." in text else f"{text}.00"
    if wanted not in index.codes:
        raise NotFoundError(
            f"No occupation with code {text!r}.",
            field="code",
            hint="Search the occupations by title to find codes.",
            kind="unknown_occupation",
        )
    title = index.titles[index.codes.index(wanted)]
    try:
        near = [(r.code, r.title) for r in similar(wanted, ctx, top=CLOSE_NEIGHBOURS)]
    except NotFoundError:
        near = []  # an occupation without ratings has no neighbours to measure
    return wanted, title, near


def contacts_for(
    code: str,
    ctx: Context,
    *,
    owner: int | None = None,
    top: int = DEFAULT_TOP,
    today: date | None = None,
) -> NetworkSearch:
    """People in the owner's book who work in occupation ``code`` or in one of its
    ``CLOSE_NEIGHBOURS`` nearest occupations (as ``similar`` ranks them): those in the
    occupation itself first, then by how near their occupation is; among equals the
    warmest relationship first (the most recent interaction; never in touch comes last).
    Job titles not read yet are read first."""
    if top < 1:
        raise PassionpathError("must be at least 1.", field="top")
    wanted, title, near = _occupation(code, ctx)
    fill_occupations(ctx, owner=owner)
    rank = {wanted: (0, title)}
    for i, (c, t) in enumerate(near, start=1):
        rank.setdefault(c, (i, t))
    with ctx.engine.connect() as conn:
        rows = conn.execute(
            select(
                m.Contact.id,
                m.Contact.display_name,
                m.Contact.organisation,
                m.Contact.job_title,
                m.Contact.occupation_codes,
                m.Contact.last_contacted_on,
            ).where(owned_by(m.Contact, owner), m.Contact.occupation_codes != "[]")
        ).all()
    day = today or date.today()
    people = []
    for r in rows:
        theirs = [c for c in json.loads(r.occupation_codes) if c in rank]
        if not theirs:
            continue
        best = min(theirs, key=lambda c: rank[c][0])
        last = r.last_contacted_on
        people.append(
            NetworkMatch(
                contact_id=r.id,
                name=r.display_name,
                organisation=r.organisation,
                job_title=r.job_title,
                code=best,
                title=rank[best][1],
                closeness=rank[best][0],
                last_contacted=last,
                days_since=max((day - last).days, 0) if last is not None else None,
            )
        )
    people.sort(
        key=lambda p: (
            p.closeness,
            p.last_contacted is None,
            -(p.last_contacted.toordinal() if p.last_contacted else 0),
            p.name,
        )
    )
    return NetworkSearch(wanted, title, near, people[:top])


def interview_held(
    engine: Engine,
    *,
    owner: int | None,
    since: date,
    contact_ids: Iterable[int] = (),
    code: str | None = None,
) -> tuple[date, int] | None:
    """The first informational interview logged on or after ``since`` with one of
    ``contact_ids`` or with anyone whose occupations include ``code``: (day, contact id)."""
    ids = set(contact_ids)
    with engine.connect() as conn:
        if code is not None:
            ids |= {
                r.id
                for r in conn.execute(
                    select(m.Contact.id, m.Contact.occupation_codes).where(
                        owned_by(m.Contact, owner),
                        m.Contact.occupation_codes.contains(f'"{code}"'),
                    )
                )
                if code in json.loads(r.occupation_codes)
            }
        if not ids:
            return None
        row = conn.execute(
            select(m.Interaction.occurred_on, m.InteractionContact.contact_id)
            .join(m.InteractionContact, m.InteractionContact.interaction_id == m.Interaction.id)
            .where(
                owned_by(m.Interaction, owner),
                m.Interaction.kind == "informational_interview",
                m.Interaction.occurred_on >= since,
                m.InteractionContact.contact_id.in_(sorted(ids)),
            )
            .order_by(m.Interaction.occurred_on, m.Interaction.id)
            .limit(1)
        ).first()
    return (row.occurred_on, row.contact_id) if row is not None else None
