"""The steps a new person goes through, and which of them their profile already answers."""

from __future__ import annotations

from dataclasses import dataclass

from passionpath.profile._diff import interest_scores
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


def has_background(document: ProfileDocument) -> bool:
    """Whether the profile says anything of the person's preparation: an education entry, a
    job with a title or a start, or a named certificate (an empty row left on a form is not)."""
    jobs = [j for j in document.work or [] if j.position or j.startDate]
    certificates = [c for c in document.certificates or [] if c.name]
    return bool(document.education or jobs or certificates)


def onboarding_steps(document: ProfileDocument) -> list[Step]:
    """The five steps in order: passions, interests, background, skills, values. The
    inventory counts as done once it can be scored (some answers are not a result)."""
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
            interest_scores(document)[1] is not None,
            "Without the inventory, your interests are read from your words only, which is "
            "less sure.",
        ),
        Step(
            "background",
            "What you have done",
            has_background(document),
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
