"""Text engine figures: model load time, embedding throughput, single-query latency, and the
one-time cost of embedding every occupation text of the full O*NET release.

Goal: single-query latency <= 10 ms warm.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

from _common import ONET_DIR, percentiles

from passionpath.text import Embedder, LexicalEmbedder, MiniLMEmbedder
from passionpath.text._interests import corpus

QUERY = "I lose track of time baking bread and photographing the loaves for my blog"


def throughput(embedder: Embedder, texts: list[str]) -> float:
    started = time.perf_counter()
    embedder.embed(texts)
    return len(texts) / (time.perf_counter() - started)


def latency(embedder: Embedder, runs: int = 100) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        embedder.embed([QUERY])
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    print(
        f"threads: OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}, "
        f"cores={os.cpu_count()}"
    )
    started = time.perf_counter()
    minilm = MiniLMEmbedder()
    minilm.embed(["warm up"])
    print(f"MiniLM load + first call        {time.perf_counter() - started:.2f} s")
    sentences = [e.text for e in corpus()]
    lexical = LexicalEmbedder()
    for name, embedder in (("MiniLM int8", minilm), ("lexical fallback", lexical)):
        rate = statistics.median(throughput(embedder, sentences) for _ in range(3))
        print(f"{name:<16} throughput     {rate:8.0f} sentences/s ({len(sentences)} sentences)")
        print(f"{name:<16} single query   {percentiles(latency(embedder))}")

    if not (ONET_DIR / "Occupation Data.txt").exists():
        print("full O*NET embedding: skipped (../shared release not present)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        from passionpath.catalog import import_release
        from passionpath.store import get_engine
        from passionpath.text import embed_catalog
        from passionpath.text._store import VECTORS

        engine = get_engine(f"sqlite:///{tmp}/onet.db")
        import_release(ONET_DIR, engine=engine)
        started = time.perf_counter()
        texts, _, stats = embed_catalog(engine, minilm)
        first = time.perf_counter() - started
        VECTORS.clear()
        started = time.perf_counter()
        _, _, again = embed_catalog(engine, minilm)
        second = time.perf_counter() - started
        kinds = {k: int((texts.kinds == k).sum()) for k in ("title", "description", "task")}
        print(
            f"full O*NET embedding (one-time) {first:6.1f} s for {stats.computed:,} unique texts "
            f"{kinds} = {stats.computed / first:.0f} texts/s"
        )
        print(f"full O*NET, all cached          {second:6.2f} s ({again.computed} recomputed)")


if __name__ == "__main__":
    main()
