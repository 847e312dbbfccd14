"""Population scale: recommendations for millions of people on a Dask cluster.

Needs the ``scale`` extra (``pip install 'passionpath[scale]'``); importing this package
does not, so the core install and ``passionpath --help`` work without it.
"""

from passionpath.batch._community import CommunitySummary, community
from passionpath.batch._deps import ScaleMissingError, missing_scale, require_scale
from passionpath.batch._folders import BatchOutputError
from passionpath.batch._records import FIELDS, BadRecord, RecordError, record_to_document
from passionpath.batch._run import RecommendSummary, recommend
from passionpath.batch._sources import BatchInputError

__all__ = [
    "FIELDS",
    "BadRecord",
    "BatchInputError",
    "BatchOutputError",
    "CommunitySummary",
    "RecommendSummary",
    "RecordError",
    "ScaleMissingError",
    "community",
    "missing_scale",
    "recommend",
    "record_to_document",
    "require_scale",
]
