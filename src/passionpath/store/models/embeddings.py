"""The sentence-vector cache, owned by passionpath.text."""

from __future__ import annotations

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from passionpath.store.models.base import Base


class TextEmbedding(Base):
    """Sentence vectors keyed by model and text hash, so unchanged text is never re-embedded."""

    __tablename__ = "text_embedding"

    model_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    text_sha: Mapped[str] = mapped_column(String(40), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
