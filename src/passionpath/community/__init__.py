"""Community: people who opt in find their tribe, a mentor and a study group.

The core is pure functions over numpy arrays (vectors, capacities, preference arrays);
storage sits at the edges (``_store``), so the batch runner can reuse the same functions.
"""

from passionpath.community._stable import (
    Assignment,
    PreferenceError,
    Preferences,
    assign_stated,
    assignment_by_id,
    blocking_pairs,
    csr_from_lists,
    deferred_acceptance,
    mutual_edges,
)

__all__ = [
    "Assignment",
    "PreferenceError",
    "Preferences",
    "assign_stated",
    "assignment_by_id",
    "blocking_pairs",
    "csr_from_lists",
    "deferred_acceptance",
    "mutual_edges",
]
