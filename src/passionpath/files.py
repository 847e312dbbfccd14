"""Reading and writing a person's own files, with one set of clear errors.

Every file a person hands over (a profile, a list of texts, inventory answers) is read
through :func:`read_user_text`; every file written where they asked goes through
:func:`write_user_file`. Errors name the file (and the line, for text that cannot be
decoded) and never carry a traceback.
"""

from __future__ import annotations

from pathlib import Path

from passionpath.errors import PassionpathError

__all__ = [
    "UserFileError",
    "decode_user_text",
    "read_user_bytes",
    "read_user_text",
    "write_user_file",
]

#: Bytes that do not occur in text files; one of them means the file is binary.
_BINARY_BYTES = frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x1A)) | {0x1C, 0x1D, 0x1F}


class UserFileError(PassionpathError):
    """A file a person named cannot be read or written; ``path``, ``line`` and ``reason``."""

    def __init__(self, path: str | Path, reason: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.reason = reason
        where = f"{path}, line {line}" if line is not None else f"{path}"
        super().__init__(f"{where}: {reason}")


def _size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:g} MB"
    if size >= 1_000:
        return f"{size / 1_000:g} kB"
    return f"{size} bytes"


def read_user_bytes(path: str | Path, *, max_bytes: int) -> bytes:
    """The file's bytes; refuses a missing, unreadable or too large file."""
    path = Path(path)
    try:
        if path.is_dir():
            raise UserFileError(path, "this is a folder, not a file.")
        size = path.stat().st_size
        if size > max_bytes:
            raise UserFileError(
                path, f"the file is {_size_text(size)}; the limit is {_size_text(max_bytes)}."
            )
        with path.open("rb") as handle:
            # Read one byte past the limit: special files can report a size of 0.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise UserFileError(path, "no such file.") from None
    except OSError as exc:
        raise UserFileError(path, f"cannot read the file ({exc.strerror or exc}).") from None
    if len(data) > max_bytes:
        raise UserFileError(path, f"the file is larger than {_size_text(max_bytes)}, the limit.")
    return data


def decode_user_text(data: bytes, path: str | Path) -> str:
    """UTF-8 text (a byte-order mark is allowed); binary or other encodings are refused."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise UserFileError(path, "the file is UTF-16 text; save it as UTF-8 and try again.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UserFileError(
            path, "not UTF-8 text (is it a binary file?); save it as UTF-8.", line=line
        ) from None
    binary = next((i for i, byte in enumerate(data) if byte in _BINARY_BYTES), None)
    if binary is not None:
        line = data.count(b"\n", 0, binary) + 1
        raise UserFileError(path, "this looks like a binary file, not text.", line=line)
    return text


def read_user_text(path: str | Path, *, max_bytes: int) -> str:
    """A person's UTF-8 text file, at most ``max_bytes`` long, with clear errors."""
    return decode_user_text(read_user_bytes(path, max_bytes=max_bytes), path)


def write_user_file(path: str | Path, data: str | bytes) -> None:
    """Write where a person asked; a missing folder or no permission is one clear error."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.write_bytes(payload)
    except FileNotFoundError:
        raise UserFileError(path, f"the folder {path.parent} does not exist.") from None
    except IsADirectoryError:
        raise UserFileError(path, "this is a folder; give a file name.") from None
    except OSError as exc:
        raise UserFileError(path, f"cannot write the file ({exc.strerror or exc}).") from None
