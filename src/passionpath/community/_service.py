"""The community's rankings over the database: tribe, mentors, programme assignment and
study groups. The edge between storage (``_store``) and the pure functions: it embeds the
passion phrases with the project's text model (as matching does, vectors cached in the
database), keeps one nearest-people index per database up to date as people join, change and
leave, and explains every suggestion in both people's own words.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt
from sqlalchemy import Engine, delete, func, insert, select

from passionpath.community._groups import first_meeting, form_groups, group_name
from passionpath.community._index import PeopleIndex
from passionpath.community._members import CommunityError, Member
from passionpath.community._mentors import (
    CareerLink,
    career_link,
    mentor_score,
    preferences_from_scores,
)
from passionpath.community._phrasebank import TOPICS
from passionpath.community._similarity import (
    TRIBE_WEIGHTS,
    SharedPhrase,
    combine,
    phrase_overlap,
    riasec_closeness,
    target_overlap,
    unit_rows,
)
from passionpath.community._stable import Assignment, assignment_by_id, deferred_acceptance
from passionpath.community._store import (
    all_members,
    block_pairs,
    hidden_for,
    me,
    members_by_id,
    mentor_load,
    on_membership_change,
)
from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.store import models as m

F32 = npt.NDArray[np.float32]

#: Candidates taken from the index for each suggestion returned, then scored in full.
CANDIDATES_PER_RESULT = 5
#: A passion phrase belongs to a phrase-bank topic at this cosine or above (study groups).
TOPIC_COSINE = 0.45


def embed(texts: Sequence[str], ctx: Context) -> F32:
    """Unit vectors for phrases with the project's text model (cached in the database)."""
    from passionpath.text import embed_cached, get_embedder

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    vectors, _ = embed_cached(
        list(texts), ctx.engine, embedder=get_embedder(ctx.settings.text_model)
    )
    return unit_rows(vectors)


@dataclass
class _Space:
    """Everyone in one database's community: masked records, phrase vectors, the index."""

    members: dict[int, Member] = field(default_factory=dict)
    phrases: dict[int, F32] = field(default_factory=dict)
    index: PeopleIndex | None = None
    pending: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def put(self, people: Sequence[Member], ctx: Context) -> None:
        texts = sorted({p for person in people for p in person.passions})
        vectors = embed(texts, ctx)
        at = {t: i for i, t in enumerate(texts)}
        ids, rows = [], []
        for person in people:
            self.members[person.id] = person
            mine = vectors[[at[p] for p in person.passions]] if person.passions else None
            if mine is None or len(mine) == 0:
                self.phrases.pop(person.id, None)
                if self.index is not None:
                    self.index.remove([person.id])
                continue
            self.phrases[person.id] = mine
            ids.append(person.id)
            rows.append(unit_rows(mine.mean(axis=0))[0])
        if rows:
            if self.index is None:
                self.index = PeopleIndex(len(rows[0]))
                self.index.build(np.asarray(ids), np.stack(rows))
            else:
                self.index.update(np.asarray(ids), np.stack(rows))

    def held(self) -> tuple[Any, ...]:
        """The signature of what is loaded (compared with the database's)."""
        if not self.members:
            return (0, None, None)
        stamps = [p.updated_at for p in self.members.values() if p.updated_at is not None]
        return (len(self.members), max(self.members), _utc(max(stamps)) if stamps else None)

    def drop(self, member_id: int) -> None:
        self.members.pop(member_id, None)
        self.phrases.pop(member_id, None)
        if self.index is not None:
            self.index.remove([member_id])


_spaces: dict[str, _Space] = {}
_spaces_lock = threading.Lock()


def _listener(event: str, member_id: int, engine: Engine) -> None:
    space = _spaces.get(engine.url.render_as_string(hide_password=False))
    if space is None:
        return
    with space.lock:
        if event == "leave":
            space.drop(member_id)
            space.pending.discard(member_id)
        else:
            space.pending.add(member_id)


on_membership_change(_listener)


def community_space(ctx: Context) -> _Space:
    """This database's community, loaded once and then kept up to date incrementally."""
    key = ctx.engine.url.render_as_string(hide_password=False)
    with _spaces_lock:
        space = _spaces.get(key)
        fresh = space is None
        if space is None:
            space = _spaces[key] = _Space()
    with space.lock:
        if not fresh and space.pending:
            ids = sorted(space.pending)
            space.pending.clear()
            found = members_by_id(ctx.engine, ids)
            for gone in set(ids) - {p.id for p in found}:
                space.drop(gone)
            space.put(found, ctx)
        now = _signature(ctx.engine)
        if fresh or now != space.held():
            # First use, or changed by another process (the CLI beside a server): reload.
            space.members.clear()
            space.phrases.clear()
            space.index = None
            space.put(all_members(ctx.engine), ctx)
            space.pending.clear()
    return space


def _utc(stamp: datetime) -> datetime:
    # SQLite gives back naive datetimes; PostgreSQL aware ones.
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def _signature(engine: Engine) -> tuple[Any, ...]:
    """What changes whenever anyone joins, changes or leaves."""
    t = m.CommunityMember
    with engine.connect() as conn:
        count, top, stamp = conn.execute(
            select(func.count(), func.max(t.id), func.max(t.updated_at))
        ).one()
    return (int(count), top, _utc(stamp) if stamp is not None else None)


def forget_spaces() -> None:
    """Drop every loaded community (tests whose databases come and go at one address)."""
    with _spaces_lock:
        _spaces.clear()


# --- Tribe -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TribeMatch:
    member: Member
    score: float
    shared: tuple[SharedPhrase, ...]
    common_targets: tuple[str, ...]
    interests: float | None
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "member": self.member.shown(),
            "score": round(self.score, 3),
            "shared": [
                {"yours": s.mine, "theirs": s.theirs, "closeness": round(s.cosine, 3)}
                for s in self.shared
            ],
            "common_targets": list(self.common_targets),
            "interests": None if self.interests is None else round(self.interests, 3),
            "reason": self.reason,
        }


def _quote(text: str) -> str:
    return f"\u201c{text}\u201d"


def shared_words(shared: Sequence[SharedPhrase], name: str) -> str:
    """'you both wrote about “baking”' or 'you wrote “x” and Ben wrote “y”', joined."""
    same = [s.mine for s in shared if s.mine.lower() == s.theirs.lower()]
    parts = []
    if same:
        parts.append("you both wrote about " + " and ".join(_quote(t) for t in same))
    for s in shared:
        if s.mine.lower() != s.theirs.lower():
            parts.append(f"you wrote {_quote(s.mine)} and {name} wrote {_quote(s.theirs)}")
    return "; ".join(parts)


def _titles(ctx: Context) -> Callable[[str], str]:
    try:
        from passionpath.match import load_matrices

        matrices = load_matrices(ctx)
        titles = dict(zip((str(c) for c in matrices.codes), matrices.titles, strict=True))
    except Exception:  # an empty catalog still lets people meet; codes then stand alone
        titles = {}
    return lambda code: titles.get(code, code)


def tribe_score(
    mine: Member,
    my_phrases: F32 | None,
    other: Member,
    their_phrases: F32 | None,
    title_of: Callable[[str], str] = str,
) -> TribeMatch:
    """How alike two members are, with what they share named (pure but for the titles)."""
    closeness, shared = phrase_overlap(
        my_phrases if my_phrases is not None else np.zeros((0, 1), np.float32),
        their_phrases if their_phrases is not None else np.zeros((0, 1), np.float32),
        mine.passions,
        other.passions,
    )
    interests = riasec_closeness(mine.riasec, other.riasec)
    targets, common = target_overlap(mine.target_careers, other.target_careers)
    score = combine(
        (closeness if mine.passions and other.passions else None, interests, targets),
        TRIBE_WEIGHTS,
    )
    reasons = []
    if shared:
        reasons.append(shared_words(shared[:3], other.display_name))
    if common:
        reasons.append("you both aim for " + ", ".join(title_of(c) for c in common))
    if interests is not None and interests >= 0.75:
        reasons.append("your interests are alike")
    reason = "; ".join(reasons) or "close in what you wrote, without a phrase in common"
    return TribeMatch(
        other, score, tuple(shared), tuple(common), interests, reason[:1].upper() + reason[1:]
    )


def tribe(ctx: Context, *, owner: int | None = None, top: int = 10) -> list[TribeMatch]:
    """The people who share the owner's passions, best first, each with what is shared."""
    if not 1 <= top <= 100:
        raise CommunityError("must be between 1 and 100.", field="top")
    mine = me(ctx.engine, owner=owner)
    if "tribe" not in mine.features:
        raise CommunityError(
            "you have not opted in to the tribe.",
            field="features",
            kind="not_in_tribe",
            hint="Join with the tribe feature to see and be seen.",
        )
    space = community_space(ctx)
    _, hidden = hidden_for(ctx.engine, owner=owner)
    my_phrases = embed(mine.passions, ctx) if mine.passions else None
    candidates: list[int]
    if my_phrases is not None and space.index is not None and len(space.index):
        query = unit_rows(my_phrases.mean(axis=0))
        want = top * CANDIDATES_PER_RESULT + len(hidden) + 1
        found = space.index.search(query, min(want, len(space.index))).ids[0]
        candidates = [int(i) for i in found if i >= 0]
    else:
        candidates = []
    # People who show no passions can still share targets or interests: score them too.
    candidates += [i for i, p in space.members.items() if not p.passions]
    title_of = _titles(ctx)
    out = []
    for member_id in dict.fromkeys(candidates):
        other = space.members.get(member_id)
        if other is None or member_id == mine.id or member_id in hidden:
            continue
        if "tribe" not in other.features:
            continue
        match = tribe_score(mine, my_phrases, other, space.phrases.get(member_id), title_of)
        if match.score > 0:
            out.append(match)
    out.sort(key=lambda x: (-x.score, x.member.id))
    return out[:top]


# --- Mentors -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MentorMatch:
    member: Member
    score: float
    link: CareerLink
    interests: float
    shared: tuple[SharedPhrase, ...]
    room: int
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "member": self.member.shown(),
            "score": round(self.score, 3),
            "target": self.link.target,
            "occupation": self.link.occupation,
            "closeness": round(self.link.closeness, 3),
            "current": self.link.current,
            "interests": round(self.interests, 3),
            "room": self.room,
            "reason": self.reason,
        }


#: The closest occupation to a target counts this much (an exact match counts 1).
NEAREST_CLOSENESS = 0.9


def near_scores(ranked: Sequence[tuple[str, float]]) -> dict[str, float]:
    """``similar``'s scores (unbounded, by transfer ease) as closeness in 0-1: the nearest
    occupation at ``NEAREST_CLOSENESS``, the others in proportion."""
    top = max((s for _, s in ranked), default=0.0)
    if top <= 0:
        return {}
    return {code: NEAREST_CLOSENESS * max(0.0, s) / top for code, s in ranked}


def _similar_lookup(ctx: Context) -> Callable[[str], Mapping[str, float]]:
    from passionpath.match import similar

    memo: dict[str, dict[str, float]] = {}

    def near(code: str) -> Mapping[str, float]:
        if code not in memo:
            try:
                memo[code] = near_scores(
                    [(r.code, float(r.score)) for r in similar(code, ctx, top=10)]
                )
            except Exception:  # an unknown code or an empty catalog: exact matches only
                memo[code] = {}
        return memo[code]

    return near


def _mentor_reason(
    link: CareerLink,
    title_of: Callable[[str], str],
    shared: Sequence[SharedPhrase],
    name: str,
    room: int,
    availability: str | None,
) -> str:
    job = title_of(link.occupation)
    verb = "works as" if link.current else "worked as"
    if link.occupation == link.target:
        parts = [f"{verb} {job}, your target career"]
    else:
        parts = [
            f"{verb} {job}, close to your target {title_of(link.target)}"
            f" (closeness {link.closeness:.2f})"
        ]
    if shared:
        parts.append(shared_words(shared[:2], name))
    if room > 0:
        parts.append(f"has room for {room} more mentee{'s' if room != 1 else ''}")
    else:
        parts.append("has no room at the moment")
    if availability:
        parts.append(f"free {availability}")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def mentors_for(ctx: Context, *, owner: int | None = None, top: int = 10) -> list[MentorMatch]:
    """Mentors whose career is the owner's target or close to it, ranked, with the reason."""
    if not 1 <= top <= 100:
        raise CommunityError("must be between 1 and 100.", field="top")
    mine = me(ctx.engine, owner=owner)
    if "mentee" not in mine.features:
        raise CommunityError(
            "you have not opted in as a mentee.",
            field="features",
            kind="not_mentee",
            hint="Join with the mentee feature to be matched with mentors.",
        )
    if not mine.target_careers:
        raise CommunityError(
            "name at least one target career to find a mentor in it.", field="target_careers"
        )
    space = community_space(ctx)
    _, hidden = hidden_for(ctx.engine, owner=owner)
    near = _similar_lookup(ctx)
    title_of = _titles(ctx)
    load = mentor_load(ctx.engine)
    my_phrases = embed(mine.passions, ctx) if mine.passions else np.zeros((0, 1), np.float32)
    out = []
    for other in space.members.values():
        if "mentor" not in other.features or other.id == mine.id or other.id in hidden:
            continue
        link = career_link(mine.target_careers, other.current_occupation, other.work_history, near)
        if link is None:
            continue
        theirs = space.phrases.get(other.id, np.zeros((0, 1), np.float32))
        interests, shared = phrase_overlap(my_phrases, theirs, mine.passions, other.passions)
        room = max(0, other.mentor_capacity - load.get(other.id, 0))
        score = mentor_score(link.closeness, interests, room)
        reason = _mentor_reason(
            link, title_of, shared, other.display_name, room, other.availability
        )
        out.append(MentorMatch(other, score, link, interests, tuple(shared), room, reason))
    out.sort(key=lambda x: (-x.score, x.member.id))
    return out[:top]


def assign_programme(ctx: Context, *, per_mentee: int = 20) -> tuple[Assignment, dict[str, str]]:
    """A stable assignment of every opted-in mentee to opted-in mentors, with preference lists
    computed from the mentor scores; also each id's display name."""
    space = community_space(ctx)
    near = _similar_lookup(ctx)
    mentees = [p for p in space.members.values() if "mentee" in p.features and p.target_careers]
    mentors = [p for p in space.members.values() if "mentor" in p.features]
    load = mentor_load(ctx.engine)
    pairs_me, pairs_mr, scores = [], [], []
    for i, mentee in enumerate(mentees):
        mine = space.phrases.get(mentee.id, np.zeros((0, 1), np.float32))
        found = []
        for j, mentor in enumerate(mentors):
            if mentor.id == mentee.id:
                continue
            link = career_link(
                mentee.target_careers, mentor.current_occupation, mentor.work_history, near
            )
            if link is None:
                continue
            theirs = space.phrases.get(mentor.id, np.zeros((0, 1), np.float32))
            interests, _ = phrase_overlap(mine, theirs, mentee.passions, mentor.passions)
            found.append((mentor_score(link.closeness, interests, 1), j))
        for score, j in sorted(found, reverse=True)[:per_mentee]:
            pairs_me.append(i)
            pairs_mr.append(j)
            scores.append(score)
    capacity = np.asarray(
        [max(0, p.mentor_capacity - load.get(p.id, 0)) for p in mentors], dtype=np.int64
    )
    prefs = preferences_from_scores(
        np.asarray(pairs_me, dtype=np.int64),
        np.asarray(pairs_mr, dtype=np.int64),
        np.asarray(scores, dtype=np.float32),
        len(mentees),
        capacity,
    )
    result = assignment_by_id(
        prefs,
        deferred_acceptance(prefs),
        [str(p.id) for p in mentees],
        [str(p.id) for p in mentors],
    )
    names = {str(p.id): p.display_name for p in [*mentees, *mentors]}
    return result, names


# --- Study groups ------------------------------------------------------------------------


_topic_vectors: dict[str, tuple[list[str], F32]] = {}


def _topics(ctx: Context) -> tuple[list[str], F32]:
    key = ctx.settings.text_model
    if key not in _topic_vectors:
        names = sorted(TOPICS)
        rows = [unit_rows(embed([n, *TOPICS[n]], ctx).mean(axis=0))[0] for n in names]
        _topic_vectors[key] = (names, np.stack(rows))
    return _topic_vectors[key]


def member_topics(member: Member, phrases: F32 | None, ctx: Context) -> list[tuple[str, str]]:
    """(kind, topic) buckets a member belongs to: phrase-bank topics their passions are about,
    and the skills their plans work on."""
    out: list[tuple[str, str]] = []
    if phrases is not None and len(phrases):
        names, vectors = _topics(ctx)
        cos = phrases @ vectors.T
        best = cos.argmax(axis=1)
        for row, topic in enumerate(best.tolist()):
            if cos[row, topic] >= TOPIC_COSINE:
                out.append(("interest", names[topic]))
    out += [("gap", g.lower()) for g in member.gaps]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class GroupView:
    id: int
    topic: str
    kind: str
    name: str
    first_meeting: date
    cadence_days: int
    members: tuple[Member, ...]
    mine: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "kind": self.kind,
            "name": self.name,
            "first_meeting": self.first_meeting.isoformat(),
            "cadence_days": self.cadence_days,
            "members": [p.shown() for p in self.members],
            "size": len(self.members),
            "yours": self.mine,
        }


def _group_contact(engine: Engine, owner: int | None, name: str, cadence: int, start: date) -> None:
    """The group in the member's contact book, so its meetings come up in the check-ins."""
    from passionpath.network import ContactFields, add_contact

    add_contact(
        ContactFields(
            display_name=f"Study group: {name}"[:200],
            tags=("study group", "community"),
            how_met="passionpath community study group",
            notes=f"First meeting {start.isoformat()}, then every {cadence} days.",
            ideal_days=cadence,
            max_days=cadence * 2,
        ),
        engine,
        owner=owner,
    )


def form_study_groups(
    ctx: Context, *, owner: int | None = None, everyone: bool = False, today: date | None = None
) -> list[GroupView]:
    """Form groups of 3-6 among study-group members not yet in a group on a topic: for the
    owner's topics (or, with ``everyone``, for every topic). The groups formed are stored;
    each member's book gets the group with its cadence."""
    engine = ctx.engine
    space = community_space(ctx)
    mine = None if everyone else me(engine, owner=owner)
    if mine is not None and "study_groups" not in mine.features:
        raise CommunityError(
            "you have not opted in to study groups.", field="features", kind="not_in_groups"
        )
    people = [p for p in space.members.values() if "study_groups" in p.features]
    taken = _taken(engine)
    rows = {p.id: k for k, p in enumerate(people)}
    buckets: dict[tuple[str, str], list[int]] = {}
    for person in people:
        for bucket in member_topics(person, space.phrases.get(person.id), ctx):
            if (person.id, bucket[1]) not in taken:
                buckets.setdefault(bucket, []).append(rows[person.id])
    if mine is not None:
        wanted = set(member_topics(mine, space.phrases.get(mine.id), ctx))
        buckets = {b: r for b, r in buckets.items() if b in wanted and rows.get(mine.id) in r}
    dim = next((v.shape[1] for v in space.phrases.values()), 1)
    vectors = np.zeros((len(people), dim), dtype=np.float32)
    for person in people:
        if person.id in space.phrases:
            vectors[rows[person.id]] = unit_rows(space.phrases[person.id].mean(axis=0))[0]
    index_of = {rows[a]: a for a in rows}
    blocked = [(rows[a], rows[b]) for a, b in block_pairs(engine) if a in rows and b in rows]
    plans, _ = form_groups(buckets, vectors, blocked=blocked)
    now = datetime.now(UTC)
    created = []
    user_of = _users(engine)
    with engine.begin() as conn:
        for plan in plans:
            ids = [index_of[r] for r in plan.members]
            start, cadence = first_meeting([space.members[i].availability for i in ids], today)
            name = group_name(plan.topic, plan.kind)
            group_id = conn.execute(
                insert(m.StudyGroup).returning(m.StudyGroup.id),
                {
                    "created_by": mine.id if mine else None,
                    "topic": plan.topic,
                    "kind": plan.kind,
                    "name": name,
                    "first_meeting": start,
                    "cadence_days": cadence,
                    "created_at": now,
                },
            ).scalar_one()
            conn.execute(
                insert(m.StudyGroupMember),
                [
                    {"group_id": group_id, "member_id": i, "topic": plan.topic, "joined_at": now}
                    for i in ids
                ],
            )
            created.append((int(group_id), name, cadence, start, ids))
    for _, name, cadence, start, ids in created:
        for i in ids:
            if i in user_of:
                _group_contact(engine, user_of[i], name, cadence, start)
    return [
        g for g in list_groups(ctx, owner=owner, _all=everyone) if g.id in {c[0] for c in created}
    ]


def _taken(engine: Engine) -> set[tuple[int, str]]:
    gm = m.StudyGroupMember
    with engine.connect() as conn:
        return {(int(a), str(b)) for a, b in conn.execute(select(gm.member_id, gm.topic))}


def _users(engine: Engine) -> dict[int, int | None]:
    """Member id -> account (None: the local user) for members who have a contact book."""
    t = m.CommunityMember
    with engine.connect() as conn:
        return {
            int(r.id): r.user_id
            for r in conn.execute(select(t.id, t.user_id, t.synthetic))
            if not r.synthetic
        }


def list_groups(ctx: Context, *, owner: int | None = None, _all: bool = False) -> list[GroupView]:
    """The owner's groups, then open groups (fewer than 6) on topics they have no group in,
    showing only members visible to them."""
    engine = ctx.engine
    my_id, hidden = hidden_for(engine, owner=owner)
    if my_id is None and not _all:
        raise NotFoundError("you are not in the community.", field="community", kind="not_joined")
    space = community_space(ctx)
    g, gm = m.StudyGroup, m.StudyGroupMember
    with engine.connect() as conn:
        groups = conn.execute(select(g.__table__).order_by(g.id)).all()
        places = conn.execute(select(gm.group_id, gm.member_id)).all()
    members: dict[int, list[int]] = {}
    for group_id, member_id in places:
        members.setdefault(int(group_id), []).append(int(member_id))
    mine_topics = {
        row.topic for row in groups if my_id is not None and my_id in members.get(row.id, [])
    }
    me_member = space.members.get(my_id) if my_id is not None else None
    can_join = me_member is not None and "study_groups" in me_member.features
    out = []
    for row in groups:
        ids = members.get(row.id, [])
        yours = my_id is not None and my_id in ids
        open_to_me = can_join and row.topic not in mine_topics and len(ids) < 6
        if not (yours or open_to_me or _all):
            continue
        if not yours and any(i in hidden for i in ids):
            continue  # a group holding someone blocked either way is not offered
        shown = tuple(space.members[i] for i in ids if i in space.members and i not in hidden)
        out.append(
            GroupView(
                row.id,
                row.topic,
                row.kind,
                row.name,
                row.first_meeting,
                row.cadence_days,
                shown,
                yours,
            )
        )
    out.sort(key=lambda x: (not x.mine, x.id))
    return out


def join_group(ctx: Context, group_id: int, *, owner: int | None = None) -> GroupView:
    """Join an open group (fewer than 6, a topic you have no group in, nobody blocked)."""
    mine = me(ctx.engine, owner=owner)
    offered = {x.id: x for x in list_groups(ctx, owner=owner)}
    group = offered.get(group_id)
    if group is None or group.mine:
        if group is not None:
            raise CommunityError("you are already in this group.", field="group")
        raise NotFoundError(f"no open group {group_id} for you.", field="group")
    gm = m.StudyGroupMember
    with ctx.engine.begin() as conn:
        size = conn.execute(select(func.count()).where(gm.group_id == group_id)).scalar_one()
        if size >= 6:
            raise CommunityError("this group is full (6 people).", field="group")
        conn.execute(
            insert(gm),
            {
                "group_id": group_id,
                "member_id": mine.id,
                "topic": group.topic,
                "joined_at": datetime.now(UTC),
            },
        )
    _group_contact(ctx.engine, owner, group.name, group.cadence_days, group.first_meeting)
    return next(x for x in list_groups(ctx, owner=owner) if x.id == group_id)


def leave_group(ctx: Context, group_id: int, *, owner: int | None = None) -> None:
    """Leave one of your groups (an empty group goes)."""
    mine = me(ctx.engine, owner=owner)
    gm, g = m.StudyGroupMember, m.StudyGroup
    with ctx.engine.begin() as conn:
        gone = conn.execute(
            delete(gm).where(gm.group_id == group_id, gm.member_id == mine.id)
        ).rowcount
        if not gone:
            raise NotFoundError(f"you are not in group {group_id}.", field="group")
        if not conn.execute(select(gm.id).where(gm.group_id == group_id)).first():
            conn.execute(delete(g).where(g.id == group_id))
