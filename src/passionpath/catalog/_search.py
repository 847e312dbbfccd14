"""Lexical occupation search over titles and alternate titles, tolerant of typos.

Each title is a small document. A query is tokenised the same way; tokens missing from the
vocabulary are replaced by their closest vocabulary words (edit-distance ratio >= 80), weighted
by that similarity. Documents are scored with BM25, scaled by the share of query tokens they
contain, and an occupation takes the score of its best-matching title. Everything after
tokenisation is numpy over posting arrays, so a query costs a few milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

_TOKEN = re.compile(r"[a-z0-9]+")
_K1, _B = 1.2, 0.75
MAIN_TITLE_WEIGHT = 1.0
ALTERNATE_TITLE_WEIGHT = 0.9
FUZZY_CUTOFF = 80.0
#: A word completed from its first letters counts a little less than one typed whole, and
#: a start that many words share stands for the closest few only.
COMPLETION_WEIGHT = 0.9
MAX_COMPLETIONS = 30


def tokenize(text: str) -> list[str]:
    """Lower-case word tokens with a light plural strip (chefs -> chef, coaches -> coach)."""
    tokens = []
    for token in _TOKEN.findall(text.lower().replace("'s", "")):
        if len(token) > 4 and token.endswith("ies"):
            token = token[:-3] + "y"
        elif len(token) > 4 and token.endswith(("sses", "ches", "shes", "xes")):
            token = token[:-2]
        elif len(token) > 3 and token.endswith("s") and not token.endswith("ss"):
            token = token[:-1]
        tokens.append(token)
    return tokens


@dataclass(frozen=True)
class SearchHit:
    code: str
    title: str
    matched_title: str
    score: float
    job_zone: int | None = None
    riasec_code: str | None = None


@dataclass
class TitleIndex:
    """Postings over title documents; ``doc_occupation[d]`` is the occupation row of doc d."""

    codes: list[str]
    titles: list[str]
    doc_text: list[str]
    doc_occupation: NDArray[np.int32]
    doc_weight: NDArray[np.float32]
    doc_length: NDArray[np.float32]
    vocabulary: dict[str, int]
    indptr: NDArray[np.int64]
    postings: NDArray[np.int32]
    term_freq: NDArray[np.float32]
    idf: NDArray[np.float32]
    exact: dict[str, list[int]]
    words: list[str] = field(default_factory=list)

    @classmethod
    def build(
        cls, occupations: list[tuple[str, str]], alternates: list[tuple[str, str]]
    ) -> TitleIndex:
        """``occupations``: (code, title); ``alternates``: (code, alternate title)."""
        codes = [code for code, _ in occupations]
        row_of = {code: i for i, code in enumerate(codes)}
        docs = [(row_of[c], t, MAIN_TITLE_WEIGHT) for c, t in occupations]
        seen = {(r, t.lower()) for r, t, _ in docs}
        for code, title in alternates:
            row = row_of.get(code)
            if row is not None and (row, title.lower()) not in seen:
                seen.add((row, title.lower()))
                docs.append((row, title, ALTERNATE_TITLE_WEIGHT))

        vocabulary: dict[str, int] = {}
        doc_terms: list[int] = []
        term_ids: list[int] = []
        lengths = np.zeros(len(docs), dtype=np.float32)
        exact: dict[str, list[int]] = {}
        for d, (_, title, _) in enumerate(docs):
            tokens = tokenize(title)
            lengths[d] = len(tokens)
            exact.setdefault(" ".join(tokens), []).append(d)
            for token in tokens:
                term_ids.append(vocabulary.setdefault(token, len(vocabulary)))
                doc_terms.append(d)
        terms = np.asarray(term_ids, dtype=np.int64)
        doc_of = np.asarray(doc_terms, dtype=np.int64)
        # Collapse repeated (term, doc) pairs into term frequencies, sorted by term.
        pair = np.unique(terms * len(docs) + doc_of, return_counts=True)
        pair_terms, pair_docs = np.divmod(pair[0], len(docs))
        indptr = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        np.cumsum(np.bincount(pair_terms, minlength=len(vocabulary)), out=indptr[1:])
        df = np.diff(indptr).astype(np.float32)
        return cls(
            codes=codes,
            titles=[t for _, t in occupations],
            doc_text=[t for _, t, _ in docs],
            doc_occupation=np.asarray([r for r, _, _ in docs], dtype=np.int32),
            doc_weight=np.asarray([w for _, _, w in docs], dtype=np.float32),
            doc_length=lengths,
            vocabulary=vocabulary,
            indptr=indptr,
            postings=pair_docs.astype(np.int32),
            term_freq=pair[1].astype(np.float32),
            idf=np.log1p(len(docs) / df).astype(np.float32),
            exact=exact,
        )

    def _expand(self, token: str, complete: bool = False) -> list[tuple[int, float]]:
        """The vocabulary terms standing for a query token, with weights in (0, 1].

        With ``complete``, the token may also be the start of a word still being typed
        ("photogr" for "photographer"). A typo is only assumed when the token reads as
        nothing as typed: "teach" completes to "teacher", never to "tech"."""
        term = self.vocabulary.get(token)
        found = {term: 1.0} if term is not None else {}
        completions = self._completions(token) if complete and len(token) >= 2 else []
        clean = [(t, w) for t, w, exact in completions if exact]
        if term is None and len(token) >= 3 and not clean:
            from rapidfuzz import fuzz, process

            if not self.words:
                self.words = list(self.vocabulary)
            matches = process.extract(
                token, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=4
            )
            found.update({self.vocabulary[w]: (score / 100.0) ** 2 for w, score, _ in matches})
        chosen = clean or [(t, w) for t, w, _ in completions]
        if chosen:
            # A rare word would outscore a common one on idf alone ("nurse" would find
            # "Nursery Worker" before "Registered Nurses"), so each completion counts as
            # much as the commonest word standing for the token, never more.
            known = [self.idf[t] for t in found] or [self.idf[t] for t, _ in chosen]
            common = float(min(known))
            for t, weight in chosen:
                found[t] = max(found.get(t, 0.0), weight * common / float(self.idf[t]))
        return list(found.items())

    def _completions(self, start: str) -> list[tuple[int, float, bool]]:
        """(term, weight, begins exactly) for words that begin with ``start``, or nearly
        from four letters on; closest and shortest first, weighted a little below a whole
        word."""
        from rapidfuzz import fuzz, process

        if not self.words:
            self.words = list(self.vocabulary)
        heads = [word[: len(start)] for word in self.words]
        cutoff = FUZZY_CUTOFF if len(start) >= 4 else 100.0
        matches = process.extract(start, heads, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)
        ranked = sorted(matches, key=lambda m: (-m[1], len(self.words[m[2]])))
        return [
            (self.vocabulary[self.words[i]], COMPLETION_WEIGHT * (score / 100.0) ** 2, score == 100)
            for _, score, i in ranked[:MAX_COMPLETIONS]
        ]

    def exact_codes(self, query: str) -> list[str]:
        """Occupations with a title that is ``query`` word for word (case, punctuation and
        plurals aside): those whose own title it is if any, else those listing it as an
        alternate title. Main titles are the first ``len(codes)`` documents."""
        docs = self.exact.get(" ".join(tokenize(query)), [])
        main = [d for d in docs if d < len(self.codes)]
        rows = [int(self.doc_occupation[d]) for d in (main or docs)]
        return [self.codes[r] for r in dict.fromkeys(rows)]

    def search(self, query: str, limit: int = 10, *, complete: bool = False) -> list[SearchHit]:
        """The best ``limit`` occupations for ``query``. With ``complete`` the last word may
        be unfinished, as in a field still being typed into."""
        tokens = list(dict.fromkeys(tokenize(query)))
        if not tokens:
            return []
        n_docs = len(self.doc_text)
        scores = np.zeros(n_docs, dtype=np.float32)
        covered = np.zeros(n_docs, dtype=np.float32)
        avg_length = float(self.doc_length.mean())
        norm = _K1 * (1 - _B + _B * self.doc_length / avg_length)
        last = tokens[-1] if complete and query.rstrip() == query else None
        for token in tokens:
            best = np.zeros(n_docs, dtype=np.float32)
            for term, weight in self._expand(token, complete=token == last):
                start, end = self.indptr[term], self.indptr[term + 1]
                docs = self.postings[start:end]
                tf = self.term_freq[start:end]
                contribution = weight * self.idf[term] * tf * (_K1 + 1) / (tf + norm[docs])
                np.maximum.at(best, docs, contribution)
            scores += best
            covered += best > 0
        coverage = covered / len(tokens)
        scores *= coverage**2 * self.doc_weight
        for d in self.exact.get(" ".join(tokenize(query)), []):
            scores[d] *= 1.5
        best_score = np.zeros(len(self.codes), dtype=np.float32)
        np.maximum.at(best_score, self.doc_occupation, scores)
        candidates = np.flatnonzero(best_score > 0)
        if candidates.size == 0:
            return []
        # Ties go to the broad occupation (codes ending in .00) before its specialisations.
        broad = np.fromiter((self.codes[r].endswith(".00") for r in candidates), dtype=bool)
        order = candidates[np.lexsort((~broad, -best_score[candidates]))][:limit].tolist()
        # For each chosen occupation, the title document that produced its score.
        hits = []
        for row in order:
            best_docs = np.flatnonzero((self.doc_occupation == row) & (scores == best_score[row]))
            hits.append(
                SearchHit(
                    code=self.codes[row],
                    title=self.titles[row],
                    matched_title=self.doc_text[int(best_docs[0])],
                    score=round(float(best_score[row]), 4),
                )
            )
        return hits
