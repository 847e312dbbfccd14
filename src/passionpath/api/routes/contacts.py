"""The contact book: contacts, their interactions, the due list, who works where, and the
check-in calendar; every route scoped to the signed-in user."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, File, Query, Response, UploadFile
from starlette.concurrency import run_in_threadpool

from passionpath.api._contact_schemas import ContactIn, InteractionIn, MergeIn
from passionpath.api._deps import ContextDep, CurrentUser, EngineDep
from passionpath.limits import MAX_LABEL_CHARS, MAX_QUERY_CHARS

router = APIRouter(prefix="/contacts", tags=["contacts"])


@router.get("")
def list_contacts(
    user: CurrentUser,
    engine: EngineDep,
    tag: str | None = Query(None, max_length=MAX_LABEL_CHARS),
    q: str | None = Query(None, max_length=MAX_QUERY_CHARS, description="Words to find."),
) -> list[dict[str, Any]]:
    from passionpath.network import list_contacts as find

    return [v.as_dict() for v in find(engine, owner=user, tag=tag, query=q)]


@router.post("", status_code=201)
def create(body: ContactIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.network import ContactFields, add_contact, get_contact

    contact_id = add_contact(
        ContactFields(**body.changes()), ctx.engine, owner=user, region=body.region, ctx=ctx
    )
    return get_contact(contact_id, ctx.engine, owner=user).as_dict()


@router.get("/due")
def due(
    user: CurrentUser,
    engine: EngineDep,
    today: date | None = None,
    limit: int | None = Query(None, ge=1, description="At most this many entries in each list."),
) -> dict[str, Any]:
    """Overdue, due and coming-up check-ins (``today`` defaults to the server's date); each
    list cut to ``limit`` entries when given, with ``*_total`` counting them all."""
    from passionpath.network import due_for

    return due_for(engine, owner=user, today=today, limit=limit).as_dict()


@router.get("/for/{code}")
def contacts_for(
    code: str,
    user: CurrentUser,
    ctx: ContextDep,
    top: int = Query(20, ge=1, le=200),
    today: date | None = None,
) -> dict[str, Any]:
    """People who work in occupation ``code`` or one of its close neighbours, closest and
    warmest first."""
    from passionpath.network import contacts_for as find

    return find(code, ctx, owner=user, top=top, today=today).as_dict()


@router.get("/calendar.ics")
def calendar(user: CurrentUser, engine: EngineDep) -> Response:
    """Due check-ins and open follow-ups as iCalendar to-dos with reminders."""
    from passionpath.network import contacts_calendar

    return Response(contacts_calendar(engine, owner=user), media_type="text/calendar")


@router.post("/import")
async def import_file(
    user: CurrentUser,
    ctx: ContextDep,
    file: UploadFile = File(description="A .vcf, a LinkedIn Connections.csv or export .zip."),
    dry_run: bool = Query(False, description="Say what would be added and merged; store nothing."),
    region: str | None = Query(None, pattern=r"^[A-Za-z]{2}$"),
) -> dict[str, Any]:
    """Import contacts: those already in the book are merged, not added twice, and the
    report says which. A file at fault imports nothing and names the card or line."""
    from passionpath.errors import PassionpathError
    from passionpath.limits import MAX_CONTACTS_FILE_BYTES
    from passionpath.network import import_book

    data = await file.read(MAX_CONTACTS_FILE_BYTES + 1)
    if len(data) > MAX_CONTACTS_FILE_BYTES:
        raise PassionpathError(
            f"is over {MAX_CONTACTS_FILE_BYTES // 1_000_000} MB; nothing was imported.",
            field="file",
        )
    name = file.filename or "upload"
    report = await run_in_threadpool(
        import_book, ctx, name, data, owner=user, dry_run=dry_run, region=region
    )
    return report.as_dict()


@router.get("/export")
def export(
    user: CurrentUser,
    engine: EngineDep,
    format: str = Query("vcard", pattern="^(vcard|csv)$"),
    vcard_version: str = Query("4.0", pattern=r"^(4\.0|3\.0)$"),
) -> Response:
    """The whole book as vCard (4.0, or 3.0 for Apple Contacts and Android) or CSV."""
    from passionpath.network import export_csv, export_vcard

    if format == "csv":
        body, media, name = export_csv(engine, user), "text/csv", "contacts.csv"
    else:
        body = export_vcard(engine, user, version=vcard_version)
        media, name = "text/vcard", "contacts.vcf"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return Response(body, media_type=f"{media}; charset=utf-8", headers=headers)


@router.post("/merge")
def merge(body: MergeIn, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    """Merge contact ``other`` into ``keep`` (its interactions move, then it is deleted)."""
    from passionpath.network import merge_contacts

    return merge_contacts(engine, user, body.keep, body.other).as_dict()


@router.get("/{contact_id}")
def read(contact_id: int, user: CurrentUser, engine: EngineDep) -> dict[str, Any]:
    from passionpath.network import get_contact

    return get_contact(contact_id, engine, owner=user).as_dict()


@router.patch("/{contact_id}")
def update(contact_id: int, body: ContactIn, user: CurrentUser, ctx: ContextDep) -> dict[str, Any]:
    from passionpath.network import update_contact

    view = update_contact(
        contact_id, body.changes(), ctx.engine, owner=user, region=body.region, ctx=ctx
    )
    return view.as_dict()


@router.delete("/{contact_id}", status_code=204)
def remove(contact_id: int, user: CurrentUser, engine: EngineDep) -> Response:
    from passionpath.network import delete_contact

    delete_contact(contact_id, engine, owner=user)
    return Response(status_code=204)


@router.get("/{contact_id}/interactions")
def timeline(contact_id: int, user: CurrentUser, engine: EngineDep) -> list[dict[str, Any]]:
    """The contact's interactions, newest first."""
    from passionpath.network import get_contact, list_interactions

    get_contact(contact_id, engine, owner=user)  # 404 for a contact that is not theirs
    return [i.as_dict() for i in list_interactions(engine, owner=user, contact_id=contact_id)]


@router.post("/{contact_id}/interactions", status_code=201)
def log(
    contact_id: int, body: InteractionIn, user: CurrentUser, engine: EngineDep
) -> dict[str, Any]:
    """Log an interaction with this contact (and those in ``with``): it resets their
    check-in clocks, and an informational interview ticks a plan's interview action."""
    from passionpath.network import list_interactions, log_interaction

    interaction_id = log_interaction(
        [contact_id, *body.with_],
        body.kind,
        engine,
        owner=user,
        on=body.on,
        note=body.note,
        follow_up_on=body.follow_up_on,
    )
    logged = list_interactions(engine, owner=user, contact_id=contact_id)
    return next(i for i in logged if i.id == interaction_id).as_dict()


@router.delete("/{contact_id}/interactions/{interaction_id}", status_code=204)
def forget(contact_id: int, interaction_id: int, user: CurrentUser, engine: EngineDep) -> Response:
    """Delete a logged interaction; the clocks go back to the latest one left."""
    from passionpath.errors import NotFoundError
    from passionpath.network import delete_interaction, list_interactions

    mine = {i.id for i in list_interactions(engine, owner=user, contact_id=contact_id)}
    if interaction_id not in mine:
        raise NotFoundError(
            f"Contact {contact_id} has no interaction {interaction_id}.", field="interaction"
        )
    delete_interaction(interaction_id, engine, owner=user)
    return Response(status_code=204)
