"""The site's own static files (its stylesheet and two small scripts), as pages link them.

Served from the package: no CDN, no build step, no web fonts. A page links each file with a
digest of its content in the address, so browsers may keep it for long and still never use a
stale copy after an upgrade.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

STATIC = Path(__file__).with_name("static")
#: The files that may be asked for, with their media types.
TYPES = {
    "site.css": "text/css",
    "site.js": "text/javascript",
    "suggest.js": "text/javascript",
}


@cache
def content(name: str) -> bytes:
    return (STATIC / name).read_bytes()


@cache
def asset_url(name: str) -> str:
    """The address a page links ``name`` by, carrying a digest of its content."""
    version = hashlib.sha256(content(name)).hexdigest()[:12]
    return f"/static/{name}?v={version}"
