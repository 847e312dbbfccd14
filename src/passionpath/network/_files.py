"""What every import shares: the error that names the file and the place in it, and reading
the bytes of a file whose encoding nobody wrote down.

Contact files come in whatever their tool wrote: UTF-8 with or without a byte-order mark,
UTF-16 (Windows tools, with a mark, sometimes without), or a Windows 8-bit code page from
older Outlook and phones. A file that is valid UTF-8 is read as UTF-8; a file that is not is
read line by line, each line in the charset its vCard parameters name, else UTF-8 when that
line is valid UTF-8, else Windows-1252 (which older Outlook writes, and which reads
ISO-8859-1 text the same for every letter).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from passionpath.network._contacts import ContactError

_LINE_BREAK = re.compile(r"\r\r\n|\r\n|\n|\r")
_LINE_BREAK_BYTES = re.compile(rb"\r\r\n|\r\n|\n|\r")
_CHARSET = re.compile(rb";\s*CHARSET\s*=\s*\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


class ImportFileError(ContactError):
    """A file that cannot be imported; nothing from it was stored. Names the file and, where
    there is one, the card (vCard) and the line at fault."""

    def __init__(
        self,
        filename: str,
        message: str,
        *,
        card: int | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        self.filename = filename
        self.card = card
        self.line = line
        self.reason = message
        where = [filename]
        if card is not None:
            where.append(f"card {card}")
        if line is not None:
            where.append(f"line {line}")
        super().__init__(f"{', '.join(where)}: {message}", field="file", hint=hint)


@dataclass(frozen=True)
class TextFile:
    """A file as lines of text, and how its bytes were read (for a report)."""

    lines: list[str]
    encoding: str


def _utf16_without_mark(data: bytes) -> str | None:
    # Text in UTF-16 has a zero byte in every other position for Latin letters.
    sample = data[:4000]
    if len(sample) < 4 or sample.count(0) < len(sample) // 4:
        return None
    if sample[1::2].count(0) > len(sample) // 4:
        return "utf-16-le"
    if sample[0::2].count(0) > len(sample) // 4:
        return "utf-16-be"
    return None


def known_charset(name: str) -> str | None:
    """The Python codec for a charset name a file gives, or None when it is not one."""
    try:
        return codecs.lookup(name.strip().strip('"')).name
    except LookupError:
        return None


def decode_8bit(raw: bytes, charset: str | None = None) -> str:
    """One value or line: in the charset named, else UTF-8, else Windows-1252 (with Latin-1
    for the five bytes Windows-1252 leaves undefined), so it never fails."""
    for codec in (known_charset(charset) if charset else None, "utf-8", "cp1252"):
        if codec is None:
            continue
        try:
            return raw.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1")


def read_text(filename: str, data: bytes) -> TextFile:
    """The file's lines, whatever their encoding and line ends (CRLF, LF, CR, and the CR CR LF
    some iPhone exports carry)."""
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        encoding = "utf-32"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = _utf16_without_mark(data) or ""
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode(encoding, errors="replace").count("\n") + 1
            raise ImportFileError(
                filename, f"is not readable as {encoding.upper()} text.", line=line
            ) from exc
        return TextFile(_LINE_BREAK.split(text.lstrip("\ufeff")), encoding)
    try:
        return TextFile(_LINE_BREAK.split(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    lines = []
    for raw in _LINE_BREAK_BYTES.split(data):
        named = _CHARSET.search(raw.split(b":", 1)[0]) if b":" in raw else None
        lines.append(decode_8bit(raw, named.group(1).decode("ascii") if named else None))
    return TextFile(lines, "8-bit")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")


def check_binary(filename: str, text: TextFile) -> None:
    """Refuse a binary file (a picture, a document) read as text: NUL bytes or many control
    characters on one line say it is not a text file at all."""
    if not _CONTROL.search("\n".join(text.lines)):
        return
    for number, line in enumerate(text.lines, start=1):
        if "\x00" in line or len(_CONTROL.findall(line)) > 2:
            raise ImportFileError(filename, "is not a text file.", line=number)
