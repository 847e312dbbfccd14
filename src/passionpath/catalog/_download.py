"""``data download``: fetch an official O*NET text release, resumably, then verify it.

This module is the only place in passionpath that uses the network.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from passionpath.catalog._source import open_release
from passionpath.errors import DownloadError, ReleaseError

#: ``progress(bytes_done, bytes_total_or_None)``
DownloadProgress = Callable[[int, int | None], None]

_RELEASE = re.compile(r"^\d{1,2}\.\d{1,2}$")
_ATTEMPTS = 5


def release_url(release: str, template: str) -> str:
    if not _RELEASE.match(release):
        raise DownloadError(f"{release!r} is not a release number like 30.0.", field="release")
    return template.format(release=release.replace(".", "_"))


def _total_from(response_headers: dict[str, str], already: int) -> int | None:
    content_range = response_headers.get("content-range", "")
    if "/" in content_range and not content_range.endswith("/*"):
        return int(content_range.rsplit("/", 1)[1])
    length = response_headers.get("content-length")
    return int(length) + already if length is not None else None


def fetch(url: str, target: Path, progress: DownloadProgress | None = None) -> Path:
    """Stream ``url`` to ``target``, resuming from ``target.part`` after any interruption."""
    import httpx

    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".part")
    last_error: Exception | None = None
    for attempt in range(_ATTEMPTS):
        have = part.stat().st_size if part.exists() else 0
        headers = {"Range": f"bytes={have}-"} if have else {}
        try:
            with httpx.stream(
                "GET", url, headers=headers, follow_redirects=True, timeout=30.0
            ) as response:
                if response.status_code == 416 and have:
                    break  # the partial file is already complete
                if response.status_code not in (200, 206):
                    raise DownloadError(
                        f"{url} answered HTTP {response.status_code}. Check the release number."
                    )
                if response.status_code == 200:
                    have = 0  # the server ignored the range: start over
                total = _total_from(dict(response.headers), have)
                with part.open("ab" if have else "wb") as out:
                    for chunk in response.iter_bytes():
                        out.write(chunk)
                        have += len(chunk)
                        if progress is not None:
                            progress(have, total)
                if total is not None and have < total:
                    raise httpx.ReadError(f"connection closed at {have} of {total} bytes")
            break
        except httpx.HTTPError as exc:
            last_error = exc
            time.sleep(min(2**attempt, 10) * 0.1)
    else:
        raise DownloadError(
            f"Download of {url} failed after {_ATTEMPTS} attempts ({last_error}).",
            hint="Start the download again to resume it.",
        )
    part.replace(target)
    return target


def verify(path: Path) -> None:
    """Raise ReleaseError unless ``path`` is a readable text release."""
    source = open_release(path)
    try:
        if "Occupation Data.txt" not in source.members:
            raise ReleaseError(
                "the archive does not hold Occupation Data.txt: not an O*NET text release",
                file=str(path),
            )
    finally:
        source.close()


def download_release(
    release: str,
    *,
    template: str,
    directory: Path,
    progress: DownloadProgress | None = None,
) -> Path:
    url = release_url(release, template)
    target = directory / f"db_{release.replace('.', '_')}_text.zip"
    fetch(url, target, progress)
    try:
        verify(target)
    except ReleaseError:
        target.unlink(missing_ok=True)
        raise
    return target
