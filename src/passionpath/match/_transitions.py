"""Front doors for transitions and free-text exploration: similar, path, explore."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine

from passionpath.errors import NotFoundError, PassionpathError
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._path import NEIGHBOURS, CareerPath, find_path
from passionpath.match._similar import TransferModel, transfer_model


@dataclass(frozen=True)
class Ranked:
    code: str
    title: str
    score: float
    job_zone: int | None


def _context(engine: Engine | None) -> tuple[CatalogMatrices, TransferModel]:
    from passionpath.store import get_engine

    engine = engine or get_engine()
    matrices = load_matrices(engine)
    return matrices, transfer_model(matrices, engine.url.render_as_string(hide_password=False))


def _row(matrices: CatalogMatrices, code: str) -> int:
    row = matrices.index.get(code.strip())
    if row is None:
        raise NotFoundError(
            f"No occupation with code {code!r}. Find codes with "
            "`passionpath occupations search TITLE`."
        )
    return row


def _ranked(m: CatalogMatrices, row: int, score: float) -> Ranked:
    zone = m.job_zone[row]
    return Ranked(
        str(m.codes[row]), m.titles[row], round(score, 4), None if np.isnan(zone) else int(zone)
    )


def similar(code: str, top: int = 10, engine: Engine | None = None) -> list[Ranked]:
    """The occupations a person in ``code`` could move to most easily."""
    if top < 1:
        raise PassionpathError("--top must be at least 1.")
    m, model = _context(engine)
    return [_ranked(m, j, s) for j, s in model.neighbours(_row(m, code), top)]


def similar_all(top: int = 10, engine: Engine | None = None) -> list[tuple[str, list[Ranked]]]:
    m, model = _context(engine)
    table = model.top_all(top)
    return [
        (str(m.codes[i]), [_ranked(m, int(j), float(model.similarity[i, j])) for j in table[i]])
        for i in range(m.codes.size)
    ]


def career_path(origin: str, goal: str, engine: Engine | None = None) -> CareerPath:
    m, model = _context(engine)
    a, b = _row(m, origin), _row(m, goal)
    if a == b:
        raise PassionpathError("--from and --to are the same occupation.")
    for row, code in ((a, origin), (b, goal)):
        if not m.has_skills[row]:
            raise PassionpathError(f"{code} has no skill ratings in this catalog to plan with.")
    neighbours = model.top_all(NEIGHBOURS)
    return find_path(m, neighbours, a, b)


def explore(
    texts: Sequence[str], top: int = 10, engine: Engine | None = None
) -> list[list[Ranked]]:
    """For each text, the occupations whose work it describes best."""
    from passionpath.store import get_engine
    from passionpath.text import check_texts, get_embedder

    texts = check_texts(texts)  # nothing to go on, too long or not English: refuse
    engine = engine or get_engine()
    m = load_matrices(engine)
    index = m.text_index
    if index is None:
        raise PassionpathError("This catalog has no task statements to explore.")
    queries = get_embedder().embed(list(texts))
    scores = index.scores(queries, list(texts))
    out = []
    for row_scores in scores:
        order = np.argsort(-row_scores, kind="stable")[:top]
        out.append([_ranked(m, int(j), float(row_scores[j])) for j in order])
    return out
