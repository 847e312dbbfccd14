"""Matching: the passion x qualification sweet spot, explained."""

import sys
import types
from typing import Any

from passionpath.match._api import MatchReport, match, prepare_person
from passionpath.match._batch import BatchMatcher, BatchProfiles
from passionpath.match._congruence import (
    brown_gore_c,
    congruence,
    iachan_m,
    profile_correlation,
    standardised_euclidean,
    top_code,
)
from passionpath.match._engine import Explanation, Gap, MatchEngine, MatchResult, Weights
from passionpath.match._matrices import CatalogMatrices, load_matrices
from passionpath.match._path import CareerPath, Step
from passionpath.match._scoring import QUADRANTS
from passionpath.match._transitions import Ranked, career_path, explore, similar, similar_all

__all__ = [
    "QUADRANTS",
    "BatchMatcher",
    "BatchProfiles",
    "CareerPath",
    "CatalogMatrices",
    "Explanation",
    "Gap",
    "MatchEngine",
    "MatchReport",
    "MatchResult",
    "Ranked",
    "Step",
    "Weights",
    "brown_gore_c",
    "career_path",
    "congruence",
    "explore",
    "iachan_m",
    "load_matrices",
    "match",
    "prepare_person",
    "profile_correlation",
    "similar",
    "similar_all",
    "standardised_euclidean",
    "top_code",
]


class _CallableModule(types.ModuleType):
    """Lets ``passionpath.match(profile, top=10)`` stand for ``passionpath.match.match``."""

    def __call__(self, *args: Any, **kwargs: Any) -> MatchReport:
        return match(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
