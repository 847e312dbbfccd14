"""The occupation catalog: importing releases, searching and reading occupations."""

from passionpath.catalog._download import download_release
from passionpath.catalog._importer import ImportReport, import_release, release_key
from passionpath.catalog._queries import (
    CatalogStatus,
    DescriptorInfo,
    EmptyCatalogError,
    OccupationProfile,
    RatingMatrix,
    catalog_is_empty,
    catalog_status,
    descriptors,
    ete_distribution,
    occupation_levels,
    occupation_profile,
    rating_matrix,
    release_attribution,
    search_occupations,
)
from passionpath.catalog._search import SearchHit
from passionpath.catalog._starter import STARTER_PATH, load_starter

__all__ = [
    "STARTER_PATH",
    "CatalogStatus",
    "DescriptorInfo",
    "EmptyCatalogError",
    "ImportReport",
    "OccupationProfile",
    "RatingMatrix",
    "SearchHit",
    "catalog_is_empty",
    "catalog_status",
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
    "search_occupations",
]
