"""Reading e-mail as people export it: one ``.eml`` file, or an ``.mbox`` mailbox (Gmail
Takeout, Thunderbird), with the standard library's ``email`` and ``mailbox``.

Real mail is messy, so every step has a way out: a body may be HTML only (turned into plain
text), quoted-printable or base64, in a charset Python does not know (read as UTF-8, then
Windows-1252, never refused); a message may have no date (the mbox ``From`` line's is used, or
none); headers may be encoded words. A message that cannot be read at all is reported with
its place in the file; none is dropped silently.
"""

from __future__ import annotations

import email
import email.header
import email.utils
import html
import mailbox
import re
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message
from html.parser import HTMLParser
from pathlib import Path

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_MAIL_FILE_BYTES, MAX_MAIL_MESSAGES

#: Sending services and job boards: their domain says nothing about the employer.
SENDING_SERVICES = (
    "greenhouse.io",
    "greenhouse-mail.io",
    "lever.co",
    "hire.lever.co",
    "myworkday.com",
    "myworkdayjobs.com",
    "workablemail.com",
    "workable.com",
    "smartrecruiters.com",
    "ashbyhq.com",
    "icims.com",
    "taleo.net",
    "successfactors.com",
    "successfactors.eu",
    "jobvite.com",
    "bamboohr.com",
    "teamtailor.com",
    "teamtailor-mail.com",
    "recruitee.com",
    "personio.de",
    "personio.com",
    "breezy.hr",
    "jazzhr.com",
    "applytojob.com",
    "pinpointhq.com",
    "linkedin.com",
    "indeed.com",
    "indeedemail.com",
    "glassdoor.com",
    "otta.com",
    "welcometothejungle.com",
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "yahoo.com",
    "icloud.com",
    "sendgrid.net",
    "mailchimp.com",
    "amazonses.com",
)
#: Mail host prefixes of an employer's own domain (``careers.acme.com`` is Acme).
_HOST_PREFIXES = {"mail", "email", "e", "careers", "jobs", "talent", "hr", "recruiting", "us", "eu"}
#: Public suffixes of two labels we meet in practice (``acme.co.uk`` is Acme).
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc"}
#: Words of a sender's display name that belong to the team, not the company.
_TEAM_WORDS = re.compile(
    r"\b(?:talent(?: acquisition)?|recruit(?:ing|ment|er)?|careers?|jobs?|hiring|hr|people"
    r"|human resources|team|no-?reply|notifications?|via \w+|the|at|from|@)\b",
    re.IGNORECASE,
)


class MailReadError(PassionpathError):
    """A mail file that cannot be read at all (missing, too large, not mail)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}", field="file")


@dataclass(frozen=True)
class MailMessage:
    """One e-mail, reduced to what matching and classifying need."""

    #: Where it is: ``file`` or ``file#N`` (N-th message of a mailbox, from 1).
    source: str
    message_id: str | None
    #: In-Reply-To and References, oldest first: the messages this one answers.
    references: tuple[str, ...]
    #: Gmail's thread id (X-GM-THRID) when the export has it.
    gmail_thread: str | None
    subject: str
    sender_name: str
    sender_email: str
    recipients: tuple[str, ...]
    date: datetime | None
    body: str
    #: Sending domain, lower case (``acme.com``); "" when the address has none.
    sender_domain: str = ""
    #: The employer as the sender suggests it (domain or display name), when it can tell.
    company_hint: str | None = None
    #: Gmail labels (X-Gmail-Labels), when the export has them.
    labels: tuple[str, ...] = ()

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Every id that ties this message to a conversation."""
        ids = [*self.references, *([self.message_id] if self.message_id else [])]
        if self.gmail_thread:
            ids.append(f"gmail:{self.gmail_thread}")
        return tuple(ids)

    @property
    def thread_root(self) -> str | None:
        """The conversation's first message id (or Gmail thread id): one id per thread."""
        if self.gmail_thread:
            return f"gmail:{self.gmail_thread}"
        return self.references[0] if self.references else self.message_id

    def classify_text(self) -> str:
        """What the classifier reads: the subject and the body."""
        subject = f"Subject: {self.subject}\n\n" if self.subject else ""
        return subject + self.body


@dataclass
class MailRead:
    messages: list[MailMessage] = field(default_factory=list)
    #: (source, reason) for each message that could not be read.
    problems: list[tuple[str, str]] = field(default_factory=list)


def read_mail(path: str | Path) -> MailRead:
    """The messages of an ``.eml`` file or an mbox file (any other name is tried as mbox).

    Raises :class:`MailReadError` for a file that is missing, too large or holds no mail."""
    path = Path(path)
    if not path.exists():
        raise MailReadError(path, "there is no such file.")
    if path.is_dir():
        raise MailReadError(path, "this is a folder; give an .eml or .mbox file.")
    size = path.stat().st_size
    if size > MAX_MAIL_FILE_BYTES:
        raise MailReadError(
            path, f"the file is {size:,} bytes; the limit is {MAX_MAIL_FILE_BYTES:,}."
        )
    return _read(path.read_bytes(), str(path), path)


def read_mail_data(data: bytes, name: str) -> MailRead:
    """:func:`read_mail` for a file's bytes (an upload); ``name`` is how sources are named."""
    if len(data) > MAX_MAIL_FILE_BYTES:
        raise MailReadError(
            name, f"the file is {len(data):,} bytes; the limit is {MAX_MAIL_FILE_BYTES:,}."
        )
    return _read(data, name, None)


def _read(raw: bytes, name: str, path: Path | None) -> MailRead:
    if not raw.strip():
        raise MailReadError(name, "the file is empty; there is no mail in it.")
    read = MailRead()
    if name.lower().endswith(".eml") or not raw.startswith(b"From "):
        parsed = email.message_from_bytes(raw)
        if not _looks_like_mail(parsed):
            raise MailReadError(
                name, "this is not an e-mail (.eml) or a mailbox (.mbox): no mail headers."
            )
        _add(read, parsed, name, None)
        return read
    if path is None:
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "upload.mbox"
            copy.write_bytes(raw)
            return _read_mbox(copy, name, read)
    return _read_mbox(path, name, read)


def _read_mbox(path: Path, name: str, read: MailRead) -> MailRead:
    box = mailbox.mbox(str(path), create=False)
    try:
        for number, key in enumerate(box.iterkeys(), start=1):
            if number > MAX_MAIL_MESSAGES:
                raise MailReadError(
                    name,
                    f"the mailbox holds more than {MAX_MAIL_MESSAGES:,} messages; "
                    "export a smaller one (a label or a date range).",
                )
            source = f"{name}#{number}"
            try:
                message = box.get_message(key)
            except Exception as exc:  # a damaged message is reported, the rest still read
                read.problems.append((source, f"cannot be read ({type(exc).__name__})."))
                continue
            _add(read, message, source, message.get_from())
    finally:
        box.close()
    if not read.messages and not read.problems:
        raise MailReadError(name, "the mailbox has no messages.")
    return read


def _looks_like_mail(message: Message) -> bool:
    return any(message.get(h) for h in ("From", "Subject", "Message-ID", "Date", "To"))


def _add(read: MailRead, message: Message, source: str, from_line: str | None) -> None:
    try:
        read.messages.append(parse_message(message, source, from_line))
    except Exception as exc:  # odd structure: reported with its place, never dropped
        read.problems.append((source, f"cannot be read ({type(exc).__name__}: {exc})."))


def parse_message(message: Message, source: str, from_line: str | None = None) -> MailMessage:
    """One parsed message, reduced to a :class:`MailMessage`."""
    name, address = email.utils.parseaddr(_header(message, "From"))
    address = address.strip().lower()
    domain = address.rpartition("@")[2] if "@" in address else ""
    recipients = tuple(
        a.lower()
        for _, a in email.utils.getaddresses(
            [_header(message, h) for h in ("To", "Cc") if message.get(h)]
        )
        if a
    )
    references = tuple(
        dict.fromkeys(_ids(_header(message, "References")) + _ids(_header(message, "In-Reply-To")))
    )
    message_ids = _ids(_header(message, "Message-ID"))
    labels = tuple(
        label.strip() for label in _header(message, "X-Gmail-Labels").split(",") if label.strip()
    )
    return MailMessage(
        source=source,
        message_id=message_ids[0] if message_ids else None,
        references=references,
        gmail_thread=_header(message, "X-GM-THRID").strip() or None,
        subject=" ".join(_header(message, "Subject").split()),
        sender_name=name.strip().strip('"'),
        sender_email=address,
        recipients=recipients,
        date=_date(_header(message, "Date"), from_line),
        body=body_text(message),
        sender_domain=domain,
        company_hint=company_from_sender(name, domain),
        labels=labels,
    )


def _header(message: Message, name: str) -> str:
    """A header as text, encoded words decoded; "" when absent or beyond repair."""
    value = message.get(name)
    if value is None:
        return ""
    try:
        return str(email.header.make_header(email.header.decode_header(str(value))))
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
        return str(value)


_ID = re.compile(r"<([^<>\s]+)>")


def _ids(value: str) -> list[str]:
    found = _ID.findall(value)
    if not found and value.strip():
        found = [value.strip()]
    return found


def _date(value: str, from_line: str | None) -> datetime | None:
    for candidate in (value, (from_line or "").partition(" ")[2]):
        if not candidate.strip():
            continue
        try:
            parsed = email.utils.parsedate_to_datetime(candidate.strip())
        except (TypeError, ValueError, IndexError):
            continue
        if parsed is not None:
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def body_text(message: Message) -> str:
    """The message's text: its first plain-text part, else its HTML as plain text."""
    plain: str | None = None
    markup: str | None = None
    for part in message.walk() if message.is_multipart() else [message]:
        if part.is_multipart():
            continue
        if (part.get_content_disposition() or "") == "attachment":
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = _decoded(part)
        elif kind == "text/html" and markup is None:
            markup = _decoded(part)
    if plain and plain.strip():
        return _tidy(plain)
    if markup:
        return _tidy(html_to_text(markup))
    return ""


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        raw = part.get_payload()
        return raw if isinstance(raw, str) else ""
    charset = part.get_content_charset() or "utf-8"
    for encoding in (charset, "utf-8", "windows-1252"):
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset(
        {"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table", "blockquote"}
    )
    _SKIP = frozenset({"style", "script", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Plain text of an HTML body: tags dropped, blocks on their own lines."""
    parser = _TextOfHtml()
    try:
        parser.feed(markup)
        parser.close()
    except Exception:  # broken markup: the text without tags is good enough
        return html.unescape(re.sub(r"<[^>]+>", " ", markup))
    return "".join(parser.parts)


def _tidy(text: str) -> str:
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
    joined = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip()


def company_from_sender(display_name: str, domain: str) -> str | None:
    """The employer a sender suggests: its own domain (``careers.acme.co.uk`` -> ``acme``),
    or, for a sending service (Greenhouse, Workday, LinkedIn, Gmail...), the display name
    without its team words ("Acme Talent Team" -> "Acme"); a Workday address keeps the
    company in its sub-domain (``acme.myworkday.com``)."""
    domain = domain.lower()
    for service in SENDING_SERVICES:
        if domain == service or domain.endswith("." + service):
            prefix = domain[: -len(service)].rstrip(".")
            labels = [p for p in prefix.split(".") if p and p not in _HOST_PREFIXES]
            if labels and service.startswith("myworkday"):
                return labels[-1]
            cleaned = " ".join(_TEAM_WORDS.sub(" ", display_name).split()).strip(" -|,")
            return cleaned or None
    labels = [p for p in domain.split(".") if p]
    if len(labels) < 2:
        return None
    labels = labels[:-1]  # the top-level domain
    if len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    return labels[-1] if labels else None


__all__ = [
    "MailMessage",
    "MailRead",
    "MailReadError",
    "body_text",
    "company_from_sender",
    "read_mail",
    "read_mail_data",
]
