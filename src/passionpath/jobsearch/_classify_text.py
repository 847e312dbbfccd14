"""What the classifier reads of an e-mail: its newest message, as plain text.

Real e-mails carry much besides what the sender says now: the message it answers ("On 3 May,
Priya wrote:" and "> " lines, "-----Original Message-----", a block of From:/Sent: headers,
in several languages), a signature after "Best regards", legal and privacy footers, markup
left by an HTML body. :func:`prepare` turns a text into a clean copy (tags dropped, entities
decoded) that remembers where each character came from, and finds the newest message in it:
from the top to the first line of older mail, signature or footer. A forwarded e-mail with
little or nothing written above it ("FYI, see below") is read as the forwarded message.

Positions are kept, so a phrase found in the newest message is a span of the text the person
gave.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

_SIGN_OFF_WORDS = (
    r"best|best regards|best wishes|kind regards|warm regards|warmest regards|regards"
    r"|with (?:best|kind) regards|many thanks|thanks|thanks again|thank you|cheers|all the best"
    r"|sincerely|yours sincerely|yours faithfully|yours truly|talk soon|speak soon"
    r"|mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|beste grüße|liebe grüße"
    r"|cordialement|bien cordialement|bien à vous|salutations|saludos|un saludo|atentamente"
    r"|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|groeten|cordiali saluti"
    r"|distinti saluti"
)
#: A line that is only a sign-off, perhaps with a name: the signature starts there.
_SIGN_OFF = re.compile(
    rf"^(?i:{_SIGN_OFF_WORDS})\s*[,.!]*\s*(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,3}})?\s*$"
)
#: Words that must come before a sign-off for it to end the message ("Thanks Priya," at the
#: top is a greeting).
_WORDS_BEFORE_SIGN_OFF = 6

_WROTE = (
    r"on\b.{0,160}\bwrote\s*:"
    r"|am\b.{0,160}\bschrieb.{0,80}:"
    r"|le\b.{0,160}\ba écrit\s*:"
    r"|el\b.{0,160}\bescribió\s*:"
    r"|op\b.{0,160}\bschreef.{0,80}:"
    r"|il\b.{0,160}\bha scritto\s*:"
)
_FORWARD = re.compile(
    r"^\s*(?:-{2,}\s*(?:forwarded message|weitergeleitete nachricht|message transféré"
    r"|mensaje reenviado|doorgestuurd bericht|messaggio inoltrato)\s*-{2,}"
    r"|begin forwarded message\s*:)",
    re.IGNORECASE,
)
_OPENS_WROTE = re.compile(r"^\s*(?:on|am|le|el|op|il)\b", re.IGNORECASE)
_WROTE_LINE = re.compile(rf"^\s*(?:{_WROTE})\s*$", re.IGNORECASE)
#: A line where quoted history starts: everything from it on is older mail.
_HISTORY = re.compile(
    rf"^\s*(?:-{{2,}}\s*(?:original message|ursprüngliche nachricht|message d'origine"
    rf"|mensaje original)\s*-{{2,}}|_{{5,}}|(?:{_WROTE})\s*$|>)",
    re.IGNORECASE,
)
#: The first line of a header block (From:/Von:/De :...) that opens quoted history when more
#: headers follow it closely.
_HEADER_FROM = re.compile(r"^\s*\*?(?:from|von|de|van|da)\s?\*?:\s*\S", re.IGNORECASE)
_HEADER = re.compile(
    r"^\s*\*?(?:from|sent|date|to|subject|cc|bcc|reply-to|von|gesendet|datum|an|betreff|de"
    r"|envoyé|à|objet|enviado|fecha|para|asunto|van|verzonden|aan|onderwerp|da|inviato|oggetto"
    r"|a)\s?\*?:",
    re.IGNORECASE,
)
#: A line where the message ends: signature separator, phone boilerplate, legal and privacy
#: footers, "you are receiving this because".
_TAIL = re.compile(
    r"^\s*(?:-- ?$|sent from my \w+|sent from (?:outlook|mail|yahoo)|get outlook for \w+"
    r"|von meinem \w+ gesendet|envoyé de mon \w+|enviado desde mi \w+"
    r"|(?:this|the) (?:e-?mail|message|communication|transmission)\b.{0,60}\b(?:confidential"
    r"|intended (?:solely |only )?for|privileged|may contain)"
    r"|confidential(?:ity)? (?:notice|note|statement|information)|disclaimer\s*:|legal notice"
    r"|the information (?:contained )?in this (?:e-?mail|message)"
    r"|if you (?:have )?received this (?:e-?mail|message|communication) in error"
    r"|please consider the environment|think before you print"
    r"|(?:you are|you're) receiving this|you received this (?:e-?mail|message)"
    r"|this (?:e-?mail|message) was sent (?:to|by)"
    r"|registered (?:office|in england|in scotland|address|company)|company (?:no|number)\b"
    r"|(?:©|\(c\)|copyright)\s*\d{4}"
    r"|diese (?:e-?mail|nachricht) (?:enthält|ist) vertraulich|ce (?:message|courriel|e-mail)"
    r" (?:est|et ses) "
    r"|este (?:mensaje|correo) (?:es|y sus|contiene) )",
    re.IGNORECASE,
)

_HTML_HINT = re.compile(
    r"<(?:/?(?:p|div|br|span|table|tr|td|a|b|i|u|strong|em|font|html|body|head|li|ul|ol|h\d"
    r"|blockquote|img|center|hr)\b[^<>]*|!--)>?",
    re.IGNORECASE,
)
_HTML_TOKEN = re.compile(
    r"(?P<drop><(?P<skip>style|script|head|title)\b.*?</(?P=skip)\s*>|<!--.*?-->)"
    r"|(?P<quote><blockquote\b[^<>]*>|<div[^<>]*(?:gmail_quote|divRplyFwdMsg|moz-cite"
    r"|yahoo_quoted|OLK_SRC_BODY)[^<>]*>)"
    r"|(?P<block></?(?:p|div|br|tr|li|h\d|table|ul|ol|hr|center)\b[^<>]*>)"
    r"|(?P<tag></?[a-zA-Z][^<>]{0,2000}>)"
    r"|(?P<entity>&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});)",
    re.IGNORECASE | re.DOTALL,
)
#: Text an HTML-to-text conversion leaves: "[image: logo]", "<https://...>" around links.
_CONVERTED = re.compile(
    r"\[(?:image|cid|logo)[^\]\n]{0,200}\]|<(?=https?:|mailto:)|(?<=\S)>(?=\s|$)"
)
_INVISIBLE = str.maketrans({"\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "", "\xa0": " "})

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Prepared:
    """A text made plain, with its newest message.

    ``clean`` is the text without markup; ``origin[i]`` is where ``clean[i]`` came from in
    ``text`` (one more entry, for the end). ``start``/``end`` bound the newest message in
    ``clean``."""

    text: str
    clean: str
    origin: tuple[int, ...]
    start: int
    end: int

    @property
    def newest(self) -> str:
        return self.clean[self.start : self.end]

    def in_text(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``text`` that ``clean[start:end]`` came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=512)
def prepare(text: str) -> Prepared:
    """``text`` made plain (:func:`plain`), and its newest message found."""
    clean, origin = plain(text)
    start, end = _newest(clean)
    return Prepared(text, clean, origin, start, end)


def newest_message(text: str) -> tuple[int, int]:
    """The span ``(start, end)`` of ``text`` holding its newest message."""
    prepared = prepare(text)
    return prepared.in_text(prepared.start, prepared.end)


def plain(text: str) -> tuple[str, tuple[int, ...]]:
    """``text`` without HTML markup (tags dropped, blocks on their own lines, entities
    decoded, a quoted block's start marked with "> "), without invisible characters and
    conversion leftovers, and where each character came from."""
    parts: list[str] = []
    origin: list[int] = []

    def emit(piece: str, at: int) -> None:
        parts.append(piece)
        origin.extend([at] * len(piece))

    def keep(start: int, end: int) -> None:
        parts.append(text[start:end])
        origin.extend(range(start, end))

    position = 0
    if _HTML_HINT.search(text):
        for match in _HTML_TOKEN.finditer(text):
            keep(position, match.start())
            position = match.end()
            if match.group("quote"):
                emit("\n> ", match.start())
            elif match.group("block"):
                emit("\n", match.start())
            elif match.group("entity"):
                emit(html.unescape(match.group()), match.start())
            elif match.group("tag"):
                emit("" if _INLINE.match(match.group()) else " ", match.start())
    keep(position, len(text))
    joined = "".join(parts)
    # Leftovers of an HTML-to-text conversion and invisible characters go; each kept
    # character remembers its place.
    chars: list[str] = []
    places: list[int] = []
    last = 0
    for match in _CONVERTED.finditer(joined):
        chars.append(joined[last : match.start()])
        places.extend(origin[last : match.start()])
        last = match.end()
    chars.append(joined[last:])
    places.extend(origin[last:])
    flat = "".join(chars)
    result: list[str] = []
    where: list[int] = []
    for ch, at in zip(flat, places, strict=True):
        mapped = ch.translate(_INVISIBLE)
        if mapped:
            result.append(mapped)
            where.append(at)
    where.append(len(text))
    return "".join(result), tuple(where)


_INLINE = re.compile(r"</?(?:a|b|i|u|em|strong|span|font|small|big|sup|sub)\b", re.IGNORECASE)


def _newest(text: str) -> tuple[int, int]:
    lines = text.splitlines(keepends=True)
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line)
    quoted = [_is_history(lines, i) for i in range(len(lines))]
    first = _below_quote(lines, quoted, 0)
    # A forward with (almost) nothing written above it: the forwarded message is the one.
    for i in range(first, len(lines)):
        if quoted[i]:
            break
        if _FORWARD.match(lines[i]):
            above = len(_WORD.findall("".join(lines[first:i])))
            if above < 12:
                first = i + 1
                while first < len(lines) and (
                    not lines[first].strip() or _HEADER.match(lines[first])
                ):
                    first += 1
                first = _below_quote(lines, quoted, first)
            break
    end = len(text)
    words = 0
    for i in range(first, len(lines)):
        line = lines[i].strip()
        if quoted[i] or _TAIL.match(line) or _FORWARD.match(line):
            end = offsets[i]
            break
        if words >= _WORDS_BEFORE_SIGN_OFF and _SIGN_OFF.match(line):
            end = offsets[i]
            break
        words += len(_WORD.findall(line))
    start = offsets[first] if first < len(lines) else 0
    if not text[start:end].strip():
        return 0, len(text)  # all quoted: the whole text is all there is to go on
    return start, end


def _below_quote(lines: list[str], quoted: list[bool], first: int) -> int:
    """Where the message starting at line ``first`` begins: after the quoted lines at its top
    (and the blank lines among them) when it is a reply written below the quote."""
    line = first
    while line < len(lines) and (quoted[line] or not lines[line].strip()):
        line += 1
    if line == len(lines) or not any(quoted[first:line]):
        return first
    return line


def _is_history(lines: list[str], i: int) -> bool:
    line = lines[i]
    if _HEADER_FROM.match(line):
        return sum(bool(_HEADER.match(nxt)) for nxt in lines[i + 1 : i + 5]) >= 1
    if _HISTORY.match(line):
        return True
    # "On Mon, 3 May 2024 at 10:12, Kim Lee <kim@example.com>" / "wrote:" on the next line.
    return any(
        j >= 0 and j + 1 < len(lines) and _wrote_over_two_lines(lines[j], lines[j + 1])
        for j in (i, i - 1)
    )


def _wrote_over_two_lines(line: str, following: str) -> bool:
    if len(line) > 200 or not _OPENS_WROTE.match(line):
        return False
    return bool(_WROTE_LINE.match(line.rstrip("\r\n") + " " + following.strip()))


def sentences(prepared: Prepared) -> list[tuple[str, int, int]]:
    """Sentences of the newest message as ``(sentence, start, end)``, positions in the
    original text."""
    found = []
    for match in _SENTENCE.finditer(prepared.clean, prepared.start, prepared.end):
        raw = match.group()
        chunk = raw.strip()
        if len(chunk) < 2:
            continue
        s = match.start() + raw.index(chunk)
        start, end = prepared.in_text(s, s + len(chunk))
        found.append((chunk, start, end))
    return found
