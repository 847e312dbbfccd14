"""Embeddings and the embedding cache: normalised, batched, and not recomputed for
unchanged text."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, func, select

from passionpath.cache import Memo
from passionpath.catalog import import_release
from passionpath.store import models as m
from passionpath.text import (
    LexicalEmbedder,
    MiniLMEmbedder,
    embed_catalog,
)
from tests.release_factory import release_files, write_release


@pytest.fixture(scope="module")
def minilm() -> MiniLMEmbedder:
    return MiniLMEmbedder()


def test_minilm_vectors_are_normalised_and_meaningful(minilm: MiniLMEmbedder) -> None:
    vectors = minilm.embed(
        [
            "I love baking bread at the weekend",
            "Making sourdough loaves is my favourite hobby",
            "I audit tax returns for small companies",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 2] + 0.2


def test_batches_give_the_same_vectors_as_single_calls(minilm: MiniLMEmbedder) -> None:
    texts = ["short", "a somewhat longer sentence about welding steel", "mid length text"]
    together = minilm.embed(texts)
    alone = np.vstack([minilm.embed([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_lexical_fallback_needs_no_model() -> None:
    vectors = LexicalEmbedder().embed(["fixing bikes", "fixing bicycles", "tax audits"])
    assert vectors.shape == (3, 2048)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def _count_vectors(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(m.TextEmbedding)).scalar_one())


def test_reimport_does_not_recompute_unchanged_text(
    engine: Engine, tmp_path: Path, minilm: MiniLMEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    from passionpath.text import _store

    # Vectors remembered from other tests would hide the computing: start from an empty
    # memo for this test only (the session's memo comes back after it).
    monkeypatch.setattr(_store, "VECTORS", Memo())
    import_release(write_release(tmp_path / "a"), engine=engine)
    texts, matrix, first = embed_catalog(engine, minilm)
    assert first.computed == first.unique == len(set(texts.texts))
    assert matrix.shape == (len(texts.texts), 384)
    assert set(texts.kinds) == {"title", "description", "task"}

    files = release_files()
    files["Task Statements.txt"][1] = files["Task Statements.txt"][1].replace(
        "Shape dough into loaves.", "Shape dough into braided loaves."
    )
    import_release(write_release(tmp_path / "b", files), engine=engine)
    _, again, second = embed_catalog(engine, minilm)
    assert second.computed == 1
    assert _count_vectors(engine) == first.unique + 1
    np.testing.assert_allclose(again[texts.kinds == "title"], matrix[texts.kinds == "title"])
