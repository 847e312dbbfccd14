"""The community page: opt in and choose what others see, then your tribe, mentors, requests
and study groups, each person shown only with what they chose to show."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.limits import (
    MAX_AVAILABILITY_CHARS,
    MAX_CITY_CHARS,
    MAX_DISPLAY_NAME_CHARS,
    MAX_REPORT_CHARS,
    MAX_REQUEST_NOTE_CHARS,
)
from passionpath.web._deps import check_csrf, context, current_user, engine, render, submitted
from passionpath.web._errors import in_words

router = APIRouter()

#: The join form's fields as the page labels them, by the core's names.
LABELS = {
    "display_name": "The name others see",
    "features": "What you take part in",
    "visible": "What others see",
    "passions": "Your passions",
    "target_careers": "Target careers",
    "current_occupation": "Your current occupation",
    "work_history": "Occupations you held",
    "city": "City",
    "remote": "Happy to meet remotely",
    "availability": "When you are free",
    "mentor_capacity": "Mentees you can take",
    "gaps": "Skills your plans work on",
}
FEATURE_WORDS = {
    "tribe": "Tribe: people who share my passions",
    "mentor": "Mentor: I guide someone in my field",
    "mentee": "Mentee: I want a mentor in my target career",
    "study_groups": "Study groups",
}
SHOWN_WORDS = {
    "display_name": "My name",
    "passions": "My passions",
    "target_careers": "My target careers",
    "current_occupation": "What I do now (and did before)",
    "location": "My city, or remote",
    "availability": "When I am free",
}
LIMITS = {
    "display_name": MAX_DISPLAY_NAME_CHARS,
    "city": MAX_CITY_CHARS,
    "availability": MAX_AVAILABILITY_CHARS,
    "note": MAX_REQUEST_NOTE_CHARS,
    "reason": MAX_REPORT_CHARS,
}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.replace(",", "\n").splitlines() if line.strip())


def _typed(form: FormData) -> dict[str, Any]:
    """What was typed, to show again."""
    return {
        "display_name": str(form.get("display_name", "")),
        "features": [str(v) for v in form.getlist("features")],
        "visible": [str(v) for v in form.getlist("visible")],
        "passions": str(form.get("passions", "")),
        "target_careers": str(form.get("target_careers", "")),
        "current_occupation": str(form.get("current_occupation", "")),
        "work_history": str(form.get("work_history", "")),
        "city": str(form.get("city", "")),
        "remote": bool(form.get("remote")),
        "availability": str(form.get("availability", "")),
        "mentor_capacity": str(form.get("mentor_capacity", "")),
        "gaps": str(form.get("gaps", "")),
    }


def _values_of(mine: Any) -> dict[str, Any]:
    return {
        "display_name": mine.display_name,
        "features": sorted(mine.features),
        "visible": list(mine.visible),
        "passions": "\n".join(mine.passions),
        "target_careers": ", ".join(mine.target_careers),
        "current_occupation": mine.current_occupation or "",
        "work_history": ", ".join(mine.work_history),
        "city": mine.city or "",
        "remote": mine.remote,
        "availability": mine.availability or "",
        "mentor_capacity": str(mine.mentor_capacity or ""),
        "gaps": "\n".join(mine.gaps),
    }


def _blank() -> dict[str, Any]:
    return {
        **{name: "" for name in LABELS},
        "features": [],
        "visible": ["display_name", "passions"],
        "remote": False,
    }


def _page(
    request: Request,
    values: dict[str, Any] | None = None,
    errors: dict[str, str] | None = None,
    *,
    status: int = 200,
    error: str | None = None,
    message: str | None = None,
) -> HTMLResponse:
    from passionpath.community import list_groups, list_requests, mentors_for, tribe

    user = current_user(request)
    ctx = context(request)
    from passionpath.community import my_membership

    mine = my_membership(ctx.engine, owner=user)
    found: dict[str, Any] = {"tribe": [], "mentors": [], "requests": [], "groups": []}
    notes: dict[str, str] = {}
    if mine is not None:
        found["requests"] = list_requests(ctx.engine, owner=user)
        for name, ranking in (("tribe", tribe), ("mentors", mentors_for)):
            feature = {"tribe": "tribe", "mentors": "mentee"}[name]
            if feature in mine.features:
                try:
                    found[name] = ranking(ctx, owner=user)
                except PassionpathError as exc:
                    notes[name] = in_words(exc)
        found["groups"] = list_groups(ctx, owner=user)
    return render(
        request,
        "community.html",
        status,
        mine=mine,
        values=values or (_values_of(mine) if mine else _blank()),
        errors=errors or {},
        labels=LABELS,
        feature_words=FEATURE_WORDS,
        shown_words=SHOWN_WORDS,
        limits=LIMITS,
        found=found,
        notes=notes,
        error=error,
        message=message or _said(request),
    )


_SAID = {
    "joined": "Saved: this is what others in the community see of you.",
    "left": "You have left the community.",
    "sent": "Request sent.",
    "accepted": "Accepted: you are now in each other's contacts.",
    "declined": "Declined.",
    "blocked": "Blocked: neither of you will see the other again.",
    "reported": "Thank you: the report is stored for whoever runs the community.",
    "formed": "Groups formed.",
    "nogroup": "No new group: too few people are waiting on your topics.",
    "joined-group": "You are in the group; it is in your contacts for the check-ins.",
    "left-group": "You have left the group.",
}


def _said(request: Request) -> str | None:
    return _SAID.get(request.query_params.get("done", ""))


def _back(done: str, anchor: str = "") -> RedirectResponse:
    return RedirectResponse(f"/community?done={done}{anchor}", status_code=303)


@router.get("/community", response_class=HTMLResponse)
def community(request: Request) -> Response:
    return _page(request)


@router.post("/community/join")
async def join(request: Request) -> Response:
    from passionpath.community import Choices
    from passionpath.community import join as join_community

    form, expired = await submitted(request)
    user = current_user(request)
    values = _typed(form)
    errors: dict[str, str] = {}
    capacity = 0
    text = values["mentor_capacity"].strip()
    if text:
        if not text.isdigit():
            errors["mentor_capacity"] = f"{LABELS['mentor_capacity']}: enter a whole number."
        else:
            capacity = int(text)
    if expired or errors:
        return _page(request, values, errors, status=400, error=expired)
    try:
        join_community(
            Choices(
                display_name=values["display_name"],
                features=tuple(values["features"]),
                visible=tuple(values["visible"]),
                passions=_lines(values["passions"]),
                target_careers=_lines(values["target_careers"]),
                current_occupation=values["current_occupation"].strip() or None,
                work_history=_lines(values["work_history"]),
                city=values["city"],
                remote=values["remote"],
                availability=values["availability"],
                mentor_capacity=capacity,
                gaps=_lines(values["gaps"]),
            ),
            engine(request),
            owner=user,
        )
    except PassionpathError as exc:
        name = (exc.field or "").split("[", 1)[0]
        if name not in LABELS:
            raise
        errors[name] = in_words(exc, LABELS[name])
        return _page(request, values, errors, status=400)
    return _back("joined")


@router.post("/community/leave")
def leave(request: Request, csrf: str = Form("")) -> Response:
    from passionpath.community import leave as leave_community

    check_csrf(request, csrf)
    leave_community(engine(request), owner=current_user(request))
    return _back("left")


@router.post("/community/connect")
def connect(
    request: Request,
    csrf: str = Form(""),
    member: int = Form(..., ge=1, le=2**31 - 1),
    kind: str = Form("connect", max_length=16),
    note: str = Form("", max_length=MAX_REQUEST_NOTE_CHARS),
) -> Response:
    from passionpath.community import send_request

    check_csrf(request, csrf)
    try:
        send_request(
            member, engine(request), owner=current_user(request), kind=kind, note=note or None
        )
    except PassionpathError as exc:
        if isinstance(exc, NotFoundError):
            raise
        return _page(request, status=400, error=in_words(exc))
    return _back("sent", "#requests")


@router.post("/community/requests/{request_id}/{answer}")
def answer(request: Request, request_id: int, answer: str, csrf: str = Form("")) -> Response:
    from passionpath.community import answer_request

    check_csrf(request, csrf)
    if answer not in ("accept", "decline"):
        raise NotFoundError("no such answer.")
    answer_request(request_id, answer == "accept", engine(request), owner=current_user(request))
    return _back("accepted" if answer == "accept" else "declined", "#requests")


@router.post("/community/block")
def block(
    request: Request, csrf: str = Form(""), member: int = Form(..., ge=1, le=2**31 - 1)
) -> Response:
    from passionpath.community import block as block_member

    check_csrf(request, csrf)
    block_member(member, engine(request), owner=current_user(request))
    return _back("blocked")


@router.post("/community/report")
def report(
    request: Request,
    csrf: str = Form(""),
    member: int = Form(..., ge=1, le=2**31 - 1),
    reason: str = Form("", max_length=MAX_REPORT_CHARS),
) -> Response:
    from passionpath.community import report as report_member

    check_csrf(request, csrf)
    try:
        report_member(member, reason, engine(request), owner=current_user(request))
    except PassionpathError as exc:
        if isinstance(exc, NotFoundError):
            raise
        return _page(request, status=400, error=in_words(exc, "Report"))
    return _back("reported")


@router.post("/community/groups/form")
def form_groups(request: Request, csrf: str = Form("")) -> Response:
    from passionpath.community import form_study_groups

    check_csrf(request, csrf)
    formed = form_study_groups(context(request), owner=current_user(request))
    return _back("formed" if formed else "nogroup", "#groups")


@router.post("/community/groups/{group_id}/{action}")
def group_action(request: Request, group_id: int, action: str, csrf: str = Form("")) -> Response:
    from passionpath.community import join_group, leave_group

    check_csrf(request, csrf)
    if action == "join":
        join_group(context(request), group_id, owner=current_user(request))
        return _back("joined-group", "#groups")
    if action == "leave":
        leave_group(context(request), group_id, owner=current_user(request))
        return _back("left-group", "#groups")
    raise NotFoundError("no such action.")
