"""Embeddings, the embedding cache, and interest inference on sentences no code has seen."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, func, select

from passionpath.cache import Memo
from passionpath.catalog import import_release
from passionpath.context import Context
from passionpath.store import models as m
from passionpath.text import (
    LexicalEmbedder,
    MiniLMEmbedder,
    embed_catalog,
    infer_interests,
    interest_model,
)
from passionpath.text._interests import corpus, phrases
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


def test_phrases_keep_their_spans() -> None:
    text = "I bake bread, and I coach kids. Also chess"
    pieces = phrases(text)
    assert [p[0] for p in pieces] == ["I bake bread", "I coach kids", "chess"]
    assert all(text[s:e] == p for p, s, e in pieces)


# Written for this test only: none of these sentences is in the training data.
UNSEEN = [
    ("R", "Give me a broken dishwasher and a set of screwdrivers and I'm happy for hours"),
    ("R", "I spend my free time building dry-stone walls on my uncle's farm"),
    ("I", "I keep reading papers about why some stars collapse into black holes"),
    ("I", "Debugging why an experiment gives odd numbers is my idea of fun"),
    ("A", "I write lyrics on the bus and record songs in my bedroom at night"),
    ("A", "Choosing fonts and colours for a magazine layout makes me lose track of time"),
    ("S", "Listening to teenagers who are struggling and helping them find a way forward"),
    ("S", "I run reading sessions for elderly people at the care home every Sunday"),
    ("E", "I started a small business reselling vintage trainers and love negotiating deals"),
    ("E", "Leading the student union campaign and winning people over was a thrill"),
    ("C", "I love making sure the club's membership records and invoices are in perfect order"),
    ("C", "Reconciling receipts against the bank statement every month calms me down"),
]


def test_interest_inference_on_unseen_sentences(ctx: Context) -> None:
    training = {e.text for e in corpus()}
    assert not any(text in training for _, text in UNSEEN)
    results = infer_interests([text for _, text in UNSEEN], ctx)
    correct = [r.top == area for (area, _), r in zip(UNSEEN, results, strict=True)]
    # The benchmark measures about 0.9 on held-out data; allow one miss in twelve.
    assert sum(correct) >= 11, [
        (a, r.top, r.text) for (a, _), r in zip(UNSEEN, results, strict=True)
    ]
    for result in results:
        assert set(result.scores) == set("RIASEC")
        assert all(0.0 <= v <= 1.0 for v in result.scores.values())


def test_inference_explains_each_area_with_the_persons_phrases(
    engine: Engine, ctx: Context
) -> None:
    text = "I volunteer coaching the under-10s football team, and I write short stories at night"
    [result] = infer_interests(text, ctx)
    assert {"S", "A"} <= set(result.drivers)
    social = result.drivers["S"][0]
    assert "coaching" in social.text
    assert text[social.start : social.end] == social.text
    assert "stories" in result.drivers["A"][0].text


def test_model_is_trained_once_per_release_content(engine: Engine, ctx: Context) -> None:
    assert interest_model(ctx) is interest_model(ctx)
    # Another context on the same catalog reuses it; one with its own tables trains anew.
    assert interest_model(Context.open(engine=engine)) is interest_model(ctx)
    own = Context(ctx.settings, engine, shared=Memo())
    assert interest_model(own) is not interest_model(ctx)


@pytest.mark.usefixtures("starter_engine")
def test_evidence_of_skills_knowledge_and_technology(engine: Engine, ctx: Context) -> None:
    from passionpath.catalog import load_starter
    from passionpath.text import extract_evidence

    load_starter(engine=engine)
    text = (
        "I coach the under-12 football team on Saturdays. "
        "I keep the club accounts in Excel, and I excel at listening to parents."
    )
    found = extract_evidence([("reflections", text)], ctx)
    by_name = {e.name: e for e in found}
    excel = by_name["Microsoft Excel"]
    assert excel.kind == "technology" and text[excel.start : excel.end] == "Excel"
    assert sum(e.kind == "technology" and e.text == "excel" for e in found) == 0
    instructing = by_name["Instructing"]
    assert instructing.kind == "skill" and "coach" in instructing.text
    assert 0.5 <= instructing.confidence <= 1.0
    assert text[instructing.start : instructing.end] == instructing.text
    assert by_name["Active Listening"].source == "reflections"
    assert all(e.confidence >= 0.5 for e in found)
