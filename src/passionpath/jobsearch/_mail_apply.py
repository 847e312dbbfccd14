"""Mail import against the stored tracker: the owner's applications as matching records, and
the accepted proposals logged as stage events with the e-mail as their evidence."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from passionpath.jobsearch._mail_match import (
    ApplicationRecord,
    MailImport,
    Proposal,
    evidence_note,
    mail_ids_in,
)
from passionpath.jobsearch._stages import REJECTABLE, StageEvent
from passionpath.jobsearch._store import list_applications
from passionpath.limits import MAX_MAIL_APPLICATIONS

if TYPE_CHECKING:
    from passionpath.context import Context

#: Characters of the reason phrases kept as a rejection's feedback.
FEEDBACK_CHARS = 1_000


def application_records(
    engine: Engine, *, owner: int | None = None, ctx: Context | None = None
) -> list[ApplicationRecord]:
    """The owner's applications as mail matching sees them: company, role, stage, when
    applied, the e-mails already imported (from their notes), and the linked contacts'
    addresses."""
    from passionpath.network import get_contact

    views = list_applications(engine, owner=owner, ctx=ctx)[:MAX_MAIL_APPLICATIONS]
    addresses: dict[int, tuple[str, ...]] = {}
    records = []
    for view in views:
        emails: list[str] = []
        for link in view.contacts:
            if link.contact_id not in addresses:
                try:
                    contact = get_contact(link.contact_id, engine, owner=owner)
                    addresses[link.contact_id] = tuple(e.address.lower() for e in contact.emails)
                except Exception:  # a contact deleted since: its address is simply unknown
                    addresses[link.contact_id] = ()
            emails += addresses[link.contact_id]
        imported = tuple(i for e in view.events for i in mail_ids_in(e.note))
        status = view.status
        records.append(
            ApplicationRecord(
                id=view.id,
                company=view.company or "",
                role_title=view.role_title or "",
                # Silence counted as "ghosted" is no stage an e-mail moves from: the furthest is.
                stage=(status.furthest if status.ghosted_computed else status.stage)
                if status
                else None,
                applied_on=status.applied_on if status else None,
                thread_ids=imported,
                contact_emails=tuple(emails),
                imported_ids=imported,
            )
        )
    return records


def event_for(proposal: Proposal) -> StageEvent:
    """The stage event a proposal becomes: on the e-mail's day, its note naming the e-mail;
    a rejection with its stage, reasons, the phrases behind them and the skills named."""
    day = (
        date.fromisoformat(proposal.evidence.date[:10]) if proposal.evidence.date else date.today()
    )
    note = evidence_note(proposal)
    if proposal.to_stage != "rejected":
        return StageEvent(0, proposal.to_stage, day, note=note)
    phrases = [p["text"] for r in proposal.reasons for p in r["phrases"]]
    feedback = " ".join(dict.fromkeys(phrases))[:FEEDBACK_CHARS] or None
    at = proposal.rejected_at if proposal.rejected_at in REJECTABLE else None
    cited = tuple(dict.fromkeys(s["element_id"] for s in proposal.skills if s["element_id"]))
    return StageEvent(
        0,
        "rejected",
        day,
        note=note,
        at_stage=at,
        ended_by="they",
        reasons=tuple(r["category"] for r in proposal.reasons),
        feedback=feedback,
        cited=cited,
    )


def apply_proposals(
    report: MailImport,
    engine: Engine,
    *,
    owner: int | None = None,
    only: Collection[int] | None = None,
) -> list[tuple[Proposal, int]]:
    """Log the proposals (those numbered in ``only``, 0-based, when given) as stage events,
    all in one transaction: one that cannot be logged (an application deleted meanwhile, or
    not the owner's) logs none. Returns each applied proposal with its new event id."""
    from dataclasses import replace

    from sqlalchemy import insert

    from passionpath.jobsearch._fields import check_event
    from passionpath.jobsearch._store import (
        _event_row,
        _events,
        _owned_row,
        _stage_before_rejection,
    )
    from passionpath.store import models as m

    chosen = [
        (number, p) for number, p in enumerate(report.proposals) if only is None or number in only
    ]
    events = [(p, check_event(event_for(p))) for _, p in chosen]
    applied = []
    with engine.begin() as conn:
        for proposal, event in events:
            application = int(proposal.application_id)
            _owned_row(conn, application, owner)
            if event.stage == "rejected" and event.at_stage is None:
                log = _events(conn, [application]).get(application, [])
                event = replace(event, at_stage=_stage_before_rejection(log))
            number = conn.execute(
                insert(m.ApplicationEvent).returning(m.ApplicationEvent.id),
                _event_row(application, event),
            ).scalar_one()
            applied.append((proposal, int(number)))
    return applied


__all__ = ["application_records", "apply_proposals", "event_for"]
