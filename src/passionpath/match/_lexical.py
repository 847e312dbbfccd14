"""BM25 over whole-occupation documents (title, description, tasks), for explore."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from passionpath.catalog import tokenize

_STOP = frozenset(
    (
        "a an the of to and or in for on with by as at from into their other such be is are "
        "this that these those using use may including"
    ).split()
)
_K1, _B = 1.2, 0.75


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import snowballstemmer  # type: ignore[import-untyped]

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def _stem(token: str) -> str:
    stemmed: str = _stemmer().stemWord(token)
    return stemmed


def terms(text: str) -> list[str]:
    """Index terms: tokens without stop words, stemmed, so "pricing jobs" meets an
    occupation that prices jobs and "coaching" one that coaches."""
    return [_stem(t) for t in tokenize(text) if t not in _STOP]


@dataclass
class Bm25Index:
    vocabulary: dict[str, int]
    #: Per term, the documents containing it and the BM25 weight of the term there
    #: (idf and length normalisation folded in), as CSR-style arrays.
    indptr: NDArray[np.int64]
    documents: NDArray[np.int32]
    weights: NDArray[np.float32]
    size: int

    @classmethod
    def build(cls, documents: list[str]) -> Bm25Index:
        counts = [Counter(terms(d)) for d in documents]
        lengths = np.array([sum(c.values()) for c in counts], dtype=np.float64)
        average = max(lengths.mean(), 1.0) if lengths.size else 1.0
        postings: dict[str, list[tuple[int, int]]] = {}
        for doc, count in enumerate(counts):
            for term, tf in count.items():
                postings.setdefault(term, []).append((doc, tf))
        vocabulary = {t: i for i, t in enumerate(postings)}
        indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        docs: list[int] = []
        weights: list[float] = []
        n = len(documents)
        for i, entries in enumerate(postings.values()):
            df = len(entries)
            idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
            for doc, tf in entries:
                norm = _K1 * (1 - _B + _B * lengths[doc] / average)
                docs.append(doc)
                weights.append(idf * tf * (_K1 + 1) / (tf + norm))
            indptr[i + 1] = len(docs)
        return cls(
            vocabulary, indptr, np.asarray(docs, np.int32), np.asarray(weights, np.float32), n
        )

    def scores(self, query: str) -> NDArray[np.float32]:
        out = np.zeros(self.size, dtype=np.float32)
        for term in set(terms(query)):
            i = self.vocabulary.get(term)
            if i is not None:
                start, end = self.indptr[i], self.indptr[i + 1]
                np.add.at(out, self.documents[start:end], self.weights[start:end])
        return out
