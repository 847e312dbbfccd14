"""Scoring many people at once: matrix products instead of a loop over people.

The one non-linear part of qualification, sum_d w_od * max(0, R_od - L_d), is piecewise
linear in each person's level L_d. Writing L_d as a mix of its two neighbouring whole
levels (k and k + 1) turns the sum into one matrix product between the people's mixing
weights (B x 8D) and a table precomputed per occupation (8D x n). Between whole levels the
result interpolates the exact value; it is exact at whole levels and off by at most a
quarter level where R_od falls between them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from passionpath.match._engine import Weights
from passionpath.match._matrices import CatalogMatrices
from passionpath.match._person import Person
from passionpath.match._scoring import (
    FULL_SHORTFALL,
    above_factor,
    education_gate,
    importance_weights,
    level_factor,
    normalise_rows,
    preparation_fit,
    top_k,
)

F32 = NDArray[np.float32]
KNOTS = np.arange(8, dtype=np.float32)  # levels 0..7


@dataclass
class BatchProfiles:
    riasec: F32  # (B, 6), any scale
    levels: F32  # (B, D) on 0-7
    zones: NDArray[np.int64]  # (B,)
    education: NDArray[np.int64]  # (B,) RL category 1-12
    values: F32 | None = None  # (B, 6) on 1-7

    def person(self, i: int) -> Person:
        """Profile ``i`` as the single-profile engine's input (interests and skills only)."""
        return Person(
            riasec=self.riasec[i],
            levels=self.levels[i],
            education=int(self.education[i]),
            zone=int(self.zones[i]),
            experience_years=0.0,
            values=None if self.values is None else self.values[i],
        )


class BatchMatcher:
    """Top-N careers for many profiles; passion here is interest congruence only."""

    def __init__(self, m: CatalogMatrices, weights: Weights | None = None) -> None:
        self.m = m
        w = weights or Weights()
        self.values_weight = w.values
        qualification_total = w.skills + w.preparation
        skill_share = w.skills / qualification_total
        importance = importance_weights(m.importance)  # (n, D)
        required = np.nan_to_num(m.level, nan=0.0)
        # table[(d, k), o] = w_od * max(0, R_od - k)
        deficits = np.maximum(required[:, :, None] - KNOTS[None, None, :], 0.0)
        self.table = (importance[:, :, None] * deficits).reshape(m.codes.size, -1).T.copy()
        self.need = np.maximum((importance * required).sum(axis=1), 1e-6).astype(np.float32)
        interests = np.nan_to_num(m.interests, nan=0.0)
        self.interest_unit = normalise_rows(interests - interests.mean(axis=1, keepdims=True)).T
        # Preparation and the "below your level" factor depend on the person only through
        # their job zone (1-5) and education category (1-12): tabulate them once with the
        # engine's own functions.
        self.preparation = np.stack(
            [
                w.preparation / qualification_total * preparation_fit(z, e, m.job_zone, m.education)
                for z in range(1, 6)
                for e in range(1, 13)
            ]
        ).astype(np.float32)  # (5 * 12, n)
        self.level_factor = np.stack([level_factor(z, m.job_zone) for z in range(1, 6)])
        self.level_factor *= np.stack([above_factor(z, m.job_zone) for z in range(1, 6)])
        self.education_gate = np.stack([education_gate(e, m.education) for e in range(1, 13)])
        self.skill_share = np.float32(skill_share)
        self.skill_scale = (skill_share / (self.need * FULL_SHORTFALL)).astype(np.float32)
        self.offered = np.clip((np.nan_to_num(m.values, nan=4.0) - 1) / 6, 0, 1).astype(np.float32)
        self.invalid = ~m.matchable

    def _mixing(self, levels: F32) -> F32:
        """(B, D * 8): each level split between its two neighbouring whole levels (hat
        functions: weight 1 - |L - k| on knot k, zero beyond one level away)."""
        clipped = np.clip(levels, 0.0, 7.0)[:, :, None]
        mix = np.maximum(np.float32(0), np.float32(1) - np.abs(clipped - KNOTS))
        return mix.reshape(levels.shape[0], -1)

    def scores(self, p: BatchProfiles) -> F32:
        """(B, n) sweet-spot scores; occupations that cannot be matched get -inf.

        The same formulas as the single-profile engine (text evidence aside), arranged so
        each B x n step is one pass: tables replace everything that depends only on the
        person's job zone and education.
        """
        score = normalise_rows(p.riasec - p.riasec.mean(axis=1, keepdims=True)) @ self.interest_unit
        score += np.float32(1)
        score *= np.float32(0.5)
        score *= score  # interest congruence, ((1 + r) / 2)^2
        # share * skills = share * clip(1 - short / (need * FULL_SHORTFALL), 0, 1)
        skills = self._mixing(p.levels) @ self.table
        skills *= self.skill_scale
        np.subtract(self.skill_share, skills, out=skills)
        np.maximum(skills, 0, out=skills)
        zone = np.clip(p.zones, 1, 5) - 1
        education = np.clip(p.education, 1, 12) - 1
        skills += self.preparation[zone * 12 + education]
        skills *= self.level_factor[zone]
        skills *= self.education_gate[education]  # = qualification
        score *= skills
        np.sqrt(score, out=score)
        if p.values is not None:
            weights = np.clip((p.values - 1) / 6, 0, 1).astype(np.float32)
            weights /= np.maximum(weights.sum(axis=1, keepdims=True), 1e-9)
            fit = weights @ self.offered.T
            fit *= np.float32(self.values_weight)
            fit += np.float32(1 - self.values_weight)
            score *= fit
        score[:, self.invalid] = -np.inf
        return score

    def _top_chunk(self, p: BatchProfiles, top: int) -> tuple[NDArray[np.int64], F32]:
        return top_k(self.scores(p), top)

    def top(
        self, p: BatchProfiles, top: int = 20, chunk: int = 256, workers: int | None = None
    ) -> tuple[NDArray[np.int64], F32]:
        """(B, top) occupation rows and scores, best first.

        Profiles go through in small chunks (each chunk's B x n temporaries stay in the CPU
        cache) on one thread per core (numpy releases the GIL inside these operations), with
        BLAS kept to one thread per worker so the two do not fight over the cores.
        """
        from concurrent.futures import ThreadPoolExecutor

        from threadpoolctl import threadpool_limits

        def part(start: int) -> BatchProfiles:
            end = start + chunk
            values = None if p.values is None else p.values[start:end]
            return BatchProfiles(
                p.riasec[start:end],
                p.levels[start:end],
                p.zones[start:end],
                p.education[start:end],
                values,
            )

        starts = range(0, p.riasec.shape[0], chunk)
        with (
            threadpool_limits(limits=1, user_api="blas"),
            ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1) as pool,
        ):
            results = list(pool.map(lambda start: self._top_chunk(part(start), top), starts))
        if not results:
            return np.zeros((0, top), np.int64), np.zeros((0, top), np.float32)
        return np.vstack([r[0] for r in results]), np.vstack([r[1] for r in results])
