"""SQLAlchemy models, one module per owning package; every model is re-exported here so
``from passionpath.store import models as m; m.Profile`` works and Alembic sees the whole
metadata by importing this package."""

from passionpath.store.models.accounts import (
    ApiToken,
    User,
)
from passionpath.store.models.base import (
    CODE,
    ELEMENT,
    NAMING,
    SCALE,
    Base,
)
from passionpath.store.models.catalog import (
    CATALOG_TABLES,
    AlternateTitle,
    BasicInterestArea,
    Descriptor,
    EteCategory,
    EteValue,
    InterestActivity,
    JobZoneReference,
    LevelAnchor,
    Occupation,
    Rating,
    RelatedOccupation,
    Release,
    Scale,
    Task,
    Technology,
)
from passionpath.store.models.community import (
    CommunityBlock,
    CommunityMember,
    CommunityReport,
    CommunityRequest,
    StudyGroup,
    StudyGroupMember,
)
from passionpath.store.models.cvs import (
    CurriculumVitae,
    CvApplication,
)
from passionpath.store.models.embeddings import (
    TextEmbedding,
)
from passionpath.store.models.jobsearch import (
    Application,
    ApplicationContact,
    ApplicationEvent,
    PreferenceSetting,
    PreferenceVote,
)
from passionpath.store.models.network import (
    Contact,
    ContactEmail,
    ContactFeed,
    ContactPhone,
    Interaction,
    InteractionContact,
)
from passionpath.store.models.plans import (
    Plan,
    PlanAction,
    PlanBenchmark,
    PlanEvent,
    PlanObjective,
    PlanObstacle,
)
from passionpath.store.models.profiles import (
    Profile,
    ProfileVersion,
)

__all__ = [
    "CATALOG_TABLES",
    "CODE",
    "ELEMENT",
    "NAMING",
    "SCALE",
    "AlternateTitle",
    "ApiToken",
    "Application",
    "ApplicationContact",
    "ApplicationEvent",
    "Base",
    "BasicInterestArea",
    "CommunityBlock",
    "CommunityMember",
    "CommunityReport",
    "CommunityRequest",
    "Contact",
    "ContactEmail",
    "ContactFeed",
    "ContactPhone",
    "CurriculumVitae",
    "CvApplication",
    "Descriptor",
    "EteCategory",
    "EteValue",
    "Interaction",
    "InteractionContact",
    "InterestActivity",
    "JobZoneReference",
    "LevelAnchor",
    "Occupation",
    "Plan",
    "PlanAction",
    "PlanBenchmark",
    "PlanEvent",
    "PlanObjective",
    "PlanObstacle",
    "PreferenceSetting",
    "PreferenceVote",
    "Profile",
    "ProfileVersion",
    "Rating",
    "RelatedOccupation",
    "Release",
    "Scale",
    "StudyGroup",
    "StudyGroupMember",
    "Task",
    "Technology",
    "TextEmbedding",
    "User",
]
