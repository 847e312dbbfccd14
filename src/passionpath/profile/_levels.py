"""A plain-language level scale for self-rating skills, built from the O*NET level anchors.

O*NET rates a skill's level 0-7 and illustrates some levels with everyday examples (anchors).
A person picks the sentence that fits; the choice maps back onto the 0-7 scale.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Used when the catalog has no anchors for a descriptor.
GENERIC_ANCHORS = [
    (2.0, "basic, with help"),
    (4.0, "on my own, routinely"),
    (6.0, "expertly, teaching others"),
]


@dataclass(frozen=True)
class LevelChoice:
    key: str
    label: str
    level: float


def level_choices(anchors: list[tuple[float, str]]) -> list[LevelChoice]:
    """Six choices from 'not at all' to 'beyond the highest example'.

    With anchors at levels a < b < c the choices map to 0, a/2, a, b, c and 7.
    """
    points = sorted(anchors)[:3] if len(anchors) >= 3 else GENERIC_ANCHORS
    (low, low_text), (mid, mid_text), (high, high_text) = points[0], points[1], points[-1]
    return [
        LevelChoice("0", "Not at all", 0.0),
        LevelChoice("1", f"A little, not yet: {low_text}", round(low / 2, 1)),
        LevelChoice("2", f"Basic: {low_text}", low),
        LevelChoice("3", f"Solid: {mid_text}", mid),
        LevelChoice("4", f"Advanced: {high_text}", high),
        LevelChoice("5", f"Expert, beyond: {high_text}", 7.0),
    ]


def nearest_choice(level: float, choices: list[LevelChoice]) -> LevelChoice:
    return min(choices, key=lambda c: abs(c.level - level))
