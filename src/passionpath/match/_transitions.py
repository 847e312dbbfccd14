"""Front doors for transitions and free-text exploration: similar, path, explore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._path import NEIGHBOURS, CareerPath, find_path
from passionpath.match._similar import TransferModel, transfer_model

if TYPE_CHECKING:
    from passionpath.context import Context


@dataclass(frozen=True)
class Ranked:
    code: str
    title: str
    score: float
    job_zone: int | None


def _models(ctx: Context) -> tuple[CatalogMatrices, TransferModel]:
    matrices = load_matrices(ctx)
    return matrices, transfer_model(matrices, ctx)


def occupation_row(matrices: CatalogMatrices, code: str, field: str = "code") -> int:
    row = matrices.index.get(code.strip())
    if row is None:
        raise NotFoundError(
            f"No occupation with code {code!r}.",
            field=field,
            hint="Search the occupations by title to find codes.",
            kind="unknown_occupation",
        )
    return row


def _ranked(m: CatalogMatrices, row: int, score: float) -> Ranked:
    zone = m.job_zone[row]
    return Ranked(
        str(m.codes[row]), m.titles[row], round(score, 4), None if np.isnan(zone) else int(zone)
    )


def similar(code: str, ctx: Context, top: int = 10) -> list[Ranked]:
    """The occupations a person in ``code`` could move to most easily."""
    if top < 1:
        raise PassionpathError("must be at least 1.", field="top")
    m, model = _models(ctx)
    return [_ranked(m, j, s) for j, s in model.neighbours(occupation_row(m, code), top)]


def similar_all(ctx: Context, top: int = 10) -> list[tuple[str, list[Ranked]]]:
    m, model = _models(ctx)
    table = model.top_all(top)
    return [
        (str(m.codes[i]), [_ranked(m, int(j), float(model.similarity[i, j])) for j in table[i]])
        for i in range(m.codes.size)
    ]


def career_path(origin: str, goal: str, ctx: Context) -> CareerPath:
    m, model = _models(ctx)
    a, b = occupation_row(m, origin, "from"), occupation_row(m, goal, "to")
    if a == b:
        raise PassionpathError("is the same occupation as the starting one.", field="to")
    for row, code in ((a, origin), (b, goal)):
        if not m.has_skills[row]:
            raise PassionpathError(
                f"{code} has no skill ratings in this catalog to plan with.",
                field="from" if row == a else "to",
            )
    neighbours = model.top_all(NEIGHBOURS)
    return find_path(m, neighbours, a, b)


def explore(texts: Sequence[str], ctx: Context, top: int = 10) -> list[list[Ranked]]:
    """For each text, the occupations whose work it describes best."""
    from passionpath.text import check_texts, embed_remembered, get_embedder

    texts = check_texts(texts)  # nothing to go on, too long or not English: refuse
    m = load_matrices(ctx)
    index = m.text_index
    if index is None:
        raise PassionpathError("This catalog has no task statements to explore.")
    # Remembered in this process only: a query is not the person's to keep in the database.
    queries = embed_remembered(list(texts), get_embedder(ctx.settings.text_model))
    scores = index.scores(queries, list(texts))
    out = []
    for row_scores in scores:
        order = np.argsort(-row_scores, kind="stable")[:top]
        out.append([_ranked(m, int(j), float(row_scores[j])) for j in order])
    return out
