"""Tribe, mentors and study groups over a real catalog and the project's text model."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from sqlalchemy import Engine

from passionpath import accounts
from passionpath.community import (
    MAX_GROUP,
    MIN_GROUP,
    Choices,
    CommunityError,
    add_synthetic,
    assign_programme,
    balanced_sizes,
    block,
    community_space,
    first_meeting,
    form_groups,
    form_study_groups,
    join,
    join_group,
    leave,
    leave_group,
    list_groups,
    mentors_for,
    tribe,
)
from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.network import list_contacts

PASSWORD = "a long enough password"


@pytest.fixture
def ctx(starter_engine: Engine) -> Context:
    return Context.open(engine=starter_engine)


def _me(ctx: Context, **kw: object) -> int:
    base: dict[str, object] = {
        "display_name": "Maya",
        "features": ("tribe", "mentee", "study_groups"),
        "passions": ("sourdough baking", "food photography"),
        "target_careers": ("27-4021.00",),
        "visible": ("display_name", "passions", "target_careers"),
    }
    return join(Choices(**{**base, **kw}), ctx.engine).id  # type: ignore[arg-type]


def test_tribe_names_what_is_shared_in_both_peoples_words(ctx: Context) -> None:
    _me(ctx)
    _ben, cy, dee = add_synthetic(
        [
            Choices(
                display_name="Ben",
                features=("tribe",),
                passions=("baking bread at weekends", "astronomy club nights"),
                target_careers=("27-4021.00",),
                visible=("display_name", "passions", "target_careers"),
            ),
            Choices(display_name="Cy", features=("tribe",), passions=("writing python code",)),
            Choices(
                display_name="Dee",
                features=("mentor",),
                mentor_capacity=1,
                passions=("sourdough baking",),
            ),
        ],
        ctx.engine,
    )
    found = tribe(ctx)
    assert [f.member.display_name for f in found][:1] == ["Ben"]
    assert dee not in [f.member.id for f in found]  # not opted in to the tribe
    ben_match = found[0]
    assert (
        "You wrote \u201csourdough baking\u201d and Ben wrote \u201cbaking bread at weekends\u201d"
        in ben_match.reason
    )
    assert "you both aim for Photographers" in ben_match.reason
    assert all(f.member.id != cy or f.score < ben_match.score for f in found)


def test_hidden_passions_are_not_matched_on(ctx: Context) -> None:
    _me(ctx)
    add_synthetic(
        [
            Choices(
                display_name="Quiet",
                features=("tribe",),
                passions=("sourdough baking",),
                visible=("display_name",),
            )
        ],
        ctx.engine,
    )
    assert all("sourdough" not in f.reason for f in tribe(ctx))


def test_tribe_needs_the_tribe_opt_in(ctx: Context) -> None:
    _me(ctx, features=("mentee",))
    with pytest.raises(CommunityError):
        tribe(ctx)


def test_mentors_in_or_near_the_target_career_ranked_with_the_reason(ctx: Context) -> None:
    _me(ctx)
    exact, near, far, full = add_synthetic(
        [
            Choices(
                display_name="Pat",
                features=("mentor",),
                mentor_capacity=2,
                current_occupation="27-4021.00",
                availability="weekends",
                visible=("display_name", "current_occupation", "availability", "passions"),
                passions=("food photography",),
            ),
            Choices(
                display_name="Lee",
                features=("mentor",),
                mentor_capacity=1,
                current_occupation="27-1024.00",
                visible=("display_name", "current_occupation"),
            ),
            Choices(
                display_name="Sam",
                features=("mentor",),
                mentor_capacity=1,
                current_occupation="29-1141.00",
                visible=("display_name", "current_occupation"),
            ),
            # A photographer who hides what they do is not found by it.
            Choices(
                display_name="Hid",
                features=("mentor",),
                mentor_capacity=1,
                current_occupation="27-4021.00",
                visible=("display_name",),
            ),
        ],
        ctx.engine,
    )
    found = mentors_for(ctx)
    ids = [f.member.id for f in found]
    assert ids[0] == exact
    assert far not in ids and full not in ids
    top = found[0]
    assert top.reason.startswith("Works as Photographers, your target career")
    assert "you both wrote about \u201cfood photography\u201d" in top.reason
    assert "has room for 2 more mentees" in top.reason and "free weekends" in top.reason
    if near in ids:
        assert "close to your target Photographers" in found[ids.index(near)].reason


def test_programme_assignment_is_stable_and_within_capacity(ctx: Context) -> None:
    people = [
        Choices(
            display_name=f"Mentee {i}",
            features=("mentee",),
            target_careers=("51-3011.00",),
            visible=("display_name", "target_careers"),
        )
        for i in range(5)
    ] + [
        Choices(
            display_name=f"Baker {j}",
            features=("mentor",),
            mentor_capacity=2,
            current_occupation="51-3011.00",
            visible=("display_name", "current_occupation"),
        )
        for j in range(2)
    ]
    add_synthetic(people, ctx.engine)
    result, names = assign_programme(ctx)
    assert sum(len(v) for v in result.assignment.values()) == 4
    assert len(result.unassigned) == 1
    assert all(len(v) <= 2 for v in result.assignment.values())
    assert {names[k] for k in result.assignment} == {"Baker 0", "Baker 1"}


@pytest.mark.parametrize("n", range(0, 80))
def test_group_sizes_are_always_3_to_6(n: int) -> None:
    sizes = balanced_sizes(n)
    assert sum(sizes) == (n if n >= MIN_GROUP else 0)
    assert all(MIN_GROUP <= s <= MAX_GROUP for s in sizes)
    assert not sizes or max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("seed", range(10))
def test_formed_groups_are_3_to_6_one_per_topic_and_apart_from_blocks(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(10, 120))
    vectors = rng.normal(size=(n, 8)).astype(np.float32)
    buckets = {
        ("interest", f"t{t}"): rng.choice(n, size=int(rng.integers(0, n)), replace=False).tolist()
        for t in range(4)
    }
    blocked = [(int(a), int(b)) for a, b in rng.integers(0, n, size=(10, 2)) if a != b]
    plans, waiting = form_groups(buckets, vectors, blocked=blocked, seed=seed)
    for plan in plans:
        assert MIN_GROUP <= len(plan.members) <= MAX_GROUP
        assert not any({a, b} <= set(plan.members) for a, b in blocked)
    for key, rows in buckets.items():
        placed = [p for plan in plans if (plan.kind, plan.topic) == key for p in plan.members]
        assert len(placed) == len(set(placed))  # nobody twice in one topic
        assert set(placed) | set(waiting.get(key, [])) == set(rows)


def test_first_meeting_follows_what_members_said() -> None:
    monday = date(2026, 12, 7)
    day, cadence = first_meeting(["weekends", "Saturday mornings", "flexible"], monday)
    assert day == date(2026, 12, 19) and cadence == 14
    day, cadence = first_meeting(["one evening a week", "weekday evenings, weekly"], monday)
    assert day.weekday() == 1 and cadence == 7


def test_study_groups_form_store_and_feed_the_check_ins(ctx: Context) -> None:
    owner = accounts.register(ctx.engine, "maya@example.org", PASSWORD)
    join(
        Choices(
            display_name="Maya",
            features=("study_groups",),
            passions=("sourdough baking",),
            availability="weekends",
        ),
        ctx.engine,
        owner=owner,
    )
    bakers = add_synthetic(
        [
            Choices(
                display_name=f"Baker {i}",
                features=("study_groups",),
                passions=(p,),
                availability="weekends",
            )
            for i, p in enumerate(
                [
                    "baking bread at weekends",
                    "making pastry from scratch",
                    "decorating birthday cakes",
                    "sourdough baking",
                    "running a bake sale",
                    "baking cakes",
                    "bread making",
                ]
            )
        ]
        + [
            Choices(
                display_name="Coder", features=("study_groups",), passions=("writing python code",)
            )
        ],
        ctx.engine,
    )
    groups = form_study_groups(ctx, owner=owner)
    assert groups and all(3 <= len(g.members) <= 6 for g in groups)
    mine = [g for g in list_groups(ctx, owner=owner) if g.mine]
    assert [g.topic for g in mine] == ["baking"]
    assert mine[0].name == "Baking circle"
    [contact] = list_contacts(ctx.engine, owner=owner)
    assert contact.display_name == "Study group: Baking circle"
    assert contact.cadence == (mine[0].cadence_days, mine[0].cadence_days * 2)
    # Forming again places nobody twice on a topic.
    assert form_study_groups(ctx, owner=owner) == []
    leave_group(ctx, mine[0].id, owner=owner)
    with pytest.raises(NotFoundError):
        leave_group(ctx, mine[0].id, owner=owner)
    assert bakers


def test_joining_an_open_group_and_blocked_people_are_not_offered(ctx: Context) -> None:
    a, b = (accounts.register(ctx.engine, f"{n}@example.org", PASSWORD) for n in "ab")
    add_synthetic(
        [
            Choices(
                display_name=f"P{i}", features=("study_groups",), passions=("sourdough baking",)
            )
            for i in range(3)
        ],
        ctx.engine,
    )
    form_study_groups(ctx, everyone=True)
    for owner in (a, b):
        join(
            Choices(
                display_name=f"U{owner}", features=("study_groups",), passions=("baking bread",)
            ),
            ctx.engine,
            owner=owner,
        )
    [offer] = list_groups(ctx, owner=a)
    assert not offer.mine
    group = join_group(ctx, offer.id, owner=a)
    assert group.mine and len(group.members) == 4
    with pytest.raises(CommunityError):
        join_group(ctx, offer.id, owner=a)
    block(
        join(Choices(display_name="Ub", features=("study_groups",)), ctx.engine, owner=b).id,
        ctx.engine,
        owner=a,
    )
    assert list_groups(ctx, owner=b) == []  # the group holds someone who blocked b


def test_leaving_takes_the_person_out_of_the_index_at_once(ctx: Context) -> None:
    owner = accounts.register(ctx.engine, "x@example.org", PASSWORD)
    _me(ctx)
    other = join(
        Choices(display_name="X", features=("tribe",), passions=("sourdough baking",)),
        ctx.engine,
        owner=owner,
    ).id
    space = community_space(ctx)
    assert space.index is not None and other in space.index
    assert [f.member.id for f in tribe(ctx)] == [other]
    leave(ctx.engine, owner=owner)
    assert tribe(ctx) == []
    assert other not in community_space(ctx).index  # type: ignore[operator]
