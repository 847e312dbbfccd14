"""The steps a new person goes through, and which of them their profile already answers."""

from __future__ import annotations

from dataclasses import dataclass

from passionpath.profile._document import ProfileDocument

#: The six work values in plain words, as a person is asked about them.
WORK_VALUE_MEANINGS = {
    "Achievement": "using your strengths and seeing results",
    "Working Conditions": "job security, good pay and a pleasant workplace",
    "Recognition": "advancement, prestige and a chance to lead",
    "Relationships": "friendly co-workers and serving others",
    "Support": "managers who back you and fair policies",
    "Independence": "working on your own and making decisions",
}


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    done: bool
    #: What matching loses when the step is skipped, said before the person skips it.
    without: str


def onboarding_steps(document: ProfileDocument) -> list[Step]:
    """The five steps in order: passions, interests, background, skills, values."""
    block = document.passionpath
    reflections = block.reflections.model_dump().values() if block else []
    return [
        Step(
            "passions",
            "What you love",
            any(t.strip() for t in reflections) or bool(block and block.activities),
            "Without your own words, matches rest on the inventory alone and cannot say what "
            "draws you to a career.",
        ),
        Step(
            "interests",
            "Your interests",
            bool(block and block.inventory),
            "Without the inventory, your interests are read from your words only, which is "
            "less sure.",
        ),
        Step(
            "background",
            "What you have done",
            bool(document.education or document.work or document.certificates),
            "Without your education and jobs we cannot judge preparation: matches assume a "
            "high-school level and no experience.",
        ),
        Step(
            "skills",
            "Your skills",
            bool(block and (block.skills or block.knowledge)),
            "Without ratings, your skills are estimated from your jobs and education.",
        ),
        Step(
            "values",
            "What you want from work",
            bool(block and block.work_values),
            "Without your values, matches ignore what you want from work (security, "
            "independence, recognition...).",
        ),
    ]
