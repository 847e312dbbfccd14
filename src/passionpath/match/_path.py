"""Stepping stones from one occupation to another, at most three moves."""

from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from passionpath.match._matrices import CatalogMatrices
from passionpath.match._scoring import importance_weights

F32 = NDArray[np.float32]

MAX_STEPS = 3
NEIGHBOURS = 15
#: Every move costs something even when no skill is missing, so shorter paths win ties.
STEP_COST = 0.15
ZONE_STEP_COST = 0.3


@dataclass
class SkillToGain:
    name: str
    kind: str
    current: float
    required: float
    importance: float


@dataclass
class Step:
    from_code: str
    to_code: str
    to_title: str
    cost: float
    skills_to_gain: list[SkillToGain] = field(default_factory=list)
    preparation: str = ""


@dataclass
class CareerPath:
    steps: list[Step]
    total_cost: float
    direct_cost: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def move_costs(m: CatalogMatrices, origin: int, targets: NDArray[np.int64]) -> F32:
    """Cost of moving from ``origin`` to each target.

    cost = STEP_COST + 2 * shortfall^2 + ZONE_STEP_COST * climb^2, where shortfall is the
    importance-weighted share of the target's required levels the origin does not reach and
    climb the rise in job zone. Squaring makes one giant leap dearer than two moderate
    moves, which is what stepping stones are for.
    """
    have = np.nan_to_num(m.level[origin], nan=0.0)
    need = np.nan_to_num(m.level[targets], nan=0.0)
    weights = importance_weights(m.importance[targets])
    short = (weights * np.maximum(need - have[None, :], 0)).sum(axis=1)
    total = np.maximum((weights * need).sum(axis=1), 1e-6)
    zones = np.nan_to_num(m.job_zone, nan=3.0)
    climb = np.maximum(zones[targets] - zones[origin], 0)
    shortfall = short / total
    return (STEP_COST + 2 * shortfall**2 + ZONE_STEP_COST * climb**2).astype(np.float32)


def _step(m: CatalogMatrices, a: int, b: int, cost: float) -> Step:
    have = np.nan_to_num(m.level[a], nan=0.0)
    need = np.nan_to_num(m.level[b], nan=0.0)
    weights = importance_weights(m.importance[b])
    gap = weights * np.maximum(need - have, 0)
    skills = [
        SkillToGain(
            m.descriptor_names[j],
            m.descriptor_kinds[j],
            round(float(have[j]), 2),
            round(float(need[j]), 2),
            round(float(np.nan_to_num(m.importance[b, j])), 2),
        )
        for j in np.argsort(-gap)[:3]
        if gap[j] > 0.05
    ]
    za, zb = m.job_zone[a], m.job_zone[b]
    if np.isnan(za) or np.isnan(zb) or zb <= za:
        preparation = "no extra preparation beyond the skills listed"
    else:
        preparation = f"more preparation: job zone {int(za)} -> {int(zb)}"
    return Step(str(m.codes[a]), str(m.codes[b]), m.titles[b], round(cost, 3), skills, preparation)


def find_path(
    m: CatalogMatrices, neighbours: NDArray[np.int64], origin: int, goal: int
) -> CareerPath:
    """The cheapest route of at most three moves, each move to one of the current
    occupation's most transferable neighbours (or straight to the goal)."""
    direct = float(move_costs(m, origin, np.array([goal]))[0])
    best: tuple[float, list[int]] = (direct, [origin, goal])
    frontier: list[tuple[float, list[int]]] = [(0.0, [origin])]
    for _ in range(MAX_STEPS - 1):
        grown: list[tuple[float, list[int]]] = []
        for cost, route in frontier:
            here = route[-1]
            options = np.array([j for j in neighbours[here] if j not in route and j != goal])
            if options.size == 0:
                continue
            step_costs = move_costs(m, here, options)
            for j, c in zip(options.tolist(), step_costs.tolist(), strict=True):
                grown.append((cost + c, [*route, j]))
        grown.sort(key=lambda item: item[0])
        frontier = grown[:60]
        for cost, route in frontier:
            total = cost + float(move_costs(m, route[-1], np.array([goal]))[0])
            if total < best[0] - 1e-6:
                best = (total, [*route, goal])
    route = best[1]
    steps = []
    for a, b in itertools.pairwise(route):
        steps.append(_step(m, a, b, float(move_costs(m, a, np.array([b]))[0])))
    return CareerPath(steps, round(best[0], 3), round(direct, 3))
