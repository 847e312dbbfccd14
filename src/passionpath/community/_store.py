"""The community in the database: joining, leaving, requests, blocks and reports.

Storage at the edge: these functions read and write rows and hand ``Member`` records (already
masked to what each person shows) to the pure ranking code. ``owner`` is the account (a user
id, or None for the local command-line user); a person is in the community only while their
``community_member`` row exists, and every query that lists other people starts from
``visible_members``, which applies opt-in, blocks and masking in one place.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, and_, delete, func, insert, or_, select, update

from passionpath.community._members import (
    FEATURES,
    Choices,
    CommunityError,
    Member,
    check_choices,
    masked,
)
from passionpath.errors import NotFoundError
from passionpath.limits import MAX_REPORT_CHARS, MAX_REQUEST_NOTE_CHARS, MAX_REQUESTS_PER_DAY
from passionpath.store import models as m

#: Kinds of request: to connect, or to be someone's mentee.
REQUEST_KINDS = ("connect", "mentor")

#: Called with a member id whenever a member joins, changes or leaves (the vector indexes
#: listen, so a person who leaves is gone from every index in the same call).
_listeners: list[Callable[[str, int, Engine], None]] = []


def on_membership_change(listener: Callable[[str, int, Engine], None]) -> None:
    """Register ``listener(event, member_id, engine)``; event is 'join', 'change' or 'leave'."""
    if listener not in _listeners:
        _listeners.append(listener)


def _tell(event: str, member_id: int, engine: Engine) -> None:
    for listener in list(_listeners):
        listener(event, member_id, engine)


def _mine(owner: int | None) -> Any:
    """The WHERE clause for the owner's own member row (local user: no account, not synthetic)."""
    t = m.CommunityMember
    if owner is None:
        return and_(t.user_id.is_(None), t.synthetic.is_(False))
    return t.user_id == owner


def _member(row: Any) -> Member:
    features = frozenset(f for f in FEATURES if getattr(row, f))
    riasec = json.loads(row.riasec) if row.riasec else None
    return Member(
        id=row.id,
        display_name=row.display_name,
        features=features,
        passions=tuple(json.loads(row.passions)),
        target_careers=tuple(json.loads(row.target_careers)),
        current_occupation=row.current_occupation,
        work_history=tuple(json.loads(row.work_history)),
        city=row.city,
        remote=bool(row.remote),
        availability=row.availability,
        mentor_capacity=row.mentor_capacity,
        riasec=tuple(riasec) if riasec else None,
        gaps=tuple(json.loads(row.gaps)),
        visible=tuple(json.loads(row.visible)),
        synthetic=bool(row.synthetic),
        user_id=row.user_id,
        updated_at=row.updated_at,
    )


def _values(c: Choices) -> dict[str, Any]:
    return {
        "display_name": c.display_name,
        "passions": json.dumps(list(c.passions)),
        "target_careers": json.dumps(list(c.target_careers)),
        "current_occupation": c.current_occupation,
        "work_history": json.dumps(list(c.work_history)),
        "city": c.city,
        "remote": c.remote,
        "availability": c.availability,
        "riasec": None if c.riasec is None else json.dumps(list(c.riasec)),
        "gaps": json.dumps(list(c.gaps)),
        "visible": json.dumps(list(c.visible)),
        "mentor_capacity": c.mentor_capacity,
        **{f: f in c.features for f in FEATURES},
    }


def join(choices: Choices, engine: Engine, *, owner: int | None = None) -> Member:
    """Opt in (or change what one opted in to): the person's own, unmasked record."""
    clean = check_choices(choices)
    now = datetime.now(UTC)
    t = m.CommunityMember
    with engine.begin() as conn:
        existing = conn.execute(select(t.id).where(_mine(owner))).scalar()
        if existing is None:
            member_id = int(
                conn.execute(
                    insert(t).returning(t.id),
                    {
                        **_values(clean),
                        "user_id": owner,
                        "synthetic": False,
                        "joined_at": now,
                        "updated_at": now,
                    },
                ).scalar_one()
            )
            event = "join"
        else:
            member_id = int(existing)
            conn.execute(
                update(t).where(t.id == member_id).values(**_values(clean), updated_at=now)
            )
            event = "change"
    _tell(event, member_id, engine)
    return my_membership(engine, owner=owner) or _missing()


def add_synthetic(choices: Sequence[Choices], engine: Engine) -> list[int]:
    """Store synthetic demo people (marked as such everywhere they are shown)."""
    now = datetime.now(UTC)
    rows = [
        {
            **_values(check_choices(c)),
            "user_id": None,
            "synthetic": True,
            "joined_at": now,
            "updated_at": now,
        }
        for c in choices
    ]
    if not rows:
        return []
    t = m.CommunityMember
    with engine.begin() as conn:
        before = conn.execute(select(func.coalesce(func.max(t.id), 0))).scalar_one()
        conn.execute(insert(t), rows)
        ids = conn.execute(select(t.id).where(t.id > before).order_by(t.id)).scalars().all()
    for member_id in ids:
        _tell("join", int(member_id), engine)
    return [int(i) for i in ids]


def _missing() -> Member:
    raise NotFoundError("you are not in the community.", field="community", kind="not_joined")


def my_membership(engine: Engine, *, owner: int | None = None) -> Member | None:
    """The owner's own record, everything they gave (None when they are not in)."""
    with engine.connect() as conn:
        row = conn.execute(select(m.CommunityMember.__table__).where(_mine(owner))).first()
    return _member(row) if row is not None else None


def me(engine: Engine, *, owner: int | None = None) -> Member:
    """The owner's own record, or a NotFoundError saying they have not joined."""
    return my_membership(engine, owner=owner) or _missing()


def leave(engine: Engine, *, owner: int | None = None) -> bool:
    """Leave the community: the member row goes, and with it their requests and group places
    (by cascade), in one transaction; every index is told at once. False if not in."""
    t = m.CommunityMember
    with engine.begin() as conn:
        member_id = conn.execute(select(t.id).where(_mine(owner))).scalar()
        if member_id is None:
            return False
        # Explicit deletes as well as the cascades: SQLite only cascades with foreign keys on.
        g, gm = m.StudyGroup, m.StudyGroupMember
        conn.execute(delete(gm).where(gm.member_id == member_id))
        # A group the person started passes to its longest-standing member; an empty one goes.
        for group_id in conn.execute(select(g.id).where(g.created_by == member_id)).scalars():
            heir = conn.execute(
                select(gm.member_id)
                .where(gm.group_id == group_id)
                .order_by(gm.joined_at, gm.id)
                .limit(1)
            ).scalar()
            conn.execute(update(g).where(g.id == group_id).values(created_by=heir))
        conn.execute(delete(g).where(~select(gm.id).where(gm.group_id == g.id).exists()))
        conn.execute(
            delete(m.CommunityRequest).where(
                or_(
                    m.CommunityRequest.from_member_id == member_id,
                    m.CommunityRequest.to_member_id == member_id,
                )
            )
        )
        conn.execute(delete(t).where(t.id == member_id))
    _tell("leave", int(member_id), engine)
    return True


def _blocked_ids(conn: Connection, owner: int | None, my_id: int | None) -> set[int]:
    """Members hidden from the owner: those they blocked, and those who blocked them."""
    b = m.CommunityBlock
    t = m.CommunityMember
    mine = b.user_id.is_(None) if owner is None else b.user_id == owner
    hidden: set[int] = set()
    for member_id, user_id in conn.execute(
        select(b.blocked_member_id, b.blocked_user_id).where(mine)
    ):
        if member_id is not None:
            hidden.add(int(member_id))
        if user_id is not None:
            hidden.update(
                int(i) for i in conn.execute(select(t.id).where(t.user_id == user_id)).scalars()
            )
    # Blocks made by others against this person (by member, or by account).
    against = [b.blocked_member_id == my_id] if my_id is not None else []
    if owner is not None:
        against.append(b.blocked_user_id == owner)
    if against:
        blockers = conn.execute(select(b.user_id).where(or_(*against))).scalars().all()
        accounts = {u for u in blockers if u is not None}
        if accounts:
            hidden.update(
                int(i) for i in conn.execute(select(t.id).where(t.user_id.in_(accounts))).scalars()
            )
        if None in blockers:  # the local user blocked this person
            hidden.update(
                int(i)
                for i in conn.execute(
                    select(t.id).where(t.user_id.is_(None), t.synthetic.is_(False))
                ).scalars()
            )
    return hidden


def hidden_for(engine: Engine, *, owner: int | None = None) -> tuple[int | None, set[int]]:
    """(the owner's member id or None, the members hidden from them by blocks either way)."""
    with engine.connect() as conn:
        my_id = conn.execute(select(m.CommunityMember.id).where(_mine(owner))).scalar()
        return my_id, _blocked_ids(conn, owner, my_id)


def all_members(engine: Engine) -> list[Member]:
    """Everyone in the community, masked to what they show (for indexes and programmes)."""
    t = m.CommunityMember
    with engine.connect() as conn:
        return [masked(_member(r)) for r in conn.execute(select(t.__table__).order_by(t.id))]


def members_by_id(engine: Engine, ids: Sequence[int]) -> list[Member]:
    """These members, masked (those no longer in are left out)."""
    t = m.CommunityMember
    with engine.connect() as conn:
        rows = conn.execute(select(t.__table__).where(t.id.in_(list(ids)))).all()
    return [masked(_member(r)) for r in rows]


def mentor_load(engine: Engine) -> dict[int, int]:
    """Accepted mentoring requests per mentor."""
    r = m.CommunityRequest
    with engine.connect() as conn:
        rows = conn.execute(
            select(r.to_member_id, func.count())
            .where(r.kind == "mentor", r.status == "accepted")
            .group_by(r.to_member_id)
        ).all()
    return {int(a): int(b) for a, b in rows}


def block_pairs(engine: Engine) -> list[tuple[int, int]]:
    """(blocker member, blocked member) for every block between two current members."""
    b, t = m.CommunityBlock, m.CommunityMember
    out: list[tuple[int, int]] = []
    with engine.connect() as conn:
        members = conn.execute(select(t.id, t.user_id, t.synthetic)).all()
        by_user: dict[int | None, list[int]] = {}
        for row in members:
            if row.user_id is not None or not row.synthetic:
                by_user.setdefault(row.user_id, []).append(int(row.id))
        user_of = {int(r.id): r.user_id for r in members}
        for blocker, member_id, user_id in conn.execute(
            select(b.user_id, b.blocked_member_id, b.blocked_user_id)
        ):
            targets = {int(member_id)} if member_id is not None and member_id in user_of else set()
            if user_id is not None:
                targets.update(by_user.get(user_id, []))
            for mine in by_user.get(blocker, []):
                out.extend((mine, t_id) for t_id in targets if t_id != mine)
    return out


def visible_members(
    engine: Engine, *, owner: int | None = None, feature: str | None = None
) -> list[Member]:
    """Everyone the owner may see, masked to what they show: opted in (to ``feature`` when
    given), neither side has blocked the other, and never the owner themselves."""
    t = m.CommunityMember
    with engine.connect() as conn:
        my_id = conn.execute(select(t.id).where(_mine(owner))).scalar()
        hidden = _blocked_ids(conn, owner, my_id)
        query = select(t.__table__)
        if feature is not None:
            if feature not in FEATURES:
                raise CommunityError(
                    f"{feature!r} is not one of {', '.join(FEATURES)}.", field="feature"
                )
            query = query.where(getattr(t, feature).is_(True))
        if my_id is not None:
            query = query.where(t.id != my_id)
        rows = conn.execute(query.order_by(t.id)).all()
    return [masked(_member(r)) for r in rows if r.id not in hidden]


def visible_member(
    member_id: int, engine: Engine, *, owner: int | None = None, feature: str | None = None
) -> Member:
    """One member as the owner may see them, or NotFoundError (not in, hidden, or blocked)."""
    t = m.CommunityMember
    with engine.connect() as conn:
        my_id = conn.execute(select(t.id).where(_mine(owner))).scalar()
        row = conn.execute(select(t.__table__).where(t.id == member_id)).first()
        hidden = _blocked_ids(conn, owner, my_id) if row is not None else set()
    if (
        row is None
        or row.id == my_id
        or row.id in hidden
        or (feature is not None and not getattr(row, feature))
    ):
        raise NotFoundError(f"no member {member_id} in the community.", field="member")
    return masked(_member(row))


@dataclass(frozen=True)
class RequestView:
    id: int
    kind: str
    status: str
    incoming: bool
    other: Member
    note: str | None
    created_at: datetime

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "status": self.status,
            "direction": "incoming" if self.incoming else "outgoing",
            "other": self.other.shown(),
            "note": self.note,
            "created_at": self.created_at.isoformat(),
        }


def send_request(
    to_member_id: int,
    engine: Engine,
    *,
    owner: int | None = None,
    kind: str = "connect",
    note: str | None = None,
    now: datetime | None = None,
) -> int:
    """Ask someone to connect (or to mentor you). Both must be in; the other must be visible to
    you (for ``mentor``, opted in as a mentor); at most ``MAX_REQUESTS_PER_DAY`` a day."""
    if kind not in REQUEST_KINDS:
        raise CommunityError(f"{kind!r} is not one of {', '.join(REQUEST_KINDS)}.", field="kind")
    note = " ".join((note or "").split()) or None
    if note and len(note) > MAX_REQUEST_NOTE_CHARS:
        raise CommunityError(f"is longer than {MAX_REQUEST_NOTE_CHARS} characters.", field="note")
    mine = me(engine, owner=owner)
    visible_member(
        to_member_id, engine, owner=owner, feature="mentor" if kind == "mentor" else None
    )
    now = now or datetime.now(UTC)
    r = m.CommunityRequest
    with engine.begin() as conn:
        sent = conn.execute(
            select(func.count()).where(
                r.from_member_id == mine.id, r.created_at > now - timedelta(days=1)
            )
        ).scalar_one()
        if sent >= MAX_REQUESTS_PER_DAY:
            raise CommunityError(
                f"you have sent {MAX_REQUESTS_PER_DAY} requests in the last 24 hours.",
                field="member",
                hint="Try again tomorrow.",
                kind="rate_limited",
            )
        pending = conn.execute(
            select(r.id).where(
                r.status == "pending",
                or_(
                    and_(r.from_member_id == mine.id, r.to_member_id == to_member_id),
                    and_(r.from_member_id == to_member_id, r.to_member_id == mine.id),
                ),
            )
        ).scalar()
        if pending is not None:
            raise CommunityError(
                "a request between you is already waiting for an answer.", field="member"
            )
        return int(
            conn.execute(
                insert(r).returning(r.id),
                {
                    "from_member_id": mine.id,
                    "to_member_id": to_member_id,
                    "kind": kind,
                    "note": note,
                    "status": "pending",
                    "created_at": now,
                },
            ).scalar_one()
        )


def list_requests(engine: Engine, *, owner: int | None = None) -> list[RequestView]:
    """The owner's requests, both ways, newest first; people since hidden are left out."""
    mine = my_membership(engine, owner=owner)
    if mine is None:
        return []
    r = m.CommunityRequest
    t = m.CommunityMember
    with engine.connect() as conn:
        rows = conn.execute(
            select(r.__table__)
            .where(or_(r.from_member_id == mine.id, r.to_member_id == mine.id))
            .order_by(r.created_at.desc(), r.id.desc())
        ).all()
        hidden = _blocked_ids(conn, owner, mine.id)
        others = {
            row.id: masked(_member(row))
            for row in conn.execute(
                select(t.__table__).where(
                    t.id.in_({x.to_member_id for x in rows} | {x.from_member_id for x in rows})
                )
            )
        }
    out = []
    for row in rows:
        incoming = row.to_member_id == mine.id
        other_id = row.from_member_id if incoming else row.to_member_id
        if other_id in hidden or other_id not in others:
            continue
        out.append(
            RequestView(
                row.id, row.kind, row.status, incoming, others[other_id], row.note, row.created_at
            )
        )
    return out


def _contact_fields(person: Member, how: str) -> Any:
    from passionpath.network import ContactFields

    return ContactFields(
        display_name=person.display_name,
        location=person.location,
        occupation_codes=(person.current_occupation,) if person.current_occupation else (),
        passions="; ".join(person.passions) or None,
        tags=("community",),
        how_met=how,
    )


def answer_request(
    request_id: int, accept: bool, engine: Engine, *, owner: int | None = None
) -> RequestView:
    """Accept or decline a request made to the owner. Accepting puts each person in the
    other's contact book (with only what they show; synthetic people have no book)."""
    from passionpath.network import add_contact

    mine = me(engine, owner=owner)
    r = m.CommunityRequest
    with engine.begin() as conn:
        row = conn.execute(
            select(r.__table__).where(
                r.id == request_id, r.to_member_id == mine.id, r.status == "pending"
            )
        ).first()
        if row is None:
            raise NotFoundError(f"no request {request_id} waiting for you.", field="request")
        if row.from_member_id in _blocked_ids(conn, owner, mine.id):
            raise NotFoundError(f"no request {request_id} waiting for you.", field="request")
        conn.execute(
            update(r)
            .where(r.id == request_id)
            .values(status="accepted" if accept else "declined", decided_at=datetime.now(UTC))
        )
        sender_row = conn.execute(
            select(m.CommunityMember.__table__).where(m.CommunityMember.id == row.from_member_id)
        ).one()
    sender = _member(sender_row)
    if accept:
        how = "passionpath community" + (" (mentoring)" if row.kind == "mentor" else "")
        add_contact(_contact_fields(masked(sender), how), engine, owner=owner)
        if not sender.synthetic:
            add_contact(_contact_fields(masked(mine), how), engine, owner=sender.user_id)
    return RequestView(
        row.id,
        row.kind,
        "accepted" if accept else "declined",
        True,
        masked(sender),
        row.note,
        row.created_at,
    )


def block(member_id: int, engine: Engine, *, owner: int | None = None) -> None:
    """Never see this member again (nor they you); waiting requests between you are dropped.
    The block is the owner's and outlives either side leaving and coming back."""
    t = m.CommunityMember
    with engine.begin() as conn:
        row = conn.execute(select(t.id, t.user_id).where(t.id == member_id)).first()
        my_id = conn.execute(select(t.id).where(_mine(owner))).scalar()
        if row is None or row.id == my_id:
            raise NotFoundError(f"no member {member_id} in the community.", field="member")
        b = m.CommunityBlock
        mine = b.user_id.is_(None) if owner is None else b.user_id == owner
        exists = conn.execute(select(b.id).where(mine, b.blocked_member_id == member_id)).scalar()
        if exists is None:
            conn.execute(
                insert(b),
                {
                    "user_id": owner,
                    "blocked_member_id": member_id,
                    "blocked_user_id": row.user_id,
                    "created_at": datetime.now(UTC),
                },
            )
        if my_id is not None:
            r = m.CommunityRequest
            conn.execute(
                delete(r).where(
                    r.status == "pending",
                    or_(
                        and_(r.from_member_id == my_id, r.to_member_id == member_id),
                        and_(r.from_member_id == member_id, r.to_member_id == my_id),
                    ),
                )
            )


def report(member_id: int, reason: str, engine: Engine, *, owner: int | None = None) -> int:
    """Report a member you can see, saying why; whoever runs the community reads reports."""
    text = " ".join((reason or "").split())
    if not text:
        raise CommunityError("say what happened.", field="reason")
    if len(text) > MAX_REPORT_CHARS:
        raise CommunityError(f"is longer than {MAX_REPORT_CHARS:,} characters.", field="reason")
    other = visible_member(member_id, engine, owner=owner)
    t = m.CommunityMember
    with engine.begin() as conn:
        user_id = conn.execute(select(t.user_id).where(t.id == other.id)).scalar()
        return int(
            conn.execute(
                insert(m.CommunityReport).returning(m.CommunityReport.id),
                {
                    "user_id": owner,
                    "reported_member_id": other.id,
                    "reported_user_id": user_id,
                    "reason": text,
                    "created_at": datetime.now(UTC),
                },
            ).scalar_one()
        )


def forget_account(engine: Engine, user_id: int) -> None:
    """Clear a deleted account's number from other people's blocks and reports."""
    b, rep = m.CommunityBlock, m.CommunityReport
    with engine.begin() as conn:
        conn.execute(update(b).where(b.blocked_user_id == user_id).values(blocked_user_id=None))
        conn.execute(
            update(rep).where(rep.reported_user_id == user_id).values(reported_user_id=None)
        )


def export_member(engine: Engine, owner: int) -> dict[str, Any]:
    """Everything the community holds of one account, for the account export."""
    mine = my_membership(engine, owner=owner)
    b, rep = m.CommunityBlock, m.CommunityReport
    with engine.connect() as conn:
        blocks = [
            {"member": x.blocked_member_id, "created_at": x.created_at.isoformat()}
            for x in conn.execute(select(b.__table__).where(b.user_id == owner))
        ]
        reports = [
            {
                "member": x.reported_member_id,
                "reason": x.reason,
                "created_at": x.created_at.isoformat(),
            }
            for x in conn.execute(select(rep.__table__).where(rep.user_id == owner))
        ]
    own = None
    if mine is not None:
        own = {**mine.shown(), "choices": _values_public(mine)}
    return {
        "member": own,
        "requests": [x.as_dict() for x in list_requests(engine, owner=owner)],
        "blocks": blocks,
        "reports": reports,
    }


def _values_public(mine: Member) -> dict[str, Any]:
    return {
        "display_name": mine.display_name,
        "features": sorted(mine.features),
        "visible": list(mine.visible),
        "passions": list(mine.passions),
        "target_careers": list(mine.target_careers),
        "current_occupation": mine.current_occupation,
        "work_history": list(mine.work_history),
        "city": mine.city,
        "remote": mine.remote,
        "availability": mine.availability,
        "mentor_capacity": mine.mentor_capacity,
        "riasec": list(mine.riasec) if mine.riasec else None,
        "gaps": list(mine.gaps),
    }
