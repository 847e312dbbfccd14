"""Occupation-side texts (titles, descriptions, task statements) and their cached vectors."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, select

from passionpath.store import models as m
from passionpath.text._embedding import Embedder, Matrix
from passionpath.text._store import EmbedProgress, EmbedStats, embed_cached


@dataclass
class OccupationTexts:
    """One row per text: which occupation it describes, what kind it is, and the text."""

    codes: NDArray[np.str_]
    kinds: NDArray[np.str_]
    texts: list[str]


def occupation_texts(engine: Engine) -> OccupationTexts:
    with engine.connect() as conn:
        occupations = conn.execute(
            select(m.Occupation.code, m.Occupation.title, m.Occupation.description).order_by(
                m.Occupation.code
            )
        ).all()
        tasks = conn.execute(
            select(m.Task.occupation_code, m.Task.text).order_by(
                m.Task.occupation_code, m.Task.task_id
            )
        ).all()
    rows: list[tuple[str, str, str]] = []
    for code, title, description in occupations:
        rows.append((code, "title", title))
        if description:
            rows.append((code, "description", description))
    rows += [(code, "task", text) for code, text in tasks]
    return OccupationTexts(
        codes=np.asarray([r[0] for r in rows]),
        kinds=np.asarray([r[1] for r in rows]),
        texts=[r[2] for r in rows],
    )


def embed_catalog(
    engine: Engine,
    embedder: Embedder,
    progress: EmbedProgress | None = None,
) -> tuple[OccupationTexts, Matrix, EmbedStats]:
    """Embed every occupation text not embedded before (re-imports reuse unchanged text)."""
    texts = occupation_texts(engine)
    matrix, stats = embed_cached(texts.texts, engine, embedder=embedder, progress=progress)
    return texts, matrix, stats
