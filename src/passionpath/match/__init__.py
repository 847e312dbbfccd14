"""Matching: the passion x qualification sweet spot, explained."""

from passionpath.match._api import MatchReport, match, prepare_person
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
