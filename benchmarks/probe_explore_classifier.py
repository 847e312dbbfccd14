"""A check on the explore goal, not part of the product: does a supervised text classifier,
trained on the same held-out split as eval_explore.py, do better than the explore index?

Each kept task statement, title and description is a training example labelled with its
occupation; features are TF-IDF word uni- and bigrams plus the MiniLM sentence vector; the
classifier is a linear SVM (scikit-learn, not a project dependency: `pip install
scikit-learn` into .venv first). Prints hit@1 / hit@10 for the classifier alone and mixed
with the explore scores. Takes about four minutes on 2 cores.
"""

from __future__ import annotations

import time

import numpy as np
from _common import onet_context
from eval_explore import held_out, hits

from passionpath.match._explore import _standardise
from passionpath.match._matrices import load_matrices


def main() -> None:
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC

    m = load_matrices(onet_context())
    index, vectors, texts, truth, kept = held_out(m)
    explore = index.scores(vectors, texts)
    n = m.title_vectors.shape[0]
    rows = np.flatnonzero(kept)
    train_texts = [m.task_texts[i] for i in rows] + list(m.titles) + list(m.descriptions)
    labels = np.r_[m.task_owner[kept], np.arange(n), np.arange(n)]
    train_vectors = np.vstack([m.task_vectors[kept], m.title_vectors, m.description_vectors])
    present = np.linalg.norm(train_vectors, axis=1) > 0
    train_texts = [t for t, p in zip(train_texts, present, strict=True) if p]
    tfidf = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, stop_words="english")
    x = sparse.hstack([tfidf.fit_transform(train_texts), train_vectors[present]]).tocsr()
    q = sparse.hstack([tfidf.transform(texts), vectors]).tocsr()
    started = time.perf_counter()
    classifier = LinearSVC(C=0.5).fit(x, labels[present])
    scores = np.full((len(texts), n), -np.inf, dtype=np.float32)
    scores[:, classifier.classes_] = classifier.decision_function(q)
    print(f"trained on {x.shape[0]:,} examples in {time.perf_counter() - started:.0f} s")
    print("explore index:        hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(explore, truth)))
    print("linear SVM alone:     hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(scores, truth)))
    svm = _standardise(np.where(np.isfinite(scores), scores, scores[np.isfinite(scores)].min()))
    for share in (0.3, 0.5):
        mixed = share * svm + (1 - share) * explore
        print(
            f"mixed, SVM share {share}: "
            + "hit@1 {:.3f}  hit@10 {:.3f}".format(*hits(mixed, truth))
        )


if __name__ == "__main__":
    main()
