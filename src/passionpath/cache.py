"""Caches: named, bounded in-memory tables and pickles in the cache directory.

Every cache in the product goes through here, so there is one place that decides how a key
is built (content hashes and release ids, never a connection string or a secret) and how a
damaged file is treated (rebuilt, never fatal).
"""

from __future__ import annotations

import hashlib
import pickle
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


class DiskCache:
    """Pickled objects under one directory, written atomically; unreadable ones are rebuilt."""

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
                loaded = pickle.loads(path.read_bytes())
            except Exception:  # a stale, truncated or foreign file is rebuilt, never fatal
                loaded = None
            if loaded is not None and valid(loaded):
                return loaded  # type: ignore[no-any-return]
        built = build()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{digest(id(built))}.tmp")
            tmp.write_bytes(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
            tmp.replace(path)
        except OSError:
            pass
        return built


#: The process's content-addressed tables: things derived only from a release's content and
#: the text model (matrices, search and interest models, prepared people), keyed by those
#: hashes. Any context on any database holding the same catalog may reuse them; state that
#: belongs to one database (tokens, cached responses) lives in the context's own memo.
SHARED = Memo()
