"""Occupation titles as they read inside a sentence."""

from __future__ import annotations

import re

#: Scope notes O*NET appends to titles ("Middle School Teachers, Except Special and ...").
_SCOPE = re.compile(r",\s+(Except|Including)\b.*$")


def short_title(title: str) -> str:
    """The title without its scope note: "Middle School Teachers"."""
    return _SCOPE.sub("", title).strip()


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "'s")):
        return word[:-1]
    return word


def _one_noun(phrase: str) -> str:
    """ "Cooling and Freezing Equipment Operators and Tenders" -> "Cooling and Freezing
    Equipment Operator or Tender": parts ending in a plural are jobs (either will do); a part
    that does not ("Cooling") describes the next one."""
    jobs: list[str] = []
    pending = ""
    for part in phrase.split(" and "):
        part = f"{pending} and {part}" if pending else part
        words = part.split()
        if words and _singular(words[-1]) != words[-1]:
            jobs.append(" ".join([*words[:-1], _singular(words[-1])]))
            pending = ""
        else:
            pending = part
    if pending:
        jobs.append(pending)
    return " or ".join(jobs)


def one_of(title: str) -> str:
    """One person doing the job, with its article: "a Middle School Teacher", "an
    Electrician", "a Chef or Head Cook", "a First-Line Supervisor of Retail Sales Workers"."""
    head = short_title(title)
    first = head.split(",")[0].strip()
    # "Plumbers, Pipefitters, and Steamfitters": the first job will do; "Court, Municipal,
    # and License Clerks": the commas list kinds of one job.
    if first.split() and _singular(first.split()[-1]) != first.split()[-1]:
        head = first
    job, of, rest = head.partition(" of ")
    one = _one_noun(job) + (of + rest if of else "")
    article = "an" if one[:1].lower() in "aeiou" else "a"
    return f"{article} {one}"


def education_name(label: str) -> str:
    """O*NET's education category without its explanation: "Post-Secondary Certificate"."""
    return re.split(r"\s+-\s+|\s+\(", label, maxsplit=1)[0].strip()


def education_phrase(label: str) -> str:
    """The category inside a sentence: "a post-secondary certificate", "some college courses"."""
    name = education_name(label).lower()
    if name.startswith(("some ", "less than ", "post-doctoral")):
        return name
    return ("an " if name[:1] in "aeiou" else "a ") + name
