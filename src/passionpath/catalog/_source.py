"""Reading a release from a zip archive or a folder, file by file, in batches of rows."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path, PurePosixPath

from passionpath.catalog._convert import Rows
from passionpath.catalog._layout import SPECS, FileSpec
from passionpath.errors import ReleaseError

RELEASE_META = "RELEASE.json"
#: A field that is exactly ``n/a``, O*NET's missing value, with the tabs around it.
_MISSING_FIELD = "\tn/a\t"
_VERSION_IN_NAME = re.compile(r"db_(\d+)_(\d+)_text", re.IGNORECASE)


@dataclass
class ReleaseSource:
    """A release on disk. ``members`` maps each file name to its path inside the zip or folder."""

    path: Path
    members: dict[str, str]
    archive: zipfile.ZipFile | None = None
    meta: dict[str, object] = field(default_factory=dict)

    def read_bytes(self, name: str) -> bytes:
        member = self.members[name]
        try:
            if self.archive is not None:
                return self.archive.read(member)
            return Path(member).read_bytes()
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ReleaseError(f"cannot read the file ({exc})", file=name) from exc

    def first_line(self, name: str) -> bytes:
        """The file's first line, without reading (or unpacking) the rest of it."""
        member = self.members[name]
        try:
            if self.archive is not None:
                with self.archive.open(member) as stream:
                    return stream.readline().split(b"\n", 1)[0]
            with Path(member).open("rb") as stream:
                return stream.readline().split(b"\n", 1)[0]
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise ReleaseError(f"cannot read the file ({exc})", file=name) from exc

    def size(self, name: str) -> int:
        member = self.members[name]
        if self.archive is not None:
            return self.archive.getinfo(member).file_size
        return Path(member).stat().st_size

    def content_sha256(self) -> str:
        """A fingerprint of every file the importer reads, used to make re-imports idempotent."""
        digest = hashlib.sha256()
        for name in sorted(self.members):
            if name in SPECS or name == RELEASE_META:
                digest.update(name.encode())
                digest.update(hashlib.sha256(self.read_bytes(name)).digest())
        return digest.hexdigest()

    @property
    def version(self) -> str:
        if "version" in self.meta:
            return str(self.meta["version"])
        match = _VERSION_IN_NAME.search(str(self.path)) or _VERSION_IN_NAME.search(
            " ".join(self.members.values())
        )
        return f"{match.group(1)}.{match.group(2)}" if match else "unknown"

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def open_release(path: str | Path) -> ReleaseSource:
    """Open a release zip or folder. Raises ReleaseError when it is neither, or is damaged."""
    path = Path(path).expanduser()
    if not path.exists():
        raise ReleaseError("no such file or folder", file=str(path))
    if path.is_dir():
        members = {p.name: str(p) for p in path.rglob("*.txt")}
        members.update({p.name: str(p) for p in path.rglob(RELEASE_META)})
        source = ReleaseSource(path=path, members=members)
    else:
        source = _open_zip(path)
    if RELEASE_META in source.members:
        try:
            source.meta = json.loads(source.read_bytes(RELEASE_META))
        except ValueError as exc:
            raise ReleaseError(f"not valid JSON ({exc})", file=RELEASE_META) from exc
    return source


def _open_zip(path: Path) -> ReleaseSource:
    try:
        archive = zipfile.ZipFile(path)
        damaged = archive.testzip()
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise ReleaseError(
            f"not a readable zip archive ({exc}). Download the release again.", file=str(path)
        ) from exc
    if damaged is not None:
        archive.close()
        raise ReleaseError(
            f"the archive is corrupted (bad checksum for {damaged!r}). Download it again.",
            file=str(path),
        )
    members = {
        PurePosixPath(info.filename).name: info.filename
        for info in archive.infolist()
        if not info.is_dir() and not PurePosixPath(info.filename).name.startswith("._")
    }
    return ReleaseSource(path=path, members=members, archive=archive)


def read_header(source: ReleaseSource, spec: FileSpec) -> tuple[str, ...]:
    """Check a file's header row against the release layout and return it."""
    first = source.first_line(spec.name).decode("utf-8-sig", errors="replace").rstrip("\r")
    header = tuple(first.split("\t"))
    if header not in spec.layouts:
        expected = " | ".join(spec.layouts[0])
        raise ReleaseError(
            f"unexpected columns. Expected: {expected}. Found: {' | '.join(header)}",
            file=spec.name,
            line=1,
        )
    return header


def read_rows(source: ReleaseSource, spec: FileSpec, batch: int | None = None) -> Iterator[Rows]:
    """Yield the file's data rows in batches of ``batch`` rows (all of them in one without).

    Lines may end in LF or CRLF. Blank lines are skipped; a field that is exactly ``n/a`` reads
    as the empty string. A line with the wrong number of fields ends the last batch, whose
    ``check`` then raises ReleaseError naming the file and line (after any error in the rows
    before it, as a row-by-row reader would).
    """
    data = source.read_bytes(spec.name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReleaseError("the text is not valid UTF-8", file=spec.name, line=line) from exc
    del data  # each form of the file is let go once the next is made, to keep the peak down
    if "\r" in text:  # every line loses the CRs it ends in, the last line too
        while "\r\n" in text:
            text = text.replace("\r\n", "\n")
        text = text.rstrip("\r")
    header, *body = text.split("\n")
    del text
    if body and body[-1] == "":
        body.pop()  # after the newline ending the last line
    numbers: Sequence[int] = range(2, len(body) + 2)
    if "" in body or any(map(str.isspace, body)):
        kept = [(number, line) for number, line in zip(numbers, body, strict=True) if line.strip()]
        numbers = [number for number, _ in kept]
        body = [line for _, line in kept]
    names = header.split("\t")
    tabs = len(names) - 1
    # Without a batch size, one batch: empty when the file has no data rows.
    size = batch or len(body)
    for start in range(0, len(body), batch) if batch else [0]:
        lines = body[start : start + size]
        found = list(map(str.count, lines, repeat("\t")))
        if found.count(tabs) == len(lines):  # every line as wide as the header
            yield Rows(spec.name, names, numbers[start : start + len(lines)], _fields(lines))
            continue
        bad = next(i for i, count in enumerate(found) if count != tabs)
        pending = ReleaseError(
            f"expected {tabs + 1} tab-separated fields, found {found[bad] + 1}",
            file=spec.name,
            line=numbers[start + bad],
        )
        yield Rows(spec.name, names, numbers[start : start + bad], _fields(lines[:bad]), pending)
        return


def _fields(lines: list[str]) -> list[str]:
    """The fields of these lines, one line after the other, with ``n/a`` fields emptied."""
    if not lines:
        return []
    # Joined by tabs, every field sits between two tabs (bar the first and last, given theirs
    # for the while). Two n/a side by side share a tab, so a pass empties every other one.
    text = "\t" + "\t".join(lines) + "\t"
    while _MISSING_FIELD in text:
        text = text.replace(_MISSING_FIELD, "\t\t")
    return text[1:-1].split("\t")


def read_file(source: ReleaseSource, spec: FileSpec) -> Rows:
    """All of a file's data rows at once (see ``read_rows``)."""
    return next(read_rows(source, spec))
