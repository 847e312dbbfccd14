"""The one-profile engine's scores for a whole population at once, as array operations.

``MatchEngine.score`` works on one ``Person``; here every input is an array with one row per
person, and every step is a pass over a (people x occupations) block, so no Python runs per
person. It is the same arithmetic for the parts of a profile a population record carries
(interest scores, rated skills and knowledge, education and years of work, work values,
phrases about what the person loves and wants to leave behind, job-zone constraints):

* unrated descriptors take the engine's prior for the person's job zone, so the skill
  shortfall is a per-zone table plus a correction for each rated descriptor (exact, and
  cheap because people rate few descriptors);
* phrase evidence is computed once per distinct phrase (``phrase_rows``) and gathered per
  person, then averaged over each person's best half of phrases as the engine does;
* preparation and the "below your level" factor depend on a person only through job zone,
  education and one flag, so they are looked up from tables the engine's functions fill.

The ranking is the engine's ``results(..., fold=False)``: sweet spot first, then careers with
passion fit at least ``PASSION_FLOOR`` (both by score), then the rest at the person's level,
then work beyond a job-zone ceiling they set, then step downs (those by ``tail_key``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from passionpath.match._engine import PASSION_FLOOR, STEP_DOWN_AT, STEP_DOWN_UNLESS, Weights
from passionpath.match._matrices import CatalogMatrices
from passionpath.match._person import prior_levels
from passionpath.match._scoring import (
    AVERSION_SCALE,
    AVERSION_WEIGHT,
    COSINE_SCALE,
    FULL_SHORTFALL,
    HIGH_AT_LEAST,
    INTEREST_VETO,
    Z_SCALE,
    above_factor,
    education_gate,
    importance_weights,
    level_factor,
    phrase_similarity,
    pooled_count,
    preparation_fit,
    relative_to_best,
    resemblance_gate,
)
from passionpath.match._senses import sense_masks, vetoed_senses

F32 = NDArray[np.float32]
I64 = NDArray[np.int64]
ZONES = 5
EDUCATION_CATEGORIES = 12
#: The engine's job zone for each education category (1-12), and the year count from which
#: work experience adds a zone (below zone 4).
ZONE_FOR_EDUCATION = np.asarray([0, 1, 2, 3, 3, 3, 4, 4, 5, 5, 5, 5, 5], dtype=np.int64)
EXPERIENCE_YEARS_FOR_A_ZONE = 4.0
#: The top-k selection first takes the maxima of this many groups of columns per career
#: wanted, each of at least MIN_BLOCK_WIDTH columns (shorter rows are ordered whole).
BLOCKS_PER_PICK = 2
MIN_BLOCK_WIDTH = 3
#: People scored together: about this many (person, occupation) cells, so a small catalog
#: goes through in long blocks (less Python per person) and a large one in blocks whose
#: (people x occupations) temporaries of a few MB each stay near the CPU.
CHUNK_CELLS = 1 << 18
CHUNK_PEOPLE = (256, 4096)
#: Quadrant index (into QUADRANTS) from (not high passion) + 2 * (not high qualification).
QUADRANT_OF = np.asarray([0, 2, 1, 3], dtype=np.int8)
#: Levels 0, 0.5, ..., 7: the steps whose skill corrections are tabulated.
LEVEL_STEPS = 15
#: The bit pattern of 1.0 as a float32: a score's bits subtracted from it rank high first.
ONE_BITS = int(np.float32(1).view(np.int32))


@dataclass
class Population:
    """One row per person. ``rated_*`` and ``*_rows`` are padded: a descriptor index of D
    (the number of descriptors) and a phrase row of -1 mean "nothing here"."""

    riasec: F32  # (B, 6); rows of people without interest scores are ignored
    has_riasec: NDArray[np.bool_]
    education: I64  # (B,) O*NET required-education category 1-12
    experience_years: F32  # (B,)
    rated_index: I64  # (B, K) descriptor column, D for padding
    rated_level: F32  # (B, K) on 0-7
    values: F32  # (B, 6) on 1-7, 4 where not rated
    has_values: NDArray[np.bool_]
    phrase_rows: I64  # (B, P) rows of the phrase evidence matrix, -1 for padding
    aversion_rows: I64  # (B, A)
    max_job_zone: I64  # (B,) 0 when the person set none
    lower_levels_ok: NDArray[np.bool_]
    #: (B,) each person's word-sense cues (``_senses.cue_bits`` of all their phrases, OR-ed).
    sense_bits: I64 | None = None

    @property
    def size(self) -> int:
        return int(self.riasec.shape[0])

    def zones(self) -> I64:
        """The job zone each person's preparation reaches, as the engine works it out."""
        zone = ZONE_FOR_EDUCATION[np.clip(self.education, 1, EDUCATION_CATEGORIES)]
        more = (self.experience_years >= EXPERIENCE_YEARS_FOR_A_ZONE) & (zone < 4)
        return zone + more

    def rows(self, start: int, end: int) -> Population:
        return Population(
            *(self._part(name, slice(start, end)) for name in self.__dataclass_fields__)
        )

    def take(self, order: I64) -> Population:
        return Population(*(self._part(name, order) for name in self.__dataclass_fields__))

    def _part(self, name: str, which: slice | I64) -> Any:
        value = getattr(self, name)
        return None if value is None else value[which]


@dataclass
class PopulationTop:
    """(B, top) occupation rows and their figures, best first; rows of -1 pad lists of
    people with fewer candidate occupations than ``top``."""

    rows: I64
    score: F32
    passion: F32
    qualification: F32
    #: Index into ``QUADRANTS``.
    quadrant: NDArray[np.int8]


def _high(values: F32, share: float = 0.6) -> NDArray[np.bool_]:
    """(B, n): at or above each row's ``share`` quantile (numpy's linear one, as the engine
    takes it) and at least HIGH_AT_LEAST. Where too few values reach HIGH_AT_LEAST for the
    quantile to lie above it, the cut is HIGH_AT_LEAST itself: no quantile is computed."""
    b, n = values.shape
    if n == 0:
        return np.zeros((b, 0), bool)
    high = values >= np.float32(HIGH_AT_LEAST)
    # The quantile interpolates sorted[floor(pos)] and sorted[ceil(pos)]; both are below
    # the floor when fewer than n - ceil(pos) values reach it.
    upper = int(np.ceil(share * (n - 1)))
    # Counted as packed bits: about a third of the time of a sum over booleans (which casts
    # every flag to an integer first).
    reaching = np.bitwise_count(np.packbits(high, axis=1)).sum(axis=1, dtype=np.int64)
    busy = np.flatnonzero(reaching > n - 1 - upper)
    if busy.size:
        cut = np.quantile(values[busy], share, axis=1, keepdims=True)
        high[busy] = values[busy] >= np.maximum(cut, np.float32(HIGH_AT_LEAST))
    return high


def _exact_key(value: F32, key: F32, column: NDArray[np.int64], n: int) -> NDArray[np.int64]:
    """A unique integer per occupation, smallest first in the engine's order: the tier (read
    off ``value``: its offset, 8, 6, 4, 2 or 0, plus a ``key`` of 0-1), then the higher
    ordering key (the score, or ``tail_key`` in the tail: the bits of a non-negative float32
    sort as it does), then the catalog's order (the engine's stable sort leaves ties so)."""
    tier = 4 - np.floor(value * np.float32(0.5)).astype(np.int64)
    bits = (key + np.float32(0)).view(np.int32)  # + 0 turns -0 into 0
    exact = tier << 32
    exact += ONE_BITS
    exact -= bits
    exact *= n
    exact += column
    return exact


def _first_k(value: F32, key: F32, k: int) -> I64:
    """(B, k) each row's first ``k`` columns in the order of ``_exact_key``, best first.

    A cut is found first: the k-th highest of the maxima of BLOCKS_PER_PICK * k groups of
    columns. At least k values reach it (a group's maximum each), and ``value`` never ranks
    a column below one that comes after it in the exact order, so the first k are among
    those that reach it (a few dozen of a thousand); only those are put in order."""
    b, n = value.shape
    groups = BLOCKS_PER_PICK * k
    width = n // groups if k else 0
    limit = (((4 << 32) + ONE_BITS + (1 << 31)) * n + n).bit_length()
    if k < n and width >= MIN_BLOCK_WIDTH and limit + max(b, 1).bit_length() < 63:
        # Group g holds the columns g, g + groups, g + 2 * groups, ...: its maximum is an
        # element-wise maximum of contiguous slices.
        spread = value[:, : groups * width].reshape(b, width, groups)
        maxima = spread[:, 0].copy()
        for j in range(1, width):
            np.maximum(maxima, spread[:, j], out=maxima)
        cut = np.partition(maxima, groups - k, axis=1)[:, groups - k]
        flat = np.flatnonzero(value >= cut[:, None])
        rows, columns = np.divmod(flat, n)
        picked_value, picked_key = value.ravel()[flat], key.ravel()[flat]
        exact = _exact_key(picked_value, picked_key, columns, n)
        exact += rows << limit
        exact.sort()
        counts = np.bincount(rows, minlength=b)
        starts = np.cumsum(counts) - counts
        first = exact[starts[:, None] + np.arange(k)]
        first &= (1 << limit) - 1
        return np.asarray(first % n)
    exact = _exact_key(value, key, np.arange(n, dtype=np.int64), n)
    if k < n:
        best = np.argpartition(exact, k - 1, axis=1)[:, :k]
    else:
        best = np.broadcast_to(np.arange(n), (b, n))
    order = np.argsort(np.take_along_axis(exact, best, axis=1), axis=1)
    return np.asarray(np.take_along_axis(best, order, axis=1))


@dataclass
class _Columns:
    """The matcher's tables with a column per occupation: for the whole catalog, or for the
    occupations that can be matched (what ``top`` scores; the others would be dropped)."""

    interest_unit: F32  # (6, n)
    required_t: F32  # (D + 1, n) descriptor-major, row D zero (padding)
    weight_t: F32  # (D + 1, n)
    need_scale: F32  # (n,)
    prior_short: F32  # (ZONES, n)
    prior_terms: F32  # (ZONES, D + 1, n)
    corrections: F32  # (ZONES * (D + 1) * LEVEL_STEPS, n)
    preparation: F32  # (ZONES * EDUCATION_CATEGORIES, n)
    level_factor: F32  # (ZONES * 2, n)
    below_level: NDArray[np.bool_]  # (ZONES * 2, n)
    far_below: NDArray[np.bool_]  # (ZONES * 2, n)
    education_gate: F32  # (EDUCATION_CATEGORIES, n)
    job_zones: I64  # (n,)
    offered: F32  # (6, n)
    sense_masks: F32  # (senses, n)

    def take(self, columns: I64) -> _Columns:
        return _Columns(
            *(
                np.ascontiguousarray(np.take(getattr(self, name), columns, axis=-1))
                for name in self.__dataclass_fields__
            )
        )


class PopulationMatcher:
    """Scores and top lists for many people on one catalog, with the engine's weights."""

    def __init__(self, m: CatalogMatrices, weights: Weights | None = None) -> None:
        w = weights or Weights()
        if w.congruence != "correlation":
            raise ValueError("population matching supports the correlation congruence only")
        self.m, self.w = m, w
        n, d = m.codes.size, len(m.descriptor_ids)
        self.descriptors = d
        interests = np.nan_to_num(m.interests, nan=1.0).astype(np.float64)
        centred = interests - interests.mean(axis=1, keepdims=True)
        norms = np.linalg.norm(centred, axis=1, keepdims=True)
        self.interest_unit = (centred / np.where(norms > 0, norms, 1)).T.astype(np.float32)
        required = np.nan_to_num(m.level, nan=0.0).astype(np.float32)
        weight = importance_weights(m.importance)
        pad = np.zeros((1, n), np.float32)
        # Descriptor-major copies, with a zero row D for padded slots.
        self.required_t = np.vstack([required.T, pad])
        self.weight_t = np.vstack([weight.T, pad])
        need = (weight * required).sum(axis=1)
        self.need_scale = np.where(
            need > 0, 1.0 / (np.where(need > 0, need, 1) * FULL_SHORTFALL), 0
        )
        self.need_scale = self.need_scale.astype(np.float32)
        # Per zone: the prior's shortfall over all descriptors, and each descriptor's share.
        self.prior_short = np.zeros((ZONES, n), np.float32)
        self.prior_terms = np.zeros((ZONES, d + 1, n), np.float32)
        for z in range(1, ZONES + 1):
            prior = prior_levels(m, z, [], None)
            terms = weight * np.maximum(required - prior[None, :], 0.0)  # (n, D)
            self.prior_short[z - 1] = terms.sum(axis=1)
            self.prior_terms[z - 1, :d] = terms.T
        # corrections[(zone, descriptor, level in half steps)]: what rating the descriptor at
        # that level changes in the zone prior's shortfall (zero for the padding descriptor).
        steps = np.arange(LEVEL_STEPS, dtype=np.float32) / 2
        rated = self.weight_t[:, None, :] * np.maximum(
            self.required_t[:, None, :] - steps[None, :, None], 0
        )  # (D + 1, LEVEL_STEPS, n)
        self.corrections = (rated[None] - self.prior_terms[:, :, None, :]).reshape(-1, n)
        qualification_total = w.skills + w.preparation
        self.skill_share = np.float32(w.skills / qualification_total)
        self.preparation = np.stack(
            [
                w.preparation / qualification_total * preparation_fit(z, e, m.job_zone, m.education)
                for z in range(1, ZONES + 1)
                for e in range(1, EDUCATION_CATEGORIES + 1)
            ]
        ).astype(np.float32)
        self.level_factor = np.stack(
            [
                level_factor(z, m.job_zone, lower_levels_ok=ok)
                for z in range(1, ZONES + 1)
                for ok in (False, True)
            ]
        )
        #: Work below each (zone, lower levels fine) person's level, and far below it: the
        #: engine ranks it as a step down, after everything else, when it is far below or
        #: the person's passion for it is under STEP_DOWN_UNLESS.
        self.below_level = self.level_factor < 1.0
        # Qualification kept for work more than a zone above each zone's person.
        above = np.stack([above_factor(z, m.job_zone) for z in range(1, ZONES + 1)])
        #: Qualification kept for work that needs more education than each category.
        self.education_gate = np.stack(
            [education_gate(e, m.education) for e in range(1, EDUCATION_CATEGORIES + 1)]
        )
        self.far_below = self.level_factor <= STEP_DOWN_AT
        # Work two zones up costs qualification too, but it is no step down: folded in
        # once the step downs are known.
        self.level_factor = self.level_factor * np.repeat(above, 2, axis=0)
        self.job_zones = np.nan_to_num(m.job_zone, nan=0).astype(np.int64)
        self.offered = np.clip((np.nan_to_num(m.values, nan=4.0) - 1) / 6, 0, 1).T
        self.offered = self.offered.astype(np.float32)  # (6, n)
        self.candidates = np.asarray(m.matchable)
        self.candidate_rows = np.flatnonzero(self.candidates)
        self.job_zone = np.nan_to_num(m.job_zone, nan=0).astype(np.float32)
        self.text_scale = Z_SCALE if m.text_index is not None else COSINE_SCALE
        self.sense_masks = sense_masks([str(c) for c in m.codes]).astype(np.float32)
        self.columns = _Columns(*(getattr(self, name) for name in _Columns.__dataclass_fields__))
        #: The same for the occupations that can be matched, the only ones ``top`` scores.
        self.candidate_columns = (
            self.columns
            if self.candidate_rows.size == n
            else self.columns.take(self.candidate_rows)
        )

    # --- phrases ------------------------------------------------------------------------

    def phrase_rows(self, vectors: F32, texts: list[str]) -> F32:
        """(phrases, occupations): each phrase's evidence as the engine weighs it, before
        the per-person average (explore scores stretched to the phrase's best, or raw
        cosines on a catalog without tasks), already put on the text fit's 0-1 scale
        (unclipped: the average of the best half is taken first). Depends on the phrase
        only: compute it once per distinct phrase."""
        index = self.m.text_index
        kinds = [self.m.title_vectors, self.m.description_vectors, self.m.task_centroids]
        evidence = phrase_similarity(vectors, kinds)
        if index is not None:
            gate = resemblance_gate(evidence)
            evidence = relative_to_best(index.scores(vectors, texts)) * gate
        low, span = self.text_scale
        return ((evidence - np.float32(low)) / np.float32(span)).astype(np.float32)

    def aversion_rows(self, vectors: F32, texts: list[str]) -> F32 | None:
        """(aversions, occupations): the share of passion each aversion leaves each
        occupation (a person's factor is the lowest of theirs, as the engine takes their
        strongest aversion); None when the catalog has no tasks (the engine then ignores
        aversions)."""
        index = self.m.text_index
        if index is None:
            return None
        low, span = AVERSION_SCALE
        strength = np.clip((relative_to_best(index.scores(vectors, texts)) - low) / span, 0, 1)
        return (1.0 - AVERSION_WEIGHT * strength).astype(np.float32)

    # --- scoring ------------------------------------------------------------------------

    def _text(self, rows: I64, evidence: F32) -> tuple[F32, NDArray[np.bool_]]:
        """(B, n) text fit: the mean of each person's best half of phrases, on the scale."""
        b, n = rows.shape[0], evidence.shape[1]
        counts = (rows >= 0).sum(axis=1)
        out = np.zeros((b, n), np.float32)
        for k in np.unique(counts):
            if k == 0:
                continue
            who = np.flatnonzero(counts == k)
            # Padding is at the end of each row, so a person's k phrases are the first k.
            index = rows[who, :k]
            if k == 1:
                out[who] = evidence[index[:, 0]]
            elif k == 2:  # the best one
                out[who] = np.maximum(evidence[index[:, 0]], evidence[index[:, 1]])
            elif k == 3:  # the mean of the best two: all three less the weakest
                a, b_, c = (evidence[index[:, j]] for j in range(3))
                weakest = np.minimum(np.minimum(a, b_), c)
                a += b_
                a += c
                a -= weakest
                a *= np.float32(0.5)
                out[who] = a
            elif k == 4:  # the mean of the best two
                a, b_, c, d = (evidence[index[:, j]] for j in range(4))
                high1, low1 = np.maximum(a, b_), np.minimum(a, b_)
                high2, low2 = np.maximum(c, d), np.minimum(c, d)
                second = np.maximum(np.minimum(high1, high2), np.maximum(low1, low2))
                second += np.maximum(high1, high2)
                second *= np.float32(0.5)
                out[who] = second
            else:
                keep = pooled_count(int(k))
                picked = np.sort(evidence[index], axis=1)[:, -keep:]  # (G, keep, n)
                out[who] = picked.mean(axis=1)
        np.clip(out, 0, 1, out=out)
        return out, counts > 0

    def scores(
        self,
        p: Population,
        evidence: F32 | None,
        aversions: F32 | None,
        zones: I64 | None = None,
        columns: _Columns | None = None,
    ) -> tuple[F32, F32, F32]:
        """(passion, qualification, score), each (B, n), as ``MatchEngine.score`` gives them
        (``zones``: ``p.zones()`` when already worked out). With ``columns`` (and evidence
        and aversion rows of its columns), for its occupations only."""
        passion, qualification, _bounded, score = self._scores(
            p, evidence, aversions, zones, columns
        )
        return passion, qualification, score

    def _scores(
        self,
        p: Population,
        evidence: F32 | None,
        aversions: F32 | None,
        zones: I64 | None = None,
        columns: _Columns | None = None,
    ) -> tuple[F32, F32, F32, F32]:
        """``scores`` and the qualification clipped to 0-1."""
        t = self.columns if columns is None else columns
        w = self.w
        b = p.size
        interest = (p.riasec - p.riasec.mean(axis=1, keepdims=True)).astype(np.float32)
        norms = np.linalg.norm(interest, axis=1, keepdims=True)
        interest /= np.where(norms > 0, norms, 1)
        interest = interest @ t.interest_unit
        interest += np.float32(1)
        interest *= np.float32(0.5)
        interest *= interest  # ((1 + r) / 2)^2
        has_riasec = p.has_riasec
        if evidence is not None and p.phrase_rows.shape[1]:
            text, has_text = self._text(p.phrase_rows, evidence)
        else:
            text, has_text = np.zeros_like(interest), np.zeros(b, bool)
        low, high = INTEREST_VETO
        gate = interest - np.float32(low)
        gate *= np.float32(1 / (high - low))
        np.clip(gate, 0, 1, out=gate)
        if has_riasec.all():
            text *= gate
        else:
            text[has_riasec] *= gate[has_riasec]
        if p.sense_bits is not None and has_text.any():
            # Word sense, read from each person's words as a whole (as the engine does).
            # Only the rows of people whose words veto a sense (most veto none).
            senses = vetoed_senses(p.sense_bits)
            who = np.flatnonzero(senses.any(axis=1))
            if who.size:
                vetoed = text[who]
                vetoed[senses[who].astype(np.float32) @ t.sense_masks > 0] = 0
                text[who] = vetoed
        used = w.interest * has_riasec + w.text * has_text
        safe = np.where(used > 0, used, 1)
        interest_share = np.where(has_riasec, w.interest / safe, 0).astype(np.float32)
        text_share = np.where(has_text, w.text / safe, 0).astype(np.float32)
        passion = interest * interest_share[:, None]
        text *= text_share[:, None]
        passion += text
        if aversions is not None and p.aversion_rows.shape[1]:
            who = np.flatnonzero(p.aversion_rows[:, 0] >= 0)  # rows are packed first
            if who.size:
                rows = p.aversion_rows[who]
                present = rows >= 0
                picked = aversions[np.where(present, rows, 0)]  # (G, A, n)
                picked[~present] = 1
                passion[who] *= picked.min(axis=1)
        zone = (p.zones() if zones is None else zones) - 1
        # Skill shortfall: the zone prior's, corrected for every rated descriptor.
        short = t.prior_short[zone]  # a new array (rows taken by index)
        # Ratings are packed first in each row: only as many passes as the longest row.
        width = int((p.rated_index < self.descriptors).sum(axis=1).max(initial=0))
        index, levels = p.rated_index[:, :width], p.rated_level[:, :width]
        halves = levels * np.float32(2)
        steps = np.rint(halves)
        # Levels in half steps (what people rate) read their whole correction off a table.
        tabled = (halves == steps).all(axis=1) if width else np.ones(b, bool)
        if width and tabled.all():
            cell = (zone[:, None] * (self.descriptors + 1) + index) * LEVEL_STEPS
            cell += np.clip(steps, 0, LEVEL_STEPS - 1).astype(np.int64)
            for j in range(width):
                short += t.corrections[cell[:, j]]
        elif width:  # other levels (a chunk holding any): the formula itself
            for j in range(width):
                d = index[:, j]
                term = t.required_t[d] - levels[:, j : j + 1]
                np.maximum(term, 0, out=term)
                term *= t.weight_t[d]
                term -= t.prior_terms[zone, d]
                short += term
        skills = short * t.need_scale
        np.subtract(1, skills, out=skills)
        np.clip(skills, 0, 1, out=skills)
        skills *= self.skill_share
        education = np.clip(p.education, 1, EDUCATION_CATEGORIES) - 1
        skills += t.preparation[zone * EDUCATION_CATEGORIES + education]
        # The level factor holds the cost of work two zones up as well (see __init__).
        skills *= t.level_factor[zone * 2 + p.lower_levels_ok.astype(np.int64)]
        skills *= t.education_gate[education]
        qualification = skills
        np.clip(passion, 0, 1, out=passion)
        bounded = np.clip(qualification, 0, 1)
        score = passion * bounded
        np.sqrt(score, out=score)
        who = np.flatnonzero(p.has_values)
        if who.size:
            weights = np.clip((p.values[who] - 1) / 6, 0, 1).astype(np.float32)
            total = weights.sum(axis=1, keepdims=True)
            fit = weights @ t.offered
            fit /= np.where(total > 0, total, 1)
            fit[~(total[:, 0] > 0)] = np.float32(0.5)
            fit *= np.float32(w.values)
            fit += np.float32(1 - w.values)
            if who.size == b:
                score *= fit
            else:
                score[who] *= fit
        return passion, qualification, bounded, score

    def top(
        self,
        p: Population,
        evidence: F32 | None,
        aversions: F32 | None,
        top: int = 20,
        chunk: int | None = None,
    ) -> PopulationTop:
        """Each person's first ``top`` careers in the engine's order (unfolded), ``chunk``
        people at a time (by default about CHUNK_CELLS cells)."""
        if chunk is None:
            low, high = CHUNK_PEOPLE
            chunk = min(max(CHUNK_CELLS // max(self.candidate_rows.size, 1), low), high)
        # People with as many rated descriptors go through together, so a chunk makes only
        # as many correction passes as its own people need; among them, those of one job
        # zone, so a chunk reads the skill corrections of few zones (a fifth of the table
        # each: it stays in the CPU cache).
        rated = (p.rated_index < self.descriptors).sum(axis=1)
        order = np.argsort(rated * (ZONES + 1) + p.zones(), kind="stable")
        p = p.take(order)
        zones = p.zones()
        # Only occupations that can be matched are scored: their columns of the evidence.
        if self.candidate_columns is not self.columns:
            cand = self.candidate_rows
            evidence = None if evidence is None else np.take(evidence, cand, axis=1)
            aversions = None if aversions is None else np.take(aversions, cand, axis=1)
        parts = [
            self._top_chunk(p.rows(s, s + chunk), evidence, aversions, top, zones[s : s + chunk])
            for s in range(0, p.size, chunk)
        ]
        if not parts:
            empty = np.zeros((0, top))
            return PopulationTop(
                empty.astype(np.int64),
                empty.astype(np.float32),
                empty.astype(np.float32),
                empty.astype(np.float32),
                empty.astype(np.int8),
            )
        back = np.empty_like(order)
        back[order] = np.arange(order.size)
        return PopulationTop(
            *(
                np.vstack([getattr(x, f) for x in parts])[back]
                for f in PopulationTop.__dataclass_fields__
            )
        )

    def _top_chunk(
        self, p: Population, evidence: F32 | None, aversions: F32 | None, top: int, zones: I64
    ) -> PopulationTop:
        """``evidence`` and ``aversions`` hold the candidate columns only."""
        t = self.candidate_columns
        pc, qc, bounded, sc = self._scores(p, evidence, aversions, zones, t)
        cand = self.candidate_rows
        situation = (zones - 1) * 2 + p.lower_levels_ok.astype(np.int64)
        down = t.far_below[situation] | (
            t.below_level[situation] & (pc < np.float32(STEP_DOWN_UNLESS))
        )
        # As the engine: work beyond a job-zone ceiling the person set ranks after the rest
        # at their level, before step downs.
        ceiling = p.max_job_zone[:, None]
        beyond = np.zeros_like(down)
        capped = np.flatnonzero(p.max_job_zone > 0)  # the rows of people who set a ceiling
        if capped.size:
            beyond[capped] = (t.job_zones[None, :] > ceiling[capped]) & ~down[capped]
        at_level = ~down & ~beyond
        b, n = sc.shape
        k = min(top, n)
        hi_p, hi_q = _high(pc), _high(qc)
        # The engine's order: sweet spot, then passion at least PASSION_FLOOR, then the rest
        # at the person's level, then work beyond their ceiling, then step downs; the first
        # two by score, the others by ``tail_key``; ties in the catalog's order. As one
        # float (8-9, 6-7, 4-5, 2-3, 0-1) it never ranks an occupation below a later one.
        # (Sums of flags instead of np.select, and products with them instead of np.where:
        # exact, and many times faster on rows of a thousand.)
        sweet = hi_p & hi_q & at_level
        keen = pc >= np.float32(PASSION_FLOOR)
        keen &= at_level
        keen |= sweet
        offset = at_level.view(np.uint8) * np.uint8(2)
        offset += beyond
        offset += keen
        offset += sweet
        offset *= np.uint8(2)  # 8 sweet spot, 6 keen, 4 at level, 2 beyond a ceiling, 0
        value = offset.astype(np.float32)
        # The key: tail_key(pc, qc) in the tail (passion is already clipped to 0-1), the
        # score above it (one masked copy, not two products and a sum).
        key = pc * pc
        key *= pc
        key *= bounded
        np.copyto(key, sc, where=offset > 4)
        value += key
        local = _first_k(value, key, k)
        out = np.full((b, top), -1, np.int64)
        out[:, :k] = cand[local]
        # Flat positions: one gather from each raveled block instead of (row, column) pairs.
        flat = local + np.arange(0, b * n, n, dtype=np.int64)[:, None]
        hp, hq = hi_p.ravel()[flat], hi_q.ravel()[flat]

        def gather(values: NDArray[Any], fill: float) -> NDArray[Any]:
            full = np.full((b, top), fill, values.dtype)
            full[:, :k] = values
            return full

        return PopulationTop(
            out,
            gather(sc.ravel()[flat], np.nan),
            gather(pc.ravel()[flat], np.nan),
            gather(qc.ravel()[flat], np.nan),
            # Quadrant 0-3 from (not high passion) + 2 * (not high qualification).
            gather(QUADRANT_OF[(~hp).view(np.int8) + 2 * (~hq).view(np.int8)], -1),
        )
