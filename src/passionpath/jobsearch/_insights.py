"""Insights: the funnel and the patterns turned into what to do next, in plain words.

Besides the counts (``_funnel``, ``_patterns``), this reads the catalog, the person's
profile and their contact book:

* **gaps**: the gaps to the occupation applied to most, re-ranked by the skills rejections
  named (the same re-ranking ``gaps`` and new plans use);
* **roles to try**: when seniority keeps coming up, or the applications end on paper (at the
  application or the screen), the occupations ``similar`` ranks nearest that sit a job zone
  lower or that the person is better qualified for, kept only while still in their passion
  range (passion fit at or above their own passion cut-off, as ``match`` draws it);
* **whom to ask**: people in the book who work at a company that turned the person down,
  who were the recruiter or an interviewer there, or who work in the occupation itself.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from passionpath.errors import PassionpathError
from passionpath.jobsearch._funnel import Funnel, funnel
from passionpath.jobsearch._patterns import Patterns, patterns, reason_words
from passionpath.jobsearch._stages import CLOSED, DEFAULT_GHOST_DAYS
from passionpath.jobsearch._store import cited_counts, list_applications, tracks

if TYPE_CHECKING:
    from passionpath.context import Context
    from passionpath.jobsearch._fields import ApplicationView
    from passionpath.profile import ProfileDocument

__all__ = ["MAX_PEOPLE", "MAX_ROLES", "Insights", "PersonToAsk", "RoleToTry", "insights"]

MAX_ROLES = 3
MAX_PEOPLE = 5
#: Gaps shown.
MAX_GAPS = 5
#: Neighbours of the main occupation considered for roles to try.
_NEIGHBOURS = 10
#: A role is in the person's passion range when its passion fit reaches their own cut-off,
#: or is at most this far below the occupation they are applying for now.
PASSION_MARGIN = 0.15


@dataclass(frozen=True)
class RoleToTry:
    code: str
    title: str
    job_zone: int | None
    passion: float | None
    qualification: float | None
    why: str


@dataclass(frozen=True)
class PersonToAsk:
    contact_id: int
    name: str
    why: str


@dataclass(frozen=True)
class GapToWork:
    element_id: str
    name: str
    current: float
    required: float
    reason: str | None


@dataclass
class Insights:
    funnel: Funnel
    patterns: Patterns
    #: Descriptor ids (as cited) -> names.
    names: dict[str, str]
    #: The occupation applied to most: (code, title).
    focus: tuple[str, str] | None
    profile: str | None
    #: The person's fit for the focus: passion, qualification, and their passion cut-off.
    focus_fit: tuple[float, float, float] | None = None
    gaps: list[GapToWork] = field(default_factory=list)
    roles: list[RoleToTry] = field(default_factory=list)
    people: list[PersonToAsk] = field(default_factory=list)
    #: What it all says, one plain sentence each, most important first.
    said: list[str] = field(default_factory=list)
    attribution: str = ""

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _names(ctx: Context) -> dict[str, str]:
    from passionpath.catalog import descriptors

    out: dict[str, str] = {}
    for domain in ("skills", "knowledge"):
        with contextlib.suppress(PassionpathError):
            out |= {d.element_id: d.name for d in descriptors(domain, ctx.engine)}
    return out


def _titles(ctx: Context) -> dict[str, str]:
    from passionpath.catalog import title_index

    try:
        index = title_index(ctx)
    except PassionpathError:
        return {}
    return dict(zip(index.codes, index.titles, strict=True))


def _document(
    profile: str | None, ctx: Context, owner: int | None
) -> tuple[str, ProfileDocument] | None:
    from passionpath.profile import load_profile

    try:
        record, document = load_profile(profile, ctx.engine, owner=owner)
    except PassionpathError:
        if profile is not None:
            raise
        return None  # no profile yet: insights without fit
    return record.slug, document


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _focus(views: list[ApplicationView], titles: dict[str, str]) -> tuple[str, str] | None:
    counts = Counter(v.occupation_code for v in views if v.occupation_code)
    if not counts:
        return None
    code = counts.most_common(1)[0][0]
    return code, titles.get(code, code)


def _shortfall(levels: Any, matrices: Any, code: str, cited: Mapping[str, int]) -> float | None:
    """How far the person falls short, in total, of what ``code`` asks of the descriptors
    the rejections named (levels 0-7, each weighted by the rejections naming it)."""
    import numpy as np

    row = matrices.index.get(code)
    if row is None:
        return None
    columns = {d: j for j, d in enumerate(matrices.descriptor_ids)}
    total = 0.0
    for element, count in cited.items():
        j = columns.get(element)
        if j is None:
            continue
        required = float(np.nan_to_num(matrices.level[row][j], nan=0.0))
        total += count * max(required - float(levels[j]), 0.0)
    return total


def _roles(
    focus: str,
    ctx: Context,
    document: ProfileDocument | None,
    why_now: str,
    cited: Mapping[str, int],
) -> list[RoleToTry]:
    from passionpath.catalog import occupation_profile
    from passionpath.match import fit_for, load_matrices, match, prepare_person, similar

    try:
        near = similar(focus, ctx, top=_NEIGHBOURS)
        zone = occupation_profile(focus, ctx.engine).job_zone
    except PassionpathError:
        return []
    if document is None:
        down = [r for r in near if zone and r.job_zone and r.job_zone < zone]
        return [
            RoleToTry(r.code, r.title, r.job_zone, None, None, f"a job zone lower; {why_now}")
            for r in down[:MAX_ROLES]
        ]
    fits = fit_for(document, [focus, *(r.code for r in near)], ctx)
    cut = match(document, ctx, top=1, include_stretch=False).thresholds["passion"]
    mine = fits[0]
    floor = min(cut, mine.passion - PASSION_MARGIN)
    matrices = load_matrices(ctx)
    levels = prepare_person(document, matrices, ctx).levels
    short_here = _shortfall(levels, matrices, focus, cited) if cited else None
    out = []
    for r, fit in zip(near, fits[1:], strict=True):
        if fit.passion < floor:
            continue
        lower = bool(zone and r.job_zone and r.job_zone < zone)
        better = fit.qualification > mine.qualification
        short = _shortfall(levels, matrices, r.code, cited) if cited else None
        asks_less = short is not None and short_here is not None and short < short_here - 0.5
        if not (lower or better or asks_less):
            continue
        parts = []
        if lower:
            parts.append(f"job zone {r.job_zone} instead of {zone}")
        if better:
            parts.append(
                f"you are qualified {fit.qualification:.2f} against {mine.qualification:.2f}"
            )
        if asks_less:
            parts.append(
                f"asks less of the skills your rejections named: shortfall {short:.1f} "
                f"against {short_here:.1f}"
            )
        parts.append(f"passion {fit.passion:.2f}, within your range from {floor:.2f}")
        out.append(
            RoleToTry(
                r.code,
                r.title,
                r.job_zone,
                round(fit.passion, 4),
                round(fit.qualification, 4),
                "; ".join(parts),
            )
        )
    out.sort(key=lambda r: -((r.passion or 0) + (r.qualification or 0)))
    return out[:MAX_ROLES]


def _people(
    views: list[ApplicationView], focus: tuple[str, str] | None, ctx: Context, owner: int | None
) -> list[PersonToAsk]:
    from passionpath.network import contacts_for, list_contacts

    book = list_contacts(ctx.engine, owner=owner)
    by_id = {c.id: c for c in book}
    found: dict[int, PersonToAsk] = {}

    def add(contact_id: int, why: str) -> None:
        if contact_id in by_id and contact_id not in found:
            found[contact_id] = PersonToAsk(contact_id, by_id[contact_id].display_name or "", why)

    ended = [
        v
        for v in views
        if v.status is not None and v.status.stage in CLOSED and v.status.stage != "accepted"
    ]
    for v in ended:
        stage = v.status.ended_at if v.status else None
        for link in v.contacts:
            if link.role in ("recruiter", "interviewer"):
                add(
                    link.contact_id,
                    f"was your {link.role} at {v.company}: ask what would have "
                    f"made the difference at the {stage}",
                )
    for v in ended:
        company = (v.company or "").casefold()
        for c in book:
            if company and (c.organisation or "").casefold() == company:
                add(
                    c.id,
                    f"works at {v.company}, where the {v.role_title} application ended "
                    f"at the {v.status.ended_at if v.status else 'end'}: ask how they read "
                    "your application",
                )
    if focus is not None:
        try:
            near = contacts_for(focus[0], ctx, owner=owner).people
        except PassionpathError:
            near = []
        for p in near:
            if p.closeness == 0:
                add(
                    p.contact_id,
                    f"does this work ({focus[1]}): ask them to read your CV and portfolio "
                    "as a hiring manager would",
                )
    return list(found.values())[:MAX_PEOPLE]


def insights(
    ctx: Context,
    *,
    owner: int | None = None,
    profile: str | None = None,
    today: date | None = None,
    ghost_after: int = DEFAULT_GHOST_DAYS,
) -> Insights:
    """What the owner's applications say, and what to do next (see the module's note).
    Without ``profile``, the owner's only or default profile is used when there is one."""
    from passionpath.catalog import release_attribution

    day = today or date.today()
    views = list_applications(ctx.engine, owner=owner, today=day, ghost_after=ghost_after)
    ts = tracks(views)
    titles = _titles(ctx)
    focus = _focus([v for v in views if v.status and v.status.applied_on], titles)
    loaded = _document(profile, ctx, owner)
    document = loaded[1] if loaded else None
    fits: dict[str, tuple[float, float, float]] = {}
    codes = sorted({t.occupation for t in ts if t.occupation})
    if document is not None and codes:
        from passionpath.match import fit_for

        try:
            for code, fit in zip(codes, fit_for(document, codes, ctx), strict=True):
                fits[code] = (fit.score, fit.passion, fit.qualification)
        except PassionpathError:
            fits = {}
    f = funnel(ts, today=day, ghost_after=ghost_after)
    f.titles = {c: titles.get(c, c) for c in codes}
    p = patterns(ts, today=day, ghost_after=ghost_after, fits=fits)
    names = _names(ctx)
    out = Insights(
        f, p, {k: names.get(k, k) for k in p.repeated_skills}, focus, loaded[0] if loaded else None
    )
    if focus is not None and document is not None and focus[0] in fits:
        from passionpath.match import match

        cut = match(document, ctx, top=1, include_stretch=False).thresholds["passion"]
        out.focus_fit = (round(fits[focus[0]][1], 4), round(fits[focus[0]][2], 4), cut)
    if focus is not None and document is not None:
        from passionpath.plan import analyse_gaps

        try:
            report = analyse_gaps(
                document, focus[0], ctx, cited=cited_counts(ctx.engine, owner=owner)
            )
            out.gaps = [
                GapToWork(g.element_id, g.name, g.current, g.required, g.reason)
                for g in report.skills[:MAX_GAPS]
            ]
        except PassionpathError:
            pass
    on_paper = p.fall_out is not None and p.fall_out.stage in ("applied", "screen")
    if focus is not None and (p.seniority_repeated or on_paper):
        why = (
            f"experience or seniority was the reason in {p.seniority} rejections"
            if p.seniority_repeated
            else f"{p.fall_out.ended_here} of {p.fall_out.ended} ended on paper"  # type: ignore[union-attr]
        )
        out.roles = _roles(focus[0], ctx, document, why, cited_counts(ctx.engine, owner=owner))
    out.people = _people(views, focus, ctx, owner)
    out.said = _say(out)
    try:
        out.attribution = release_attribution(ctx.engine)[0]
    except PassionpathError:
        out.attribution = ""
    return out


def _say(i: Insights) -> list[str]:
    f, p = i.funnel, i.patterns
    said: list[str] = []
    if not f.applied:
        return ["No applications sent yet: add them as you go, and the pattern shows here."]
    said.append(
        f"You sent {f.applied} application{'s' if f.applied != 1 else ''}; "
        f"{f.responded} got an answer ({_percent(f.response_rate)})."
    )
    fo = p.fall_out
    if fo is not None:
        said.append(
            f"{fo.ended_here} of your {fo.ended} applications that ended did so at the "
            f"{fo.stage}. That points at {fo.work_on}."
        )
    elif p.ended:
        spread = ", ".join(f"{n} at the {s}" for s, n in p.ended_at.items())
        said.append(
            f"Your applications ended at different stages ({spread}): no one stage stands out yet."
        )
    if p.rejections:
        share = p.unexplained_share or 0.0
        said.append(
            f"{round(share * p.rejections)} of {p.rejections} rejections gave no real reason "
            "(a template, or nothing). That is the usual case, not a sign about you: ask the "
            "people below for the feedback the e-mails leave out."
        )
        given = [
            f"{reason_words(r)} ({n})" for r, n in p.reasons.items() if r != "templated_unknown"
        ]
        if given:
            said.append("The reasons given: " + ", ".join(given) + ".")
    if p.repeated_skills:
        named = ", ".join(f"{i.names.get(k, k)} in {n}" for k, n in p.repeated_skills.items())
        said.append(
            f"Employers named {named} rejections. These now weigh more in your gaps and in "
            "new plans."
        )
    if i.gaps:
        said.append(
            "Gaps to work on first: "
            + "; ".join(
                f"{g.name} ({g.current:.1f} -> {g.required:.1f}"
                + (f", {g.reason})" if g.reason else ")")
                for g in i.gaps[:3]
            )
            + "."
        )
    if p.seniority_repeated:
        said.append(
            f"Experience or seniority was the reason in {p.seniority} rejections: the roles "
            "may be pitched above where you are now."
        )
    fitted = [o for o in p.occupations if o.score is not None][:3]
    if fitted:
        said.append(
            "How each occupation converts beside your match: "
            + "; ".join(
                f"{f.titles.get(o.code, o.code)}: {o.applied} sent, interviews in "
                f"{_percent(o.interview_rate)}, match {o.score:.2f} (passion {o.passion:.2f}, "
                f"qualification {o.qualification:.2f})"
                for o in fitted
            )
            + "."
        )
    best = [o for o in p.occupations if o.applied >= 2]
    if len(best) >= 2:
        top, low = best[0], best[-1]
        if top.interview_rate > low.interview_rate:
            said.append(
                f"{f.titles.get(top.code, top.code)} got you interviews in "
                f"{_percent(top.interview_rate)} of applications, "
                f"{f.titles.get(low.code, low.code)} in {_percent(low.interview_rate)}."
            )
    if i.focus is not None and i.focus_fit is not None and i.focus_fit[0] < i.focus_fit[2]:
        said.append(
            f"Your passion fit for {i.focus[1]} is {i.focus_fit[0]:.2f}, under your own "
            f"cut-off of {i.focus_fit[2]:.2f}: worth asking whether this is the work you "
            "want, or only the way in you know."
        )
    if i.roles:
        said.append("Roles to try: " + "; ".join(f"{r.title} ({r.why})" for r in i.roles) + ".")
    if i.people:
        said.append(
            "Whom to ask for feedback: "
            + "; ".join(f"{person.name}, who {person.why}" for person in i.people[:3])
            + "."
        )
    return said
