"""The occupations a contact works in, read from their job title with the catalog's title
search (the one behind ``occupations search`` and the web's type-ahead).

A job title as people write it carries more than the job: "Senior UX Designer at Figma",
"Head Coach, Women's Soccer", "Founder & CEO". The words around the job are dropped first,
then the title is looked up. Only a clear answer is kept: a title that names an occupation
word for word, or a search whose best hit stands well clear of the next one. "Teacher" or
"Consultant" name no one occupation, and a wrong guess would put someone in front of the
person as an informational interview they cannot give; the person can always set the
occupations by hand. ``benchmarks/eval_contact_titles.py`` measures the rule.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from passionpath.context import Context

#: Most occupations inferred for one title ("Teacher and Coach" may name two).
MAX_INFERRED = 2
#: A search hit is taken when it scores at least this (a word-for-word alternate title
#: scores 10 and more, one matching word of three about 1)...
MIN_SCORE = 3.0
#: ... and at least this many times the next occupation's score.
CLEAR_LEAD = 2.0

#: Where the job ends and the employer, team or region begins.
_TAIL = re.compile(r"\s+(?:at|@|\||-|\u2013|\u2014|for)\s+.*$|\s*[,(].*$", re.IGNORECASE)
#: Words about rank or contract, not about the work.
_RANK = re.compile(
    r"\b(?:senior|sr|junior|jr|lead|principal|staff|freelance|freelancing|intern|trainee|"
    r"i{1,3}|iv|[1-4])\b\.?",
    re.IGNORECASE,
)
#: Several jobs in one title.
_JOINS = re.compile(r"\s*(?:&|\band\b|\+|/(?=\s)|\s/)\s*", re.IGNORECASE)


def job_words(title: str) -> str:
    """The job in a title: "Senior Accountant at Deloitte" -> "Accountant"."""
    core = _TAIL.sub("", title.strip())
    core = _RANK.sub(" ", core)
    return " ".join(core.split())


def _clear_codes(query: str, ctx: Context) -> tuple[str, ...]:
    from passionpath.catalog import title_index, tokenize

    index = title_index(ctx)
    exact = index.exact_codes(query)
    if exact:
        return tuple(exact[:MAX_INFERRED])
    hits = index.search(query, 2)
    if not hits or hits[0].score < MIN_SCORE:
        return ()
    if len(hits) > 1 and hits[0].score < CLEAR_LEAD * hits[1].score:
        return ()
    # The matched title's last word names the job in English ("Staff Accountant" is an
    # accountant); a query that only shares a qualifier with it ("Volunteer" and "Volunteer
    # Firefighter") does not name it.
    # O*NET puts its own qualifiers after a comma ("Elementary School Teachers, Except ...").
    head = tokenize(hits[0].matched_title.split(",")[0])[-1:]
    if head and head[0] not in tokenize(query):
        return ()
    return (hits[0].code,)


def occupations_for_title(title: str | None, ctx: Context) -> tuple[str, ...]:
    """The O*NET-SOC codes a job title clearly names (none when it names no one occupation,
    or when no catalog is loaded)."""
    from passionpath.catalog import EmptyCatalogError

    if not title or not title.strip():
        return ()
    job = job_words(title)
    if not job:
        return ()
    try:
        found = _clear_codes(job, ctx)
        if found:
            return found
        # "Founder & CEO": each job on its own, the first that is clear.
        parts = [p for p in _JOINS.split(job) if p.strip()]
        codes: list[str] = []
        for part in parts if len(parts) > 1 else []:
            for code in _clear_codes(part, ctx):
                if code not in codes:
                    codes.append(code)
        return tuple(codes[:MAX_INFERRED])
    except EmptyCatalogError:
        return ()
