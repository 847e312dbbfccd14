"""The occupation catalog: importing releases, searching and reading occupations."""

from passionpath.catalog._download import download_release
from passionpath.catalog._importer import ImportReport, import_release
from passionpath.catalog._layout import RIASEC_ELEMENTS, RIASEC_LETTERS
from passionpath.catalog._occupations import (
    DescriptorInfo,
    OccupationProfile,
    RatingMatrix,
    compare_occupations,
    descriptors,
    ete_distribution,
    occupation_levels,
    occupation_profile,
    rating_matrix,
    technology_spread,
)
from passionpath.catalog._release import (
    CatalogStatus,
    EmptyCatalogError,
    catalog_is_empty,
    catalog_status,
    current_release,
    release_attribution,
    release_key,
)
from passionpath.catalog._search import SearchHit, TitleIndex, tokenize
from passionpath.catalog._starter import STARTER_PATH, load_starter
from passionpath.catalog._title_index import (
    OccupationChoice,
    resolve_occupation,
    search_occupations,
    title_index,
)

__all__ = [
    "RIASEC_ELEMENTS",
    "RIASEC_LETTERS",
    "STARTER_PATH",
    "CatalogStatus",
    "DescriptorInfo",
    "EmptyCatalogError",
    "ImportReport",
    "OccupationChoice",
    "OccupationProfile",
    "RatingMatrix",
    "SearchHit",
    "TitleIndex",
    "catalog_is_empty",
    "catalog_status",
    "compare_occupations",
    "current_release",
    "descriptors",
    "download_release",
    "ete_distribution",
    "import_release",
    "load_starter",
    "occupation_levels",
    "occupation_profile",
    "rating_matrix",
    "release_attribution",
    "release_key",
    "resolve_occupation",
    "search_occupations",
    "technology_spread",
    "title_index",
    "tokenize",
]
