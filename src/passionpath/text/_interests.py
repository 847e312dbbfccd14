"""Free text -> RIASEC interest scores, with the phrases that drove each area.

The model is a softmax regression over sentence embeddings, trained (in well under a second,
once per context and release) on our own labelled sentences plus the catalog's illustrative
activities and RIASEC keywords. A text is scored as a whole and phrase by phrase; an area's
score mixes the whole-text probability with its best phrase, so a text about two passions
shows both.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, select

from passionpath.cache import digest
from passionpath.catalog import RIASEC_ELEMENTS, RIASEC_LETTERS, release_key
from passionpath.text._classifier import SoftmaxRegression
from passionpath.text._embedding import Embedder, Matrix, get_embedder
from passionpath.text._language import check_texts

if TYPE_CHECKING:
    from passionpath.context import Context

AREAS = RIASEC_LETTERS
RIASEC_ELEMENT = dict(zip(RIASEC_ELEMENTS, RIASEC_LETTERS, strict=True))
CORPUS_FILE = Path(__file__).with_name("data") / "riasec_sentences.tsv"

#: Weight of the whole text against its best phrase in an area's score.
WHOLE_TEXT_WEIGHT = 0.5
#: A phrase counts as driving an area when its probability for that area reaches this.
DRIVER_THRESHOLD = 0.35
#: Regularisation chosen with benchmarks/eval_interests.py (1e-4 beat 1e-3 and 1e-2).
L2 = 1e-4
#: Keywords are single words: they teach the model less than a sentence does.
KEYWORD_WEIGHT = 0.5


@dataclass(frozen=True)
class Example:
    area: str
    text: str
    weight: float = 1.0


@dataclass(frozen=True)
class Phrase:
    text: str
    start: int
    end: int
    score: float


@dataclass
class InterestInference:
    text: str
    scores: dict[str, float]
    top: str
    drivers: dict[str, list[Phrase]] = field(default_factory=dict)

    def as_dict(self, with_drivers: bool = True) -> dict[str, object]:
        data: dict[str, object] = {"text": self.text, "scores": self.scores, "top": self.top}
        if with_drivers:
            data["drivers"] = {a: [asdict(p) for p in ps] for a, ps in self.drivers.items()}
        return data


def corpus(split: str | None = None) -> list[Example]:
    """Our labelled sentences; ``split`` is ``train``, ``heldout`` or None for all."""
    with CORPUS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Example(r["area"], r["text"]) for r in rows if split is None or r["split"] == split]


def catalog_examples(engine: Engine) -> list[Example]:
    """Illustrative activities and RIASEC keywords of the loaded catalog."""
    from passionpath.store import models as m

    with engine.connect() as conn:
        rows = conn.execute(
            select(m.InterestActivity.element_id, m.InterestActivity.kind, m.InterestActivity.text)
        ).all()
        links = conn.execute(
            select(m.BasicInterestArea.element_id, m.BasicInterestArea.riasec_element_id)
        ).all()
    return examples_from_rows(rows, links)


def examples_from_rows(
    rows: Sequence[tuple[str, str, str]], basic_links: Sequence[tuple[str, str]]
) -> list[Example]:
    """Labelled examples from (element, kind, text) rows.

    Activities of a basic interest count for its RIASEC area when it belongs to exactly one.
    """
    areas_of: dict[str, set[str]] = {}
    for basic, riasec in basic_links:
        if riasec in RIASEC_ELEMENT:
            areas_of.setdefault(basic, set()).add(RIASEC_ELEMENT[riasec])
    examples = []
    for element, kind, text in rows:
        areas = {RIASEC_ELEMENT[element]} if element in RIASEC_ELEMENT else areas_of.get(element)
        if areas and len(areas) == 1:
            weight = KEYWORD_WEIGHT if kind.startswith("keyword") else 1.0
            examples.append(Example(next(iter(areas)), text, weight))
    return examples


#: Clause ends: a full stop ends a clause only where no word follows it straight away and
#: it does not close a short abbreviation ("until 2 a.m.", "e.g.", "3.5 tonnes",
#: "www.example.org" stay whole), unless a capital letter starts what follows.
_SPLIT = re.compile(
    r"(?:[;!?\n]|(?<!\b[ap]\.m)(?<!\be\.g)(?<!\bi\.e)(?<!\betc)(?<!\bvs)\.(?!\w)"
    r"|\.(?=\s+(?-i:[A-Z])))+"
    r"|,\s+|\s+(?:and|but|or|also|plus|while)\s+",
    re.IGNORECASE,
)
_LEADING_JOINER = re.compile(r"^(?:and|but|or|also|plus|while|then)\s+", re.IGNORECASE)


def phrases(text: str) -> list[tuple[str, int, int]]:
    """Clauses of ``text`` with their character spans, stripped of any leading joiner."""
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _SPLIT.finditer(text):
        pieces.append((start, match.start()))
        start = match.end()
    pieces.append((start, len(text)))
    clauses: list[tuple[str, int, int]] = []
    for s, e in pieces:
        raw = text[s:e]
        chunk = raw.strip()
        joiner = _LEADING_JOINER.match(chunk)
        if joiner:
            chunk = chunk[joiner.end() :]
        if not chunk:
            continue
        s = s + raw.index(chunk)
        clauses.append((chunk, s, s + len(chunk)))
    return clauses


class InterestModel:
    def __init__(self, embedder: Embedder, classifier: SoftmaxRegression) -> None:
        self.embedder = embedder
        self.classifier = classifier

    @classmethod
    def train(
        cls,
        examples: Sequence[Example],
        embedder: Embedder,
        features: Matrix | None = None,
    ) -> InterestModel:
        if features is None:
            features = embedder.embed([e.text for e in examples])
        labels = np.asarray([AREAS.index(e.area) for e in examples], dtype=np.int64)
        weights = np.asarray([e.weight for e in examples], dtype=np.float32)
        classifier = SoftmaxRegression.fit(features, labels, 6, sample_weight=weights, l2=L2)
        return cls(embedder, classifier)

    def probabilities(
        self, texts: Sequence[str], embed: Callable[[list[str]], Matrix] | None = None
    ) -> NDArray[np.float32]:
        from passionpath.text._store import embed_remembered

        vectors = (embed or (lambda batch: embed_remembered(batch, self.embedder)))(list(texts))
        return self.classifier.probabilities(vectors)

    def infer_many(
        self, texts: Sequence[str], embed: Callable[[list[str]], Matrix] | None = None
    ) -> list[InterestInference]:
        """Score many texts with one embedding batch for all their phrases.

        ``embed`` replaces the model's own embedder call, e.g. with one that reads vectors
        already stored (the same model's), so a profile seen before costs no model run.
        """
        pieces = [phrases(t) for t in texts]
        flat = [p[0] for ps in pieces for p in ps]
        probs = self.probabilities(list(texts) + flat, embed)
        whole, parts = probs[: len(texts)], probs[len(texts) :]
        results = []
        offset = 0
        for i, text in enumerate(texts):
            own = parts[offset : offset + len(pieces[i])]
            offset += len(pieces[i])
            best = own.max(axis=0) if len(own) else whole[i]
            combined = WHOLE_TEXT_WEIGHT * whole[i] + (1 - WHOLE_TEXT_WEIGHT) * best
            drivers: dict[str, list[Phrase]] = {}
            for k, area in enumerate(AREAS):
                chosen = [
                    Phrase(pieces[i][j][0], pieces[i][j][1], pieces[i][j][2], round(float(p), 3))
                    for j, p in enumerate(own[:, k])
                    if p >= DRIVER_THRESHOLD
                ]
                if chosen:
                    drivers[area] = sorted(chosen, key=lambda ph: -ph.score)[:3]
            scores = {a: round(float(v), 3) for a, v in zip(AREAS, combined, strict=True)}
            results.append(
                InterestInference(text, scores, AREAS[int(np.argmax(combined))], drivers)
            )
        return results


def training_examples(engine: Engine) -> list[Example]:
    """Our own sentences and the loaded catalog's activities and keywords."""
    return corpus() + catalog_examples(engine)


def interest_model(ctx: Context) -> InterestModel:
    """The interest model for the configured embedder and the loaded release, trained once
    per process for each (release content, model): any database holding the same catalog
    shares it, so a second database (or a fresh copy of one) does not retrain."""
    from passionpath.text._store import embed_cached

    embedder = get_embedder(ctx.settings.text_model)
    release = release_key(ctx.engine)

    def fitted() -> SoftmaxRegression:
        examples = training_examples(ctx.engine)
        features, _ = embed_cached([e.text for e in examples], ctx.engine, embedder=embedder)
        return InterestModel.train(examples, embedder, features).classifier

    def load() -> InterestModel:
        # Stored beside the catalog matrices: a new process reads the fitted weights (a few
        # kB) instead of reading every training sentence and fitting again.
        key = digest(release, embedder.model_id, _training_fingerprint())
        classifier = ctx.disk.load_or_build(
            f"interest-model-v{MODEL_VERSION}",
            key,
            fitted,
            valid=lambda found: isinstance(found, SoftmaxRegression),
        )
        return InterestModel(embedder, classifier)

    return ctx.shared.get_or_make("interest-models", (release, embedder.model_id), load, limit=4)


#: Raise when the way the model is fitted changes, so stored models are not reused.
MODEL_VERSION = 1


def _training_fingerprint() -> str:
    """What our own training data and settings are: a stored model fitted on other sentences
    or with other settings is not reused."""
    return digest(hashlib.sha256(CORPUS_FILE.read_bytes()).hexdigest(), L2, KEYWORD_WEIGHT)


def infer_interests(texts: str | Sequence[str], ctx: Context) -> list[InterestInference]:
    """RIASEC scores (0-1) for each text, with the phrases behind each area."""
    if isinstance(texts, str):
        texts = [texts]
    texts = check_texts(texts)  # nothing to go on, too long or not English: refuse
    return interest_model(ctx).infer_many(texts)
