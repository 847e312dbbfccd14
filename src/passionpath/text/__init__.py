"""Free-text understanding: sentence embeddings, interest inference, skill evidence."""

from passionpath.text._catalog import OccupationTexts, embed_catalog, occupation_texts
from passionpath.text._embedding import (
    Embedder,
    LexicalEmbedder,
    MiniLMEmbedder,
    get_embedder,
    minilm_available,
)
from passionpath.text._evidence import Evidence, extract_evidence
from passionpath.text._interests import (
    InterestInference,
    Phrase,
    infer_interests,
    interest_model,
    phrases,
)
from passionpath.text._language import (
    LanguageGuess,
    TextInputError,
    check_text,
    check_texts,
    check_total,
    guess_language,
    language_warnings,
)
from passionpath.text._store import EmbedStats, embed_cached, embed_remembered

__all__ = [
    "EmbedStats",
    "Embedder",
    "Evidence",
    "InterestInference",
    "LanguageGuess",
    "LexicalEmbedder",
    "MiniLMEmbedder",
    "OccupationTexts",
    "Phrase",
    "TextInputError",
    "check_text",
    "check_texts",
    "check_total",
    "embed_cached",
    "embed_catalog",
    "embed_remembered",
    "extract_evidence",
    "get_embedder",
    "guess_language",
    "infer_interests",
    "interest_model",
    "language_warnings",
    "minilm_available",
    "occupation_texts",
    "phrases",
]
