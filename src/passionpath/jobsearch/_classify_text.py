"""The newest message of an e-mail: quoted replies, forwarded history and footers cut off.

A reply carries the message it answers ("> On 3 May, Priya wrote:", "-----Original
Message-----", a block of From:/Sent: headers); what the sender says now is above that, and
it alone decides what the e-mail is. Positions are kept, so a phrase found in the newest
message is a span of the text the person gave.
"""

from __future__ import annotations

import re

#: A line where quoted history starts: everything from it on is older mail.
_HISTORY = re.compile(
    r"^\s*(?:"
    r"-{2,}\s*(?:original message|forwarded message)\s*-{2,}"
    r"|_{5,}"
    r"|on\b.{0,120}\bwrote:\s*$"
    r"|am\b.{0,120}\bschrieb.{0,60}:\s*$"
    r"|le\b.{0,120}\ba écrit\s*:\s*$"
    r"|from:\s.+$"
    r"|>"
    r")",
    re.IGNORECASE,
)
#: A From: line opens history only when a Sent:/Date:/To:/Subject: header follows it closely.
_HEADER_AFTER_FROM = re.compile(r"^\s*(?:sent|date|to|subject|cc):", re.IGNORECASE)
#: The signature separator ("-- ") and phone boilerplate end the message.
_TAIL = re.compile(r"^(?:-- ?|sent from my \w+.*|get outlook for \w+.*)$", re.IGNORECASE)

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)", re.MULTILINE)


def newest_message(text: str) -> tuple[int, int]:
    """The span ``(start, end)`` of the newest message in ``text``.

    When the text *starts* with quoted history (a reply written below the quote), the newest
    message is what follows the quoted block."""
    lines = text.splitlines(keepends=True)
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line)
    quoted = [_is_history(lines, i) for i in range(len(lines))]
    # A reply written below the quote ("> On 3 May, Priya wrote: ..." first): skip the
    # quoted lines at the top, and the blank lines among them.
    first = 0
    while first < len(lines) and (quoted[first] or not lines[first].strip()):
        first += 1
    if first == len(lines) or not any(quoted[:first]):
        first = 0
    end = len(text)
    for i in range(first, len(lines)):
        if quoted[i] or _TAIL.match(lines[i].strip()):
            end = offsets[i]
            break
    start = offsets[first] if lines else 0
    if not text[start:end].strip():
        return 0, len(text)  # all quoted: the whole text is all there is to go on
    return start, end


def _is_history(lines: list[str], i: int) -> bool:
    line = lines[i]
    if not _HISTORY.match(line):
        return False
    if line.lstrip().lower().startswith("from:"):
        return any(_HEADER_AFTER_FROM.match(nxt) for nxt in lines[i + 1 : i + 4])
    return True


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int, int]]:
    """Sentences of ``text[start:end]`` as ``(sentence, start, end)`` in ``text``'s positions."""
    end = len(text) if end is None else end
    found = []
    for match in _SENTENCE.finditer(text, start, end):
        raw = match.group()
        chunk = raw.strip()
        if len(chunk) < 2:
            continue
        s = match.start() + raw.index(chunk)
        found.append((chunk, s, s + len(chunk)))
    return found
