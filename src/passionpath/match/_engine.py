"""The matching engine: one person against every occupation, with explanations."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from passionpath.match._congruence import AREAS, congruence, top_code
from passionpath.match._matrices import CatalogMatrices
from passionpath.match._person import Person, phrase_weights
from passionpath.match._scoring import (
    QUADRANTS,
    Z_SCALE,
    above_factor,
    aversion_factor,
    education_gate,
    field_neighbours,
    importance_weights,
    interest_gate,
    level_factor,
    phrase_similarity,
    preparation_fit,
    quadrants,
    relative_to_best,
    resemblance_gate,
    skill_fit_weighted,
    step_back_factor,
    sweet_spot,
    tail_key,
    text_fit,
    values_fit,
)
from passionpath.match._senses import person_veto, sense_masks

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
class SimilarCareer:
    """An occupation folded under a result because it is a close sibling of it."""

    code: str
    title: str
    score: float


#: What each job zone usually asks of a newcomer (after O*NET's job zone definitions),
#: and the years of preparation it typically adds up to from no training at all.
ZONE_PREPARATION = {
    1: "little preparation: a few days to a few months of training on the job",
    2: "some preparation: a high-school diploma and up to a year of training or experience",
    3: "medium preparation: vocational training, an apprenticeship or an associate degree",
    4: "considerable preparation: usually a bachelor's degree, or equivalent work and portfolio",
    5: "extensive preparation: usually a graduate degree beyond a bachelor's",
}
_ZONE_YEARS = {1: 0.0, 2: 0.5, 3: 2.0, 4: 4.0, 5: 6.5}


@dataclass
class WhatItTakes:
    """The road to a "worth the stretch" career: preparation, time and the main gaps."""

    from_zone: int
    to_zone: int
    preparation: str
    #: A rough count of years of study or training: the difference between what the two
    #: zones usually take (at least a quarter year when only skills are missing).
    years: float
    skills_to_gain: list[str]


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
    #: Siblings ranked lower and shown under this entry (same SOC broad group, or a third
    #: entry of the same minor group), best first.
    similar: list[SimilarCareer] = field(default_factory=list)
    #: Only on "worth the stretch" entries: what reaching the career takes.
    what_it_takes: WhatItTakes | None = None

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
    #: Occupations the person's words give no evidence for, read for word sense (_senses).
    sense_veto: NDArray[np.bool_] | None = None
    #: Work below the person's level (far below their preparation, or a step back in the
    #: field of a job they held): a step down, never a "passion stretch".
    below_level: NDArray[np.bool_] | None = None
    #: (phrases, occupations): the explore evidence the text fit counted, stretched to each
    #: phrase's best occupation and believed as far as the phrase resembles the work.
    evidence: F32 | None = None
    #: The jobs the person has held and their own lines of work (``field_neighbours``):
    #: among careers without real passion, the experience they have is listed first.
    own_field: NDArray[np.bool_] | None = None


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
        self._senses = sense_masks([str(c) for c in matrices.codes])
        #: Each occupation's SOC minor group (51-10), for a held job's own line of work.
        self._minor = np.asarray([str(c)[:4] for c in matrices.codes])

    def score(self, person: Person) -> MatchScores:
        m, w = self.m, self.weights
        n = m.codes.size
        interest = np.zeros(n, np.float32)
        if person.riasec is not None:
            interest = congruence(
                person.riasec, self._interests, m.riasec_codes, w.congruence
            ).astype(np.float32)
        similarity = evidence = None
        text = np.zeros(n, np.float32)
        if person.phrase_vectors is not None and len(person.phrase_vectors):
            similarity = phrase_similarity(person.phrase_vectors, self._kinds)
            # Standardised explore scores rank occupations for free text better than raw
            # cosines (eval_explore.py); cosines stay for the explanation's figures.
            if person.phrase_scores is not None:
                weights = phrase_weights(person.phrases)[:, None]
                evidence = relative_to_best(person.phrase_scores) * resemblance_gate(similarity)
                text = text_fit(evidence * weights, Z_SCALE)
            else:
                text = text_fit(similarity)
        if person.riasec is not None:
            text = text * interest_gate(interest)
        veto = None
        if similarity is not None:
            veto = person_veto([*(p.text for p in person.phrases), *person.context], self._senses)
            text = np.where(veto, np.float32(0), text).astype(np.float32)
        parts = [
            (w.interest, interest, person.riasec is not None),
            (w.text, text, similarity is not None),
        ]
        used = sum(weight for weight, _, ok in parts if ok)
        passion = np.zeros(n, np.float32)
        for weight, value, ok in parts:
            if ok:
                passion += np.float32(weight / used) * value
        past = person.past_occupations
        # Each held job's own line of work, for leaving it and for stepping back in it.
        field = field_neighbours(past, m.description_vectors) if past and n > 1 else None
        # How clearly any aversion names each occupation (stretched explore scores).
        averse = None
        if person.aversion_scores is not None and len(person.aversion_scores):
            averse = relative_to_best(person.aversion_scores)
            passion *= aversion_factor(averse, past, field, person.aversion_stated)
        named = None if averse is None else averse.max(axis=0)
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
        # Preparation cuts both ways: work far below the person is a poor fit, so it lowers
        # the qualification fit itself (and with it the quadrant), not only the score.
        lower_ok = person.lower_levels_ok
        levels = level_factor(person.zone, m.job_zone, lower_levels_ok=lower_ok)
        # Work the person has done is at their level, whatever their schooling says.
        levels[person.past_occupations] = 1.0
        # A step down ranks last: work far below the person (STEP_DOWN_AT), work somewhat
        # below them that they do not clearly ask for (passion under STEP_DOWN_UNLESS), or
        # a step back in the field of a job they held. A car-plant team leader who lives
        # for his vegetable garden is asking for nursery work; a marketing returner who
        # cares about children's literacy is not asking to be a childminder.
        down = (levels <= STEP_DOWN_AT) | ((levels < 1.0) & (passion < STEP_DOWN_UNLESS))
        if not lower_ok:
            back = step_back_factor(past, m.description_vectors, m.job_zone, near=field)
            levels *= back
            down |= back < 1.0
            if past and named is not None:
                # A held job the person says they do not want ("Commercial fishing" from a
                # skipper who tied up his boat) is a step back: it ranks last.
                held_rows = np.asarray(past)
                down[held_rows[named[held_rows] >= AVERSION_NAMES]] = True
        qualification = qualification * levels * above_factor(person.zone, m.job_zone)
        qualification *= education_gate(person.education, m.education)
        values = values_fit(person.values, m.values) if person.values is not None else None
        score = sweet_spot(passion, qualification, values, w.values)
        candidates = m.matchable.copy()
        stretch = np.zeros(n, dtype=bool)
        if person.max_job_zone is not None:
            stretch = np.nan_to_num(m.job_zone, nan=0) > person.max_job_zone
        labels, p_cut, q_cut = quadrants(passion, qualification, candidates)
        own_field = None
        if field is not None:
            # Neighbours by description in the held job's SOC minor group (51-10,
            # production supervisors): close by words alone is not the same work.
            own_field = np.zeros(n, dtype=bool)
            same = self._minor[field] == self._minor[np.asarray(past)][:, None]
            own_field[field[same]] = True
            own_field[past] = True
            own_field &= passion >= OWN_FIELD_PASSION
            if named is not None:
                # Work they say they do not want is not experience to build on.
                own_field &= named < AVERSION_NAMES
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
            veto,
            down,
            evidence,
            own_field,
        )

    def _supporting_phrases(self, person: Person, scores: MatchScores, row: int) -> list[int]:
        """The person's phrases that really point at occupation ``row``, strongest first.

        A phrase is quoted only when it stands out for this occupation among all
        occupations (its standardised explore score), not merely shares words with it, and
        never where the person's interests veto the text evidence.
        """
        if scores.phrase_similarity is None:
            return []
        sims = scores.phrase_similarity[:, row]
        if person.riasec is not None and interest_gate(scores.interest[row : row + 1])[0] < 0.5:
            return []
        if scores.sense_veto is not None and scores.sense_veto[row]:
            return []
        strong = sims >= QUOTE_COSINE
        if scores.evidence is not None:
            strong &= scores.evidence[:, row] >= QUOTE_Z  # what the fit itself counted
        return [int(j) for j in np.argsort(-sims)[:3] if strong[j]]

    def explain(self, person: Person, scores: MatchScores, row: int) -> Explanation:
        m = self.m
        explanation = Explanation()
        if scores.phrase_similarity is not None:
            sims = scores.phrase_similarity[:, row]
            for j in self._supporting_phrases(person, scores, row):
                phrase = person.phrases[j]
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
        fold: bool = True,
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
        # Sweet spot first, then careers with real passion, then the rest, each by score:
        # high qualification must not carry work the person shows no interest in, and work
        # below the person's level is a step down, not a passion to reach for.
        down = np.zeros(rows.size, dtype=bool)
        if scores.below_level is not None:
            down = scores.below_level[rows]
        # Work beyond the preparation the person said they would take on comes after all
        # work within it: they asked not to be sent back to school.
        beyond = scores.stretch[rows] & ~down
        at_level = ~down & ~beyond
        sweet = (scores.quadrant[rows] == QUADRANTS[0]) & at_level
        keen = (scores.passion[rows] >= PASSION_FLOOR) & at_level
        # Without real passion, the person's own experience comes first: a warehouse
        # supervisor who restores furniture is shown warehouse management before janitor
        # work. Step downs come last of all: a nurse is shown the rest of the catalog at
        # her level before nursing assistant work.
        own = np.zeros_like(at_level) if scores.own_field is None else scores.own_field[rows]
        own &= at_level
        tier = np.select([sweet, keen, own, at_level, beyond], [0, 1, 2, 3, 4], default=5)
        tail = tail_key(scores.passion[rows], scores.qualification[rows])
        key = np.where(tier >= 2, tail, scores.score[rows]).astype(np.float32)
        ranked = rows[np.lexsort((-key, tier))]
        if fold:
            entries = fold_siblings(self.m.codes, ranked, scores.score, top)
            if scores.below_level is not None:
                # A step down is folded away with its group, not offered under it.
                below = scores.below_level
                entries = [(row, [j for j in sib if not below[j]]) for row, sib in entries]
        else:
            entries = [(int(row), []) for row in ranked[:top]]
        return [self._result(person, scores, row, siblings) for row, siblings in entries]

    def result_for(self, person: Person, scores: MatchScores, row: int) -> MatchResult:
        """Occupation ``row``'s result, wherever it ranks (a comparison asks for it)."""
        return self._result(person, scores, row, [])

    def _result(
        self, person: Person, scores: MatchScores, row: int, siblings: list[int]
    ) -> MatchResult:
        zone = self.m.job_zone[row]
        return MatchResult(
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
            similar=[
                SimilarCareer(
                    str(self.m.codes[j]), self.m.titles[j], round(float(scores.score[j]), 4)
                )
                for j in siblings
            ],
        )

    def worth_the_stretch(
        self, person: Person, scores: MatchScores, shown: list[MatchResult], *, top: int = 5
    ) -> list[MatchResult]:
        """The strongest passion careers the person is not yet qualified for but could
        reach: high passion, qualification below the sweet spot, at most MAX_CLIMB job
        zones above the person, not already shown; ranked by passion, then by how much of
        the way the person already is. Each carries what reaching it takes."""
        m = self.m
        p_cut, q_cut = scores.thresholds
        zones = np.nan_to_num(m.job_zone, nan=person.zone)
        keep = (
            scores.candidates
            & (scores.passion >= p_cut)
            & (scores.qualification < q_cut)
            & (zones - person.zone <= MAX_CLIMB)
        )
        if scores.below_level is not None:
            keep &= ~scores.below_level  # a step down is not a stretch
        for result in shown:
            for code in [result.code, *(s.code for s in result.similar)]:
                keep[m.index[code]] = False
        rows = np.flatnonzero(keep)
        if rows.size == 0:
            return []
        reach = scores.passion * (0.5 + 0.5 * scores.qualification)
        ranked = rows[np.argsort(-reach[rows], kind="stable")]
        out = []
        for row, siblings in fold_siblings(m.codes, ranked, reach, top):
            result = self._result(person, scores, row, siblings)
            to_zone = int(zones[row])
            years = max(_ZONE_YEARS[min(to_zone, 5)] - _ZONE_YEARS[min(person.zone, 5)], 0.25)
            result.what_it_takes = WhatItTakes(
                from_zone=person.zone,
                to_zone=to_zone,
                preparation=ZONE_PREPARATION[min(to_zone, 5)]
                if to_zone > person.zone
                else "no more schooling than you have, only the skills below",
                years=years,
                skills_to_gain=[g.name for g in result.explanation.gaps],
            )
            out.append(result)
        return out


#: "Worth the stretch" careers sit at most this many job zones above the person.
MAX_CLIMB = 2
#: Below this passion fit a career is listed after every career the person cares about.
PASSION_FLOOR = 0.4
#: From this stretched aversion score (``relative_to_best``) an aversion names an
#: occupation: a held job it names ranks last, and it is no experience to build on.
AVERSION_NAMES = 2.5
#: Among careers below PASSION_FLOOR, the person's own lines of work come first from this
#: passion fit on (below it, nothing they said or showed points there at all).
OWN_FIELD_PASSION = 0.1
#: A level factor at or below this (two zones beyond the first under the person) is always a
#: step down; above it, below 1, only without passion of at least STEP_DOWN_UNLESS. (Chosen
#: on the tune halves: every factor below 1 a step down, as before, cost three tune2
#: personas their second good career; 0.7 without the passion condition let childcare in
#: for a marketing returner.)
STEP_DOWN_AT = 0.4 + 1e-6
STEP_DOWN_UNLESS = 0.75
#: A phrase is quoted for an occupation from this cosine and this standardised explore
#: score on (about two standard deviations above its average occupation).
QUOTE_COSINE = 0.25
QUOTE_Z = 2.0
#: How many entries of one SOC minor group (e.g. 25-20, school teachers) a list shows
#: before further ones fold under the first.
PER_MINOR_GROUP = 2
#: A folded sibling is shown under its entry only when it scores at least this share of it.
SIMILAR_WITHIN = 0.75


def fold_siblings(
    codes: NDArray[np.str_], ranked: NDArray[np.int64], score: F32, top: int
) -> list[tuple[int, list[int]]]:
    """The first ``top`` entries of ``ranked`` (rows, best first), each with the lower
    rows folded under it: those of the same SOC broad group (the first six characters of
    the code, e.g. 25-202), and any entry beyond PER_MINOR_GROUP from one minor group (the
    first five), so that ten entries show ten directions rather than ten variants.
    Siblings scoring below SIMILAR_WITHIN of their entry are not shown under it (a head
    chef's "Cooks, Restaurant" should not list fast-food cooks); they drop out of the list.
    A plain loop over the ranking: it runs once per list shown, after all scoring."""
    entries: list[tuple[int, list[int]]] = []
    by_broad: dict[str, int] = {}
    by_minor: dict[str, list[int]] = {}
    for row in ranked.tolist():
        code = str(codes[row])
        broad, minor = code[:6], code[:5]
        firsts = by_minor.setdefault(minor, [])
        if broad not in by_broad and len(firsts) >= PER_MINOR_GROUP:
            by_broad[broad] = firsts[0]  # a third direction of a minor group joins its first
        if broad in by_broad:
            lead, siblings = entries[by_broad[broad]]
            if score[row] >= SIMILAR_WITHIN * score[lead]:
                siblings.append(row)
            continue
        if len(entries) == top:
            continue  # the list is full; later rows may still fold under its entries
        by_broad[broad] = len(entries)
        firsts.append(len(entries))
        entries.append((row, []))
    return entries


def riasec_letters(vector: F32) -> dict[str, float]:
    return {a: round(float(v), 3) for a, v in zip(AREAS, vector, strict=True)}
