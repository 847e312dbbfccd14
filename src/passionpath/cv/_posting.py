"""A CV against a job posting: which of the posting's skills, knowledge and technology the
CV shows, what is missing, and which of the person's real experiences could show it.

The posting and the CV are read by the same evidence extractor matching uses
(``passionpath.text.extract_evidence``), so the terms are O*NET skills, knowledge areas and
technology examples, not loose words. Keyword coverage (the posting's most frequent words)
is reported beside it, since applicant-tracking systems often count words.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from passionpath.cv._store import check_posting
from passionpath.cv._view import readable

if TYPE_CHECKING:
    from passionpath.context import Context

#: An experience "could cover" a missing term from this embedding similarity up.
COVER_SIMILARITY = 0.3
#: How many of the posting's most frequent words make its keywords.
KEYWORDS = 25
_STOP = set(
    """a about above after all also an and any are as at be been being both but by can could
    did do does doing for from further had has have having he her here hers him his how i if
    in into is it its itself just me more most my no nor not now of off on once only or other
    our ours out over own per same she should so some such than that the their theirs them then
    there these they this those through to too under until up very was we were what when where
    which while who whom why will with would you your yours able ability work working role team
    job candidate candidates experience years year strong skills skill looking join company
    including include etc within across using use based well must plus new""".split()
)


@dataclass(frozen=True)
class Term:
    kind: str  # skill, knowledge, technology
    name: str
    element_id: str | None
    #: The words of the posting it was read from.
    posting_text: str


@dataclass
class Covered:
    term: Term
    #: Where on the CV it shows (a JSON path) and the CV's words.
    where: str
    text: str


@dataclass
class Missing:
    term: Term
    #: Experiences that could show it, best first: (JSON path, text, similarity).
    could_cover: list[tuple[str, str, float]] = field(default_factory=list)


@dataclass
class PostingMatch:
    covered: list[Covered]
    missing: list[Missing]
    keywords: list[str]
    keywords_found: list[str]

    @property
    def coverage(self) -> float:
        total = len(self.covered) + len(self.missing)
        return round(len(self.covered) / total, 3) if total else 0.0

    @property
    def keyword_coverage(self) -> float:
        return round(len(self.keywords_found) / len(self.keywords), 3) if self.keywords else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "coverage": self.coverage,
            "keyword_coverage": self.keyword_coverage,
            "covered": [
                {**asdict(c.term), "where": c.where, "cv_text": c.text} for c in self.covered
            ],
            "missing": [
                {
                    **asdict(m.term),
                    "could_cover": [
                        {"where": w, "text": t, "similarity": s} for w, t, s in m.could_cover
                    ],
                }
                for m in self.missing
            ],
            "keywords": self.keywords,
            "keywords_found": self.keywords_found,
        }


def cv_texts(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(JSON path, text) of everything a CV says about what the person did and can do."""
    texts: list[tuple[str, str]] = []
    basics = data.get("basics")
    if isinstance(basics, dict):
        for key in ("label", "summary"):
            if isinstance(basics.get(key), str) and basics[key].strip():
                texts.append((f"basics.{key}", basics[key]))
    fields = ("name", "position", "summary", "description", "area", "title", "language")
    for section in (
        "work",
        "volunteer",
        "projects",
        "education",
        "skills",
        "certificates",
        "awards",
        "publications",
        "interests",
        "languages",
    ):
        for i, entry in enumerate(data.get(section) or []):
            if not isinstance(entry, dict):
                continue
            for key in fields:
                value = entry.get(key)
                if isinstance(value, str) and value.strip():
                    texts.append((f"{section}[{i}].{key}", value))
            for key in ("highlights", "keywords", "courses"):
                for j, value in enumerate(entry.get(key) or []):
                    if isinstance(value, str) and value.strip():
                        texts.append((f"{section}[{i}].{key}[{j}]", value))
    return texts


def _keywords(posting: str) -> list[str]:
    words = [w for w in re.findall(r"[^\W\d_][\w+#-]*", posting.lower()) if len(w) >= 3]
    counts = Counter(w for w in words if w not in _STOP)
    return [w for w, _ in counts.most_common(KEYWORDS)]


def _key(kind: str, element_id: str | None, name: str) -> str:
    return element_id or f"{kind}:{name.lower()}"


def match_posting(
    data: dict[str, Any], posting: str, ctx: Context, *, drafted_summary: bool = False
) -> PostingMatch:
    """How well the CV ``data`` (a JSON Resume document) covers ``posting``. A summary we
    drafted (``drafted_summary``) is not counted: it only repeats the CV."""
    from passionpath.text import embed_remembered, extract_evidence, get_embedder

    check_posting(posting)
    cv = readable(data, "CV")
    found = extract_evidence([("posting", posting)], ctx, per_descriptor=1)
    terms: dict[str, Term] = {}
    for evidence in found:
        key = _key(evidence.kind, evidence.element_id, evidence.name)
        if key not in terms:
            terms[key] = Term(evidence.kind, evidence.name, evidence.element_id, evidence.text)
    texts = [t for t in cv_texts(cv) if not (drafted_summary and t[0] == "basics.summary")]
    shown: dict[str, tuple[str, str]] = {}
    if texts and terms:
        for evidence in extract_evidence(texts, ctx, per_descriptor=1):
            key = _key(evidence.kind, evidence.element_id, evidence.name)
            if key in terms and key not in shown:
                shown[key] = (evidence.source, evidence.text)
    covered = [Covered(terms[k], *shown[k]) for k in terms if k in shown]
    missing = [Missing(terms[k]) for k in terms if k not in shown]
    experiences = [
        (where, text)
        for where, text in texts
        if where.startswith(("work", "volunteer", "projects", "education"))
    ]
    if missing and experiences:
        embedder = get_embedder(ctx.settings.text_model)
        need = embed_remembered(
            [f"{m.term.name}. {m.term.posting_text}" for m in missing], embedder
        )
        have = embed_remembered([t for _, t in experiences], embedder)
        similarity = need @ have.T
        for i, item in enumerate(missing):
            order = similarity[i].argsort()[::-1][:3]
            item.could_cover = [
                (experiences[j][0], experiences[j][1], round(float(similarity[i, j]), 3))
                for j in order
                if similarity[i, j] >= COVER_SIMILARITY
            ]
    keywords = _keywords(posting)
    words = {w for _, t in texts for w in re.findall(r"[^\W\d_][\w+#-]*", t.lower())}
    return PostingMatch(covered, missing, keywords, [k for k in keywords if k in words])
