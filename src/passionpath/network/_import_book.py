"""An import as every face runs it: the file into the book, then the new people's job titles
read for the occupations they name (so an imported UX designer shows as one at once)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from passionpath.network._io import ImportReport, import_contacts
from passionpath.network._store import fill_occupations

if TYPE_CHECKING:
    from passionpath.context import Context

#: Distinct job titles read during an import (a few milliseconds each); any others are
#: read the first time the book is searched by occupation.
TITLES_READ_ON_IMPORT = 2_000


def import_book(
    ctx: Context,
    filename: str,
    data: bytes,
    *,
    owner: int | None = None,
    dry_run: bool = False,
    region: str | None = None,
) -> ImportReport:
    """``import_contacts``, and then (unless ``dry_run``) the job titles of the book read for
    their occupations. Nothing is stored when the file is at fault."""
    report = import_contacts(ctx.engine, owner, filename, data, dry_run=dry_run, region=region)
    if not dry_run:
        fill_occupations(ctx, owner=owner, titles=TITLES_READ_ON_IMPORT)
    return report
