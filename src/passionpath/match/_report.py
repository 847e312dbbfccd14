"""The matching front door: a profile in, ranked and explained careers out."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from sqlalchemy import Engine

from passionpath.cache import digest
from passionpath.match._congruence import AREAS
from passionpath.match._engine import MatchEngine, MatchResult, MatchScores, Weights, riasec_letters
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._person import Person, build_person
from passionpath.profile import ProfileDocument

if TYPE_CHECKING:
    from passionpath.context import Context


@dataclass
class MatchReport:
    profile: str
    riasec: dict[str, float] | None
    interest_code: str | None
    zone: int
    thresholds: dict[str, float]
    results: list[MatchResult]
    attribution: str
    notice: str | None = None
    scores: MatchScores | None = field(default=None, repr=False)
    #: Plain-language cautions about the profile itself (e.g. text not in English).
    warnings: list[str] = field(default_factory=list)
    #: Strong passion careers not yet in reach, each with what reaching it takes.
    worth_the_stretch: list[MatchResult] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "profile": self.profile,
            "riasec": self.riasec,
            "interest_code": self.interest_code,
            "attained_job_zone": self.zone,
            "thresholds": self.thresholds,
            "results": [r.as_dict() for r in self.results],
            "worth_the_stretch": [r.as_dict() for r in self.worth_the_stretch],
            "attribution": self.attribution,
            "notice": self.notice,
            "warnings": self.warnings,
        }


#: Words about rank, not about the work, in a job title.
_RANK_WORDS = frozenset("senior sr junior jr lead principal staff i ii iii iv 1 2 3 4".split())
#: Roles that do not show someone can do the occupation their title names.
_NOT_EVIDENCE = re.compile(r"\b(intern|internship|trainee|student|volunteer|apprentice)\b", re.I)


def _past_occupations(
    document: ProfileDocument, matrices: CatalogMatrices, ctx: Context
) -> list[int]:
    """Rows of occupations the person has held, found by their job titles.

    A title only counts when the matched occupation title shares at least half of its
    words, so "Marketing intern" does not become a medical intern. Every occupation tied
    for the best match counts: O*NET lists some titles ("UX Designer") under several.
    """
    from passionpath.catalog import title_index, tokenize

    index = title_index(ctx)  # only codes and matched titles are needed: no detail queries
    rows = []
    for job in document.work or []:
        title = re.sub(r"\(.*?\)", " ", job.position or "").strip()
        if not title or _NOT_EVIDENCE.search(title):
            continue
        hits = index.search(title, 5)
        words = [w for w in tokenize(title) if w not in _RANK_WORDS]
        wanted = set(words)
        for hit in hits:
            if hit.score < hits[0].score or hit.code not in matrices.index:
                continue
            matched = set(tokenize(hit.matched_title))
            shared = wanted & matched
            # The job is the title's last word ("Transport planner" is a planner, not a
            # patient transporter): the matched title must name it.
            if wanted and len(shared) / len(wanted) >= 0.5 and words[-1] in matched:
                rows.append(matrices.index[hit.code])
    return sorted(set(rows))


def suggested_levels(document: ProfileDocument, ctx: Context) -> dict[str, tuple[float, str]]:
    """Skill and knowledge levels the jobs a person has held suggest, for them to confirm:
    element id -> (80% of the level the best-matching held occupation needs, its title).
    Only descriptors a held job needs at level 1 or more; empty when no job title is
    recognised."""
    matrices = load_matrices(ctx)
    held = _past_occupations(document, matrices, ctx)
    if not held:
        return {}
    levels = 0.8 * np.nan_to_num(matrices.level[held], nan=0.0)
    best = levels.argmax(axis=0)
    out = {}
    for j, element in enumerate(matrices.descriptor_ids):
        level = float(levels[best[j], j])
        if level >= 1.0:
            out[element] = (round(level, 2), matrices.titles[held[int(best[j])]])
    return out


def prepare_person(document: ProfileDocument, matrices: CatalogMatrices, ctx: Context) -> Person:
    """Everything slow about a person (text inference, embeddings) done once."""
    from passionpath.match._intent import summary_intents
    from passionpath.match._person import split_phrases, study_texts
    from passionpath.match._scoring import study_fit
    from passionpath.text import embed_cached, get_embedder, interest_model

    block = document.passionpath
    own_words = " ".join(block.reflections.model_dump().values()) if block else ""
    embedder = get_embedder(ctx.settings.text_model)

    def stored(texts: list[str]) -> np.ndarray:
        # Vectors seen before come from the database: a profile matched again runs no model.
        return embed_cached(texts, ctx.engine, embedder=embedder)[0]

    inferred = None
    if own_words.strip():
        # The model directly: a profile's own words are warned about, never refused.
        [result] = interest_model(ctx).infer_many([own_words], embed=stored)
        inferred = np.asarray([result.scores[a] for a in AREAS], dtype=np.float32)
    phrases, set_against, stated = split_phrases(document)
    texts = [p.text for p in phrases]
    studied = study_texts(document)
    _, said = summary_intents(document.basics.summary if document.basics else None)
    aversions = said + set_against
    if document.passionpath is not None:
        aversions += [
            t.strip() for t in document.passionpath.preferences.does_not_want if t.strip()
        ]
    if not matrices.text_index:
        aversions = []
    stated_rows = np.asarray(
        [i < len(said) or text in stated for i, text in enumerate(aversions)], dtype=bool
    )
    vectors = scores = relevance = aversion_scores = None
    if texts or studied or aversions:
        # One embedding pass (and one cache lookup) for passion phrases, studies and
        # aversions alike.
        embedded = stored(texts + studied + aversions)
        if texts:
            vectors = embedded[: len(texts)]
            if matrices.text_index is not None:
                scores = matrices.text_index.scores(vectors, texts)
        if studied:
            kinds = [matrices.title_vectors, matrices.description_vectors]
            relevance = study_fit(embedded[len(texts) : len(texts) + len(studied)], kinds)
        if aversions and matrices.text_index is not None:
            aversion_scores = matrices.text_index.scores(
                embedded[len(texts) + len(studied) :], aversions
            )
    return build_person(
        document,
        matrices,
        inferred_riasec=inferred,
        phrases=phrases,
        phrase_vectors=vectors,
        phrase_scores=scores,
        aversion_scores=aversion_scores,
        aversion_stated=stated_rows if aversion_scores is not None else None,
        study_relevance=relevance,
        past_occupations=_past_occupations(document, matrices, ctx),
    )


def _cached_person(document: ProfileDocument, matrices: CatalogMatrices, ctx: Context) -> Person:
    """Prepared people, remembered by the content of their document: text inference and
    embedding cost ~100 ms, matching ~3 ms, and a profile is matched far more often than
    it changes. Release and model complete the key, so any context may share them."""
    content = json.dumps(document.to_json_dict(), sort_keys=True, ensure_ascii=False)
    key = (digest(content), matrices.release_sha, matrices.model_id)
    return ctx.shared.get_or_make(
        "people", key, lambda: prepare_person(document, matrices, ctx), limit=512
    )


def _warnings(document: ProfileDocument, ctx: Context) -> list[str]:
    """The language warnings for a profile's own words, remembered by those words (checking
    them costs more than a warm match)."""
    from passionpath.text import language_warnings

    texts = tuple(document.passion_texts())
    found: list[str] = ctx.shared.get_or_make(
        "language-warnings", texts, lambda: language_warnings(list(texts)), limit=512
    )
    return list(found)


def _matcher(matrices: CatalogMatrices, weights: Weights, ctx: Context) -> MatchEngine:
    key = (matrices.release_sha, matrices.model_id, weights)
    return ctx.shared.get_or_make("match-engines", key, lambda: MatchEngine(matrices, weights), 2)


def match(
    profile: ProfileDocument | str | Path,
    ctx: Context,
    *,
    top: int = 10,
    quadrant: str | None = None,
    include_stretch: bool = True,
    weights: Weights | None = None,
) -> MatchReport:
    """Rank every occupation for a profile (a document, a JSON file, or a stored profile slug)."""
    from passionpath.catalog import release_attribution
    from passionpath.match._congruence import top_code

    name, document = resolve_profile(profile, ctx.engine)
    matrices = load_matrices(ctx)
    person = _cached_person(document, matrices, ctx)
    matcher = _matcher(matrices, weights or Weights.from_settings(ctx.settings), ctx)
    scores = matcher.score(person)
    results = matcher.results(
        person, scores, top=top, quadrant=quadrant, include_stretch=include_stretch
    )
    stretch = matcher.worth_the_stretch(person, scores, results) if quadrant is None else []
    attribution, notice = release_attribution(ctx.engine)
    return MatchReport(
        profile=name,
        riasec=riasec_letters(person.riasec) if person.riasec is not None else None,
        interest_code=top_code(person.riasec) if person.riasec is not None else None,
        zone=person.zone,
        thresholds={
            "passion": round(scores.thresholds[0], 4),
            "qualification": round(scores.thresholds[1], 4),
        },
        results=results,
        attribution=attribution,
        notice=notice,
        scores=scores,
        warnings=_warnings(document, ctx),
        worth_the_stretch=stretch,
    )


def resolve_profile(
    profile: ProfileDocument | str | Path, engine: Engine
) -> tuple[str, ProfileDocument]:
    """The display name and document of a profile given as a document, a JSON Resume or
    LinkedIn file, or a stored profile's slug."""
    from passionpath.profile import resolve

    if isinstance(profile, ProfileDocument):
        return profile.display_name, profile
    found = resolve(profile, engine)
    return found.name, found.document


def fit_for(
    profile: ProfileDocument | str | Path,
    codes: Sequence[str],
    ctx: Context,
    *,
    weights: Weights | None = None,
) -> list[MatchResult]:
    """The person's fit for each of ``codes``, in that order, scored and explained as
    ``match`` would (passion, qualification, quadrant, top gaps)."""
    from passionpath.match._transitions import occupation_row

    _, document = resolve_profile(profile, ctx.engine)
    matrices = load_matrices(ctx)
    rows = [occupation_row(matrices, code) for code in codes]
    person = _cached_person(document, matrices, ctx)
    matcher = _matcher(matrices, weights or Weights.from_settings(ctx.settings), ctx)
    scores = matcher.score(person)
    return [matcher.result_for(person, scores, row) for row in rows]


def interest_profile(
    profile: ProfileDocument | str | Path, ctx: Context
) -> dict[str, float] | None:
    """The person's six interest scores (0-1, by RIASEC letter) as matching uses them: the
    inventory, averaged with what their own words suggest; None when there is neither."""
    _, document = resolve_profile(profile, ctx.engine)
    person = _cached_person(document, load_matrices(ctx), ctx)
    return riasec_letters(person.riasec) if person.riasec is not None else None
