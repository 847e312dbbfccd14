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
from passionpath.match._person import Person, build_person, readiness
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
#: "Assistant", "deputy" or "associate" before a manager's, director's or head's title.
_UNDER_A_MANAGER = re.compile(
    r"(?:assistant|asst\.?|deputy|associate)\s+(?=(?:\w+\s+)*(?:manager|director|head)\b)",
    re.IGNORECASE,
)
#: Roles that do not show someone can do the occupation their title names.
_NOT_EVIDENCE = re.compile(r"\b(intern|internship|trainee|student|volunteer|apprentice)\b", re.I)


def _past_occupations(
    document: ProfileDocument, matrices: CatalogMatrices, ctx: Context
) -> list[int]:
    """Rows of occupations the person has held, found by their job titles.

    A title with several roles ("Class Teacher and Maths Lead", "Owner, roofer") is read
    role by role. A role only counts when the matched occupation title shares at least half
    of its words, so "Marketing intern" does not become a medical intern, and when the
    role's words also describe the occupation's work (it is among the explore index's
    first HELD_AGREES for them), so "Care Assistant" is not an animal caretaker. Every
    occupation tied for the best match counts: O*NET lists some titles ("UX Designer")
    under several.
    """
    from passionpath.catalog import title_index, tokenize

    index = title_index(ctx)  # only codes and matched titles are needed: no detail queries

    def named_by(role: str) -> list[int]:
        under = _UNDER_A_MANAGER.match(role)
        if under:
            # An assistant store manager runs the floor under the store manager: of the
            # occupations the manager's title names, the one at the lowest job zone (a
            # first-line supervisor, not General and Operations Managers).
            rows = named_by(role[under.end() :])
            zones = np.nan_to_num(matrices.job_zone[rows], nan=6.0)
            return [row for row, zone in zip(rows, zones, strict=True) if zone == zones.min()]
        hits = index.search(role, 5)
        words = [w for w in tokenize(role) if w not in _RANK_WORDS]
        wanted = set(words)
        rows = []
        for hit in hits:
            if hit.score < hits[0].score or hit.code not in matrices.index:
                continue
            matched = set(tokenize(hit.matched_title))
            shared = wanted & matched
            # The job is the title's last word ("Transport planner" is a planner, not a
            # patient transporter): the matched title must name it.
            if wanted and len(shared) / len(wanted) >= 0.5 and words[-1] in matched:
                rows.append(matrices.index[hit.code])
        return rows

    found: dict[str, list[int]] = {}
    for title in _job_titles(document):
        if _NO_ROLE.fullmatch(title):
            continue
        # The whole title first ("Health and Safety Officer"), its roles only if it names
        # nothing ("Class Teacher and Maths Lead").
        if rows := named_by(title):
            found[title] = rows
            continue
        for role in _ROLE_SPLIT.split(title):
            role = role.strip()
            # A bare acronym beside a role ("Dispatcher II / CTO") is a local post name,
            # not a job of its own: a training officer is no chief technology officer.
            acronym = role.isupper() and len(role) <= 5
            if role and not acronym and not _NO_ROLE.fullmatch(role) and role not in found:
                found[role] = named_by(role)
    if found and matrices.text_index is not None:
        from passionpath.match._lexical import terms
        from passionpath.text import embed_cached, get_embedder

        named = list(found)
        vectors = embed_cached(named, ctx.engine, embedder=get_embedder(ctx.settings.text_model))
        scores = matrices.text_index.scores(vectors[0], named)
        for role, row_scores in zip(named, scores, strict=True):
            order = np.argsort(-row_scores, kind="stable")
            near = set(order[:HELD_AGREES].tolist())
            found[role] = [row for row in found[role] if row in near]
            best = int(order[0])
            # No title names it ("Care Assistant"): the work its words describe best,
            # when that clearly stands out and is the same kind of job (by stem).
            last = terms(role)[-1:]
            if (
                not found[role]
                and row_scores[best] >= HELD_BY_WORDS
                and set(last) <= set(terms(matrices.titles[best]))
                and last
            ):
                found[role] = [best]
    return sorted({row for rows in found.values() for row in rows})


def _job_titles(document: ProfileDocument) -> list[str]:
    """The person's job titles, latest first, without asides in brackets."""
    out = []
    for job in document.work or []:
        title = re.sub(r"\(.*?\)", " ", job.position or "").strip()
        if title and not _NOT_EVIDENCE.search(title) and title not in out:
            out.append(title)
    return out


def _names_job(aversion: str, title: str) -> bool:
    """True when a short aversion names the work of one of the title's roles, its last word
    (by stem: "driving" and "driver" alike): "Driving" from an HGV Class 1 Driver,
    "Operational firefighting" from a Firefighter / Crew Commander. Not "Weddings" from a
    wedding and portrait photographer (who still loves photography), nor "Shift work" or
    "visual-only design"."""
    from passionpath.match._lexical import terms

    said = [t for t in terms(aversion) if t not in _GENERIC_WORK]
    if not said or len(said) > 3 or _A_SIDE_OF_IT.search(aversion):
        return False
    heads = []
    for role in _roles(title):
        words = [t for t in terms(role) if t not in _GENERIC_WORK]
        if words:
            heads.append(words[-1])

    def same(a: str, b: str) -> bool:
        return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))

    return any(same(t, head) for t in said for head in heads)


def _roles(title: str) -> list[str]:
    """The roles a job title joins: "Firefighter / Crew Commander", "Class Teacher and Maths
    Lead"; but "Health and Safety Officer" and "wedding and portrait photographer" are one."""
    out = []
    for part in re.split(rf"\s*(?:{_SEPARATORS})\s*", title):
        pieces = re.split(r"\s+and\s+", part.strip(), flags=re.IGNORECASE)
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            out += pieces
        elif part.strip():
            out.append(part.strip())
    return out


#: Words of an aversion or a title that name no line of work by themselves.
_GENERIC_WORK = frozenset(
    "work job role shift night nights week day hour senior junior lead head chief assist "
    "staff team crew owner self employ full part time".split()
)
#: An aversion about one side of the work ("visual-only design", "just admin").
_A_SIDE_OF_IT = re.compile(r"-only\b|\b(?:only|just|purely|mostly|all)\b", re.IGNORECASE)
#: An aversion that only points back ("done with it").
_PRONOUN = re.compile(
    r"(?:it|that|this|all (?:of )?(?:it|that|this)|the lot|(?:the|my) job)", re.IGNORECASE
)


#: A held job's title match must also be among the explore index's first this many
#: occupations for the title's words.
HELD_AGREES = 15
#: Below this standardised explore score, a role's words name no occupation by themselves.
HELD_BY_WORDS = 3.5
#: Roles that say nothing of the work on their own ("Owner, roofer" is a roofer).
_NO_ROLE = re.compile(
    r"(?:owner|co-?owner|founder|co-?founder|proprietor|partner|self[- ]employed|freelancer?|"
    r"director|contractor)",
    re.IGNORECASE,
)
#: Where a job title joins several roles: commas, slashes, ampersands, dashes; and, when
#: the whole title names nothing, "and".
_SEPARATORS = r",|/|&|\+|\||\s[-\u2013]\s"
_ROLE_SPLIT = re.compile(rf"\s*(?:{_SEPARATORS}|\band\b)\s*", re.IGNORECASE)


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
    from passionpath.match._person import (
        context_texts,
        profile_interests,
        split_phrases,
        study_texts,
        work_phrases,
    )
    from passionpath.match._scoring import study_fit
    from passionpath.match._senses import sense_hints
    from passionpath.text import embed_cached, get_embedder, interest_model

    block = document.passionpath
    own_words = " ".join(block.reflections.model_dump().values()) if block else ""
    embedder = get_embedder(ctx.settings.text_model)

    def stored(texts: list[str]) -> np.ndarray:
        # Vectors seen before come from the database: a profile matched again runs no model.
        return embed_cached(texts, ctx.engine, embedder=embedder)[0]

    phrases, set_against, stated = split_phrases(document)
    worked = work_phrases(document)
    if not phrases and not own_words.strip() and profile_interests(document, None) is None:
        # Nothing said yet about what they love (a resume just imported): what they have
        # done stands in for the text fit.
        phrases = worked
    # Read in the sense the person's jobs and summary give their words (shown as written).
    written = [p.text for p in phrases]
    senses = sense_hints(written, context_texts(document))
    texts = [f"{t} ({h})" if h else t for t, h in zip(written, senses, strict=True)]
    if own_words.strip() and any(senses):
        own_words += ". " + ". ".join(dict.fromkeys(h for h in senses if h))
    inferred = None
    if own_words.strip() or worked:
        # Interests are read from the person's own words and from the work they have done
        # for years (a groundworks foreman who "teaches the young lads" is no social
        # worker). The model directly: a profile's own words are warned about, never
        # refused.
        sides = [t for t in (own_words, ". ".join(p.text for p in worked)) if t.strip()]
        found = [
            np.asarray([r.scores[a] for a in AREAS], dtype=np.float32)
            for r in interest_model(ctx).infer_many(sides, embed=stored)
        ]
        inferred = found[0]
        if len(found) == 2:
            inferred = WORDS_SHARE * found[0] + (1.0 - WORDS_SHARE) * found[1]
    studied = study_texts(document)
    _, said = summary_intents(document.basics.summary if document.basics else None)
    titles = _job_titles(document)
    # "Done with it", after a sentence about the job, is about the job.
    said = [titles[0] if _PRONOUN.fullmatch(t) and titles else t for t in said]
    aversions = said + set_against
    if document.passionpath is not None:
        aversions += [
            t.strip() for t in document.passionpath.preferences.does_not_want if t.strip()
        ]
    flags = [i < len(said) or text in stated for i, text in enumerate(aversions)]
    # An aversion that names a job the person holds ("Driving" from an HGV driver, "not
    # operational firefighting" from a watch commander) says they are leaving it: the
    # job's own title joins what they said they are leaving.
    for title in titles:
        naming = [i for i, t in enumerate(aversions) if _names_job(t, title)]
        for i in naming:
            flags[i] = True
        if naming and title not in aversions:
            aversions.append(title)
            flags.append(True)
    if not matrices.text_index:
        aversions, flags = [], []
    stated_rows = np.asarray(flags, dtype=bool)
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


#: The share of the interests read from text that comes from the person's own words; the
#: rest comes from their work history. (0.5, 0.7 and 1 were tried on the tune halves.)
WORDS_SHARE = 0.7
#: Said with a list read from the work history alone (a resume, no word of passion yet).
WORK_ONLY = (
    "Nothing in this profile says yet what you love doing, so these careers follow your "
    "work history. Add your own words (what makes you lose track of time, what you would "
    "do unpaid) or take the interest inventory to find where passion and qualification meet."
)
#: Said instead of a list when the profile gives nothing to rank by.
NOTHING_TO_RANK = (
    "Nothing to rank yet: this profile has no word of what you love, no interest inventory "
    "and no work history. Add your own words, the inventory, or the jobs you have held."
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
    warnings = _warnings(document, ctx)
    ready = readiness(document)
    if ready.from_work_only:
        warnings.append(WORK_ONLY)
    elif not ready.can_rank:
        # Every passion fit is zero: an order from preparation alone would put work the
        # person never asked for first (the catalog's first code, Chief Executives).
        results, stretch = [], []
        warnings.append(NOTHING_TO_RANK)
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
        warnings=warnings,
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
