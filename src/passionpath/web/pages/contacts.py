"""The contact book: the book with search and tags, a contact's timeline with a form to log
what happened, adding and editing, who works in an occupation, and the check-in feed."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import FormData, UploadFile

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_CONTACT_PHOTO_BYTES, MAX_QUERY_CHARS
from passionpath.web._deps import (
    check_csrf,
    context,
    current_user,
    engine,
    render,
    submitted,
)
from passionpath.web._errors import in_words
from passionpath.web._words import day

router = APIRouter()

#: The form's fields as the page labels them, by the core's names for them.
LABELS = {
    "display_name": "Name",
    "given_name": "Given name",
    "family_name": "Family name",
    "emails": "Email addresses",
    "phones": "Phone numbers",
    "organisation": "Organisation",
    "job_title": "Job title",
    "urls": "Web addresses",
    "location": "Location",
    "tags": "Tags",
    "how_met": "How you met",
    "notes": "Notes",
    "birthday": "Birthday",
    "photo": "Photo",
    "occupation_codes": "Occupations",
    "passions": "Passions",
    "ideal_days": "Check in every (days)",
    "max_days": "At most (days)",
    "region": "Country for phone numbers",
}
#: The log form's fields.
LOG_LABELS = {
    "kind": "What happened",
    "on": "When",
    "note": "Note",
    "follow_up_on": "Follow up on",
    "contacts": "With",
}
#: Interaction kinds as the page says them.
KINDS = {
    "meeting": "Meeting",
    "call": "Call",
    "message": "Message",
    "event": "Event",
    "informational_interview": "Informational interview",
    "feedback": "Feedback",
    "introduction": "Introduction",
}


#: Photo types served as pictures.
_PICTURES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _commas(text: str) -> list[str]:
    return [part.strip() for part in text.replace("\n", ",").split(",") if part.strip()]


def _form_values(form: FormData) -> dict[str, str]:
    """What was typed, as text, to show again."""
    return {name: str(form.get(name, "")) for name in LABELS if name != "photo"}


async def _changes(form: FormData, errors: dict[str, str]) -> dict[str, Any]:
    """The core's contact fields from the form; what cannot be read goes into ``errors``."""
    from passionpath.network import Email, Phone

    typed = _form_values(form)
    out: dict[str, Any] = {
        name: typed[name] or None
        for name in (
            "display_name",
            "given_name",
            "family_name",
            "organisation",
            "job_title",
            "location",
            "how_met",
            "notes",
            "passions",
        )
    }
    out["emails"] = tuple(Email(e) for e in _lines(typed["emails"]))
    out["phones"] = tuple(Phone(p) for p in _lines(typed["phones"]))
    out["urls"] = tuple(_lines(typed["urls"]))
    out["tags"] = tuple(_commas(typed["tags"]))
    out["occupation_codes"] = tuple(_commas(typed["occupation_codes"]))
    for name in ("ideal_days", "max_days"):
        text = typed[name].strip()
        if text:
            if not text.isdigit():
                errors[name] = f"{LABELS[name]}: enter a whole number of days, such as 30."
            else:
                out[name] = int(text)
        else:
            out[name] = None
    text = typed["birthday"].strip()
    out["birthday"] = None
    if text:
        try:
            out["birthday"] = date.fromisoformat(text)
        except ValueError:
            errors["birthday"] = "Birthday: enter a date such as 1990-04-23."
    upload = form.get("photo")
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(MAX_CONTACT_PHOTO_BYTES + 1)
        if len(data) > MAX_CONTACT_PHOTO_BYTES:
            errors["photo"] = f"Photo: the picture is over {MAX_CONTACT_PHOTO_BYTES // 1000} kB."
        elif data:
            out["photo"] = data
            out["photo_type"] = upload.content_type or "image/jpeg"
    elif form.get("remove_photo"):
        out["photo"] = None
    return out


def _values_of(view: Any) -> dict[str, str]:
    """A stored contact as the form shows it."""
    return {
        "display_name": view.display_name or "",
        "given_name": view.given_name or "",
        "family_name": view.family_name or "",
        "emails": "\n".join(e.address for e in view.emails),
        "phones": "\n".join(p.original for p in view.phones),
        "organisation": view.organisation or "",
        "job_title": view.job_title or "",
        "urls": "\n".join(view.urls),
        "location": view.location or "",
        "tags": ", ".join(view.tags),
        "how_met": view.how_met or "",
        "notes": view.notes or "",
        "birthday": view.birthday.isoformat() if view.birthday else "",
        "occupation_codes": ", ".join(view.occupation_codes),
        "passions": view.passions or "",
        "ideal_days": str(view.ideal_days or ""),
        "max_days": str(view.max_days or ""),
        "region": "",
    }


def _titles(request: Request, codes: Any) -> dict[str, str]:
    from passionpath.catalog import title_index

    try:
        index = title_index(context(request))
    except PassionpathError:
        return {}
    known = dict(zip(index.codes, index.titles, strict=True))
    return {c: known[c] for c in codes if c in known}


def _form_page(
    request: Request,
    values: dict[str, str],
    errors: dict[str, str],
    *,
    contact: Any = None,
    status: int = 200,
    error: str | None = None,
) -> HTMLResponse:
    return render(
        request,
        "contact_form.html",
        status,
        values=values,
        errors=errors,
        labels=LABELS,
        contact=contact,
        error=error,
        max_photo_kb=MAX_CONTACT_PHOTO_BYTES // 1000,
    )


def _field_error(exc: PassionpathError, errors: dict[str, str], labels: dict[str, str]) -> bool:
    """Put a core error next to its field; False when it belongs to no field of the form."""
    if exc.field not in labels:
        return False
    errors[exc.field] = in_words(exc, labels[exc.field])
    return True


#: Check-ins listed in each of overdue, due and coming up before "and N more".
DUE_SHOWN = 20


@router.get("/contacts", response_class=HTMLResponse)
def book(request: Request, q: str = "", tag: str = "", due: str = "") -> Response:
    from passionpath.network import book_tags, due_for, feed_token, list_contacts

    user = current_user(request)
    db = engine(request)
    q, tag = q[:MAX_QUERY_CHARS], tag[:MAX_QUERY_CHARS]
    contacts = list_contacts(db, owner=user, tag=tag or None, query=q or None)
    return render(
        request,
        "contacts.html",
        contacts=contacts,
        tags=book_tags(db, owner=user),
        due=due_for(db, owner=user, limit=None if due == "all" else DUE_SHOWN),
        q=q,
        tag=tag,
        today=date.today(),
        day=day,
        feed=f"{request.base_url}contacts/feed/{feed_token(db, owner=user)}.ics",
        message="Saved." if request.query_params.get("saved") else None,
    )


@router.get("/contacts/new", response_class=HTMLResponse)
def new_contact(request: Request) -> Response:
    current_user(request)
    return _form_page(request, {name: "" for name in LABELS}, {})


@router.post("/contacts")
async def add(request: Request) -> Response:
    from passionpath.network import ContactFields, add_contact

    form, expired = await submitted(request)
    user = current_user(request)
    errors: dict[str, str] = {}
    changes = await _changes(form, errors)
    values = _form_values(form)
    if expired or errors:
        return _form_page(request, values, errors, status=400, error=expired)
    try:
        contact_id = add_contact(
            ContactFields(**changes),
            engine(request),
            owner=user,
            region=values["region"].strip().upper() or None,
            ctx=context(request),
        )
    except PassionpathError as exc:
        if not _field_error(exc, errors, LABELS):
            raise
        return _form_page(request, values, errors, status=400)
    return RedirectResponse(f"/contacts/{contact_id}", status_code=303)


@router.get("/contacts/for", response_class=HTMLResponse)
def people_for(request: Request, code: str = "") -> Response:
    """Who in the book works in an occupation or near it."""
    from passionpath.network import contacts_for

    user = current_user(request)
    code = code.strip()[:16]
    found = contacts_for(code, context(request), owner=user) if code else None
    return render(request, "contacts_for.html", found=found, code=code, today=date.today(), day=day)


@router.get("/contacts/feed/{token}.ics")
def feed(request: Request, token: str) -> Response:
    """The check-in calendar at its secret address (no login, so calendar apps can subscribe)."""
    from passionpath.network import contacts_calendar, feed_owner

    owner = feed_owner(engine(request), token)
    return Response(contacts_calendar(engine(request), owner=owner), media_type="text/calendar")


@router.post("/contacts/feed/new")
def new_feed(request: Request, csrf: str = Form("")) -> Response:
    from passionpath.network import new_feed_token

    check_csrf(request, csrf)
    new_feed_token(engine(request), owner=current_user(request))
    return RedirectResponse("/contacts?saved=1#feed", status_code=303)


def _timeline_page(
    request: Request,
    contact_id: int,
    *,
    status: int = 200,
    log_values: dict[str, str] | None = None,
    log_errors: dict[str, str] | None = None,
    error: str | None = None,
    message: str | None = None,
) -> HTMLResponse:
    from passionpath.network import get_contact, list_contacts, list_interactions

    user = current_user(request)
    db = engine(request)
    contact = get_contact(contact_id, db, owner=user)
    timeline = list_interactions(db, owner=user, contact_id=contact_id)
    others = [c for c in list_contacts(db, owner=user) if c.id != contact_id]
    names = {c.id: c.display_name for c in others}
    today = date.today()
    return render(
        request,
        "contact.html",
        status,
        contact=contact,
        timeline=timeline,
        names=names,
        others=others,
        kinds=KINDS,
        titles=_titles(request, contact.occupation_codes),
        today=today,
        day=day,
        log_values=log_values or {"on": today.isoformat(), "kind": "meeting"},
        log_errors=log_errors or {},
        error=error,
        message=message,
    )


@router.get("/contacts/{contact_id}", response_class=HTMLResponse)
def timeline_page(request: Request, contact_id: int) -> Response:
    saved = request.query_params.get("logged")
    return _timeline_page(request, contact_id, message="Logged." if saved else None)


@router.post("/contacts/{contact_id}/log")
async def log(request: Request, contact_id: int) -> Response:
    from passionpath.network import log_interaction

    form, expired = await submitted(request)
    user = current_user(request)
    values = {name: str(form.get(name, "")) for name in LOG_LABELS if name != "contacts"}
    errors: dict[str, str] = {}
    days: dict[str, date | None] = {}
    for name in ("on", "follow_up_on"):
        text = values[name].strip()
        days[name] = None
        if text:
            try:
                days[name] = date.fromisoformat(text)
            except ValueError:
                errors[name] = f"{LOG_LABELS[name]}: enter a date such as 2026-12-01."
    others: list[int] = []
    for value in form.getlist("with"):
        if str(value).isdigit():
            others.append(int(str(value)))
    if expired or errors:
        return _timeline_page(
            request, contact_id, status=400, log_values=values, log_errors=errors, error=expired
        )
    try:
        log_interaction(
            [contact_id, *others],
            values["kind"],
            engine(request),
            owner=user,
            on=days["on"],
            note=values["note"],
            follow_up_on=days["follow_up_on"],
        )
    except PassionpathError as exc:
        if exc.field == "contact" or not _field_error(exc, errors, LOG_LABELS):
            raise
        return _timeline_page(request, contact_id, status=400, log_values=values, log_errors=errors)
    return RedirectResponse(f"/contacts/{contact_id}?logged=1", status_code=303)


@router.post("/contacts/{contact_id}/interactions/{interaction_id}/delete")
def forget(
    request: Request, contact_id: int, interaction_id: int, csrf: str = Form("")
) -> Response:
    from passionpath.errors import NotFoundError
    from passionpath.network import delete_interaction, list_interactions

    check_csrf(request, csrf)
    user = current_user(request)
    mine = {i.id for i in list_interactions(engine(request), owner=user, contact_id=contact_id)}
    if interaction_id not in mine:
        raise NotFoundError("This interaction is not in this contact's timeline.")
    delete_interaction(interaction_id, engine(request), owner=user)
    return RedirectResponse(f"/contacts/{contact_id}", status_code=303)


@router.get("/contacts/{contact_id}/edit", response_class=HTMLResponse)
def edit_page(request: Request, contact_id: int) -> Response:
    from passionpath.network import get_contact

    contact = get_contact(contact_id, engine(request), owner=current_user(request))
    return _form_page(request, _values_of(contact), {}, contact=contact)


@router.post("/contacts/{contact_id}/edit")
async def edit(request: Request, contact_id: int) -> Response:
    from passionpath.network import get_contact, update_contact

    form, expired = await submitted(request)
    user = current_user(request)
    contact = get_contact(contact_id, engine(request), owner=user)
    errors: dict[str, str] = {}
    changes = await _changes(form, errors)
    values = _form_values(form)
    # Codes left as they were shown keep who chose them (the job title, or the person).
    if tuple(changes["occupation_codes"]) == contact.occupation_codes:
        del changes["occupation_codes"]
    if expired or errors:
        return _form_page(request, values, errors, contact=contact, status=400, error=expired)
    try:
        update_contact(
            contact_id,
            changes,
            engine(request),
            owner=user,
            region=values["region"].strip().upper() or None,
            ctx=context(request),
        )
    except PassionpathError as exc:
        if not _field_error(exc, errors, LABELS):
            raise
        return _form_page(request, values, errors, contact=contact, status=400)
    return RedirectResponse(f"/contacts/{contact_id}", status_code=303)


@router.post("/contacts/{contact_id}/delete")
def delete(request: Request, contact_id: int, csrf: str = Form("")) -> Response:
    from passionpath.network import delete_contact

    check_csrf(request, csrf)
    delete_contact(contact_id, engine(request), owner=current_user(request))
    return RedirectResponse("/contacts?saved=1", status_code=303)


@router.get("/contacts/{contact_id}/photo")
def photo(request: Request, contact_id: int) -> Response:
    from passionpath.errors import NotFoundError
    from passionpath.network import get_contact

    contact = get_contact(contact_id, engine(request), owner=current_user(request))
    if not contact.photo:
        raise NotFoundError("This contact has no photo.")
    # Only raster pictures are served as such (an SVG could carry a script); anything else
    # downloads as bytes.
    kind = contact.photo_type if contact.photo_type in _PICTURES else None
    headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "private, max-age=300"}
    return Response(contact.photo, media_type=kind or "application/octet-stream", headers=headers)
