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
