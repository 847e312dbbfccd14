"""vCard files (2.1, 3.0 and 4.0) cut into cards of properties, the way real exports write them.

A small parser of our own rather than ``vobject``: vobject refuses whole files over one card
that real tools write every day (Outlook's and Android's quoted-printable with soft line
breaks, 2.1 photos whose base64 lines are not indented, bare 2.1 parameters, the CR CR LF of
some iPhone files), and a refused card would mean a refused file. The measurement behind that
choice is ``benchmarks/eval_vcard_parsers.py``; the README quotes it.

What is tolerated, because real exporters write it:

* folded lines (a space or a tab starts a continuation; 2.1 keeps that whitespace, 3.0/4.0
  drop one character of it), and quoted-printable soft line breaks (a value ending in ``=``
  goes on on the next line, whatever that line starts with);
* 2.1 base64 blocks whose lines are not indented, ended by a blank line;
* bare 2.1 parameters (``TEL;WORK;VOICE``, ``PHOTO;ENCODING=BASE64;JPEG``), parameters in any
  case, quoted parameter values holding ``:`` or ``;``, lower-case property names, groups
  (``item1.EMAIL``), blank lines between cards.

What is refused, naming the card and the line: a card without its END:VCARD (a file cut
short), a line inside a card that is no property at all, text outside any card.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from passionpath.limits import MAX_IMPORT_CARDS
from passionpath.network._files import ImportFileError, decode_8bit

_NAME = re.compile(r"^(?:([A-Za-z0-9_-]+)\.)?([A-Za-z0-9_-]+)$")
_BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]+$")
_QP_BYTE = re.compile(rb"=([0-9A-Fa-f]{2})")
_ENCODINGS = {"QUOTED-PRINTABLE": "QUOTED-PRINTABLE", "BASE64": "B", "B": "B", "8BIT": "8BIT"}
_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", ":": ":", "\\": "\\"}
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)


@dataclass(frozen=True)
class Property:
    """One property of a card. ``value`` is text still in vCard escaping (quoted-printable
    already decoded), or for base64 the base64 characters without the whitespace."""

    name: str
    value: str
    line: int
    group: str | None = None
    params: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def types(self) -> frozenset[str]:
        return frozenset(t.upper() for t in self.params.get("TYPE", ()) if t)

    def param(self, key: str) -> str | None:
        values = self.params.get(key)
        return values[0] if values else None

    @property
    def encoding(self) -> str | None:
        value = self.param("ENCODING")
        return _ENCODINGS.get(value.upper(), value.upper()) if value else None


@dataclass(frozen=True)
class RawCard:
    number: int
    line: int
    version: str
    properties: tuple[Property, ...]


def unescape(text: str) -> str:
    """vCard text escapes undone: ``\\n`` a new line; ``\\,`` ``\\;`` ``\\:`` (Google escapes
    colons in URLs) and ``\\\\`` the character; any other backslash kept as written."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def split_unescaped(text: str, separator: str) -> list[str]:
    """Components of a structured value (``N``, ``ADR``, ``ORG``), each unescaped."""
    if "\\" not in text:
        return text.split(separator)
    parts, current, i = [], [], 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if char == separator:
            parts.append(unescape("".join(current)))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append(unescape("".join(current)))
    return parts


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    if '"' not in text:
        return text.split(separator)
    parts: list[str] = []
    current: list[str] = []
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == separator and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _head_and_value(line: str) -> tuple[str, str] | None:
    if '"' not in line.partition(":")[0]:
        head, colon, value = line.partition(":")
        return (head, value) if colon else None
    quoted = False
    for i, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:i], line[i + 1 :]
    # Unbalanced quotes: the first colon is the best guess.
    head, colon, value = line.partition(":")
    return (head, value) if colon else None


@functools.lru_cache(maxsize=4096)
def _parse_head(head: str) -> tuple[str | None, str, dict[str, tuple[str, ...]]] | None:
    # Cached: an export repeats the same few dozen heads ("TEL;TYPE=CELL") thousands of times.
    # Callers never change the parameters they get.
    tokens = _split_outside_quotes(head, ";")
    match = _NAME.match(tokens[0].strip())
    if match is None:
        return None
    params: dict[str, list[str]] = {}
    for token in tokens[1:]:
        token = token.strip()
        if not token:
            continue
        key, equals, raw = token.partition("=")
        if not equals:
            # vCard 2.1 leaves the parameter's name out: an encoding or else a type.
            upper = token.upper()
            key, raw = ("ENCODING", upper) if upper in _ENCODINGS else ("TYPE", token)
        values = [v.strip().strip('"') for v in _split_outside_quotes(raw, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    group = match.group(1).lower() if match.group(1) else None
    return group, match.group(2).upper(), {k: tuple(v) for k, v in params.items()}


def decode_quoted_printable(text: str, charset: str | None) -> str:
    """Quoted-printable to text in the charset named (UTF-8 when none is): ``=XX`` is a byte,
    anything else (a stray ``=``, raw 8-bit letters some phones leave in) stays as it is."""
    raw = _QP_BYTE.sub(lambda m: bytes([int(m.group(1), 16)]), text.encode("utf-8"))
    return decode_8bit(raw, charset).replace("\r\n", "\n")


@dataclass
class _Pending:
    head: str
    parts: list[str]
    line: int
    kind: str  # "text", "qp" or "b64"


class _Reader:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.cards: list[RawCard] = []
        self.properties: list[Property] | None = None
        self.begin_line = 0
        self.version = "3.0"

    def _error(self, message: str, line: int, card: bool = True) -> ImportFileError:
        number = len(self.cards) + 1 if card and self.properties is not None else None
        return ImportFileError(self.filename, message, card=number, line=line)

    def _property(self, pending: _Pending) -> Property | None:
        parsed = _parse_head(pending.head)
        if parsed is None:
            raise self._error(f"{pending.head[:40]!r} is not a vCard property name.", pending.line)
        group, name, params = parsed
        value = "".join(pending.parts)
        if pending.kind == "qp":
            charset = params.get("CHARSET", (None,))[0]
            value = decode_quoted_printable(value, charset)
        elif pending.kind == "b64":
            value = "".join(value.split())
        return Property(name, value, pending.line, group, params)

    def _kind(self, head: str) -> str:
        upper = head.upper()
        if "QUOTED-PRINTABLE" in upper:
            return "qp"
        if "BASE64" in upper or "ENCODING=B" in upper:
            return "b64"
        return "text"

    def start(self, line: int) -> None:
        if self.properties is not None:
            raise ImportFileError(
                self.filename,
                f"has no END:VCARD before the next card begins on line {line}.",
                card=len(self.cards) + 1,
                line=self.begin_line,
            )
        if len(self.cards) >= MAX_IMPORT_CARDS:
            raise ImportFileError(
                self.filename,
                f"holds more than {MAX_IMPORT_CARDS:,} cards.",
                line=line,
                hint="Split the file and import the parts one after another.",
            )
        self.properties = []
        self.begin_line = line
        self.version = "3.0"

    def end(self, line: int) -> None:
        if self.properties is None:
            raise self._error("END:VCARD without a BEGIN:VCARD before it.", line, card=False)
        self.cards.append(
            RawCard(len(self.cards) + 1, self.begin_line, self.version, tuple(self.properties))
        )
        self.properties = None

    def add(self, pending: _Pending) -> None:
        prop = self._property(pending)
        if prop is None or self.properties is None:
            return
        if prop.name == "VERSION":
            self.version = prop.value.strip()
        self.properties.append(prop)

    def read(self, lines: list[str]) -> list[RawCard]:
        pending: _Pending | None = None
        for number, line in enumerate(lines, start=1):
            if pending is not None:
                soft_break = pending.kind == "qp" and pending.parts[-1].endswith("=")
                if soft_break and line.strip().upper() != "END:VCARD":
                    pending.parts[-1] = pending.parts[-1][:-1]
                    pending.parts.append(line)
                    continue
                if line[:1] in (" ", "\t"):
                    keep_space = self.version.startswith("2") and pending.kind != "b64"
                    pending.parts.append(line if keep_space else line[1:])
                    continue
                if pending.kind == "b64" and _BASE64_LINE.match(line):
                    pending.parts.append(line)
                    continue
                self.add(pending)
                pending = None
            stripped = line.strip().strip("\x1a")
            if not stripped:
                continue
            split = _head_and_value(line)
            if split is None:
                raise self._error(
                    f"{stripped[:40]!r} is not a vCard property line (NAME:value).",
                    number,
                    card=self.properties is not None,
                )
            head, value = split
            keyword = head.strip().upper()
            if keyword == "BEGIN" and value.strip().upper() == "VCARD":
                self.start(number)
            elif keyword == "END" and value.strip().upper() == "VCARD":
                self.end(number)
            elif self.properties is None:
                raise self._error(
                    f"{stripped[:40]!r} is outside any card (BEGIN:VCARD ... END:VCARD).",
                    number,
                    card=False,
                )
            else:
                pending = _Pending(head, [value], number, self._kind(head))
        if pending is not None:
            self.add(pending)
        if self.properties is not None:
            raise ImportFileError(
                self.filename,
                "has no END:VCARD: the file may have been cut short.",
                card=len(self.cards) + 1,
                line=self.begin_line,
            )
        if not self.cards:
            raise ImportFileError(
                self.filename,
                "holds no vCard (no BEGIN:VCARD line).",
                hint="Export the contacts as a vCard (.vcf) file.",
            )
        return self.cards


def read_cards(filename: str, lines: list[str]) -> list[RawCard]:
    """The cards of a vCard file, or an ImportFileError naming the card and line at fault."""
    return _Reader(filename).read(lines)
