"""A synthetic population for demos and benchmarks, clearly labelled synthetic.

Made from the catalog (occupations, their interest profiles and their own task words) and the
team's phrase bank; every person's name says "(synthetic)" and every stored row is marked
``synthetic``. Pure: the catalog comes in as arrays, so a benchmark can make 100,000 people
without a database, and the same seed gives the same people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from passionpath.community._members import Choices
from passionpath.community._phrasebank import AVAILABILITY, CITIES, SKILL_GAPS, TOPICS
from passionpath.context import Context

SYNTHETIC_LABEL = "(synthetic)"

_FIRST = (
    "Alex",
    "Sam",
    "Jordan",
    "Robin",
    "Kai",
    "Noor",
    "Ines",
    "Tomás",
    "Mei",
    "Ravi",
    "Zara",
    "Luca",
    "Ada",
    "Femi",
    "Hana",
    "Omar",
    "Priya",
    "Jonas",
    "Lina",
    "Mateo",
    "Yuki",
    "Aoife",
)


@dataclass(frozen=True)
class CatalogSample:
    """What the generator reads from a catalog: codes, interest profiles (RIASEC, NaN where
    unrated) and each occupation's task statements (its own words)."""

    codes: Sequence[str]
    interests: npt.NDArray[np.float32]
    tasks: Sequence[Sequence[str]]


def task_phrase(task: str, words: int = 9) -> str:
    """A task statement as a short passion phrase: first clause, lower case, no full stop."""
    clause = re.split(r"[,;:(]", task.strip().rstrip("."), maxsplit=1)[0]
    cut = clause.split()[:words]
    text = " ".join(cut)
    return text[:1].lower() + text[1:]


def synthetic_people(n: int, catalog: CatalogSample, *, seed: int = 0) -> list[Choices]:
    """``n`` synthetic people with passions, interests, careers and opt-ins."""
    rng = np.random.default_rng(seed)
    topics = sorted(TOPICS)
    codes = list(catalog.codes)
    n_occ = len(codes)
    interests = np.nan_to_num(np.asarray(catalog.interests, dtype=np.float32), nan=3.5)
    people: list[Choices] = []
    for k in range(n):
        current = int(rng.integers(n_occ)) if n_occ and rng.random() < 0.75 else None
        history = (
            [int(rng.integers(n_occ)) for _ in range(int(rng.integers(0, 3)))] if n_occ else []
        )
        targets = (
            sorted({int(rng.integers(n_occ)) for _ in range(int(rng.integers(1, 3)))})
            if n_occ
            else []
        )
        passions: list[str] = []
        for topic in rng.choice(len(topics), size=int(rng.integers(1, 3)), replace=False).tolist():
            bank = TOPICS[topics[topic]]
            passions += [
                bank[i]
                for i in rng.choice(len(bank), size=int(rng.integers(1, 3)), replace=False).tolist()
            ]
        for t in targets[:1]:
            words = catalog.tasks[t] if t < len(catalog.tasks) else ()
            if words:
                passions.append(task_phrase(words[int(rng.integers(len(words)))]))
        base = interests[targets[0]] if targets else np.full(6, 3.5, dtype=np.float32)
        riasec = np.clip(base + rng.normal(0, 0.6, size=6), 1, 7)
        features = ["tribe"] if rng.random() < 0.8 else []
        if rng.random() < 0.5:
            features.append("study_groups")
        if targets and rng.random() < 0.5:
            features.append("mentee")
        is_mentor = current is not None and rng.random() < 0.15
        if is_mentor:
            features.append("mentor")
        if not features:
            features.append("tribe")
        remote = bool(rng.random() < 0.3)
        people.append(
            Choices(
                display_name=f"{_FIRST[k % len(_FIRST)]} {k + 1} {SYNTHETIC_LABEL}",
                features=tuple(features),
                visible=(
                    "display_name",
                    "passions",
                    "target_careers",
                    "current_occupation",
                    "location",
                    "availability",
                ),
                passions=tuple(dict.fromkeys(passions)),
                target_careers=tuple(codes[t] for t in targets),
                current_occupation=codes[current] if current is not None else None,
                work_history=tuple(dict.fromkeys(codes[h] for h in history if h != current)),
                city=CITIES[int(rng.integers(len(CITIES)))]
                if not remote or rng.random() < 0.5
                else None,
                remote=remote,
                availability=AVAILABILITY[int(rng.integers(len(AVAILABILITY)))],
                mentor_capacity=int(rng.integers(1, 6)) if is_mentor else 0,
                riasec=tuple(round(float(x), 2) for x in riasec),
                gaps=tuple(
                    SKILL_GAPS[i]
                    for i in rng.choice(
                        len(SKILL_GAPS), size=int(rng.integers(0, 3)), replace=False
                    ).tolist()
                ),
            )
        )
    return people


def catalog_sample(ctx: Context) -> CatalogSample:
    """The catalog of a context, as the generator reads it."""
    from passionpath.match import load_matrices

    matrices = load_matrices(ctx)
    tasks: list[list[str]] = [[] for _ in matrices.codes]
    for owner, text in zip(matrices.task_owner.tolist(), matrices.task_texts, strict=True):
        tasks[owner].append(text)
    return CatalogSample([str(c) for c in matrices.codes], matrices.interests, tasks)


def add_demo_population(ctx: Context, n: int, *, seed: int = 0, if_empty: bool = False) -> int:
    """Store ``n`` synthetic people (none when ``if_empty`` and some are there already)."""
    from sqlalchemy import func, select

    from passionpath.community._store import add_synthetic
    from passionpath.store import models as m

    if if_empty:
        with ctx.engine.connect() as conn:
            there = conn.execute(
                select(func.count()).where(m.CommunityMember.synthetic.is_(True))
            ).scalar_one()
        if there:
            return 0
    return len(add_synthetic(synthetic_people(n, catalog_sample(ctx), seed=seed), ctx.engine))
