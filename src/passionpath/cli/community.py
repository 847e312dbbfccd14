"""``passionpath community``, ``mentors`` and ``groups``: meeting people who opted in."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.markup import escape

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, emit_json, fail, user_errors

if TYPE_CHECKING:
    from passionpath.community import Member

app = typer.Typer(
    help="Community: opt in to find your tribe, a mentor and a study group.",
    no_args_is_help=True,
)
mentors_app = typer.Typer(
    help="Mentors in your target career, and programme assignment.", no_args_is_help=True
)
groups_app = typer.Typer(
    help="Study groups of 3-6 around a shared interest or gap.", no_args_is_help=True
)


def register(root: typer.Typer) -> None:
    """Add the three command groups to the ``passionpath`` command."""
    root.add_typer(app, name="community")
    root.add_typer(mentors_app, name="mentors")
    root.add_typer(groups_app, name="groups")


def _who(person: Member) -> str:
    return escape(f"{person.display_name} (#{person.id})")


def _describe(person: Member) -> list[str]:
    lines = []
    if person.passions:
        lines.append("Passions: " + escape("; ".join(person.passions)))
    if person.target_careers:
        lines.append("Aims for: " + ", ".join(person.target_careers))
    if person.current_occupation:
        lines.append("Works as: " + person.current_occupation)
    if person.location:
        lines.append("Where: " + escape(person.location))
    if person.availability:
        lines.append("Free: " + escape(person.availability))
    return lines


@app.command()
@user_errors
def join(
    name: str = typer.Option(..., "--name", help="The name others see (not your email)."),
    features: list[str] = typer.Option(
        ..., "--feature", help="tribe, mentor, mentee or study_groups; repeatable."
    ),
    visible: list[str] = typer.Option(
        None,
        "--show",
        help="What others see: display_name, passions, target_careers, current_occupation, "
        "location, availability; repeatable (default: display_name and passions).",
    ),
    passions: list[str] = typer.Option(None, "--passion", help="A passion phrase; repeatable."),
    from_profile: str = typer.Option(
        None, "--from-profile", help="Take passions, interests and work history from a profile."
    ),
    target_careers: list[str] = typer.Option(
        None, "--target", help="Target career, an O*NET-SOC code; repeatable."
    ),
    current_occupation: str = typer.Option(
        None, "--occupation", help="Your current occupation code."
    ),
    work_history: list[str] = typer.Option(
        None, "--worked", help="An occupation code you held; repeatable."
    ),
    city: str = typer.Option(None, "--city", help="Your city."),
    remote: bool = typer.Option(False, "--remote", help="Happy to meet remotely."),
    availability: str = typer.Option(None, "--availability", help="When you are free, in words."),
    mentor_capacity: int = typer.Option(0, "--capacity", help="Mentees you take (mentors)."),
    gaps: list[str] = typer.Option(None, "--gap", help="A skill your plan works on; repeatable."),
    as_json: bool = JSON,
) -> None:
    """Opt in (or change your choices). Nothing about you is shown until you join, and only
    what you choose with --show; your email and contact details never are."""
    from passionpath.community import DEFAULT_VISIBLE, Choices, choices_from_profile
    from passionpath.community import join as join_community

    ctx = open_context()
    choices = Choices(
        display_name=name,
        features=tuple(features),
        visible=tuple(visible) if visible else DEFAULT_VISIBLE,
        passions=tuple(passions or ()),
        target_careers=tuple(target_careers or ()),
        current_occupation=current_occupation,
        work_history=tuple(work_history or ()),
        city=city,
        remote=remote,
        availability=availability,
        mentor_capacity=mentor_capacity,
        gaps=tuple(gaps or ()),
    )
    if from_profile:
        choices = choices_from_profile(from_profile, ctx, choices)
    mine = join_community(choices, ctx.engine)
    if as_json:
        emit_json(mine.shown())
        return
    console.print(f"You are in the community as {_who(mine)}: {', '.join(sorted(mine.features))}.")
    console.print("Others see: " + ", ".join(mine.visible) + ".")


@app.command()
@user_errors
def leave() -> None:
    """Leave the community: you disappear from every list, index and group at once."""
    from passionpath.community import leave as leave_community

    if leave_community(open_context().engine):
        console.print("You have left the community.")
    else:
        console.print("You were not in the community.")


@app.command()
@user_errors
def show(
    member: int = typer.Argument(
        None, metavar="[MEMBER]", help="A member's number (default: you)."
    ),
    as_json: bool = JSON,
) -> None:
    """What a member shows (or, without MEMBER, your own choices)."""
    from passionpath.community import me, visible_member

    engine = open_context().engine
    person = me(engine) if member is None else visible_member(member, engine)
    if as_json:
        emit_json(person.shown())
        return
    console.print(f"[bold]{_who(person)}[/bold]" + (" synthetic" if person.synthetic else ""))
    console.print("In: " + ", ".join(sorted(person.features)))
    for line in _describe(person):
        console.print(line)


@app.command("tribe")
@user_errors
def tribe_command(
    top: int = typer.Option(10, "--top", help="How many people (1-100)."),
    as_json: bool = JSON,
) -> None:
    """People who share your passions, each with what you share in both your words."""
    from passionpath.community import tribe

    found = tribe(open_context(), top=top)
    if as_json:
        emit_json([f.as_dict() for f in found])
        return
    if not found:
        console.print("Nobody in the tribe shares your passions yet.")
        return
    for k, f in enumerate(found, 1):
        console.print(f"{k}. [bold]{_who(f.member)}[/bold]  {f.score:.2f}")
        console.print(f"   {escape(f.reason)}")


@app.command()
@user_errors
def connect(
    member: int = typer.Argument(..., metavar="MEMBER", help="Their number (see `tribe`)."),
    note: str = typer.Option(None, "--note", help="A short note with the request."),
    mentor: bool = typer.Option(False, "--mentor", help="Ask them to be your mentor."),
) -> None:
    """Ask someone to connect; when they accept you are in each other's contact book."""
    from passionpath.community import send_request

    request = send_request(
        member, open_context().engine, kind="mentor" if mentor else "connect", note=note
    )
    console.print(f"Request {request} sent; they see it under `passionpath community requests`.")


@app.command()
@user_errors
def requests(as_json: bool = JSON) -> None:
    """Your requests, both ways, newest first."""
    from passionpath.community import list_requests

    found = list_requests(open_context().engine)
    if as_json:
        emit_json([r.as_dict() for r in found])
        return
    if not found:
        console.print("No requests.")
        return
    for r in found:
        way = "from" if r.incoming else "to"
        note = f" \u2014 {escape(r.note)}" if r.note else ""
        console.print(f"#{r.id} {r.kind} {way} {_who(r.other)}: {r.status}{note}")


def _answer(request: int, accept: bool) -> None:
    from passionpath.community import answer_request

    view = answer_request(request, accept, open_context().engine)
    if accept:
        console.print(f"You and {_who(view.other)} are now in each other's contacts.")
    else:
        console.print(f"Declined the request from {_who(view.other)}.")


@app.command()
@user_errors
def accept(request: int = typer.Argument(..., metavar="REQUEST", help="Request number.")) -> None:
    """Accept a request made to you: you appear in each other's contact book."""
    _answer(request, True)


@app.command()
@user_errors
def decline(request: int = typer.Argument(..., metavar="REQUEST", help="Request number.")) -> None:
    """Decline a request made to you."""
    _answer(request, False)


@app.command("block")
@user_errors
def block_command(
    member: int = typer.Argument(..., metavar="MEMBER", help="Their number."),
) -> None:
    """Never see this member again, nor they you."""
    from passionpath.community import block

    block(member, open_context().engine)
    console.print(f"Member {member} is blocked: neither of you will see the other again.")


@app.command("report")
@user_errors
def report_command(
    member: int = typer.Argument(..., metavar="MEMBER", help="Their number."),
    reason: str = typer.Option(..., "--reason", help="What happened."),
) -> None:
    """Report a member to whoever runs the community."""
    from passionpath.community import report

    report(member, reason, open_context().engine)
    console.print("Thank you: the report is stored for whoever runs the community.")


@app.command()
@user_errors
def demo(
    people: int = typer.Option(300, "--people", help="How many synthetic people."),
    seed: int = typer.Option(0, "--seed", help="Same seed, same people."),
    if_empty: bool = typer.Option(False, "--if-empty", help="Only when none are there yet."),
) -> None:
    """Add synthetic people (labelled so) for demos, so the community pages are not empty."""
    from passionpath.community import add_demo_population

    if not 1 <= people <= 100_000:
        fail("--people: must be between 1 and 100,000.", 2)
    added = add_demo_population(open_context(), people, seed=seed, if_empty=if_empty)
    console.print(
        f"Added {added:,} synthetic people." if added else "Synthetic people are already there."
    )


@mentors_app.command()
@user_errors
def find(
    top: int = typer.Option(10, "--top", help="How many mentors (1-100)."),
    as_json: bool = JSON,
) -> None:
    """Mentors whose work is your target career or close to it, with the reason."""
    from passionpath.community import mentors_for

    found = mentors_for(open_context(), top=top)
    if as_json:
        emit_json([f.as_dict() for f in found])
        return
    if not found:
        console.print("No mentor in or near your target careers has opted in yet.")
        return
    for k, f in enumerate(found, 1):
        console.print(f"{k}. [bold]{_who(f.member)}[/bold]  {f.score:.2f}")
        console.print(f"   {escape(f.reason)}")


@mentors_app.command()
@user_errors
def assign(
    preferences: Path = typer.Option(
        None,
        "--preferences",
        help="Stated preferences (JSON) instead of computed ones.",
        exists=False,
    ),
    as_json: bool = JSON,
) -> None:
    """A stable assignment of mentees to mentors with capacities (mentee-proposing deferred
    acceptance): from the community's scores, or from a --preferences file."""
    from passionpath.community import PreferenceError, assign_programme, assign_stated
    from passionpath.limits import MAX_PREFERENCE_PEOPLE, MAX_PREFERENCES_FILE_BYTES

    names: dict[str, str] = {}
    if preferences is not None:
        data = _read_json(preferences, MAX_PREFERENCES_FILE_BYTES)
        try:
            result = assign_stated(data, max_people=MAX_PREFERENCE_PEOPLE)
        except PreferenceError as exc:
            fail(f"--preferences {preferences}: {exc.where}: {exc.message}")
    else:
        result, names = assign_programme(open_context())
    if as_json:
        emit_json(result.as_json())
        return
    placed = sum(len(v) for v in result.assignment.values())
    console.print(
        f"{placed:,} mentees assigned to {len(result.assignment):,} mentors; "
        f"{len(result.unassigned):,} unassigned."
    )
    for mentor, mentees in result.assignment.items():
        who = ", ".join(escape(names.get(x, x)) for x in mentees)
        console.print(f"{escape(names.get(mentor, mentor))}: {who}")
    if result.unassigned:
        console.print(
            "Unassigned: " + ", ".join(escape(names.get(x, x)) for x in result.unassigned)
        )


def _read_json(path: Path, limit: int) -> Any:
    try:
        size = path.stat().st_size
    except OSError as exc:
        fail(f"--preferences {path}: cannot be read ({exc.strerror}).", 2)
    if size > limit:
        fail(f"--preferences {path}: larger than {limit // 1_000_000} MB.", 2)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        fail(f"--preferences {path}: not UTF-8 text.", 2)
    except json.JSONDecodeError as exc:
        fail(f"--preferences {path}, line {exc.lineno}: not valid JSON ({exc.msg}).", 2)


@groups_app.command()
@user_errors
def form(
    everyone: bool = typer.Option(False, "--everyone", help="For every topic, not only yours."),
    as_json: bool = JSON,
) -> None:
    """Form study groups of 3-6 among people not yet in a group on a topic."""
    from passionpath.community import form_study_groups

    formed = form_study_groups(open_context(), everyone=everyone)
    if as_json:
        emit_json([g.as_dict() for g in formed])
        return
    if not formed:
        console.print("No new group: too few people waiting on any topic.")
        return
    for g in formed:
        console.print(
            f"#{g.id} [bold]{escape(g.name)}[/bold] ({len(g.members)} people), first "
            f"meeting {g.first_meeting.isoformat()}, every {g.cadence_days} days"
        )


@groups_app.command("list")
@user_errors
def list_(as_json: bool = JSON) -> None:
    """Your groups, then open ones on topics you have no group in."""
    from passionpath.community import list_groups

    found = list_groups(open_context())
    if as_json:
        emit_json([g.as_dict() for g in found])
        return
    if not found:
        console.print("No group for you yet: `passionpath groups form` makes some.")
        return
    for g in found:
        mark = "yours" if g.mine else "open"
        people = ", ".join(escape(p.display_name) for p in g.members)
        console.print(f"#{g.id} [bold]{escape(g.name)}[/bold] ({mark}, {len(g.members)}): {people}")
        console.print(
            f"   first meeting {g.first_meeting.isoformat()}, every {g.cadence_days} days"
        )


@groups_app.command("join")
@user_errors
def join_group_command(
    group: int = typer.Argument(..., metavar="GROUP", help="Group number."),
) -> None:
    """Join an open group."""
    from passionpath.community import join_group

    view = join_group(open_context(), group)
    console.print(f"You are in {escape(view.name)}; it is in your contacts for the check-ins.")


@groups_app.command("leave")
@user_errors
def leave_group_command(
    group: int = typer.Argument(..., metavar="GROUP", help="Group number."),
) -> None:
    """Leave one of your groups."""
    from passionpath.community import leave_group

    leave_group(open_context(), group)
    console.print(f"You have left group {group}.")
