"""Applications: the board by stage, an application's timeline with forms to move it on or
record a rejection, the funnel with its chart, and the insights in plain words. Plain forms:
no script needed."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_LABEL_CHARS, MAX_POSTING_CHARS, MAX_URL_CHARS
from passionpath.web._deps import SLUG, context, current_user, engine, render, submitted
from passionpath.web._errors import in_words
from passionpath.web._words import day

router = APIRouter()

#: The add form's fields as the page labels them, by the core's names.
LABELS = {
    "company": "Company",
    "role_title": "Role",
    "occupation_code": "Occupation code",
    "posting_url": "Posting address",
    "source": "Where you found it",
    "location": "Location",
    "pay": "Pay",
    "stage": "Stage",
    "on": "When",
    "notes": "Notes",
    "next_action": "Next action",
    "next_action_on": "Next action on",
}
#: The move and reject forms' fields.
EVENT_LABELS = {
    "stage": "New stage",
    "on": "When",
    "note": "Note",
    "interview_kind": "Kind of interview",
    "people": "Who was there",
    "at_stage": "At which stage",
    "ended_by": "Who ended it",
    "reasons": "Why",
    "feedback": "Their feedback",
    "cited": "Skills or knowledge they named",
}
#: Board columns: where an open application stands.
COLUMNS = ("saved", "applied", "screen", "assessment", "interview", "offer")
WORDS = {
    "saved": "Saved",
    "applied": "Applied",
    "screen": "Screen",
    "assessment": "Assessment",
    "interview": "Interview",
    "offer": "Offer",
    "accepted": "Accepted",
    "declined": "Declined",
    "withdrawn": "Withdrawn",
    "rejected": "Rejected",
    "ghosted": "No answer",
}
ENDED_WORDS = {"they": "They did", "you": "You did", "nobody_said": "Nobody said"}


def _day(text: str, label: str, errors: dict[str, str], name: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        errors[name] = f"{label}: enter a date such as 2026-09-14."
        return None


def _typed(form: FormData, names: Any) -> dict[str, str]:
    return {name: str(form.get(name, "")) for name in names}


def _board(
    request: Request,
    *,
    status: int = 200,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
    imported: int | None = None,
) -> HTMLResponse:
    from passionpath.jobsearch import CLOSED, list_applications

    user = current_user(request)
    views = list_applications(engine(request), owner=user, ctx=context(request))
    columns = {c: [v for v in views if v.status and v.status.stage == c] for c in COLUMNS}
    closed = [v for v in views if v.status and v.status.stage in CLOSED]
    return render(
        request,
        "applications.html",
        status,
        columns=columns,
        closed=closed,
        words=WORDS,
        total=len(views),
        values=values or {"stage": "applied", "on": date.today().isoformat()},
        errors=errors or {},
        labels=LABELS,
        error=error,
        today=date.today(),
        day=day,
        max_label=MAX_LABEL_CHARS,
        max_url=MAX_URL_CHARS,
        imported=imported,
    )


@router.get("/applications", response_class=HTMLResponse)
def board(request: Request) -> Response:
    imported = request.query_params.get("imported", "")
    return _board(request, imported=int(imported) if imported.isdigit() else None)


@router.post("/applications")
async def add(request: Request) -> Response:
    from passionpath.jobsearch import ApplicationFields, add_application

    form, expired = await submitted(request)
    user = current_user(request)
    values = _typed(form, LABELS)
    errors: dict[str, str] = {}
    on = _day(values["on"], LABELS["on"], errors, "on")
    next_on = _day(values["next_action_on"], LABELS["next_action_on"], errors, "next_action_on")
    if expired or errors:
        return _board(request, status=400, values=values, errors=errors, error=expired)
    fields: dict[str, Any] = {
        name: values[name] or None
        for name in (
            "company",
            "role_title",
            "occupation_code",
            "posting_url",
            "source",
            "location",
            "pay",
            "notes",
            "next_action",
        )
    }
    try:
        new = add_application(
            ApplicationFields(**fields, next_action_on=next_on),
            engine(request),
            owner=user,
            stage=values["stage"] or "applied",
            on=on,
            ctx=context(request),
        )
    except PassionpathError as exc:
        if exc.field not in LABELS:
            raise
        errors[exc.field] = in_words(exc, LABELS[exc.field])
        return _board(request, status=400, values=values, errors=errors)
    return RedirectResponse(f"/applications/{new}", status_code=303)


def _chart(f: Any) -> str:
    from passionpath.jobsearch import funnel_svg

    return funnel_svg(f)


@router.get("/applications/funnel", response_class=HTMLResponse)
def funnel_page(request: Request) -> Response:
    from passionpath.jobsearch import funnel, list_applications, tracks

    user = current_user(request)
    views = list_applications(engine(request), owner=user, ctx=context(request))
    f = funnel(tracks(views))
    f.titles = {
        v.occupation_code: v.occupation_title or v.occupation_code
        for v in views
        if v.occupation_code
    }
    return render(request, "applications_funnel.html", f=f, chart=_chart(f), words=WORDS)


@router.get("/applications/insights", response_class=HTMLResponse)
def insights_page(request: Request) -> Response:
    from passionpath.jobsearch import insights, learn_preferences

    user = current_user(request)
    found = insights(context(request), owner=user, profile=SLUG if _has_profile(request) else None)
    learned = learn_preferences(context(request), owner=user)
    saved = request.query_params.get("saved")
    return render(
        request,
        "applications_insights.html",
        i=found,
        learned=learned,
        message="Saved." if saved else None,
    )


@router.post("/applications/preferences")
async def switch_preferences(request: Request) -> Response:
    from passionpath.jobsearch import set_learning

    form, expired = await submitted(request)
    if expired:
        raise PassionpathError(expired)
    set_learning(form.get("on") == "1", engine(request), owner=current_user(request))
    return RedirectResponse("/applications/insights?saved=1#learned", status_code=303)


def _has_profile(request: Request) -> bool:
    from passionpath.profile import find_profile

    try:
        find_profile(SLUG, engine(request), owner=current_user(request))
    except PassionpathError:
        return False
    return True


def _timeline(
    request: Request,
    application_id: int,
    *,
    status: int = 200,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
    message: str | None = None,
) -> HTMLResponse:
    from passionpath.catalog import descriptors
    from passionpath.jobsearch import (
        INTERVIEW_KINDS,
        REASON_WORDS,
        REJECTABLE,
        STAGES,
        get_application,
    )
    from passionpath.network import list_contacts

    user = current_user(request)
    db = engine(request)
    view = get_application(application_id, db, owner=user, ctx=context(request))
    names = {c.id: c.display_name for c in list_contacts(db, owner=user)}
    skills = {
        d.element_id: d.name for domain in ("skills", "knowledge") for d in descriptors(domain, db)
    }
    today = date.today()
    return render(
        request,
        "application.html",
        status,
        a=view,
        names=names,
        skills=skills,
        words=WORDS,
        stages=[s for s in STAGES if s != "rejected"],
        kinds=INTERVIEW_KINDS,
        reasons=REASON_WORDS,
        rejectable=REJECTABLE,
        ended_words=ENDED_WORDS,
        values=values or {"on": today.isoformat()},
        errors=errors or {},
        error=error,
        message=message,
        today=today,
        day=day,
    )


@router.get("/applications/{application_id}", response_class=HTMLResponse)
def timeline_page(request: Request, application_id: int) -> Response:
    logged, saved = request.query_params.get("logged"), request.query_params.get("saved")
    message = "Logged." if logged else "Saved." if saved else None
    return _timeline(request, application_id, message=message)


async def _log(request: Request, application_id: int, rejected: bool) -> Response:
    from passionpath.jobsearch import StageEvent, cited_ids, log_event

    form, expired = await submitted(request)
    user = current_user(request)
    values = _typed(form, EVENT_LABELS)
    errors: dict[str, str] = {}
    on = _day(values["on"], EVENT_LABELS["on"], errors, "on") or date.today()
    if expired or errors:
        return _timeline(
            request, application_id, status=400, values=values, errors=errors, error=expired
        )
    reasons = tuple(str(r) for r in form.getlist("reasons"))
    try:
        cited = (
            cited_ids([c.strip() for c in values["cited"].split(",") if c.strip()], engine(request))
            if rejected
            else ()
        )
        event = StageEvent(
            0,
            "rejected" if rejected else values["stage"],
            on,
            note=values["note"] or None,
            interview_kind=(values["interview_kind"] or None) if not rejected else None,
            people=tuple(p.strip() for p in values["people"].split(",") if p.strip()),
            at_stage=(values["at_stage"] or None) if rejected else None,
            ended_by=(values["ended_by"] or None) if rejected else None,
            reasons=reasons if rejected else (),
            feedback=(values["feedback"] or None) if rejected else None,
            cited=cited,
        )
        log_event(application_id, event, engine(request), owner=user)
    except PassionpathError as exc:
        if exc.field not in EVENT_LABELS:
            raise
        errors[exc.field] = in_words(exc, EVENT_LABELS[exc.field])
        return _timeline(request, application_id, status=400, values=values, errors=errors)
    return RedirectResponse(f"/applications/{application_id}?logged=1", status_code=303)


@router.post("/applications/{application_id}/move")
async def move(request: Request, application_id: int) -> Response:
    return await _log(request, application_id, rejected=False)


@router.post("/applications/{application_id}/reject")
async def reject(request: Request, application_id: int) -> Response:
    return await _log(request, application_id, rejected=True)


@router.post("/applications/{application_id}/delete")
async def delete(request: Request, application_id: int) -> Response:
    from passionpath.jobsearch import delete_application

    _form, expired = await submitted(request)
    if expired:
        raise PassionpathError(expired)
    delete_application(application_id, engine(request), owner=current_user(request))
    return RedirectResponse("/applications", status_code=303)


#: The edit form's fields as the page labels them, by the core's names ("occupation" is the
#: occupation's title or code, read with the catalog's search).
EDIT_LABELS = {
    "company": "Company",
    "role_title": "Role",
    "occupation": "Occupation",
    "posting_url": "Posting address",
    "posting_text": "Posting text",
    "source": "Where you found it",
    "location": "Location",
    "pay": "Pay",
    "notes": "Notes",
    "next_action": "Next action",
    "next_action_on": "Next action on",
}
#: The edit form's plain text fields (the occupation and the date are read on their own).
_EDIT_TEXT = ("company", "role_title", "posting_url", "posting_text", "source", "location",
              "pay", "notes", "next_action")  # fmt: skip


def _edit_form(
    request: Request,
    application_id: int,
    *,
    status: int = 200,
    values: dict[str, str] | None = None,
    errors: dict[str, str] | None = None,
    error: str | None = None,
) -> HTMLResponse:
    from passionpath.jobsearch import get_application

    user = current_user(request)
    a = get_application(application_id, engine(request), owner=user, ctx=context(request))
    if values is None:
        shown = a.occupation_title or a.occupation_code or ""
        values = {name: str(getattr(a, name) or "") for name in _EDIT_TEXT}
        values |= {"occupation": shown, "occupation_was": shown}
        values["next_action_on"] = a.next_action_on.isoformat() if a.next_action_on else ""
    return render(
        request,
        "application_edit.html",
        status,
        a=a,
        values=values,
        errors=errors or {},
        error=error,
        labels=EDIT_LABELS,
        max_label=MAX_LABEL_CHARS,
        max_url=MAX_URL_CHARS,
        max_posting=MAX_POSTING_CHARS,
    )


@router.get("/applications/{application_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, application_id: int) -> Response:
    return _edit_form(request, application_id)


@router.post("/applications/{application_id}/edit")
async def edit(request: Request, application_id: int) -> Response:
    from passionpath.catalog import resolve_occupation
    from passionpath.jobsearch import update_application

    form, expired = await submitted(request)
    user = current_user(request)
    values = _typed(form, [*EDIT_LABELS, "occupation_was"])
    errors: dict[str, str] = {}
    next_on = _day(
        values["next_action_on"], EDIT_LABELS["next_action_on"], errors, "next_action_on"
    )
    changes: dict[str, Any] = {name: values[name].strip() or None for name in _EDIT_TEXT}
    changes["next_action_on"] = next_on
    typed = values["occupation"].strip()
    # The occupation changes only when the person changed it: otherwise a new role title is
    # read again for its occupation, as on the board.
    if typed != values["occupation_was"].strip():
        label = EDIT_LABELS["occupation"]
        if not typed:
            changes["occupation_code"] = None
        else:
            try:
                found = resolve_occupation(typed, context(request), field="occupation")
                if found.code is None:
                    choices = ", ".join(f"{c.title} ({c.code})" for c in found.choices[:5])
                    errors["occupation"] = (
                        f"{label}: which one? {choices}. Type one of these titles or codes."
                        if choices
                        else f"{label}: nothing in the catalog is called “{typed}”."
                    )
                else:
                    changes["occupation_code"] = found.code
            except PassionpathError as exc:
                errors["occupation"] = in_words(exc, label)
    if expired or errors:
        return _edit_form(
            request, application_id, status=400, values=values, errors=errors, error=expired
        )
    try:
        update_application(
            application_id, changes, engine(request), owner=user, ctx=context(request)
        )
    except PassionpathError as exc:
        name = "occupation" if exc.field == "occupation_code" else exc.field
        if name not in EDIT_LABELS:
            raise
        errors[name] = in_words(exc, EDIT_LABELS[name])
        return _edit_form(request, application_id, status=400, values=values, errors=errors)
    return RedirectResponse(f"/applications/{application_id}?saved=1", status_code=303)
