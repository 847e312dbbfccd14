"""The in-process memo for texts a person sends (queries, evidence phrases)."""

from __future__ import annotations


def test_texts_a_person_sends_are_embedded_once_per_process_and_never_stored() -> None:
    import numpy as np

    from passionpath.text import LexicalEmbedder, embed_remembered

    class Counting(LexicalEmbedder):
        model_id = "counting-test-embedder"

        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def embed(self, texts):  # type: ignore[no-untyped-def]
            self.seen += list(texts)
            return super().embed(texts)

    embedder = Counting()
    first = embed_remembered(["bake bread", "fix bikes", "bake bread"], embedder)
    again = embed_remembered(["fix bikes", "grow plants"], embedder)
    assert embedder.seen == ["bake bread", "fix bikes", "grow plants"]
    np.testing.assert_array_equal(first[1], again[0])
    assert first.shape == (3, embedder.dim) and embed_remembered([], embedder).shape[0] == 0


def test_vectors_stored_by_another_process_meanwhile_are_kept(engine) -> None:  # type: ignore[no-untyped-def]
    import numpy as np
    from sqlalchemy import func, select

    from passionpath.store import models as m
    from passionpath.text._store import _store

    vector = np.ones(4, dtype=np.float32)
    _store(engine, "race-test-model", {"abc": vector})
    _store(engine, "race-test-model", {"abc": vector, "def": vector})  # "abc" came in between
    with engine.connect() as conn:
        count = conn.execute(
            select(func.count()).where(m.TextEmbedding.model_id == "race-test-model")
        ).scalar_one()
    assert count == 2
