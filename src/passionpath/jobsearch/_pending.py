"""Uploads that wait for the person to confirm: a mailbox whose changes are shown before they
are applied, a CSV whose columns are shown before it is imported.

Each waits in the cache directory, in a folder of its kind, as ``<user>-<token>.<kind>``
holding the file's name, a newline, and its bytes. One upload of each kind waits per person
(a new one replaces the earlier), for at most ``UPLOAD_TTL`` seconds: any call to
``forget_uploads`` removes older ones, and deleting the account removes all of the person's.
Tokens are random, and an upload is only found with its owner's id and its token.
"""

from __future__ import annotations

import re
import secrets
import time
from pathlib import Path

__all__ = [
    "UPLOAD_KINDS",
    "UPLOAD_TTL",
    "drop_upload",
    "forget_uploads",
    "keep_upload",
    "pending_upload",
]

#: How long an upload waits for its confirmation (seconds).
UPLOAD_TTL = 3600
#: The kinds of upload that wait, each in a folder of its own.
UPLOAD_KINDS = ("mail", "csv")
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def _folder(cache_dir: Path, kind: str) -> Path:
    if kind not in UPLOAD_KINDS:
        raise ValueError(f"not a kind of upload: {kind!r}")
    return cache_dir / f"{kind}-uploads"


def _path(cache_dir: Path, user: int, kind: str, token: str) -> Path | None:
    if not _TOKEN.match(token):
        return None
    return _folder(cache_dir, kind) / f"{user}-{token}.{kind}"


def forget_uploads(cache_dir: Path, *, user: int | None = None, kind: str | None = None) -> int:
    """Remove the uploads older than UPLOAD_TTL and, with ``user``, every one of theirs (of
    ``kind``, or of every kind). Returns how many were removed."""
    now, removed = time.time(), 0
    for each in (kind,) if kind else UPLOAD_KINDS:
        folder = _folder(cache_dir, each)
        if not folder.is_dir():
            continue
        for old in folder.glob(f"*.{each}"):
            try:
                if (user is not None and old.name.startswith(f"{user}-")) or (
                    now - old.stat().st_mtime > UPLOAD_TTL
                ):
                    old.unlink()
                    removed += 1
            except OSError:
                continue
    return removed


def keep_upload(cache_dir: Path, user: int, kind: str, name: str, data: bytes) -> str:
    """Keep ``data`` (a file called ``name``) until confirmed; returns its token. The
    person's earlier upload of this kind, and anyone's expired ones, are removed."""
    folder = _folder(cache_dir, kind)
    folder.mkdir(parents=True, exist_ok=True)
    forget_uploads(cache_dir, user=user, kind=kind)
    token = secrets.token_urlsafe(24)
    (folder / f"{user}-{token}.{kind}").write_bytes(Path(name).name.encode() + b"\n" + data)
    return token


def pending_upload(cache_dir: Path, user: int, kind: str, token: str) -> tuple[str, bytes] | None:
    """(file name, bytes) of the user's waiting upload with this token; None when there is
    none (never kept, another person's, confirmed already, or expired)."""
    forget_uploads(cache_dir, kind=kind)
    path = _path(cache_dir, user, kind, token)
    if path is None or not path.is_file():
        return None
    name, _, data = path.read_bytes().partition(b"\n")
    return name.decode("utf-8", "replace"), data


def drop_upload(cache_dir: Path, user: int, kind: str, token: str) -> None:
    """Remove the upload once confirmed."""
    path = _path(cache_dir, user, kind, token)
    if path is not None:
        path.unlink(missing_ok=True)
