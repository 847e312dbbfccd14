"""Plans: gap analysis now; SMART objectives, benchmarks and progress next."""

from passionpath.plan._analysis import analyse_gaps
from passionpath.plan._gaps import (
    DescriptorGap,
    ExperienceGap,
    GapReport,
    PreparationGap,
    TechnologyGap,
)

__all__ = [
    "DescriptorGap",
    "ExperienceGap",
    "GapReport",
    "PreparationGap",
    "TechnologyGap",
    "analyse_gaps",
]
