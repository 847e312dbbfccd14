"""What a recruiting e-mail or a piece of feedback says: its kind, the stage it is about, the
reasons for a rejection with the phrases behind them, and the skills it names.

Kind and stage come from small TF-IDF softmax models fitted on our own training texts (see
``_classify_model``); the reasons from our cue phrases (``_classify_cues``), sentence by
sentence, in the newest message only (quoted history is ignored). Skills named in a
rejection's skills-gap or experience sentences are mapped to O*NET skills, knowledge and
technology with the text package's evidence extractor, when a catalog is loaded.

Most rejections give no reason at all: "templated_unknown" is the most common category, and
that is what the e-mails say, not a failure to read them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from passionpath.errors import PassionpathError
from passionpath.jobsearch._classify_cues import KIND_PATTERNS, REASON_PATTERNS
from passionpath.jobsearch._classify_model import FIXED_STAGE, classify_models
from passionpath.jobsearch._classify_text import prepare, sentences
from passionpath.limits import MAX_CLASSIFY_TEXT_CHARS, MAX_CLASSIFY_TEXTS

if TYPE_CHECKING:
    from passionpath.context import Context

#: The reason categories of a rejection (the issue's taxonomy), in display order.
REASONS = (
    "skills_gap",
    "experience_seniority",
    "credentials",
    "interview_performance",
    "location_visa",
    "pay",
    "fit_values",
    "position_filled",
    "templated_unknown",
)
REASON_LABELS = {
    "skills_gap": "skills gap",
    "experience_seniority": "experience or seniority",
    "credentials": "credentials",
    "interview_performance": "interview performance",
    "location_visa": "location or visa",
    "pay": "pay",
    "fit_values": "fit or values",
    "position_filled": "position filled or frozen",
    "templated_unknown": "templated or unknown",
}
#: Reason sentences whose skills are looked up in the catalog.
_SKILL_REASONS = ("skills_gap", "experience_seniority", "interview_performance")
_REJECTION_CUES = tuple(
    KIND_PATTERNS[name]
    for name in (
        "reject_regret",
        "reject_not_forward",
        "reject_other_candidate",
        "reject_not_selected",
    )
)


class ClassifyInputError(PassionpathError):
    """A text that cannot be classified; ``index`` is its place (0-based) among several."""

    def __init__(self, reason: str, *, index: int | None = None) -> None:
        self.reason = reason
        self.index = index
        where = f"text {index + 1}: " if index is not None else ""
        super().__init__(f"{where}{reason}", field="text")


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Reason:
    category: str
    phrases: tuple[Span, ...]

    @property
    def label(self) -> str:
        return REASON_LABELS[self.category]


@dataclass(frozen=True)
class NamedSkill:
    """A skill, knowledge area or technology a text names, as the catalog calls it."""

    kind: str
    element_id: str | None
    name: str
    confidence: float
    text: str
    start: int
    end: int


@dataclass
class Classification:
    text: str
    kind: str
    confidence: float
    stage: str | None
    reasons: list[Reason] = field(default_factory=list)
    skills: list[NamedSkill] = field(default_factory=list)
    #: The newest message's span: what was read (quoted history after it was not).
    read: tuple[int, int] = (0, 0)

    def as_dict(self, with_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "confidence": round(self.confidence, 3),
            "stage": self.stage,
            "reasons": [
                {
                    "category": r.category,
                    "label": r.label,
                    "phrases": [asdict(p) for p in r.phrases],
                }
                for r in self.reasons
            ],
            "skills": [asdict(s) for s in self.skills],
        }
        if with_text:
            data = {"text": self.text, **data}
        return data


def check_classify_texts(texts: Sequence[str]) -> list[str]:
    """Refuse no texts, too many, an empty one or one over the size limit."""
    if not texts:
        raise ClassifyInputError("there are no texts; there is nothing to go on.")
    if len(texts) > MAX_CLASSIFY_TEXTS:
        raise ClassifyInputError(
            f"there are {len(texts)} texts; the limit is {MAX_CLASSIFY_TEXTS}."
        )
    single = len(texts) == 1
    for i, text in enumerate(texts):
        index = None if single else i
        if not isinstance(text, str) or not text.strip():
            raise ClassifyInputError("the text is empty; there is nothing to go on.", index=index)
        if len(text) > MAX_CLASSIFY_TEXT_CHARS:
            raise ClassifyInputError(
                f"the text is {len(text):,} characters long; the limit is "
                f"{MAX_CLASSIFY_TEXT_CHARS:,}.",
                index=index,
            )
        if not any(c.isalpha() for c in text):
            raise ClassifyInputError(
                "the text has no words; there is nothing to go on.", index=index
            )
    return list(texts)


def classify_texts(
    texts: str | Sequence[str], ctx: Context | None = None, *, skills: bool = True
) -> list[Classification]:
    """Classify each text. With a ``ctx`` the fitted model is read from (or stored in) its
    cache directory and, with ``skills``, named skills are looked up in its catalog."""
    if isinstance(texts, str):
        texts = [texts]
    texts = check_classify_texts(texts)
    models = classify_models(ctx)
    results = []
    for text in texts:
        kind, confidence = models.kind.predict(text)
        if kind in FIXED_STAGE:
            stage: str | None = FIXED_STAGE[kind] or None
        else:
            stage = models.stage.predict(text)[0] or None
        prepared = prepare(text)
        read = prepared.in_text(prepared.start, prepared.end)
        reasons = find_reasons(text) if kind == "rejection" else []
        results.append(Classification(text, kind, confidence, stage, reasons, [], read))
    if skills and ctx is not None:
        _add_skills(results, ctx)
    return results


def classify_text(text: str, ctx: Context | None = None) -> Classification:
    return classify_texts([text], ctx)[0]


def find_reasons(text: str) -> list[Reason]:
    """The reason categories the sentences of a rejection's newest message give, each with its
    sentences; none given is ``templated_unknown``, with the sentence that says no."""
    found: dict[str, list[Span]] = {}
    pieces = sentences(prepare(text))
    for sentence, s, e in pieces:
        for category, patterns in REASON_PATTERNS.items():
            if any(p.search(sentence) for p in patterns):
                found.setdefault(category, []).append(Span(sentence, s, e))
    if not found:
        saying_no = [
            Span(sentence, s, e)
            for sentence, s, e in pieces
            if any(p.search(sentence) for p in _REJECTION_CUES)
        ]
        return [Reason("templated_unknown", tuple(saying_no[:2]))]
    return [Reason(c, tuple(found[c][:3])) for c in REASONS if c in found]


def _add_skills(results: list[Classification], ctx: Context) -> None:
    """Skills named in the reason sentences, mapped with the evidence extractor. Clauses that
    give another reason (pay, location, fit...) are left out: "your salary was above our
    budget" names no skill."""
    from passionpath.text import extract_evidence, phrases

    others = [
        pattern
        for category, patterns in REASON_PATTERNS.items()
        if category not in _SKILL_REASONS
        for pattern in patterns
    ]
    for result in results:
        spans = {
            (p.start, p.end): p
            for r in result.reasons
            if r.category in _SKILL_REASONS
            for p in r.phrases
        }
        sources = [
            (f"{span.start + start}", clause)
            for span in spans.values()
            for clause, start, _ in phrases(span.text)
            if not any(pattern.search(clause) for pattern in others)
        ]
        if not sources:
            continue
        try:
            evidence = extract_evidence(sources, ctx, per_descriptor=1)
        except PassionpathError:
            continue  # no catalog loaded: the reasons stand without skills
        seen: set[str] = set()
        for item in evidence:
            if item.name in seen:
                continue
            seen.add(item.name)
            offset = int(item.source)
            result.skills.append(
                NamedSkill(
                    item.kind,
                    item.element_id,
                    item.name,
                    item.confidence,
                    item.text,
                    offset + item.start,
                    offset + item.end,
                )
            )


def read_classify_input(path: str | Path) -> list[str]:
    """The texts of an ``--input`` file: a ``.jsonl`` file of ``{"text": ...}`` objects (for
    texts that span lines), otherwise one text per non-blank line. Errors name the line."""
    from passionpath.files import UserFileError, read_user_text
    from passionpath.limits import MAX_CLASSIFY_FILE_BYTES

    content = read_user_text(path, max_bytes=MAX_CLASSIFY_FILE_BYTES)
    numbered = [(n, line) for n, line in enumerate(content.splitlines(), 1) if line.strip()]
    if not numbered:
        raise UserFileError(path, "the file has no text; there is nothing to go on.")
    if len(numbered) > MAX_CLASSIFY_TEXTS:
        raise UserFileError(
            path, f"{len(numbered):,} texts; the limit is {MAX_CLASSIFY_TEXTS:,} (one per line)."
        )
    texts: list[str] = []
    as_json = str(path).lower().endswith((".jsonl", ".ndjson"))
    for number, line in numbered:
        if as_json:
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserFileError(path, f"not JSON ({exc.msg}).", line=number) from None
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise UserFileError(
                    path, 'each line must be a JSON object with a "text" string.', line=number
                )
            text = row["text"]
        else:
            text = line.strip()
        try:
            check_classify_texts([text])
        except ClassifyInputError as exc:
            raise UserFileError(path, exc.reason, line=number) from None
        texts.append(text)
    return texts


__all__ = [
    "Classification",
    "ClassifyInputError",
    "NamedSkill",
    "Reason",
    "Span",
    "check_classify_texts",
    "classify_text",
    "classify_texts",
    "read_classify_input",
]
