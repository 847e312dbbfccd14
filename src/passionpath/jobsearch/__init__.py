"""Applications and what recruiters write back: understanding recruiting e-mails."""

from passionpath.jobsearch._classify import (
    REASON_LABELS,
    REASONS,
    Classification,
    ClassifyInputError,
    NamedSkill,
    Reason,
    Span,
    check_classify_texts,
    classify_text,
    classify_texts,
    read_classify_input,
)
from passionpath.jobsearch._classify_model import (
    KINDS,
    STAGES,
    classifier_stored,
    classify_models,
)

__all__ = [
    "KINDS",
    "REASONS",
    "REASON_LABELS",
    "STAGES",
    "Classification",
    "ClassifyInputError",
    "NamedSkill",
    "Reason",
    "Span",
    "check_classify_texts",
    "classifier_stored",
    "classify_models",
    "classify_text",
    "classify_texts",
    "read_classify_input",
]
