"""E-mails matched to applications and proposed as stage changes, the e-mail as evidence.

Pure functions over simple records: the tracker passes its applications as
:class:`ApplicationRecord` and applies the proposals it accepts. A message is matched by, in
order of strength: a thread it shares with the application (a message id or Gmail thread id
the application already knows), a contact's address, then the company (the sender's domain or
display name, or the company named in the subject or body) and the role title. Every message
ends in exactly one list of the :class:`MailImport`: proposed, matched without a change,
unmatched (with why), or unreadable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from passionpath.errors import PassionpathError
from passionpath.jobsearch._classify import Classification, classify_texts
from passionpath.jobsearch._mail import MailMessage, MailRead
from passionpath.limits import MAX_CLASSIFY_TEXT_CHARS, MAX_MAIL_APPLICATIONS

if TYPE_CHECKING:
    from passionpath.context import Context

#: Stages in the order an application goes through them; the last four end it.
STAGE_ORDER = (
    "saved",
    "applied",
    "screen",
    "assessment",
    "interview",
    "offer",
    "accepted",
    "declined",
    "withdrawn",
    "rejected",
)
_ENDED = {"accepted", "declined", "withdrawn", "rejected"}
#: A match needs at least this score; below it the message is listed as unmatched.
MATCH_THRESHOLD = 0.6
#: Two applications closer than this are ambiguous: the message is not given to either.
AMBIGUITY_MARGIN = 0.1
#: Characters of the body kept as the evidence excerpt.
EXCERPT_CHARS = 400

_LEGAL = re.compile(
    r"\b(?:ltd|limited|inc|incorporated|llc|llp|plc|gmbh|ag|sa|sas|srl|spa|sro|sp z oo|bv|nv"
    r"|ab|oy|as|co|corp|corporation|company|group|holdings|the)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ApplicationRecord:
    """What matching needs to know of one application."""

    id: int | str
    company: str
    role_title: str = ""
    #: The stage it is at now (one of STAGE_ORDER), when known.
    stage: str | None = None
    applied_on: date | None = None
    thread_ids: tuple[str, ...] = ()
    contact_emails: tuple[str, ...] = ()
    #: Message ids already imported into this application: importing them again changes
    #: nothing (see :func:`mail_ids_in`).
    imported_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class MailEvidence:
    source: str
    subject: str
    sender: str
    date: str | None
    excerpt: str
    thread_ids: tuple[str, ...]


@dataclass
class Proposal:
    """A stage change an e-mail suggests for an application."""

    application_id: int | str
    from_stage: str | None
    to_stage: str
    #: For a rejection: the stage it came at, as the e-mail says it.
    rejected_at: str | None
    kind: str
    confidence: float
    reasons: list[dict[str, Any]]
    skills: list[dict[str, Any]]
    #: Why this application: "same thread", "contact address", "company in domain"...
    matched_by: list[str]
    evidence: MailEvidence


@dataclass
class Unchanged:
    """A matched e-mail that moves nothing (an alert, a reminder, a stage already reached)."""

    application_id: int | str
    kind: str
    why: str
    evidence: MailEvidence


@dataclass
class Unmatched:
    kind: str
    why: str
    #: Applications that came close, best first (id, score).
    candidates: list[tuple[int | str, float]]
    company_hint: str | None
    evidence: MailEvidence


@dataclass
class MailImport:
    proposals: list[Proposal] = field(default_factory=list)
    unchanged: list[Unchanged] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    #: (source, reason) of messages that could not be read.
    unreadable: list[tuple[str, str]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return (
            len(self.proposals) + len(self.unchanged) + len(self.unmatched) + len(self.unreadable)
        )

    def as_dict(self) -> dict[str, Any]:
        from dataclasses import asdict

        return {
            "proposals": [asdict(p) for p in self.proposals],
            "unchanged": [asdict(u) for u in self.unchanged],
            "unmatched": [asdict(u) for u in self.unmatched],
            "unreadable": [{"source": s, "reason": r} for s, r in self.unreadable],
        }


def normalise_company(name: str) -> str:
    """A company name compared loosely: accents, case, legal forms and punctuation gone."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = plain.replace("&", " and ").replace(".", "")
    plain = _LEGAL.sub(" ", plain)
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def _squashed(name: str) -> str:
    return normalise_company(name).replace(" ", "").replace("and", "")


def match_score(message: MailMessage, application: ApplicationRecord) -> tuple[float, list[str]]:
    """How surely ``message`` is about ``application`` (0-1), and why."""
    why: list[str] = []
    known = set(application.thread_ids) | set(application.imported_ids)
    if known & set(message.thread_ids):
        return 1.0, ["same thread"]
    contacts = {e.lower() for e in application.contact_emails}
    score = 0.0
    if message.sender_email and message.sender_email in contacts:
        score = 0.9
        why.append("contact address")
    company = normalise_company(application.company)
    squashed = _squashed(application.company)
    if company:
        hint = message.company_hint or ""
        domain_label = message.sender_domain.split(".")[0] if message.sender_domain else ""
        if squashed and (_squashed(hint) == squashed or squashed == domain_label):
            score = max(score, 0.8)
            why.append("company in sender")
        elif (
            squashed
            and hint
            and len(squashed) >= 4
            and (_squashed(hint).startswith(squashed) or squashed.startswith(_squashed(hint)))
        ):
            score = max(score, 0.7)
            why.append("company in sender")
        else:
            written = normalise_company(f"{message.subject}\n{message.body[:3000]}")
            if re.search(rf"\b{re.escape(company)}\b", written):
                score = max(score, 0.65)
                why.append("company named in the e-mail")
    title = normalise_company(application.role_title)
    if title and score:
        written = normalise_company(f"{message.subject}\n{message.body[:3000]}")
        if re.search(rf"\b{re.escape(title)}\b", written):
            score = min(1.0, score + 0.15)
            why.append("role title named")
    sent, applied = message.date, application.applied_on
    by_contact = "contact address" in why
    if score and sent and applied and sent.date() < applied and not by_contact:
        score *= 0.7
        why.append("sent before the application")
    return score, why


def _evidence(message: MailMessage) -> MailEvidence:
    sender = (
        f"{message.sender_name} <{message.sender_email}>"
        if message.sender_name
        else message.sender_email
    )
    return MailEvidence(
        source=message.source,
        subject=message.subject,
        sender=sender,
        date=message.date.isoformat() if isinstance(message.date, datetime) else None,
        excerpt=message.body[:EXCERPT_CHARS],
        thread_ids=message.thread_ids,
    )


def proposed_stage(result: Classification) -> str | None:
    """The stage an e-mail of this kind moves an application to (None: no move)."""
    if result.kind == "rejection":
        return "rejected"
    if result.kind == "offer":
        return "offer"
    if result.kind == "interview":
        return result.stage or "interview"
    if result.kind == "acknowledgement":
        return "applied"
    return None


def _moves(current: str | None, target: str) -> bool:
    """Whether going to ``target`` is news for an application at ``current``."""
    if current is None:
        return True
    if current in _ENDED:
        return False
    if target == "rejected":
        return True
    if current not in STAGE_ORDER:
        return True
    # An interview after an interview is a new round: worth logging.
    if target == current == "interview":
        return True
    return STAGE_ORDER.index(target) > STAGE_ORDER.index(current)


def match_mail(
    read: MailRead,
    applications: Sequence[ApplicationRecord],
    ctx: Context | None = None,
) -> MailImport:
    """Match, classify and propose: every message of ``read`` lands in one list.

    Messages of one thread follow it: once one message of a thread is matched, the others of
    the thread go to the same application. Proposals are in date order (oldest first), so an
    application moves through its stages in the order the e-mails came."""
    if len(applications) > MAX_MAIL_APPLICATIONS:
        raise PassionpathError(
            f"there are {len(applications):,} applications; the limit is "
            f"{MAX_MAIL_APPLICATIONS:,}.",
            field="applications",
        )
    report = MailImport(unreadable=list(read.problems))
    messages = sorted(
        read.messages, key=lambda m: (m.date is None, m.date.timestamp() if m.date else 0.0)
    )
    texts = [
        m.classify_text()[:MAX_CLASSIFY_TEXT_CHARS] or m.subject or "(empty)" for m in messages
    ]
    texts = [t if any(c.isalpha() for c in t) else "(empty)" for t in texts]
    results = classify_texts(texts, ctx) if texts else []
    # Threads learnt during the import: a reply in a thread matched earlier follows it.
    thread_owner: dict[str, int | str] = {}
    stages = {a.id: a.stage for a in applications}
    for message, result in zip(messages, results, strict=True):
        evidence = _evidence(message)
        owner = next((thread_owner[t] for t in message.thread_ids if t in thread_owner), None)
        scored = sorted(
            ((a, *match_score(message, a)) for a in applications),
            key=lambda item: -item[1],
        )
        if owner is not None:
            chosen = next(a for a in applications if a.id == owner)
            why = ["same thread as an earlier e-mail in this import"]
        elif not scored or scored[0][1] < MATCH_THRESHOLD:
            report.unmatched.append(
                Unmatched(
                    result.kind,
                    "no application matches its sender, company, thread or role",
                    [(a.id, round(s, 2)) for a, s, _ in scored[:3] if s > 0],
                    message.company_hint,
                    evidence,
                )
            )
            continue
        elif len(scored) > 1 and scored[0][1] - scored[1][1] < AMBIGUITY_MARGIN:
            report.unmatched.append(
                Unmatched(
                    result.kind,
                    "it fits more than one application equally well: "
                    + ", ".join(
                        str(a.id) for a, s, _ in scored if scored[0][1] - s < AMBIGUITY_MARGIN
                    ),
                    [(a.id, round(s, 2)) for a, s, _ in scored[:3] if s > 0],
                    message.company_hint,
                    evidence,
                )
            )
            continue
        else:
            chosen, _, why = scored[0]
        for thread in message.thread_ids:
            thread_owner.setdefault(thread, chosen.id)
        if message.message_id and message.message_id in chosen.imported_ids:
            report.unchanged.append(
                Unchanged(chosen.id, result.kind, "this e-mail was imported before", evidence)
            )
            continue
        target = proposed_stage(result)
        current = stages.get(chosen.id)
        if target is None:
            report.unchanged.append(
                Unchanged(chosen.id, result.kind, "this kind of e-mail moves no stage", evidence)
            )
            continue
        if not _moves(current, target):
            report.unchanged.append(
                Unchanged(
                    chosen.id,
                    result.kind,
                    f"the application is already at {current}",
                    evidence,
                )
            )
            continue
        as_dict = result.as_dict()
        report.proposals.append(
            Proposal(
                application_id=chosen.id,
                from_stage=current,
                to_stage=target,
                rejected_at=(result.stage or current) if target == "rejected" else None,
                kind=result.kind,
                confidence=round(result.confidence, 3),
                reasons=as_dict["reasons"],
                skills=as_dict["skills"],
                matched_by=list(why),
                evidence=evidence,
            )
        )
        stages[chosen.id] = target
    return report


_MAIL_ID = re.compile(r"\[mail:<([^<>\s]+)>\]")


def evidence_note(proposal: Proposal) -> str:
    """The note a stage change applied from an e-mail carries: what the e-mail was, and its
    message id in a form :func:`mail_ids_in` reads back (so a second import of the same
    mailbox changes nothing, and replies in its thread find the application)."""
    e = proposal.evidence
    when = f", {e.date[:10]}" if e.date else ""
    note = f'From the e-mail "{e.subject or "(no subject)"}" ({e.sender}{when})'
    message_id = next((t for t in reversed(e.thread_ids) if not t.startswith("gmail:")), None)
    return f"{note} [mail:<{message_id}>]" if message_id else note


def mail_ids_in(text: str | None) -> list[str]:
    """Message ids recorded in a note by :func:`evidence_note`."""
    return _MAIL_ID.findall(text or "")


def import_mail(
    paths: Sequence[str | Path],
    applications: Sequence[ApplicationRecord],
    ctx: Context | None = None,
) -> MailImport:
    """Read each ``.eml``/mbox file, then match, classify and propose (see :func:`match_mail`).
    Nothing is changed: the caller applies the proposals it accepts."""
    from passionpath.jobsearch._mail import read_mail

    combined = MailRead()
    for path in paths:
        read = read_mail(path)
        combined.messages += read.messages
        combined.problems += read.problems
    return match_mail(combined, applications, ctx)


__all__ = [
    "STAGE_ORDER",
    "ApplicationRecord",
    "MailEvidence",
    "MailImport",
    "Proposal",
    "Unchanged",
    "Unmatched",
    "evidence_note",
    "import_mail",
    "mail_ids_in",
    "match_mail",
    "match_score",
    "normalise_company",
]
