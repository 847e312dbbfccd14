"""``passionpath assess``: the interest inventory, skills and work values."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import typer

from passionpath.cli._context import open_context
from passionpath.cli._output import JSON, console, emit_json, fail, user_errors
from passionpath.cli._profiles import PROFILE_HELP, profile_slug, stored_profile

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.profile import InventoryForm as Form

Source = Literal["self", "job", "evidence"]

app = typer.Typer(help="Self-assessment: interests, skills, work values.", no_args_is_help=True)

PROFILE = typer.Option(
    None,
    "--profile",
    "-p",
    help=f"Save the result into this profile: {PROFILE_HELP} (a file is stored first).",
)


def _interactive_allowed() -> bool:
    return sys.stdin.isatty()


def _save(ctx: Context, slug: str | None, change: Any, note: str) -> int | None:
    """Apply ``change(document)`` to the stored profile and save a version; returns it."""
    if slug is None:
        return None
    from passionpath.profile import load_profile, save_profile

    profile, document = load_profile(slug, ctx.engine)
    change(document)
    return save_profile(profile.slug, document, ctx.engine, note=note).version


# --- interests ----------------------------------------------------------------------------


def _parse_answers(text: str, source: str) -> list[int]:
    values = []
    for n, token in enumerate(text.replace(",", " ").split(), start=1):
        if token not in {"1", "2", "3", "4", "5"}:
            fail(f"{source}: answer {n} is {token!r}; answers are whole numbers 1 to 5.", 2)
        values.append(int(token))
    return values


def _progress_file(form: str, profile_key: str | None) -> Path:
    from passionpath.config import get_settings

    return get_settings().data_dir / "inventory" / f"{profile_key or 'anonymous'}-{form}.json"


def _run_inventory(form: Form, profile_key: str | None) -> dict[str, int]:
    """Ask every item in the terminal; progress is saved after each answer so it can resume."""
    import click

    from passionpath.profile import inventory_scale as scale
    from passionpath.profile import items

    questions = items(form)
    labels = " · ".join(f"{s['value']} {s['label']}" for s in scale())
    saved = _progress_file(form, profile_key)
    answers: dict[str, int] = {}
    if saved.exists():
        answers = json.loads(saved.read_text())
        console.print(f"Resuming: {len(answers)} of {len(questions)} answered already.")
    index = next((i for i, q in enumerate(questions) if q.id not in answers), len(questions))
    while index < len(questions):
        item = questions[index]
        done = len(answers)
        bar = "█" * round(20 * done / len(questions))
        console.print(
            f"\n[dim]{bar:<20} {done}/{len(questions)}[/]\n[bold]{item.text}[/]\n{labels}"
            "   (b back, q save and quit)",
            highlight=False,
        )
        key = click.getchar()
        if key in "12345" and key:
            answers[item.id] = int(key)
            index += 1
        elif key == "b" and index > 0:
            index -= 1
            answers.pop(questions[index].id, None)
        elif key in ("q", "\x03", "\x04"):
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text(json.dumps(answers))
            console.print("Saved; run the same command again to carry on.")
            raise typer.Exit(0)
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(json.dumps(answers))
    saved.unlink(missing_ok=True)
    return answers


@app.command()
@user_errors
def interests(
    short: bool = typer.Option(False, "--short", help="The 30-item short form."),
    answers: str = typer.Option(
        None, "--answers", help="All answers in item order, e.g. 5,4,1,... (no questions asked)."
    ),
    answers_file: Path = typer.Option(
        None, "--answers-file", help="A file of answers in item order, or JSON {item id: answer}."
    ),
    profile: str = PROFILE,
    as_json: bool = JSON,
) -> None:
    """The interest inventory: rate activities 1-5, get your three-letter RIASEC code."""
    from passionpath.profile import AREA_NAMES, answers_from_sequence, record_inventory, score

    form: Form = "short" if short else "full"
    ctx = open_context()
    if answers is not None:
        given = answers_from_sequence(_parse_answers(answers, "--answers"), form)
    elif answers_file is not None:
        from passionpath.files import read_user_text
        from passionpath.limits import MAX_TEXT_FILE_BYTES

        text = read_user_text(answers_file, max_bytes=MAX_TEXT_FILE_BYTES)
        if text.lstrip().startswith("{"):
            try:
                given = {str(k): int(v) for k, v in json.loads(text).items()}
            except (ValueError, TypeError) as exc:
                fail(f"{answers_file}: not a JSON object of item id to answer ({exc}).")
        else:
            given = answers_from_sequence(_parse_answers(text, str(answers_file)), form)
    elif _interactive_allowed():
        given = _run_inventory(form, profile_slug(ctx, profile))
    else:
        fail("No terminal to ask in: give --answers or --answers-file.", 2)
    result = score(given, form)  # bad answers stop here, before a profile file is stored
    slug, version = None, None
    if profile is not None:
        slug = stored_profile(ctx, profile, as_json).record.slug
        version = record_inventory(slug, given, ctx.engine, form=form).version
    if as_json:
        emit_json({**result.as_dict(), "saved_version": version})
        return
    console.print(f"\nYour interest code: [bold]{result.code}[/]")
    for area, value in sorted(result.scores.items(), key=lambda kv: -kv[1]):
        bar = "█" * round(value / 2)
        console.print(f"  {AREA_NAMES[area]:<14} {bar:<20} {value:4.0f}/40", highlight=False)
    if result.flat:
        console.print(
            f"[yellow]Your scores barely differ (spread {result.spread:.0f} of 40): the code is a "
            "weak signal. Your own words about what you love will count for more.[/]"
        )
    if version:
        console.print(f"Saved to profile {slug} as version {version}.")


# --- skills ---------------------------------------------------------------------------------


def _resolve_code(title: str | None, code: str | None, ctx: Context) -> tuple[str, str] | None:
    from passionpath.catalog import occupation_profile, search_occupations

    if code:
        found = occupation_profile(code, ctx.engine)
        return found.code, found.title
    if title:
        hits = search_occupations(title, ctx, 1)
        if not hits:
            fail(f"No occupation title resembles {title!r}.")
        return hits[0].code, hits[0].title
    return None


def _named_numbers(
    text: str, resolve: dict[str, str], low: float, high: float, what: str
) -> dict[str, float]:
    """Parse ``--ratings 'Name=4.5,Other=3'``; ``resolve`` maps lower-cased keys to ids."""
    result = {}
    for part in text.split(","):
        if not part.strip():
            continue
        if "=" not in part:
            fail(f"--ratings: {part.strip()!r} should look like 'Name=4'.", 2)
        key, value = (x.strip() for x in part.split("=", 1))
        target = resolve.get(key.lower())
        if target is None:
            fail(f"--ratings: {key!r} is not {what}.", 2)
        try:
            number = float(value)
        except ValueError:
            fail(f"--ratings: {value!r} for {key} is not a number.", 2)
        if not low <= number <= high:
            fail(f"--ratings: {key} is {number:g}, outside {low:g}-{high:g}.", 2)
        result[target] = number
    return result


def _parse_ratings(text: str, known: dict[str, str]) -> dict[str, float]:
    """Skill levels by element id or by name (case-insensitive)."""
    resolve = {name.lower(): e for e, name in known.items()} | {e.lower(): e for e in known}
    return _named_numbers(text, resolve, 0, 7, "a skill or knowledge area in the catalog")


@app.command()
@user_errors
def skills(
    from_title: str = typer.Option(
        None, "--from-title", help="Start from a job's profile, e.g. 'accountant'."
    ),
    from_code: str = typer.Option(None, "--from-code", help="Start from an occupation code."),
    ratings: str = typer.Option(
        None, "--ratings", help="Set levels (0-7): 'Programming=4.5,2.C.4.a=3'."
    ),
    domain: str = typer.Option("all", "--domain", help="skills, knowledge or all."),
    yes: bool = typer.Option(False, "--yes", "-y", help="Accept without asking."),
    profile: str = PROFILE,
    as_json: bool = JSON,
) -> None:
    """Rate your skills and knowledge on O*NET's 0-7 level scale, in plain language."""
    from passionpath.catalog import descriptors, occupation_levels
    from passionpath.profile import RatedDescriptor, level_choices, nearest_choice

    if domain not in ("skills", "knowledge", "all"):
        fail("--domain must be skills, knowledge or all.", 2)
    domains = ["skills", "knowledge"] if domain == "all" else [domain]
    ctx = open_context()
    catalog = {d: descriptors(d, ctx.engine) for d in domains}
    names = {info.element_id: info.name for infos in catalog.values() for info in infos}
    levels: dict[str, float] = {}
    sources: dict[str, Source] = {}
    slug = None
    if profile:
        stored = stored_profile(ctx, profile, as_json)
        slug, document = stored.record.slug, stored.document
        for d in domains:
            for rated in getattr(document.pp, d):
                levels[rated.element_id] = rated.level
                sources[rated.element_id] = rated.source
    start = _resolve_code(from_title, from_code, ctx)
    if start:
        for d in domains:
            for element, (importance, level) in occupation_levels(start[0], d, ctx.engine).items():
                if importance >= 2.5 and element not in levels:
                    levels[element] = round(level, 1)
                    sources[element] = "job"
        if not as_json:
            console.print(f"Started from {start[1]} ({start[0]}): adjust what differs for you.")
    if ratings:
        for element, level in _parse_ratings(ratings, names).items():
            levels[element] = level
            sources[element] = "self"
    if not (yes or ratings) and _interactive_allowed():
        for d in domains:
            for info in catalog[d]:
                choices = level_choices(info.anchors)
                current = levels.get(info.element_id)
                console.print(f"\n[bold]{info.name}[/]: {info.description}", highlight=False)
                for choice in choices:
                    console.print(f"  {choice.key}  {choice.label}", highlight=False)
                default = nearest_choice(current, choices).key if current is not None else ""
                answer = typer.prompt(
                    "Your level (Enter keeps, s skips, q stops)",
                    default=default,
                    show_default=bool(default),
                )
                if answer == "q":
                    break
                picked = next((c for c in choices if c.key == answer), None)
                if picked is not None:
                    levels[info.element_id] = picked.level
                    sources[info.element_id] = "self"
    elif not (yes or ratings or start):
        fail("No terminal to ask in: give --ratings, or --from-title with --yes.", 2)

    chosen = {
        d: [
            RatedDescriptor(
                element_id=i.element_id,
                name=i.name,
                level=levels[i.element_id],
                source=sources.get(i.element_id, "self"),
            )
            for i in catalog[d]
            if i.element_id in levels
        ]
        for d in domains
    }

    def store(document: Any) -> None:
        for d in domains:
            setattr(document.pp, d, chosen[d])

    version = _save(ctx, slug, store, "skills self-assessment")
    if as_json:
        emit_json(
            {d: [r.model_dump() for r in chosen[d]] for d in domains} | {"saved_version": version}
        )
        return
    for d in domains:
        console.print(f"[bold]{d.title()}[/]: {len(chosen[d])} rated")
        for rated in sorted(chosen[d], key=lambda r: -r.level)[:8]:
            console.print(
                f"  {rated.name:<34} {rated.level:4.1f} ({rated.source})", highlight=False
            )
    if version:
        console.print(f"Saved to profile {slug} as version {version}.")


# --- work values ---------------------------------------------------------------------------


@app.command()
@user_errors
def values(
    ratings: str = typer.Option(None, "--ratings", help="'Achievement=6,Support=3,...' (1-7)."),
    rank: str = typer.Option(
        None, "--rank", help="All six values, most important first (rated 7 down to 2)."
    ),
    profile: str = PROFILE,
    as_json: bool = JSON,
) -> None:
    """Rate or rank the six O*NET work values."""
    from passionpath.profile import WORK_VALUE_MEANINGS, WORK_VALUES

    lookup = {v.lower(): v for v in WORK_VALUES}
    chosen: dict[str, float] = {}
    if rank:
        names = [n.strip() for n in rank.split(",") if n.strip()]
        unknown = [n for n in names if n.lower() not in lookup]
        if unknown or len({n.lower() for n in names}) != 6:
            fail(f"--rank needs each of the six values once: {', '.join(WORK_VALUES)}.", 2)
        chosen = {lookup[n.lower()]: 7.0 - i for i, n in enumerate(names)}
    elif ratings:
        chosen = _named_numbers(ratings, lookup, 1, 7, f"one of {', '.join(WORK_VALUES)}")
    elif _interactive_allowed():
        import click

        for value in WORK_VALUES:
            chosen[value] = float(
                typer.prompt(
                    f"{value} ({WORK_VALUE_MEANINGS[value]}), 1-7", type=click.IntRange(1, 7)
                )
            )
    else:
        fail("No terminal to ask in: give --ratings or --rank.", 2)

    def store(document: Any) -> None:
        document.pp.work_values = {**document.pp.work_values, **chosen}

    ctx = open_context()
    slug = stored_profile(ctx, profile, as_json).record.slug if profile is not None else None
    version = _save(ctx, slug, store, "work values")
    if as_json:
        emit_json({"work_values": chosen, "saved_version": version})
        return
    for name, rating in sorted(chosen.items(), key=lambda kv: -kv[1]):
        console.print(
            f"  {name:<20} {'█' * int(rating):<7} {rating:g}  {WORK_VALUE_MEANINGS[name]}",
            highlight=False,
        )
    if version:
        console.print(f"Saved to profile {slug} as version {version}.")


# --- evidence in free text ------------------------------------------------------------------


@app.command()
@user_errors
def evidence(
    text: str = typer.Argument(None, help="Any text about what you do (default: the profile's)."),
    profile: str = typer.Option(
        None,
        "--profile",
        "-p",
        help=f"Read the profile's reflections, work and projects: {PROFILE_HELP}.",
    ),
    as_json: bool = JSON,
) -> None:
    """Find the skills, knowledge and technology that your own words give evidence of."""
    from rich.table import Table

    from passionpath.profile import resolve
    from passionpath.text import extract_evidence

    ctx = open_context()
    if text:
        sources = [("text", text)]
    elif profile is not None or not _interactive_allowed():
        sources = resolve(profile, ctx.engine).document.free_texts()
    else:
        fail("Give a TEXT or --profile.", 2)
    found = extract_evidence(sources, ctx)
    if as_json:
        emit_json([e.as_dict() for e in found])
        return
    if not found:
        console.print("No skill, knowledge area or technology stood out in that text.")
        return
    table = Table(title="Evidence in your own words")
    for column in ("Kind", "Name", "Confidence", "Evidence", "Where"):
        table.add_column(column)
    for e in found[:25]:
        name = e.name + (" (hot)" if e.hot else "")
        table.add_row(e.kind, name, f"{e.confidence:.2f}", f'"{e.text}"', e.source)
    console.print(table)
