"""The disk cache: what goes in comes back equal, large arrays come back mapped from the
file, older plain pickles still load (and are rewritten mapped), and a damaged file is
rebuilt rather than fatal."""

from __future__ import annotations

import mmap
import pickle
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from passionpath.cache import DiskCache


@dataclass
class Stored:
    name: str
    big: np.ndarray
    small: np.ndarray
    texts: list[str] = field(default_factory=list)
    nested: dict[str, np.ndarray] = field(default_factory=dict)


def _example() -> Stored:
    rng = np.random.default_rng(7)
    return Stored(
        name="release",
        big=rng.standard_normal((300, 128)).astype(np.float32),
        small=np.arange(5, dtype=np.int64),
        texts=["a task", "another task"],
        nested={
            "ids": np.arange(40_000, dtype=np.int32),
            "flags": np.zeros(100_000, dtype=bool),
            "fortran": np.asfortranarray(rng.standard_normal((200, 90))),
            "strided": rng.standard_normal((400, 100))[:, ::2],
        },
    )


def _assert_same(a: Stored, b: Stored) -> None:
    assert (a.name, a.texts) == (b.name, b.texts)
    for x, y in [(a.big, b.big), (a.small, b.small)] + [
        (a.nested[k], b.nested[k]) for k in a.nested
    ]:
        assert x.dtype == y.dtype and x.shape == y.shape
        assert np.array_equal(x, y)
    assert set(a.nested) == set(b.nested)


def _mapped(array: np.ndarray) -> bool:
    """Whether ``array``'s memory is a mapping of a file (rather than bytes read into memory)."""
    base = array
    while isinstance(base, np.ndarray) and base.base is not None:
        base = base.base
    return isinstance(base, memoryview) and isinstance(base.obj, mmap.mmap)


def _never() -> Stored:
    raise AssertionError("built again")


def test_a_stored_object_comes_back_equal_and_its_large_arrays_mapped(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    original = _example()
    assert cache.load_or_build("thing", "k1", lambda: original, lambda _: True) is original

    loaded = cache.load_or_build("thing", "k1", _never, lambda found: isinstance(found, Stored))
    _assert_same(original, loaded)
    # The large arrays are views of the file's pages, not copies read into memory...
    assert _mapped(loaded.big) and _mapped(loaded.nested["ids"])
    assert not _mapped(loaded.small)  # a small array stays inside the pickle stream
    assert loaded.big.flags.aligned and loaded.big.flags.c_contiguous
    assert loaded.nested["fortran"].flags.f_contiguous
    # ...yet as writable as before, and writing changes this copy only, never the file.
    loaded.big[0, 0] = 1234.0
    again = cache.load_or_build("thing", "k1", _never, lambda _: True)
    assert again.big[0, 0] == original.big[0, 0] != 1234.0


def test_an_older_plain_pickle_still_loads_and_is_rewritten_mapped(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    original = _example()
    path = cache.path("thing", "old")
    path.write_bytes(pickle.dumps(original, protocol=pickle.HIGHEST_PROTOCOL))

    first = cache.load_or_build("thing", "old", _never, lambda _: True)
    _assert_same(original, first)
    assert not _mapped(first.big)
    loaded = cache.load_or_build("thing", "old", _never, lambda _: True)
    _assert_same(original, loaded)
    assert _mapped(loaded.big)
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


@pytest.mark.parametrize("damage", ["cut", "empty", "garbage", "header only"])
def test_a_damaged_file_is_rebuilt(tmp_path: Path, damage: str) -> None:
    cache = DiskCache(tmp_path)
    cache.load_or_build("thing", "k", _example, lambda _: True)
    path = cache.path("thing", "k")
    data = path.read_bytes()
    path.write_bytes(
        {
            "cut": data[: len(data) // 2],
            "empty": b"",
            "garbage": b"not a cache file at all",
            "header only": data[:40],
        }[damage]
    )
    rebuilt = cache.load_or_build("thing", "k", _example, lambda _: True)
    _assert_same(_example(), rebuilt)
    _assert_same(_example(), cache.load_or_build("thing", "k", _never, lambda _: True))


def test_an_object_the_check_refuses_is_rebuilt(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.load_or_build("thing", "k", _example, lambda _: True)
    fresh = Stored("newer", np.ones(3), np.zeros(2))
    found = cache.load_or_build("thing", "k", lambda: fresh, lambda s: s.name == "newer")
    assert found is fresh
    assert cache.load_or_build("thing", "k", _never, lambda s: s.name == "newer").name == "newer"


def test_an_unwritable_cache_directory_only_costs_speed(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    cache = DiskCache(blocked / "cache")
    built = cache.load_or_build("thing", "k", _example, lambda _: True)
    _assert_same(_example(), built)
    assert blocked.read_text() == ""


def test_a_file_system_that_cannot_map_files_still_reads_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = DiskCache(tmp_path)
    cache.load_or_build("thing", "k", _example, lambda _: True)

    def refuse(*_args: object, **_kwargs: object) -> mmap.mmap:
        raise OSError("mmap not supported here")

    monkeypatch.setattr(mmap, "mmap", refuse)
    loaded = cache.load_or_build("thing", "k", _never, lambda _: True)
    _assert_same(_example(), loaded)
    loaded.big[0, 0] = 1.0  # still writable, as a fresh copy would be
