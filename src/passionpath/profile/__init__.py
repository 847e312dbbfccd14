"""Profiles: the JSON Resume-based document, the interest inventory, versions and imports."""

from passionpath.profile._background import EDUCATION_CHOICES, with_background, year_month
from passionpath.profile._diff import ProfileDiff, diff_profiles, interest_scores
from passionpath.profile._document import (
    PASSION_QUESTIONS,
    WORK_VALUES,
    Activity,
    PassionpathBlock,
    ProfileDocument,
    ProfileValidationError,
    RatedDescriptor,
    load_document,
    parse_document,
)
from passionpath.profile._files import read_profile_file
from passionpath.profile._inventory import (
    AREA_NAMES,
    AREAS,
    InventoryError,
    InventoryResult,
    answers_from_sequence,
    inventory_record,
    items,
    score,
)
from passionpath.profile._inventory import Form as InventoryForm
from passionpath.profile._inventory import scale as inventory_scale
from passionpath.profile._levels import LevelChoice, level_choices, nearest_choice
from passionpath.profile._linkedin import LinkedInImportError, read_linkedin_export
from passionpath.profile._onboarding import WORK_VALUE_MEANINGS, Step, onboarding_steps
from passionpath.profile._operations import (
    RecordedInventory,
    ResolvedProfile,
    StoredProfile,
    is_profile_file,
    record_inventory,
    resolve,
    store_resolved,
)
from passionpath.profile._store import (
    ProfileRecord,
    SaveResult,
    VersionInfo,
    create_profile,
    delete_profile,
    find_profile,
    list_profiles,
    load_profile,
    profile_history,
    save_profile,
)

__all__ = [
    "AREAS",
    "AREA_NAMES",
    "EDUCATION_CHOICES",
    "PASSION_QUESTIONS",
    "WORK_VALUES",
    "WORK_VALUE_MEANINGS",
    "Activity",
    "InventoryError",
    "InventoryForm",
    "InventoryResult",
    "LevelChoice",
    "LinkedInImportError",
    "PassionpathBlock",
    "ProfileDiff",
    "ProfileDocument",
    "ProfileRecord",
    "ProfileValidationError",
    "RatedDescriptor",
    "RecordedInventory",
    "ResolvedProfile",
    "SaveResult",
    "Step",
    "StoredProfile",
    "VersionInfo",
    "answers_from_sequence",
    "create_profile",
    "delete_profile",
    "diff_profiles",
    "find_profile",
    "interest_scores",
    "inventory_record",
    "inventory_scale",
    "is_profile_file",
    "items",
    "level_choices",
    "list_profiles",
    "load_document",
    "load_profile",
    "nearest_choice",
    "onboarding_steps",
    "parse_document",
    "profile_history",
    "read_linkedin_export",
    "read_profile_file",
    "record_inventory",
    "resolve",
    "save_profile",
    "score",
    "store_resolved",
    "with_background",
    "year_month",
]
