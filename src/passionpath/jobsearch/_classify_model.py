"""The kind and stage models: TF-IDF over words and character n-grams, softmax regression.

Both are fitted with numpy on our own training set (``data/classify_train.jsonl``, never on
O*NET and never on the evaluation set) in well under a second, then kept in the cache
directory keyed by the training file's hash and the settings below, so a new process loads a
few hundred kilobytes instead of fitting again; a changed training file, setting or classifier
source file fits it again. The settings are chosen by 5-fold cross-validation on the training
set (``benchmarks/eval_classify.py --cv``); the evaluation set plays no part.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from passionpath.jobsearch._classify_cues import KIND_PATTERNS, STAGE_PATTERNS
from passionpath.jobsearch._classify_text import prepare

if TYPE_CHECKING:
    from passionpath.context import Context

TRAIN_FILE = Path(__file__).with_name("data") / "classify_train.jsonl"

KINDS = ("rejection", "interview", "offer", "acknowledgement", "other")
#: Stages a text can be about; "" where it names none.
STAGES = ("", "applied", "screen", "assessment", "interview", "offer")

#: Chosen on the tune half (benchmarks/eval_classify.py --tune): kind accuracy there was
#: 0.85 without our cue features and 0.92 with them; character 3-4-grams did as well as 3-5
#: in half the time; 150 epochs as well as 300. A MiniLM sentence-embedding model scored 0.80
#: alone and 0.91 mixed in, so it is not used (and the classifier needs no model load).
L2 = 1e-4
CHAR_NGRAMS = (3, 4)
MIN_DF = 1
EPOCHS = 150
#: The value of a kind cue's feature (0 or this), beside the L2-normalised TF-IDF row.
#: Cross-validated on the 675 training texts (kind accuracy): 0.911 at 1.0, 0.921 at 0.5,
#: 0.926 at 0.25, 0.910 at 0.1; L2 1e-4 beat 1e-3 (0.873), 3e-5 (0.921) and 1e-5 (0.916);
#: character 2-5-grams (0.916) and 300 epochs (0.917) did not help.
CUE_WEIGHT = 0.25
#: Stage accuracy on the tune half: 0.79 without stage cues, 0.89 with them at 0.5; in
#: cross-validation 0.25 and 0.5 did the same (0.900), 1.0 a little worse (0.896).
STAGE_CUE_WEIGHT = 0.5
#: The kind model's logits are multiplied by this before the softmax, so its confidence is
#: calibrated: fitted as it is, it said 0.76 on average where it was right 0.93 of the time
#: (cross-validated; expected calibration error 0.163). The factor with the lowest
#: cross-validated log-loss, 2.5, brings that error to 0.017 (2.0: 0.019, 3.0: 0.031). It
#: changes no decision, only the confidence reported.
KIND_TEMPERATURE = 2.5
#: Raise when features or fitting change, so stored models are not reused.
MODEL_VERSION = 2

_WORD = re.compile(r"[a-z0-9']+")
_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class Example:
    text: str
    kind: str
    stage: str
    reasons: tuple[str, ...]
    #: Which writing of the training set the text came from (1: the first 468 texts).
    batch: int = 1


def training_examples() -> list[Example]:
    """Our labelled training texts, in file order."""
    examples = []
    with TRAIN_FILE.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            examples.append(
                Example(
                    row["text"],
                    row["kind"],
                    row["stage"] or "",
                    tuple(row["reasons"]),
                    row.get("batch", 1),
                )
            )
    return examples


def tune_split(examples: Sequence[Example]) -> tuple[list[Example], list[Example]]:
    """(fit half, tune half): every other example, so each half holds every kind."""
    return list(examples[0::2]), list(examples[1::2])


def features(text: str, char_ngrams: tuple[int, int] = CHAR_NGRAMS) -> Counter[str]:
    """Word unigrams and bigrams, and character n-grams inside words, of the newest message.

    Digits are folded to 0 (dates, salaries and reference numbers are alike)."""
    words = _WORD.findall(_NUMBER.sub("0", prepare(text).newest.lower()))
    counts: Counter[str] = Counter(f"w:{w}" for w in words)
    counts.update(f"b:{a} {b}" for a, b in itertools.pairwise(words))
    low, high = char_ngrams
    for word in words:
        padded = f" {word} "
        for size in range(low, high + 1):
            counts.update(f"c:{padded[i : i + size]}" for i in range(len(padded) - size + 1))
    return counts


CUE_SETS = {"kind": KIND_PATTERNS, "stage": STAGE_PATTERNS}


def cue_columns(text: str, cues: str = "kind") -> list[int]:
    """Which of our cues (``kind``: KIND_CUES, ``stage``: STAGE_CUES, in order) the newest
    message holds."""
    newest = prepare(text).newest
    patterns = CUE_SETS[cues].values()
    return [i for i, pattern in enumerate(patterns) if pattern.search(newest)]


@dataclass
class TfidfSoftmax:
    """A vocabulary with its IDF weights and one softmax layer over it."""

    vocabulary: dict[str, int]
    idf: NDArray[np.float32]
    weights: NDArray[np.float32]
    bias: NDArray[np.float32]
    labels: tuple[str, ...]
    char_ngrams: tuple[int, int]
    cue_weight: float
    cues: str
    #: Logits are multiplied by this before the softmax (calibration; decisions are the same).
    temperature: float = 1.0

    def vector(self, text: str) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
        """The sparse TF-IDF row of ``text``: (feature indices, L2-normalised values)."""
        counts = features(text, self.char_ngrams)
        pairs = [(self.vocabulary[f], c) for f, c in counts.items() if f in self.vocabulary]
        index = np.fromiter((p[0] for p in pairs), dtype=np.int64, count=len(pairs))
        tf = np.fromiter((1.0 + math.log(p[1]) for p in pairs), np.float32, len(pairs))
        values = tf * self.idf[index]
        values /= max(float(np.linalg.norm(values)), 1e-12)
        cues = np.asarray(cue_columns(text, self.cues), dtype=np.int64) + len(self.vocabulary)
        return (
            np.concatenate([index, cues]),
            np.concatenate([values, np.full(len(cues), self.cue_weight, np.float32)]),
        )

    def probabilities(self, text: str) -> NDArray[np.float64]:
        index, values = self.vector(text)
        logits = (values @ self.weights[index] + self.bias) * self.temperature
        probs: NDArray[np.float64] = _softmax(logits[None, :].astype(np.float64))[0]
        return probs

    def predict(self, text: str) -> tuple[str, float]:
        probs = self.probabilities(text)
        best = int(np.argmax(probs))
        return self.labels[best], float(probs[best])


def fit(
    texts: Sequence[str],
    labels: Sequence[str],
    label_set: Sequence[str],
    *,
    l2: float = L2,
    char_ngrams: tuple[int, int] = CHAR_NGRAMS,
    min_df: int = MIN_DF,
    epochs: int = EPOCHS,
    cue_weight: float = CUE_WEIGHT,
    cues: str = "kind",
) -> TfidfSoftmax:
    """Fit a TF-IDF softmax model; full-batch Adam on mean cross-entropy + ``l2 * ||W||^2``."""
    rows = [features(t, char_ngrams) for t in texts]
    df: Counter[str] = Counter(f for row in rows for f in row)
    vocabulary = {f: i for i, f in enumerate(sorted(f for f, n in df.items() if n >= min_df))}
    n = len(rows)
    idf = np.zeros(len(vocabulary), dtype=np.float32)
    for f, i in vocabulary.items():
        idf[i] = math.log((1 + n) / (1 + df[f])) + 1.0
    # The rows as one sparse matrix (row of each entry, column, value): a text holds a few
    # hundred of the vocabulary's thousands of features.
    entries = [
        (r, vocabulary[f], (1.0 + math.log(c)) * float(idf[vocabulary[f]]))
        for r, row in enumerate(rows)
        for f, c in row.items()
        if f in vocabulary
    ]
    row_of = np.asarray([e[0] for e in entries], dtype=np.int64)
    column = np.asarray([e[1] for e in entries], dtype=np.int64)
    value = np.asarray([e[2] for e in entries], dtype=np.float64)
    norms = np.sqrt(np.bincount(row_of, weights=value**2, minlength=n))
    value /= np.maximum(norms[row_of], 1e-12)
    d = len(vocabulary)
    cue_rows = [(r, d + c) for r, t in enumerate(texts) for c in cue_columns(t, cues)]
    if cue_rows and cue_weight:
        row_of = np.concatenate([row_of, [r for r, _ in cue_rows]])
        column = np.concatenate([column, [c for _, c in cue_rows]])
        value = np.concatenate([value, np.full(len(cue_rows), cue_weight)])
    y = np.asarray([list(label_set).index(label) for label in labels], dtype=np.int64)
    sparse = _Sparse(row_of, column, value, n, d + len(CUE_SETS[cues]))
    weights, bias = _adam_softmax(sparse, y, len(label_set), l2=l2, epochs=epochs)
    return TfidfSoftmax(
        vocabulary, idf, weights, bias, tuple(label_set), char_ngrams, cue_weight, cues
    )


@dataclass
class _Sparse:
    rows: NDArray[np.int64]
    columns: NDArray[np.int64]
    values: NDArray[np.float64]
    n: int
    d: int

    def times(self, w: NDArray[np.float64]) -> NDArray[np.float64]:
        """``X @ w``."""
        contributions = self.values[:, None] * w[self.columns]
        return np.stack(
            [
                np.bincount(self.rows, weights=contributions[:, c], minlength=self.n)
                for c in range(w.shape[1])
            ],
            axis=1,
        )

    def transposed_times(self, e: NDArray[np.float64]) -> NDArray[np.float64]:
        """``X.T @ e``."""
        contributions = self.values[:, None] * e[self.rows]
        return np.stack(
            [
                np.bincount(self.columns, weights=contributions[:, c], minlength=self.d)
                for c in range(e.shape[1])
            ],
            axis=1,
        )


def _adam_softmax(
    x: _Sparse, y: NDArray[np.int64], k: int, *, l2: float, epochs: int
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    w = np.zeros((x.d, k))
    b = np.zeros(k)
    # Each class weighs the same in the loss, however many examples it has.
    counts = np.bincount(y, minlength=k).astype(np.float64)
    sample = (1.0 / np.maximum(counts, 1.0))[y]
    sample /= sample.sum()
    targets = np.eye(k)[y]
    m = [np.zeros_like(w), np.zeros_like(b)]
    v = [np.zeros_like(w), np.zeros_like(b)]
    rate, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8
    for step in range(1, epochs + 1):
        probs = _softmax(x.times(w) + b)
        error = (probs - targets) * sample[:, None]
        grads = (x.transposed_times(error) + 2 * l2 * w, error.sum(axis=0))
        for i, (param, grad) in enumerate(zip((w, b), grads, strict=True)):
            m[i] = beta1 * m[i] + (1 - beta1) * grad
            v[i] = beta2 * v[i] + (1 - beta2) * grad**2
            m_hat = m[i] / (1 - beta1**step)
            v_hat = v[i] / (1 - beta2**step)
            param -= rate * m_hat / (np.sqrt(v_hat) + eps)
    return w.astype(np.float32), b.astype(np.float32)


def _softmax(logits: NDArray[np.float64]) -> NDArray[np.float64]:
    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    result: NDArray[np.float64] = exp / exp.sum(axis=1, keepdims=True)
    return result


@dataclass
class ClassifyModels:
    kind: TfidfSoftmax
    #: Stage of a rejection or an interview invitation (the other kinds have a fixed stage).
    stage: TfidfSoftmax


#: The stage each kind is about when the text does not say more.
FIXED_STAGE = {"offer": "offer", "acknowledgement": "applied", "other": ""}


def fit_models(
    examples: Sequence[Example], stage_cue_weight: float = STAGE_CUE_WEIGHT, **settings: Any
) -> ClassifyModels:
    kind = fit([e.text for e in examples], [e.kind for e in examples], KINDS, **settings)
    kind.temperature = KIND_TEMPERATURE
    staged = [e for e in examples if e.kind in ("rejection", "interview") and e.stage]
    settings = {**settings, "cue_weight": stage_cue_weight, "cues": "stage"}
    stage = fit([e.text for e in staged], [e.stage for e in staged], STAGES, **settings)
    return ClassifyModels(kind, stage)


#: The code the fitted model depends on: features, text preparation and cues. A change to
#: any of them (or to the training file) fits the model again instead of reusing a stored one.
_MODEL_SOURCES = tuple(
    Path(__file__).with_name(name)
    for name in ("_classify_model.py", "_classify_text.py", "_classify_cues.py")
)


def _fingerprint() -> str:
    from passionpath.cache import digest

    trained = hashlib.sha256(TRAIN_FILE.read_bytes()).hexdigest()
    code = hashlib.sha256()
    for source in _MODEL_SOURCES:
        code.update(source.read_bytes() if source.exists() else source.name.encode())
    settings = (L2, CHAR_NGRAMS, MIN_DF, EPOCHS, CUE_WEIGHT, STAGE_CUE_WEIGHT, KIND_TEMPERATURE)
    return digest(trained, code.hexdigest(), *settings, MODEL_VERSION)


@lru_cache(maxsize=1)
def _fitted_in_process(fingerprint: str) -> ClassifyModels:
    return fit_models(training_examples())


def classify_models(ctx: Context | None = None) -> ClassifyModels:
    """The models fitted on all our training texts: from the cache directory when ``ctx`` is
    given (fitted and stored there on first use), else fitted once per process."""
    fingerprint = _fingerprint()
    if ctx is None:
        return _fitted_in_process(fingerprint)
    disk = ctx.disk

    def load() -> ClassifyModels:
        return disk.load_or_build(
            f"classify-model-v{MODEL_VERSION}",
            fingerprint,
            lambda: _fitted_in_process(fingerprint),
            valid=lambda found: isinstance(found, ClassifyModels),
        )

    return ctx.shared.get_or_make("classify-models", fingerprint, load, limit=2)


def classifier_stored(ctx: Context) -> bool:
    """Whether the fitted model is already in ``ctx``'s cache directory (or this process)."""
    fingerprint = _fingerprint()
    if ctx.shared.get("classify-models", fingerprint) is not None:
        return True
    return ctx.disk.path(f"classify-model-v{MODEL_VERSION}", fingerprint).exists()


__all__ = [
    "KINDS",
    "classifier_stored",
    "classify_models",
]
