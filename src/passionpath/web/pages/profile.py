"""The user's own profile: passion questions, interest inventory, skills, and the summary."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from passionpath.errors import PassionpathError
from passionpath.web._deps import SLUG, engine, me, posted_form, render, save_me

router = APIRouter()


@router.get("/passions", response_class=HTMLResponse)
def passions_page(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS

    _, document = me(request)
    block = document.pp
    return render(
        request,
        "passions.html",
        questions=PASSION_QUESTIONS,
        answers=block.reflections.model_dump(),
        name=document.display_name,
        activities="\n".join(a.name for a in block.activities),
    )


@router.post("/passions")
async def passions(request: Request) -> Response:
    from passionpath.profile import PASSION_QUESTIONS, Activity, parse_document

    form = await posted_form(request)
    user, document = me(request)
    data = document.to_json_dict()
    data.setdefault("basics", {})["name"] = str(form.get("name", "")).strip() or "Me"
    document = parse_document(data, "passions")
    for key in PASSION_QUESTIONS:
        setattr(document.pp.reflections, key, str(form.get(key, "")).strip())
    lines = [line.strip() for line in str(form.get("activities", "")).splitlines() if line.strip()]
    document.pp.activities = [Activity(name=line) for line in lines]
    save_me(request, user, document, "passion questions")
    return RedirectResponse("/inventory", status_code=303)


def _inventory_form(
    request: Request, answers: dict[str, int], status: int = 200, **error: str
) -> Response:
    """The full inventory with the answers given so far (and what was wrong, if anything)."""
    from passionpath.profile import inventory_scale, items

    return render(
        request,
        "inventory.html",
        status,
        items=items("full"),
        scale=inventory_scale(),
        answers=answers,
        answered=len(answers),
        **error,
    )


@router.get("/inventory", response_class=HTMLResponse)
def inventory_page(request: Request) -> Response:

    _, document = me(request)
    return _inventory_form(request, document.pp.inventory.answers if document.pp.inventory else {})


@router.post("/inventory")
async def inventory(request: Request) -> Response:
    from passionpath.profile import items, record_inventory

    form = await posted_form(request)
    user, _ = me(request)  # makes the web profile on first use
    answers = {
        i.id: int(str(form[i.id]))
        for i in items("full")
        if str(form.get(i.id, "")) in {"1", "2", "3", "4", "5"}
    }
    try:
        record_inventory(SLUG, answers, engine(request), form="full", owner=user)
    except PassionpathError as exc:
        return _inventory_form(request, answers, 400, error=str(exc))
    # Next in the journey: what the person has done, the qualification half.
    return RedirectResponse("/background", status_code=303)


@router.get("/skills", response_class=HTMLResponse)
def skills_page(request: Request) -> Response:
    from passionpath.catalog import descriptors
    from passionpath.profile import level_choices

    _, document = me(request)
    current = {r.element_id: r.level for r in [*document.pp.skills, *document.pp.knowledge]}
    rows = [
        {
            "info": d,
            "kind": kind,
            "choices": level_choices(d.anchors),
            "current": current.get(d.element_id),
        }
        for domain, kind in (("skills", "skill"), ("knowledge", "knowledge"))
        for d in descriptors(domain, engine(request))
    ]
    return render(request, "skills.html", descriptors=rows)


@router.post("/skills")
async def skills(request: Request) -> Response:
    from passionpath.catalog import descriptors
    from passionpath.profile import RatedDescriptor

    form = await posted_form(request)
    user, document = me(request)
    for domain in ("skills", "knowledge"):
        rated = []
        for d in descriptors(domain, engine(request)):
            raw = str(form.get(d.element_id, ""))
            if raw:
                rated.append(
                    RatedDescriptor(
                        element_id=d.element_id, name=d.name, level=min(7.0, max(0.0, float(raw)))
                    )
                )
        setattr(document.pp, domain, rated)
    save_me(request, user, document, "skills self-assessment")
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
