"""The embedding cache in the database: vectors keyed by (model, SHA-1 of the text)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Engine, Executable, insert, select

from passionpath.cache import Memo
from passionpath.store import models as m
from passionpath.text._embedding import Embedder, Matrix, text_key

#: ``progress(done, total)`` over the texts that needed computing.
EmbedProgress = Callable[[int, int], None]

_LOOKUP_CHUNK = 500
_COMPUTE_CHUNK = 256
#: Vectors already computed in this process, keyed by (model id, text hash). Process-wide on
#: purpose, like the text model itself: a vector is a function of the model and the text
#: alone, so it holds nothing of any one database and no secret, and a fresh database (a new
#: profile store, a test) takes its vectors from here instead of recomputing for seconds.
VECTORS = Memo()
_TABLE = "embeddings"
_LIMIT = 50_000


@dataclass
class EmbedStats:
    texts: int
    unique: int
    computed: int


def embed_cached(
    texts: Sequence[str],
    engine: Engine,
    *,
    embedder: Embedder,
    progress: EmbedProgress | None = None,
) -> tuple[Matrix, EmbedStats]:
    """Vectors for ``texts`` (rows in the same order), computing only those never seen.

    Vectors come from the database; ones missing there are taken from this process's memo
    or computed, and then stored, so the database always ends up holding every vector.
    """
    keys = [text_key(t) for t in texts]
    unique = dict(zip(keys, texts, strict=True))
    key_list = list(unique)
    vectors: dict[str, Matrix] = {}
    with engine.connect() as conn:
        for start in range(0, len(key_list), _LOOKUP_CHUNK):
            chunk = key_list[start : start + _LOOKUP_CHUNK]
            rows = conn.execute(
                select(m.TextEmbedding.text_sha, m.TextEmbedding.vector).where(
                    m.TextEmbedding.model_id == embedder.model_id,
                    m.TextEmbedding.text_sha.in_(chunk),
                )
            )
            for sha, blob in rows:
                vectors[sha] = np.frombuffer(blob, dtype=np.float32)
    absent = [k for k in key_list if k not in vectors]
    remembered = {
        k: v for k in absent if (v := VECTORS.get(_TABLE, (embedder.model_id, k))) is not None
    }
    missing = [k for k in absent if k not in remembered]
    if remembered:
        _store(engine, embedder.model_id, remembered)
        vectors.update(remembered)
    for start in range(0, len(missing), _COMPUTE_CHUNK):
        chunk = missing[start : start + _COMPUTE_CHUNK]
        computed = dict(zip(chunk, embedder.embed([unique[k] for k in chunk]), strict=True))
        _store(engine, embedder.model_id, computed)
        vectors.update(computed)
        if progress is not None:
            progress(start + len(chunk), len(missing))
    for k, v in vectors.items():
        VECTORS.put(_TABLE, (embedder.model_id, k), v, _LIMIT)
    matrix = (
        np.stack([vectors[k] for k in keys]).astype(np.float32)
        if keys
        else np.zeros((0, embedder.dim), dtype=np.float32)
    )
    return matrix, EmbedStats(texts=len(texts), unique=len(unique), computed=len(missing))


def embed_remembered(texts: Sequence[str], embedder: Embedder) -> Matrix:
    """Vectors for ``texts`` from this process's memo, computing only those never seen here;
    nothing is written to a database (for text a person sends that is not theirs to keep:
    explore queries, evidence phrases)."""
    keys = [text_key(t) for t in texts]
    found: dict[str, Matrix] = {}
    for k in keys:
        if (vector := VECTORS.get(_TABLE, (embedder.model_id, k))) is not None:
            found[k] = vector
    missing = list(dict.fromkeys(k for k in keys if k not in found))
    if missing:
        by_key = dict(zip(keys, texts, strict=True))
        computed = embedder.embed([by_key[k] for k in missing])
        for k, v in zip(missing, computed, strict=True):
            VECTORS.put(_TABLE, (embedder.model_id, k), v, _LIMIT)
            found[k] = v
    if not keys:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    return np.stack([found[k] for k in keys]).astype(np.float32)


def _store(engine: Engine, model_id: str, vectors: dict[str, Matrix]) -> None:
    """Add vectors the table lacks. Another process (a second server worker warming up, a
    parallel first match) may have stored the same ones a moment earlier: a vector is a
    function of model and text, so theirs is kept and nothing fails."""
    rows = [
        {"model_id": model_id, "text_sha": k, "vector": v.tobytes()} for k, v in vectors.items()
    ]
    from sqlalchemy.dialects import postgresql, sqlite

    statement: Executable = insert(m.TextEmbedding)  # other databases: a plain insert
    if engine.dialect.name == "postgresql":
        statement = postgresql.insert(m.TextEmbedding).on_conflict_do_nothing()
    elif engine.dialect.name == "sqlite":
        statement = sqlite.insert(m.TextEmbedding).on_conflict_do_nothing()
    with engine.begin() as conn:
        conn.execute(statement, rows)
