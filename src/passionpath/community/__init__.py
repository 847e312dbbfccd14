"""Community: people who opt in find their tribe, a mentor and a study group.

The core is pure functions over numpy arrays (vectors, capacities, preference arrays);
storage sits at the edges (``_store``), so the batch runner can reuse the same functions.
"""

from passionpath.community._members import (
    DEFAULT_VISIBLE,
    FEATURES,
    VISIBLE_FIELDS,
    Choices,
    CommunityError,
    Member,
    check_choices,
    masked,
)
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
from passionpath.community._store import (
    REQUEST_KINDS,
    RequestView,
    add_synthetic,
    answer_request,
    block,
    join,
    leave,
    list_requests,
    me,
    my_membership,
    on_membership_change,
    report,
    send_request,
    visible_member,
    visible_members,
)

__all__ = [
    "DEFAULT_VISIBLE",
    "FEATURES",
    "REQUEST_KINDS",
    "VISIBLE_FIELDS",
    "Assignment",
    "Choices",
    "CommunityError",
    "Member",
    "PreferenceError",
    "Preferences",
    "RequestView",
    "add_synthetic",
    "answer_request",
    "assign_stated",
    "assignment_by_id",
    "block",
    "blocking_pairs",
    "check_choices",
    "csr_from_lists",
    "deferred_acceptance",
    "join",
    "leave",
    "list_requests",
    "masked",
    "me",
    "mutual_edges",
    "my_membership",
    "on_membership_change",
    "report",
    "send_request",
    "visible_member",
    "visible_members",
]
