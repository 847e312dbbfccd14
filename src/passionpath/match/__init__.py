"""Matching: the passion x qualification sweet spot, explained."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import TYPE_CHECKING, Any

from passionpath.match._batch import BatchMatcher, BatchProfiles
from passionpath.match._congruence import (
    brown_gore_c,
    congruence,
    iachan_m,
    profile_correlation,
    standardised_euclidean,
    top_code,
)
from passionpath.match._engine import (
    Explanation,
    Gap,
    MatchEngine,
    MatchResult,
    SimilarCareer,
    Weights,
    WhatItTakes,
)
from passionpath.match._intent import summary_intents
from passionpath.match._matrices import CatalogMatrices, build_matrices, load_matrices
from passionpath.match._path import CareerPath, Step
from passionpath.match._person import Person, Readiness, education_level, readiness
from passionpath.match._population import Population, PopulationMatcher, PopulationTop
from passionpath.match._report import (
    MatchReport,
    fit_for,
    interest_profile,
    match,
    prepare_person,
    resolve_profile,
    suggested_levels,
)
from passionpath.match._scoring import QUADRANTS, importance_weights
from passionpath.match._senses import SENSES, cue_bits
from passionpath.match._transitions import Ranked, career_path, explore, similar, similar_all
from passionpath.match._warm import warm_up

__all__ = [
    "QUADRANTS",
    "SENSES",
    "BatchMatcher",
    "BatchProfiles",
    "CareerPath",
    "CatalogMatrices",
    "Explanation",
    "Gap",
    "MatchEngine",
    "MatchReport",
    "MatchResult",
    "Person",
    "Population",
    "PopulationMatcher",
    "PopulationTop",
    "Ranked",
    "Readiness",
    "SimilarCareer",
    "Step",
    "Weights",
    "WhatItTakes",
    "brown_gore_c",
    "build_matrices",
    "career_path",
    "congruence",
    "cue_bits",
    "education_level",
    "explore",
    "fit_for",
    "iachan_m",
    "importance_weights",
    "interest_profile",
    "load_matrices",
    "match",
    "prepare_person",
    "profile_correlation",
    "readiness",
    "resolve_profile",
    "similar",
    "similar_all",
    "standardised_euclidean",
    "suggested_levels",
    "summary_intents",
    "top_code",
    "warm_up",
]


if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.profile import ProfileDocument


class _CallableModule(types.ModuleType):
    """Lets ``passionpath.match(profile, top=10)`` stand for ``passionpath.match.match``.

    This is the one place that opens a context on its own: a person at a Python prompt has
    none to pass, so the environment's settings and database are used. Code inside the
    product always passes its context down.
    """

    def __call__(
        self, profile: ProfileDocument | str | Path, ctx: Context | None = None, **options: Any
    ) -> MatchReport:
        if ctx is None:
            from passionpath.context import Context

            ctx = Context.open()
        return match(profile, ctx, **options)


sys.modules[__name__].__class__ = _CallableModule
