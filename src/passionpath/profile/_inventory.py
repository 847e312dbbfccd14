"""The interest inventory: 60 activity items (10 per RIASEC area), a 30-item short form.

Each answer runs 1 (strongly dislike) to 5 (strongly like) and scores ``answer - 1``, so an
item is worth 0-4 and an area 0-40 on the full form. The short form has 5 items per area
(0-20 raw); its scores are doubled so both forms report on the same 0-40 scale.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Literal

import numpy as np

from passionpath.catalog import RIASEC_LETTERS
from passionpath.errors import PassionpathError
from passionpath.profile._document import InventoryRecord

AREAS = RIASEC_LETTERS
AREA_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
ITEMS_FILE = Path(__file__).with_name("data") / "inventory.json"
Form = Literal["full", "short"]

#: Area scores whose spread (highest minus lowest, on the 0-40 scale) is at most this are
#: called flat: the three-letter code then says little, and the person is told so.
FLAT_SPREAD = 8.0


@dataclass(frozen=True)
class Item:
    id: str
    area: str
    text: str
    short: bool


@dataclass(frozen=True)
class InventoryResult:
    form: Form
    scores: dict[str, float]
    code: str
    flat: bool
    spread: float

    def as_dict(self) -> dict[str, object]:
        return {
            "form": self.form,
            "scores": self.scores,
            "code": self.code,
            "flat": self.flat,
            "spread": self.spread,
        }


class InventoryError(PassionpathError):
    pass


# Process-wide on purpose: the items ship inside the package and never change at run time.
@lru_cache(maxsize=1)
def _load() -> tuple[tuple[Item, ...], tuple[dict[str, object], ...]]:
    data = json.loads(ITEMS_FILE.read_text(encoding="utf-8"))
    items = tuple(Item(i["id"], i["area"], i["text"], bool(i["short"])) for i in data["items"])
    return items, tuple(data["scale"])


def items(form: Form = "full") -> list[Item]:
    """The items of a form, in presentation order."""
    every = _load()[0]
    return [i for i in every if form == "full" or i.short]


def scale() -> list[dict[str, object]]:
    return list(_load()[1])


def answers_from_sequence(values: list[int], form: Form = "full") -> dict[str, int]:
    """Pair answers given in presentation order (``--answers 5,4,1,...``) with item ids."""
    form_items = items(form)
    if len(values) != len(form_items):
        raise InventoryError(
            f"The {form} form has {len(form_items)} items; {len(values)} answers were given."
        )
    return {item.id: value for item, value in zip(form_items, values, strict=True)}


def score(answers: dict[str, int], form: Form = "full") -> InventoryResult:
    """Area scores on 0-40, the three-letter code, and whether the profile is flat.

    Ties are broken in hexagon order (R, I, A, S, E, C), so the code is deterministic.
    """
    form_items = items(form)
    known = {i.id for i in form_items}
    unknown = sorted(set(answers) - {i.id for i in items("full")})
    if unknown:
        raise InventoryError(f"Unknown inventory items: {', '.join(unknown)}.")
    missing = [i.id for i in form_items if i.id not in answers]
    if missing:
        raise InventoryError(
            f"{len(missing)} of the {len(form_items)} items are unanswered: "
            f"{', '.join(missing[:10])}{'...' if len(missing) > 10 else ''}."
        )
    for item_id, value in answers.items():
        if item_id in known and not 1 <= value <= 5:
            raise InventoryError(f"Answer to {item_id} is {value}; answers run from 1 to 5.")
    factor = 2.0 if form == "short" else 1.0
    raw = {area: 0 for area in AREAS}
    for item in form_items:
        raw[item.area] += answers[item.id] - 1
    scores = {area: raw[area] * factor for area in AREAS}
    values = np.array([scores[a] for a in AREAS])
    order = np.lexsort((np.arange(6), -values))
    spread = float(values.max() - values.min())
    return InventoryResult(
        form=form,
        scores=scores,
        code="".join(AREAS[i] for i in order[:3]),
        flat=spread <= FLAT_SPREAD,
        spread=spread,
    )


def inventory_record(result: InventoryResult, answers: dict[str, int]) -> InventoryRecord:
    """The profile's record of a scored inventory, dated today."""
    return InventoryRecord(
        form=result.form,
        answers=answers,
        scores=result.scores,
        code=result.code,
        taken_at=date.today().isoformat(),
    )
