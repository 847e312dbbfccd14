"""Caches: named, bounded in-memory tables and pickles in the cache directory.

Every cache in the product goes through here, so there is one place that decides how a key
is built (content hashes and release ids, never a connection string or a secret) and how a
damaged file is treated (rebuilt, never fatal).
"""

from __future__ import annotations

import contextlib
import hashlib
import mmap
import os
import pickle
import struct
from collections import OrderedDict
from collections.abc import Callable, Hashable
from pathlib import Path
from threading import Lock
from typing import Any, TypeVar

T = TypeVar("T")

__all__ = ["SHARED", "DiskCache", "Memo", "digest"]


def digest(*parts: object) -> str:
    """A short, stable SHA-256 of ``parts`` for cache keys and file names."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:24]


class Memo:
    """Named in-memory tables, each a least-recently-used map bounded by a count."""

    def __init__(self) -> None:
        self._tables: dict[str, OrderedDict[Hashable, Any]] = {}
        self._lock = Lock()

    def get(self, table: str, key: Hashable) -> Any | None:
        with self._lock:
            entries = self._tables.get(table)
            if entries is None or key not in entries:
                return None
            entries.move_to_end(key)
            return entries[key]

    def put(self, table: str, key: Hashable, value: T, limit: int = 64) -> T:
        with self._lock:
            entries = self._tables.setdefault(table, OrderedDict())
            entries[key] = value
            entries.move_to_end(key)
            while len(entries) > limit:
                entries.popitem(last=False)
        return value

    def get_or_make(self, table: str, key: Hashable, make: Callable[[], T], limit: int = 64) -> T:
        found = self.get(table, key)
        if found is not None:
            return found  # type: ignore[no-any-return]
        return self.put(table, key, make(), limit)

    def pop(self, table: str, key: Hashable) -> None:
        """Forget one entry, if it is there."""
        with self._lock:
            self._tables.get(table, OrderedDict()).pop(key, None)

    def discard(self, table: str, match: Callable[[Hashable, Any], bool]) -> None:
        """Drop every entry of ``table`` for which ``match(key, value)`` holds."""
        with self._lock:
            entries = self._tables.get(table, OrderedDict())
            for key in [k for k, v in entries.items() if match(k, v)]:
                del entries[key]

    def clear(self) -> None:
        with self._lock:
            self._tables.clear()


#: A cache file in the mapped layout starts with this; older files are plain pickles.
MAGIC = b"PPCACHE1"
#: Buffers (numpy arrays' memory) at least this large are kept outside the pickle stream.
OUT_OF_BAND_BYTES = 64 * 1024
#: Where each kept buffer starts in the file is rounded up to this, so arrays stay aligned.
ALIGN = 64
_COUNT = struct.Struct("<QQ")  # pickle stream length, number of buffers
_SPAN = struct.Struct("<QQ")  # one buffer's offset in the file and its length


def _round_up(offset: int) -> int:
    return -(-offset // ALIGN) * ALIGN


def _dump_mapped(obj: object) -> list[bytes | memoryview]:
    """``obj`` as the parts of a cache file: a header, its pickle stream (protocol 5), and
    each large buffer the stream refers to, out of band and aligned, so that reading the
    file back maps those buffers instead of copying them."""
    kept: list[pickle.PickleBuffer] = []

    def in_band(buffer: pickle.PickleBuffer) -> bool:
        if buffer.raw().nbytes < OUT_OF_BAND_BYTES:
            return True
        kept.append(buffer)
        return False

    stream = pickle.dumps(obj, protocol=5, buffer_callback=in_band)
    raws = [buffer.raw() for buffer in kept]
    offset = len(MAGIC) + _COUNT.size + _SPAN.size * len(raws) + len(stream)
    spans = []
    for raw in raws:
        offset = _round_up(offset)
        spans.append((offset, raw.nbytes))
        offset += raw.nbytes
    header = MAGIC + _COUNT.pack(len(stream), len(raws))
    header += b"".join(_SPAN.pack(*span) for span in spans)
    parts: list[bytes | memoryview] = [header, stream]
    end = len(header) + len(stream)
    for (start, size), raw in zip(spans, raws, strict=True):
        parts += [b"\0" * (start - end), raw]
        end = start + size
    return parts


def _load_mapped(path: Path) -> tuple[Any, bool]:
    """The object in the cache file at ``path``, and whether the file is in the mapped
    layout. There its large buffers are copy-on-write pages of the file: arrays read only
    what they touch, and writing to one changes this process's copy, never the file. A
    plain pickle (an older file) is read whole. Raises ValueError for a file cut short."""
    with path.open("rb") as file:
        if file.read(len(MAGIC)) != MAGIC:
            file.seek(0)
            return pickle.loads(file.read()), False
        try:
            mapped: mmap.mmap | bytearray = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_COPY)
        except (OSError, ValueError):  # a file system that cannot map files: read it whole
            file.seek(0)
            mapped = bytearray(file.read())
    view = memoryview(mapped)
    start = len(MAGIC) + _COUNT.size
    length, count = _COUNT.unpack_from(view, len(MAGIC))
    spans = [_SPAN.unpack_from(view, start + _SPAN.size * i) for i in range(count)]
    stream = start + _SPAN.size * count
    if stream + length > len(view) or any(
        o < stream + length or o + n > len(view) for o, n in spans
    ):
        raise ValueError(f"{path} is cut short")
    buffers = [view[o : o + n] for o, n in spans]
    return pickle.loads(view[stream : stream + length], buffers=buffers), True


class DiskCache:
    """Pickled objects under one directory, written atomically; unreadable ones are rebuilt.

    Files are written in the mapped layout (``_dump_mapped``): a warm command maps a large
    catalog's arrays rather than reading and copying them. A file is only ever replaced
    whole, never rewritten in place, so a process that has one mapped keeps a consistent
    copy while another writes its successor."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, name: str, key: str) -> Path:
        return self.root / f"{name}-{key}.pickle"

    def load_or_build(
        self, name: str, key: str, build: Callable[[], T], valid: Callable[[Any], bool]
    ) -> T:
        """The object stored as ``name``/``key`` when ``valid`` accepts it, else ``build()``
        (stored for next time; a read-only cache directory only costs speed)."""
        path = self.path(name, key)
        if path.exists():
            try:
                loaded, mapped = _load_mapped(path)
            except Exception:  # a stale, truncated or foreign file is rebuilt, never fatal
                loaded, mapped = None, False
            if loaded is not None and valid(loaded):
                if not mapped:  # an older plain pickle: rewritten once, mapped from then on
                    self._store(path, loaded)
                return loaded  # type: ignore[no-any-return]
        built = build()
        self._store(path, built)
        return built

    def _store(self, path: Path, obj: object) -> None:
        """Write ``obj`` to ``path`` whole or not at all (a read-only cache directory, or a
        full disk, only costs speed)."""
        tmp = path.with_suffix(f".{digest(os.getpid(), id(obj))}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tmp.open("wb") as file:
                file.writelines(_dump_mapped(obj))
            tmp.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)


#: The process's content-addressed tables: things derived only from a release's content and
#: the text model (matrices, search and interest models, prepared people), keyed by those
#: hashes. Any context on any database holding the same catalog may reuse them; state that
#: belongs to one database (tokens, cached responses) lives in the context's own memo.
SHARED = Memo()
