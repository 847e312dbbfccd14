"""Skills, knowledge and technology that a person's own words give evidence of.

Technology is found by name (``Microsoft Excel``, or just ``Excel``) in the catalog's
technology examples. Skills and knowledge areas are found per phrase, by the sentence
similarity between the phrase and the descriptor's name and description, raised when the
phrase contains one of our everyday cue words for it (``coach`` -> Instructing).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Engine, select

from passionpath.text._cues import CUES
from passionpath.text._embedding import get_embedder
from passionpath.text._interests import phrases
from passionpath.text._store import embed_cached, embed_remembered

if TYPE_CHECKING:
    from passionpath.context import Context

#: Cosine similarities are mapped linearly from [FLOOR, FLOOR + SPAN] onto confidence [0, 1].
SIMILARITY_FLOOR = 0.30
SIMILARITY_SPAN = 0.30
#: A cue word alone is worth this much confidence; similarity adds the rest.
CUE_CONFIDENCE = 0.55
MIN_CONFIDENCE = 0.5
#: Single-word product names that are also everyday words must be written capitalised.
COMMON_WORDS = {
    "word",
    "access",
    "excel",
    "teams",
    "project",
    "outlook",
    "notes",
    "paint",
    "box",
    "slack",
    "go",
    "r",
    "c",
    "keynote",
    "pages",
    "numbers",
    "photos",
    "sheets",
    "forms",
    "drive",
    "calendar",
    "mail",
    "chrome",
    "edge",
    "safari",
}
VENDORS = (
    "microsoft",
    "adobe",
    "google",
    "apple",
    "autodesk",
    "ibm",
    "oracle",
    "sap",
    "intuit",
    "the mathworks",
    "salesforce",
    "atlassian",
    "amazon",
    "cisco",
    "apache",
    "corel",
    "trimble",
    "esri",
    "meta",
    "dassault systemes",
    "bentley systems",
    "epic systems",
)
_WORD = re.compile(r"[A-Za-z0-9+#.]+(?<![.])")


@dataclass(frozen=True)
class Evidence:
    kind: str
    element_id: str | None
    name: str
    confidence: float
    source: str
    text: str
    start: int
    end: int
    hot: bool | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


#: Edition words people leave out when they name a product ("Premiere" for Premiere Pro).
EDITIONS = ("pro", "professional", "standard", "enterprise", "suite", "cc")


def _aliases(name: str) -> list[tuple[str, float]]:
    """The ways a product may be written: full name, without the vendor, without the
    edition, its acronym; and for the catalog's "<vendor> software" entries (SAP), the
    vendor's name, which people use for the product."""
    lowered = name.lower()
    if lowered.endswith(" software"):
        vendor = name[: -len(" software")]
        return [(vendor, 0.8)] if vendor.lower() in VENDORS and vendor.isupper() else []
    aliases = [(name, 0.95)]
    for vendor in VENDORS:
        if lowered.startswith(vendor + " ") and len(name) > len(vendor) + 3:
            aliases.append((name[len(vendor) + 1 :], 0.85))
    for alias, confidence in list(aliases):
        words = alias.split()
        if len(words) > 1 and words[-1].lower() in EDITIONS:
            aliases.append((" ".join(words[:-1]), confidence - 0.05))
    last = name.split()[-1]
    if len(name.split()) > 1 and last.isupper() and len(last) >= 2:
        aliases.append((last, 0.8))
    return aliases


def _is_a_word(alias: str, token: str) -> bool:
    """Whether a one-word product name is also an everyday word, so only its own spelling
    counts ("Word" the program, not "a word"; "CALM" the software, not feeling calm). Short
    acronyms (SQL, SAP, AWS) are left to match in any case: people type them in lower case,
    and as words they are rare."""
    from passionpath.text._language import english_word

    if token in COMMON_WORDS:
        return True
    if alias.isupper():
        return len(alias) >= 4 and english_word(token)
    # A capitalised product word that is also an everyday word ("Reports", "Premiere").
    return alias[:1].isupper() and english_word(token)


@dataclass
class _TechIndex:
    #: lower-cased token tuple -> (product name, confidence, case-sensitive form or None, hot)
    names: dict[tuple[str, ...], tuple[str, float, str | None, bool]]
    longest: int


def _technology_index(rows: Sequence[tuple[str, bool]]) -> _TechIndex:
    names: dict[tuple[str, ...], tuple[str, float, str | None, bool]] = {}
    for name, hot in rows:
        if len(name) < 2:
            continue  # generic categories ("Email software") give no alias: see _aliases
        for alias, confidence in _aliases(name):
            tokens = tuple(t.lower() for t in _WORD.findall(alias))
            if not tokens:
                continue
            exact = alias if len(tokens) == 1 and _is_a_word(alias, tokens[0]) else None
            if len(tokens) == 1 and len(tokens[0]) < 2:
                continue
            current = names.get(tokens)
            # Where two products share an alias ("SQL"), the surer one wins, then the one
            # in demand (hot), then the shorter, plainer name.
            if current is None or (-confidence, not hot, len(name)) < (
                -current[1],
                not current[3],
                len(current[0]),
            ):
                names[tokens] = (name, confidence, exact, hot)
    return _TechIndex(names, max((len(k) for k in names), default=1))


def find_technology(text: str, index: _TechIndex, source: str) -> list[Evidence]:
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[Evidence] = []
    i = 0
    while i < len(words):
        for size in range(min(index.longest, len(words) - i), 0, -1):
            key = tuple(w[0].lower() for w in words[i : i + size])
            hit = index.names.get(key)
            if hit is None:
                continue
            name, confidence, exact, hot = hit
            span_text = text[words[i][1] : words[i + size - 1][2]]
            if exact is not None and span_text != exact:
                continue
            found.append(
                Evidence(
                    "technology",
                    None,
                    name,
                    confidence,
                    source,
                    span_text,
                    words[i][1],
                    words[i + size - 1][2],
                    hot,
                )
            )
            i += size - 1
            break
        i += 1
    return found


@dataclass
class _CatalogView:
    technology: _TechIndex
    #: (kind, element_id, name) of every skill and knowledge descriptor
    descriptors: list[tuple[str, str, str]]
    #: "Name. Description" for each descriptor, the text that is embedded
    texts: list[str]
    #: Each descriptor's cue words as one compiled pattern (None when it has none)
    cues: list[re.Pattern[str] | None]


def _read_catalog(engine: Engine) -> _CatalogView:
    """What evidence is matched against, read from the database."""
    from passionpath.catalog import descriptors
    from passionpath.store import models as m

    with engine.connect() as conn:
        rows = conn.execute(select(m.Technology.example, m.Technology.hot).distinct()).all()
    hot: dict[str, bool] = {}
    for name, is_hot in rows:
        hot[name] = hot.get(name, False) or bool(is_hot)
    described = [
        ("skill" if domain == "skills" else "knowledge", d)
        for domain in ("skills", "knowledge")
        for d in descriptors(domain, engine)
    ]
    return _CatalogView(
        technology=_technology_index(sorted(hot.items())),
        descriptors=[(kind, d.element_id, d.name) for kind, d in described],
        texts=[f"{d.name}. {d.description}" for _, d in described],
        cues=[cue_pattern(d.element_id) for _, d in described],
    )


def cue_pattern(element_id: str) -> re.Pattern[str] | None:
    """One regular expression for all of a descriptor's cue words (word starts)."""
    cues = CUES.get(element_id, ())
    return re.compile("|".join(rf"\b{re.escape(c)}" for c in cues)) if cues else None


def _catalog(ctx: Context) -> _CatalogView:
    """The catalog view, read once per context and release."""
    from passionpath.catalog import release_key

    key = release_key(ctx.engine)
    return ctx.shared.get_or_make("evidence-catalog", key, lambda: _read_catalog(ctx.engine), 2)


def extract_evidence(
    sources: Sequence[tuple[str, str]], ctx: Context, per_descriptor: int = 2
) -> list[Evidence]:
    """Evidence in ``(source label, text)`` pairs, strongest first.

    confidence = semantic, or CUE_CONFIDENCE + (1 - CUE_CONFIDENCE) x semantic where the
    phrase holds a cue word; kept when >= MIN_CONFIDENCE, best ``per_descriptor`` each.
    """
    catalog = _catalog(ctx)
    embedder = get_embedder(ctx.settings.text_model)
    found: list[Evidence] = []
    spans: list[tuple[str, str, int, int]] = []
    for source, text in sources:
        found += find_technology(text, catalog.technology, source)
        spans += [(source, p, s, e) for p, s, e in phrases(text)]
    if spans and catalog.descriptors:
        descriptor_vectors, _ = embed_cached(catalog.texts, ctx.engine, embedder=embedder)
        phrase_vectors = embed_remembered([p for _, p, _, _ in spans], embedder)
        similarity = phrase_vectors @ descriptor_vectors.T
        semantic = np.clip((similarity - SIMILARITY_FLOOR) / SIMILARITY_SPAN, 0.0, 1.0)
        lowered = [f" {p.lower()} " for _, p, _, _ in spans]
        cued = np.array(
            [
                [
                    pattern is not None and pattern.search(text) is not None
                    for pattern in catalog.cues
                ]
                for text in lowered
            ],
            dtype=bool,
        )
        confidence = np.where(cued, CUE_CONFIDENCE + (1 - CUE_CONFIDENCE) * semantic, semantic)
        for j in np.flatnonzero((confidence >= MIN_CONFIDENCE).any(axis=0)):
            kind, element, name = catalog.descriptors[j]
            column = confidence[:, j]
            best = np.argsort(-column, kind="stable")[:per_descriptor]
            for i in best[column[best] >= MIN_CONFIDENCE]:
                source, phrase, start, end = spans[i]
                found.append(
                    Evidence(
                        kind, element, name, round(float(column[i]), 3), source, phrase, start, end
                    )
                )
    return sorted(found, key=lambda e: (-e.confidence, e.kind, e.name))
