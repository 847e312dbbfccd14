"""The O*NET text-release layout: which files we read, their headers, and which are optional."""

from __future__ import annotations

from dataclasses import dataclass

_RATED = (
    "O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "N",
    "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress",
)  # fmt: skip
_DATED = ("Date", "Domain Source")
_SIMPLE_RATED = ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", *_DATED)


@dataclass(frozen=True)
class FileSpec:
    name: str
    layouts: tuple[tuple[str, ...], ...]
    required: bool = False
    #: For rating files: the domain their rows are stored under.
    domain: str | None = None


OCCUPATION_DATA = "Occupation Data.txt"

SPECS: dict[str, FileSpec] = {
    spec.name: spec
    for spec in [
        FileSpec(OCCUPATION_DATA, (("O*NET-SOC Code", "Title", "Description"),), required=True),
        FileSpec("Job Zones.txt", (("O*NET-SOC Code", "Job Zone", *_DATED),)),
        FileSpec("Interests.txt", (_SIMPLE_RATED,), domain="interests"),
        FileSpec("Work Values.txt", (_SIMPLE_RATED,), domain="work_values"),
        FileSpec("Skills.txt", ((*_RATED, "Not Relevant", *_DATED),), domain="skills"),
        FileSpec("Knowledge.txt", ((*_RATED, "Not Relevant", *_DATED),), domain="knowledge"),
        FileSpec("Abilities.txt", ((*_RATED, "Not Relevant", *_DATED),), domain="abilities"),
        FileSpec(
            "Work Activities.txt", ((*_RATED, "Not Relevant", *_DATED),), domain="work_activities"
        ),
        FileSpec("Work Styles.txt", ((*_RATED, *_DATED),), domain="work_styles"),
        FileSpec(
            "Education, Training, and Experience.txt",
            (
                (
                    "O*NET-SOC Code",
                    "Element ID",
                    "Element Name",
                    "Scale ID",
                    "Category",
                    "Data Value",
                    "N",
                    "Standard Error",
                    "Lower CI Bound",
                    "Upper CI Bound",
                    "Recommend Suppress",
                    *_DATED,
                ),
            ),
        ),
        FileSpec(
            "Education, Training, and Experience Categories.txt",
            (("Element ID", "Element Name", "Scale ID", "Category", "Category Description"),),
        ),
        FileSpec(
            "Job Zone Reference.txt",
            (
                (
                    "Job Zone",
                    "Name",
                    "Experience",
                    "Education",
                    "Job Training",
                    "Examples",
                    "SVP Range",
                ),
            ),
        ),
        FileSpec(
            "Technology Skills.txt",
            (
                (
                    "O*NET-SOC Code",
                    "Example",
                    "Commodity Code",
                    "Commodity Title",
                    "Hot Technology",
                    "In Demand",
                ),
                (
                    "O*NET-SOC Code",
                    "Example",
                    "Commodity Code",
                    "Commodity Title",
                    "Hot Technology",
                ),
            ),
        ),
        FileSpec(
            "Task Statements.txt",
            (
                (
                    "O*NET-SOC Code",
                    "Task ID",
                    "Task",
                    "Task Type",
                    "Incumbents Responding",
                    *_DATED,
                ),
            ),
        ),
        FileSpec(
            "Alternate Titles.txt",
            (("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)"),),
        ),
        FileSpec(
            "Related Occupations.txt",
            (("O*NET-SOC Code", "Related O*NET-SOC Code", "Relatedness Tier", "Index"),),
        ),
        FileSpec("Content Model Reference.txt", (("Element ID", "Element Name", "Description"),)),
        FileSpec("Scales Reference.txt", (("Scale ID", "Scale Name", "Minimum", "Maximum"),)),
        FileSpec(
            "Level Scale Anchors.txt",
            (("Element ID", "Element Name", "Scale ID", "Anchor Value", "Anchor Description"),),
        ),
        FileSpec(
            "Interests Illustrative Activities.txt",
            (("Element ID", "Element Name", "Interest Type", "Activity"),),
        ),
        FileSpec(
            "RIASEC Keywords.txt", (("Element ID", "Element Name", "Keyword", "Keyword Type"),)
        ),
        FileSpec(
            "Basic Interests to RIASEC.txt",
            (
                (
                    "Basic Interests Element ID",
                    "Basic Interests Element Name",
                    "RIASEC Element ID",
                    "RIASEC Element Name",
                ),
            ),
        ),
    ]
}

RIASEC_ELEMENTS = ("1.B.1.a", "1.B.1.b", "1.B.1.c", "1.B.1.d", "1.B.1.e", "1.B.1.f")
RIASEC_LETTERS = "RIASEC"
HIGH_POINT_ELEMENTS = ("1.B.1.g", "1.B.1.h", "1.B.1.i")
