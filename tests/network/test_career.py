"""The book tied to careers: occupations read from job titles, `contacts_for`, and a plan's
informational interview naming and ticked by contacts, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.errors import NotFoundError
from passionpath.network import (
    ContactFields,
    add_contact,
    contacts_for,
    delete_interaction,
    fill_occupations,
    get_contact,
    job_words,
    log_interaction,
    occupations_for_title,
    update_contact,
)
from passionpath.plan import find_plan, new_plan, plan_calendar
from passionpath.profile import create_profile, parse_document

UX = "15-1255.00"  # Web and Digital Interface Designers


def today() -> date:
    """Read at each use: a run that crosses midnight must not compare two different days."""
    return date.today()


def test_job_words_drop_rank_employer_and_team() -> None:
    assert job_words("Senior UX Designer at Figma") == "UX Designer"
    assert job_words("Head Coach, Women's Soccer") == "Head Coach"
    assert job_words("Sr. Financial Analyst") == "Financial Analyst"
    assert job_words("Software Engineer II | Payments") == "Software Engineer"


def test_a_clear_title_names_its_occupation_and_a_vague_one_none(
    starter_engine: Engine, ctx: Context
) -> None:
    assert occupations_for_title("Senior UX Designer at Figma", ctx) == (UX,)
    assert occupations_for_title("Founder & CEO", ctx) == ("11-1011.00",)
    # Several occupations share these words: no guess.
    assert occupations_for_title("Teacher", ctx) == ()
    assert occupations_for_title("Volunteer", ctx) == ()
    assert occupations_for_title("", ctx) == ()


def test_occupations_come_from_the_title_until_the_person_sets_them(
    starter_engine: Engine, ctx: Context
) -> None:
    lena = add_contact(
        ContactFields(display_name="Lena", job_title="Product Designer"), ctx.engine, ctx=ctx
    )
    stored = get_contact(lena, ctx.engine)
    assert stored.occupation_codes == (UX,) and stored.occupations_inferred
    # A new title brings its occupations ...
    moved = update_contact(lena, {"job_title": "Graphic Designer"}, ctx.engine, ctx=ctx)
    assert moved.occupation_codes == ("27-1024.00",) and moved.occupations_inferred
    # ... until the person chooses them; then a title change keeps their choice.
    chosen = update_contact(lena, {"occupation_codes": ("27-1011.00",)}, ctx.engine, ctx=ctx)
    assert chosen.occupation_codes == ("27-1011.00",) and not chosen.occupations_inferred
    kept = update_contact(lena, {"job_title": "Web Developer"}, ctx.engine, ctx=ctx)
    assert kept.occupation_codes == ("27-1011.00",)


def test_titles_stored_without_a_context_are_read_later(
    starter_engine: Engine, ctx: Context
) -> None:
    ids = [
        add_contact(ContactFields(display_name=n, job_title=t), ctx.engine)
        for n, t in (("A", "UX Designer"), ("B", "UX Designer"), ("C", "Consultant"))
    ]
    assert [get_contact(i, ctx.engine).occupation_codes for i in ids] == [(), (), ()]
    assert fill_occupations(ctx) == 3
    assert [get_contact(i, ctx.engine).occupation_codes for i in ids] == [(UX,), (UX,), ()]
    assert fill_occupations(ctx) == 0  # read once, "Consultant" included


def _book(ctx: Context, owner: int | None = None) -> dict[str, int]:
    people = {
        "Lena": ("Design Lead", (UX,)),
        "Sam": ("UX Designer", ()),
        "Omar": ("Senior Graphic Designer", ()),
        "Ruth": ("Web Developer", ()),
        "Tom": ("Pastry Chef", ()),
    }
    ids = {
        name: add_contact(
            ContactFields(display_name=name, job_title=title, occupation_codes=codes),
            ctx.engine,
            owner=owner,
            ctx=ctx,
        )
        for name, (title, codes) in people.items()
    }
    log_interaction([ids["Sam"]], "call", ctx.engine, owner=owner, on=today() - timedelta(days=5))
    log_interaction([ids["Lena"]], "meeting", ctx.engine, owner=owner, on=today() - timedelta(60))
    log_interaction([ids["Omar"]], "message", ctx.engine, owner=owner, on=today() - timedelta(2))
    return ids


def test_contacts_for_lists_the_occupation_then_its_neighbours_warmest_first(
    starter_engine: Engine, ctx: Context
) -> None:
    ids = _book(ctx)
    found = contacts_for(UX, ctx)
    assert (found.code, found.title) == (UX, "Web and Digital Interface Designers")
    # UX designers first, the one spoken to 5 days ago before the one 60 days ago; then the
    # neighbours in `similar`'s order (web developers 1st, graphic designers 2nd), whatever
    # their warmth; the pastry chef is no neighbour.
    assert [(p.name, p.closeness) for p in found.people] == [
        ("Sam", 0),
        ("Lena", 0),
        ("Ruth", 1),
        ("Omar", 2),
    ]
    sam = found.people[0]
    assert (sam.contact_id, sam.days_since, sam.code) == (ids["Sam"], 5, UX)
    assert found.people[2].last_contacted is None and found.people[2].days_since is None
    assert [c for c, _ in found.neighbours][:2] == ["15-1254.00", "27-1024.00"]
    assert [p.name for p in contacts_for(UX, ctx, top=1).people] == ["Sam"]
    with pytest.raises(NotFoundError):
        contacts_for("99-9999.00", ctx)


def test_contacts_for_sees_only_the_owner_book(starter_engine: Engine, ctx: Context) -> None:
    from passionpath import accounts

    other = accounts.register(ctx.engine, "other@example.org", "a long enough password")
    _book(ctx, owner=other)
    assert contacts_for(UX, ctx).people == []
    assert len(contacts_for(UX, ctx, owner=other).people) == 4


PRIYA = {
    "basics": {"name": "Priya Raman"},
    "education": [{"institution": "X", "studyType": "Bachelor of Arts", "area": "Psychology"}],
}


def test_a_plan_names_contacts_and_logging_the_interview_ticks_it(
    starter_engine: Engine, ctx: Context
) -> None:
    ids = _book(ctx)
    create_profile(parse_document(PRIYA), slug="priya", engine=ctx.engine)
    plan = new_plan("priya", UX, ctx, start=today())
    (interview,) = [a for a in plan.actions if a.kind == "interview"]
    # People who do the work, warmest first; neighbours only when nobody does.
    assert interview.contact_ids == [ids["Sam"], ids["Lena"]]
    assert "(from your contacts: Sam or Lena)" in interview.title
    assert interview.done_on is None
    # A call is no interview, and an interview with the pastry chef is not this one.
    log_interaction([ids["Sam"]], "call", ctx.engine)
    log_interaction([ids["Tom"]], "informational interview", ctx.engine)
    assert find_plan(plan.id, None, ctx.engine).actions[0].done_on is None
    held = log_interaction([ids["Lena"]], "informational interview", ctx.engine, on=today())
    ticked = next(a for a in find_plan(plan.id, None, ctx.engine).actions if a.kind == "interview")
    assert (ticked.done_on, ticked.done_with) == (today(), ids["Lena"])
    assert b"STATUS:COMPLETED" in plan_calendar(find_plan(plan.id, None, ctx.engine))
    delete_interaction(held, ctx.engine)
    again = next(a for a in find_plan(plan.id, None, ctx.engine).actions if a.kind == "interview")
    assert again.done_on is None


def test_an_interview_with_anyone_in_the_target_occupation_ticks_a_plan_made_before(
    starter_engine: Engine, ctx: Context
) -> None:
    create_profile(parse_document(PRIYA), slug="priya", engine=ctx.engine)
    plan = new_plan("priya", UX, ctx, start=today())
    (interview,) = [a for a in plan.actions if a.kind == "interview"]
    assert interview.contact_ids == [] and "from your contacts" not in interview.title
    met = add_contact(
        ContactFields(display_name="Ana", job_title="UX Designer"), ctx.engine, ctx=ctx
    )
    log_interaction([met], "informational_interview", ctx.engine, on=today())
    ticked = next(a for a in find_plan(plan.id, None, ctx.engine).actions if a.kind == "interview")
    assert ticked.done_with == met
