"""Output folders of batch runs: new, or resumed from the run that wrote them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from passionpath.errors import PassionpathError


class BatchOutputError(PassionpathError):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message, field="output", hint=hint, kind="batch_output")


def start_or_resume(
    folder: Path, wanted: dict[str, Any], resume: bool, *, manifest: str, differs: str
) -> None:
    """Make ``folder`` ready for a run described by ``wanted``: a new folder, or one an
    earlier run of the same description wrote (kept to resume from, or emptied when
    ``resume`` is False). A folder another run wrote (``differs`` says in what it may
    differ) or anything else wrote is refused. ``manifest`` names the description's file."""
    path = folder / manifest
    if path.exists():
        found = json.loads(path.read_text("utf-8"))
        if {k: found.get(k) for k in wanted} != wanted:
            raise BatchOutputError(
                f"{folder} holds the results of another run ({differs})",
                "Give another output, or remove that folder.",
            )
        if not resume:
            for item in folder.iterdir():
                if item.name != manifest:
                    item.unlink() if item.is_file() else shutil.rmtree(item)
    elif folder.exists() and any(folder.iterdir()):
        raise BatchOutputError(
            f"{folder} is not empty and was not written by a batch run", "Give a new folder name."
        )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(wanted, indent=2), "utf-8")
