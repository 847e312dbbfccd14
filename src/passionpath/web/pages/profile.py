"""The user's own profile: passion questions, interest inventory, skills, and the summary."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import PassionpathError
from passionpath.profile import InventoryForm
from passionpath.web._deps import (
    SLUG,
    context,
    engine,
    me,
    render,
    render_step,
    save_me,
    submitted,
)

router = APIRouter()


def _passions_form(
    request: Request,
    name: str,
    answers: dict[str, str],
    activities: str,
    status: int = 200,
    errors: dict[str, str] | None = None,
    error: str | None = None,
) -> Response:
    from passionpath.profile import PASSION_QUESTIONS

    return render_step(
        request,
        "passions.html",
        "passions",
        status,
        questions=PASSION_QUESTIONS,
        name=name,
        answers=answers,
        activities=activities,
        errors=errors or {},
        error=error,
    )


@router.get("/passions", response_class=HTMLResponse)
def passions_page(request: Request) -> Response:
    _, document = me(request)
    block = document.pp
    return _passions_form(
        request,
        document.display_name,
        block.reflections.model_dump(),
        "\n".join(a.name for a in block.activities),
    )


def _problem_field(path: str) -> str:
    """The form field a profile problem's path points into ("" for the form as a whole)."""
    from passionpath.profile import PASSION_QUESTIONS

    if path == "basics.name":
        return "name"
    if path.startswith("passionpath.activities"):
        return "activities"
    key = path.removeprefix("passionpath.reflections.")
    return key if key in PASSION_QUESTIONS else ""


@router.post("/passions")
async def passions(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS, ProfileValidationError, parse_document

    form, expired = await submitted(request)
    user, document = me(request)
    name = str(form.get("name", "")).strip()
    answers = {key: str(form.get(key, "")).strip() for key in PASSION_QUESTIONS}
    activities = str(form.get("activities", ""))
    if expired:
        return _passions_form(request, name, answers, activities, 400, error=expired)
    # Activities already described elsewhere (kind, notes, hours) keep what they say.
    known = {a.name: a for a in document.pp.activities}
    lines = [line.strip() for line in activities.splitlines() if line.strip()]
    data = document.to_json_dict()
    data.setdefault("basics", {})["name"] = name or "Me"
    block = data.setdefault("passionpath", {})
    block.setdefault("reflections", {}).update(answers)
    block["activities"] = [
        known[line].model_dump(mode="json") if line in known else {"name": line} for line in lines
    ]
    try:
        # The same checks (sizes included) as a profile sent through the API or a file.
        document = parse_document(data, "passions")
    except ProfileValidationError as exc:
        errors: dict[str, str] = {}
        general = []
        for path, message in exc.problems:
            where = _problem_field(path)
            if where:
                errors.setdefault(where, message[:1].upper() + message[1:] + ".")
            else:
                general.append(message[:1].upper() + message[1:] + ".")
        return _passions_form(
            request, name, answers, activities, 400, errors, " ".join(general) or None
        )
    save_me(request, user, document, "passion questions")
    return RedirectResponse("/inventory", status_code=303)


def _inventory_form(
    request: Request,
    answers: dict[str, int],
    status: int = 200,
    form: InventoryForm = "full",
    **error: str,
) -> Response:
    """The inventory (full, or the short form) with the answers given so far (and what was
    wrong, if anything)."""
    from passionpath.profile import inventory_scale, items

    return render_step(
        request,
        "inventory.html",
        "interests",
        status,
        items=items(form),
        form=form,
        scale=inventory_scale(),
        answers=answers,
        answered=len(answers),
        **error,
    )


def _form_named(raw: str) -> InventoryForm:
    return "short" if raw == "short" else "full"


@router.get("/inventory", response_class=HTMLResponse)
def inventory_page(request: Request, form: str = "full") -> Response:
    _, document = me(request)
    done = document.pp.inventory
    chosen = _form_named(form if form != "full" or done is None else done.form)
    return _inventory_form(request, done.answers if done else {}, form=chosen)


@router.post("/inventory")
async def inventory(request: Request) -> Response:
    from passionpath.profile import items, record_inventory

    posted, expired = await submitted(request)
    chosen = _form_named(str(posted.get("form", "full")))
    user, _ = me(request)  # makes the web profile on first use
    answers = {
        i.id: int(str(posted[i.id]))
        for i in items(chosen)
        if str(posted.get(i.id, "")) in {"1", "2", "3", "4", "5"}
    }
    if expired:
        return _inventory_form(request, answers, 400, chosen, error=expired)
    try:
        record_inventory(SLUG, answers, engine(request), form=chosen, owner=user)
    except PassionpathError as exc:
        return _inventory_form(request, answers, 400, chosen, error=str(exc))
    # Next in the journey: what the person has done, the qualification half.
    return RedirectResponse("/background", status_code=303)


def _skills_form(
    request: Request,
    current: dict[str, float],
    status: int = 200,
    error: str | None = None,
    suggested: dict[str, str] | None = None,
) -> Response:
    """Every skill and knowledge area with its sentences, ``current`` ones chosen;
    ``suggested`` names, for levels read off a job held, that job's title."""
    from passionpath.catalog import descriptors
    from passionpath.profile import level_choices, nearest_choice

    rows = []
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        for d in descriptors(domain, engine(request)):
            choices = level_choices(d.anchors)
            level = current.get(d.element_id)
            rows.append(
                {
                    "info": d,
                    "kind": kind,
                    "choices": choices,
                    "current": None if level is None else nearest_choice(level, choices).level,
                    "from_job": (suggested or {}).get(d.element_id),
                }
            )
    return render_step(
        request, "skills.html", "skills", status, descriptors=rows, error=error,
        suggested=bool(suggested),
    )  # fmt: skip


@router.get("/skills", response_class=HTMLResponse)
def skills_page(request: Request) -> Response:
    from passionpath.match import suggested_levels

    _, document = me(request)
    pp = document.pp
    rated = {r.element_id: r.level for r in [*pp.skills, *pp.knowledge]}
    if rated:
        return _skills_form(request, rated)
    # Nothing rated yet: start from what the jobs held need, for the person to confirm.
    found = suggested_levels(document, context(request))
    return _skills_form(
        request,
        {element: level for element, (level, _) in found.items()},
        suggested={element: title for element, (_, title) in found.items()},
    )


def _level(raw: str) -> float | None:
    """A chosen level (0-7), or None for "Not rated" and anything that is not a level."""
    try:
        level = float(raw)
    except ValueError:
        return None
    return level if 0.0 <= level <= 7.0 else None


@router.post("/skills")
async def skills(request: Request) -> Response:
    from passionpath.catalog import descriptors
    from passionpath.profile import RatedDescriptor

    form, expired = await submitted(request)
    user, document = me(request)
    chosen = {}
    for domain in ("skills", "knowledge"):
        rated = []
        for d in descriptors(domain, engine(request)):
            level = _level(str(form.get(d.element_id, "")))
            if level is not None:
                chosen[d.element_id] = level
                # A level left as the job suggested it is the job's word, not the person's.
                as_suggested = form.get(f"from-job-{d.element_id}") == str(level)
                rated.append(
                    RatedDescriptor(
                        element_id=d.element_id,
                        name=d.name,
                        level=level,
                        source="job" if as_suggested else "self",
                    )
                )
        setattr(document.pp, domain, rated)
    if expired:
        return _skills_form(request, chosen, 400, expired)
    save_me(request, user, document, "skills self-assessment")
    return RedirectResponse("/values", status_code=303)


@router.get("/values", response_class=HTMLResponse)
def values_page(request: Request) -> Response:
    _, document = me(request)
    constraints = document.pp.constraints
    return _values_form(
        request,
        {k: str(int(v)) for k, v in document.pp.work_values.items()},
        constraints.open_to_lower_levels,
        str(constraints.max_job_zone or ""),
    )


def _values_form(
    request: Request,
    ratings: dict[str, str],
    lower_ok: bool,
    max_zone: str,
    status: int = 200,
    error: str | None = None,
) -> Response:
    from passionpath.profile import WORK_VALUE_MEANINGS

    return render_step(
        request,
        "values.html",
        "values",
        status,
        meanings=WORK_VALUE_MEANINGS,
        ratings=ratings,
        lower_ok=lower_ok,
        max_zone=max_zone,
        error=error,
    )


@router.post("/values")
async def values(request: Request) -> Response:
    from passionpath.profile import WORK_VALUES

    form, expired = await submitted(request)
    user, document = me(request)
    ratings = {v: str(form.get(v, "")) for v in WORK_VALUES}
    lower_ok = form.get("open_to_lower_levels") == "on"
    max_zone = str(form.get("max_job_zone", ""))
    if expired:
        return _values_form(request, ratings, lower_ok, max_zone, 400, expired)
    kept = {v: float(r) for v, r in ratings.items() if r in {"1", "2", "3", "4", "5", "6", "7"}}
    document.pp.work_values = kept
    document.pp.constraints.open_to_lower_levels = lower_ok
    document.pp.constraints.max_job_zone = int(max_zone) if max_zone in set("12345") else None
    save_me(request, user, document, "work values and constraints")
    return RedirectResponse("/matches", status_code=303)


@router.get("/profile", response_class=HTMLResponse)
def profile_page(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS, interest_scores, profile_history

    user, document = me(request)
    _, code = interest_scores(document)
    reflections = [(q, getattr(document.pp.reflections, k)) for k, q in PASSION_QUESTIONS.items()]
    return render(
        request,
        "profile.html",
        name=document.display_name,
        code=code,
        reflections=reflections,
        skills=document.pp.skills,
        history=profile_history(SLUG, engine(request), owner=user),
    )
