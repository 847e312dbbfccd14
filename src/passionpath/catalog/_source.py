"""Reading a release from a zip archive or a folder, file by file and row by row."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from passionpath.catalog._layout import SPECS, FileSpec
from passionpath.errors import ReleaseError

MISSING = "n/a"
RELEASE_META = "RELEASE.json"
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
    data = source.read_bytes(spec.name)
    first = data.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").rstrip("\r")
    header = tuple(first.split("\t"))
    if header not in spec.layouts:
        expected = " | ".join(spec.layouts[0])
        raise ReleaseError(
            f"unexpected columns. Expected: {expected}. Found: {' | '.join(header)}",
            file=spec.name,
            line=1,
        )
    return header


def iter_rows(source: ReleaseSource, spec: FileSpec) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for each data row; ``n/a`` becomes the empty string.

    Lines may end in LF or CRLF. Blank lines are skipped. A row with the wrong number of
    fields raises ReleaseError naming the file and line.
    """
    data = source.read_bytes(spec.name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReleaseError("the text is not valid UTF-8", file=spec.name, line=line) from exc
    lines = text.split("\n")
    header = tuple(lines[0].rstrip("\r").split("\t"))
    width = len(header)
    for number, raw in enumerate(lines[1:], start=2):
        content = raw.rstrip("\r")
        if not content.strip():
            continue
        values = content.split("\t")
        if len(values) != width:
            raise ReleaseError(
                f"expected {width} tab-separated fields, found {len(values)}",
                file=spec.name,
                line=number,
            )
        yield (
            number,
            {
                key: ("" if value == MISSING else value.strip())
                for key, value in zip(header, values, strict=True)
            },
        )
