"""The matching engine: one person against every occupation, with explanations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from passionpath.match._congruence import AREAS, congruence, top_code
from passionpath.match._matrices import CatalogMatrices
from passionpath.match._person import Person
from passionpath.match._scoring import (
    QUADRANTS,
    Z_SCALE,
    importance_weights,
    level_factor,
    phrase_similarity,
    preparation_fit,
    quadrants,
    skill_fit_weighted,
    sweet_spot,
    text_fit,
    values_fit,
)

if TYPE_CHECKING:
    from passionpath.config import Settings

F32 = NDArray[np.float32]


@dataclass(frozen=True)
class Weights:
    interest: float = 0.3
    text: float = 0.7
    skills: float = 0.7
    preparation: float = 0.3
    values: float = 0.15
    congruence: str = "correlation"
    #: Qualification added when what the person studied leads straight to the occupation.
    study: float = 0.15

    @classmethod
    def from_settings(cls, s: Settings) -> Weights:
        """The weights a deployment configured (``PASSIONPATH_MATCH_*``)."""
        return cls(
            s.match_interest_weight,
            s.match_text_weight,
            s.match_skills_weight,
            s.match_preparation_weight,
            s.match_values_weight,
            s.match_congruence,
            s.match_study_weight,
        )


@dataclass
class Gap:
    element_id: str
    name: str
    kind: str
    required: float
    current: float
    importance: float


@dataclass
class PassionLink:
    phrase: str
    source: str
    similarity: float


@dataclass
class Explanation:
    passions: list[PassionLink] = field(default_factory=list)
    shared_interests: list[str] = field(default_factory=list)
    matching_skills: list[Gap] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)


@dataclass
class MatchResult:
    code: str
    title: str
    score: float
    passion: float
    qualification: float
    values: float | None
    quadrant: str
    stretch: bool
    job_zone: int | None
    riasec_code: str
    #: True when the catalog has no skill ratings for it and they were estimated.
    skills_estimated: bool
    components: dict[str, float]
    explanation: Explanation

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class MatchScores:
    """Every occupation's scores for one person (rows as in the matrices)."""

    passion: F32
    qualification: F32
    values: F32 | None
    score: F32
    quadrant: NDArray[np.str_]
    stretch: NDArray[np.bool_]
    candidates: NDArray[np.bool_]
    interest: F32
    text: F32
    skills: F32
    preparation: F32
    phrase_similarity: F32 | None
    thresholds: tuple[float, float]


class MatchEngine:
    def __init__(self, matrices: CatalogMatrices, weights: Weights | None = None) -> None:
        self.m = matrices
        self.weights = weights or Weights()
        self._kinds = [
            matrices.title_vectors,
            matrices.description_vectors,
            matrices.task_centroids,
        ]
        self._interests = np.nan_to_num(matrices.interests, nan=1.0)
        # Cleaned once here so scoring and explaining do no per-call NaN handling.
        self._required = np.nan_to_num(matrices.level, nan=0.0)
        self._weights = importance_weights(matrices.importance)
        self._importance = np.nan_to_num(matrices.importance, nan=1.0)

    def score(self, person: Person) -> MatchScores:
        m, w = self.m, self.weights
        n = m.codes.size
        interest = np.zeros(n, np.float32)
        if person.riasec is not None:
            interest = congruence(
                person.riasec, self._interests, m.riasec_codes, w.congruence
            ).astype(np.float32)
        similarity = None
        text = np.zeros(n, np.float32)
        if person.phrase_vectors is not None and len(person.phrase_vectors):
            similarity = phrase_similarity(person.phrase_vectors, self._kinds)
            # Standardised explore scores rank occupations for free text better than raw
            # cosines (eval_explore.py); cosines stay for the explanation's figures.
            if person.phrase_scores is not None:
                text = text_fit(person.phrase_scores, Z_SCALE)
            else:
                text = text_fit(similarity)
        parts = [
            (w.interest, interest, person.riasec is not None),
            (w.text, text, similarity is not None),
        ]
        used = sum(weight for weight, _, ok in parts if ok)
        passion = np.zeros(n, np.float32)
        for weight, value, ok in parts:
            if ok:
                passion += np.float32(weight / used) * value
        skills = skill_fit_weighted(person.levels, self._required, self._weights)
        preparation = preparation_fit(person.zone, person.education, m.job_zone, m.education)
        qualification = np.asarray(
            (w.skills * skills + w.preparation * preparation) / (w.skills + w.preparation),
            dtype=np.float32,
        )
        if person.study_relevance is not None:
            qualification = np.minimum(qualification + w.study * person.study_relevance, 1.0)
        if person.past_occupations:
            held = np.zeros(n, np.float32)
            held[person.past_occupations] = 0.1
            qualification = np.minimum(qualification + held, 1.0)
        values = values_fit(person.values, m.values) if person.values is not None else None
        score = sweet_spot(passion, qualification, values, w.values)
        score = (score * level_factor(person.zone, m.job_zone)).astype(np.float32)
        candidates = m.matchable.copy()
        stretch = np.zeros(n, dtype=bool)
        if person.max_job_zone is not None:
            stretch = np.nan_to_num(m.job_zone, nan=0) > person.max_job_zone
        labels, p_cut, q_cut = quadrants(passion, qualification, candidates)
        return MatchScores(
            passion.astype(np.float32),
            qualification.astype(np.float32),
            values,
            score,
            labels,
            stretch,
            candidates,
            interest,
            text,
            skills,
            preparation,
            similarity,
            (p_cut, q_cut),
        )

    def explain(self, person: Person, scores: MatchScores, row: int) -> Explanation:
        m = self.m
        explanation = Explanation()
        if scores.phrase_similarity is not None:
            sims = scores.phrase_similarity[:, row]
            for j in np.argsort(-sims)[:3]:
                if sims[j] >= 0.25:
                    phrase = person.phrases[int(j)]
                    explanation.passions.append(
                        PassionLink(phrase.text, phrase.source, round(float(sims[j]), 3))
                    )
        if person.riasec is not None:
            mine = top_code(person.riasec)
            explanation.shared_interests = [a for a in m.riasec_codes[row] if a in mine]
        required = self._required[row]
        weights = self._weights[row]
        importance = self._importance[row]
        deficit = np.maximum(required - person.levels, 0.0)

        def gap(j: int) -> Gap:
            return Gap(
                m.descriptor_ids[j],
                m.descriptor_names[j],
                m.descriptor_kinds[j],
                round(float(required[j]), 2),
                round(float(person.levels[j]), 2),
                round(float(importance[j]), 2),
            )

        order = np.argsort(-(weights * deficit), kind="stable")
        explanation.gaps = [gap(int(j)) for j in order[:3] if deficit[j] > 0.05 and weights[j] > 0]
        met = (deficit <= 0.05) & (weights > 0.4)
        strength = np.where(met, weights * required, -1.0)
        explanation.matching_skills = [
            gap(int(j)) for j in np.argsort(-strength)[:3] if strength[j] > 0
        ]
        return explanation

    def results(
        self,
        person: Person,
        scores: MatchScores,
        *,
        top: int = 10,
        quadrant: str | None = None,
        include_stretch: bool = True,
    ) -> list[MatchResult]:
        if quadrant is not None and quadrant not in QUADRANTS:
            raise ValueError(f"unknown quadrant {quadrant!r}; use one of {', '.join(QUADRANTS)}")
        keep = scores.candidates.copy()
        if quadrant is not None:
            keep &= scores.quadrant == quadrant
        if not include_stretch:
            keep &= ~scores.stretch
        rows = np.flatnonzero(keep)
        if rows.size == 0:
            return []
        chosen = rows[np.argsort(-scores.score[rows], kind="stable")[:top]]
        out = []
        for row in chosen.tolist():
            zone = self.m.job_zone[row]
            out.append(
                MatchResult(
                    code=str(self.m.codes[row]),
                    title=self.m.titles[row],
                    score=round(float(scores.score[row]), 4),
                    passion=round(float(scores.passion[row]), 4),
                    qualification=round(float(scores.qualification[row]), 4),
                    values=None if scores.values is None else round(float(scores.values[row]), 4),
                    quadrant=str(scores.quadrant[row]),
                    stretch=bool(scores.stretch[row]),
                    job_zone=None if np.isnan(zone) else int(zone),
                    riasec_code=self.m.riasec_codes[row],
                    skills_estimated=bool(self.m.imputed[row]),
                    components={
                        "interest": round(float(scores.interest[row]), 4),
                        "text": round(float(scores.text[row]), 4),
                        "skills": round(float(scores.skills[row]), 4),
                        "preparation": round(float(scores.preparation[row]), 4),
                    },
                    explanation=self.explain(person, scores, row),
                )
            )
        return out


def riasec_letters(vector: F32) -> dict[str, float]:
    return {a: round(float(v), 3) for a, v in zip(AREAS, vector, strict=True)}
