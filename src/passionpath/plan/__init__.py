"""Plans: gap analysis, SMART objectives with benchmarks, actions, obstacles, progress and
an iCalendar feed."""

from passionpath.plan._analysis import analyse_gaps
from passionpath.plan._credentials import CredentialNeed
from passionpath.plan._gaps import (
    DescriptorGap,
    ExperienceGap,
    GapReport,
    PreparationGap,
    TechnologyGap,
)
from passionpath.plan._generate import OBSTACLE_KINDS, PlanDraft, generate_plan, hours_to_raise
from passionpath.plan._ical import plan_calendar
from passionpath.plan._progress import ObjectiveProgress, plan_progress
from passionpath.plan._service import find_plan, log_progress, new_plan, rerate
from passionpath.plan._store import (
    PlanView,
    activate_plan,
    add_event,
    attach_to_action,
    check_benchmark,
    find_by_feed_token,
    list_plans,
    load_plan,
)

__all__ = [
    "OBSTACLE_KINDS",
    "CredentialNeed",
    "DescriptorGap",
    "ExperienceGap",
    "GapReport",
    "ObjectiveProgress",
    "PlanDraft",
    "PlanView",
    "PreparationGap",
    "TechnologyGap",
    "activate_plan",
    "add_event",
    "analyse_gaps",
    "attach_to_action",
    "check_benchmark",
    "find_by_feed_token",
    "find_plan",
    "generate_plan",
    "hours_to_raise",
    "list_plans",
    "load_plan",
    "log_progress",
    "new_plan",
    "plan_calendar",
    "plan_progress",
    "rerate",
]
