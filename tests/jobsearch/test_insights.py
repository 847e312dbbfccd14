"""Insights and the redirect on the starter catalog: Priya's five UX rejections raise the
gaps they named, in ``gaps`` and in new plans, propose roles and people to ask."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from passionpath.context import Context
from passionpath.jobsearch import (
    ApplicationFields,
    LinkedContact,
    StageEvent,
    add_application,
    cited_counts,
    insights,
    log_event,
)
from passionpath.network import ContactFields, add_contact
from passionpath.plan import analyse_gaps, new_plan
from passionpath.profile import create_profile, parse_document

PRIYA = Path(__file__).resolve().parents[2] / "examples" / "profiles" / "priya.json"
UX = "15-1255.00"
DESIGN, TECH_DESIGN = "2.C.3.c", "2.B.3.b"
DAY = date(2026, 9, 1)
TODAY = DAY + timedelta(days=60)


def _priya(ctx: Context) -> dict[str, int]:
    create_profile(parse_document(json.loads(PRIYA.read_text())), slug="priya", engine=ctx.engine)
    recruiter = add_contact(
        ContactFields(display_name="Omar Haddad", organisation="Brightpath"), ctx.engine
    )
    insider = add_contact(
        ContactFields(display_name="Lena Ortiz", organisation="Lumen Health"), ctx.engine
    )
    designer = add_contact(
        ContactFields(display_name="Ana Silva", job_title="UX Designer"), ctx.engine, ctx=ctx
    )
    companies = ["Lumen Health", "Brightpath", "Northwind", "Cobalt Bank", "Harbour Transit"]
    ids = {}
    for i, company in enumerate(companies):
        links = (LinkedContact(recruiter, "recruiter"),) if company == "Brightpath" else ()
        ids[company] = add_application(
            ApplicationFields(
                company=company, role_title="UX Designer", source="job board", contacts=links
            ),
            ctx.engine,
            stage="applied",
            on=DAY + timedelta(days=i),
            ctx=ctx,
        )
    rejections = {
        "Lumen Health": ("screen", ("skills_gap",), (DESIGN, TECH_DESIGN)),
        "Brightpath": ("screen", ("experience_seniority",), (DESIGN,)),
        "Northwind": ("screen", (), ()),
        "Cobalt Bank": ("screen", ("experience_seniority",), (TECH_DESIGN,)),
        "Harbour Transit": ("interview", ("skills_gap",), (DESIGN,)),
    }
    for company, (stage, reasons, cited) in rejections.items():
        app = ids[company]
        log_event(app, StageEvent(0, "screen", DAY + timedelta(days=10)), ctx.engine)
        if stage == "interview":
            log_event(
                app,
                StageEvent(0, "interview", DAY + timedelta(days=15), interview_kind="portfolio"),
                ctx.engine,
            )
        log_event(
            app,
            StageEvent(0, "rejected", DAY + timedelta(days=20), reasons=reasons, cited=cited),
            ctx.engine,
        )
    return {"recruiter": recruiter, "insider": insider, "designer": designer}


def test_rejections_raise_the_gaps_they_named_in_gaps_and_new_plans(
    starter_engine: Engine, ctx: Context
) -> None:
    _priya(ctx)
    cited = cited_counts(ctx.engine)
    assert cited == {DESIGN: 3, TECH_DESIGN: 2}
    plain = analyse_gaps("priya", UX, ctx)
    weighed = analyse_gaps("priya", UX, ctx, cited=cited)
    before = {g.element_id: g for g in plain.skills}
    after = {g.element_id: g for g in weighed.skills}
    assert after[DESIGN].priority == pytest.approx(before[DESIGN].priority * 2.5, abs=0.002)
    assert after[DESIGN].reason == "named in 3 rejections"
    assert after[TECH_DESIGN].reason == "named in 2 rejections"
    assert [g.element_id for g in weighed.skills[:2]] == [DESIGN, TECH_DESIGN]
    assert before[DESIGN].reason is None
    plan = new_plan("priya", UX, ctx, start=TODAY)
    statements = [o.statement for o in plan.objectives if o.element_id == DESIGN]
    assert statements and "named in 3 rejections" in statements[0]


def test_a_cited_skill_the_rating_already_meets_becomes_a_gap_one_level_up(
    starter_engine: Engine, ctx: Context
) -> None:
    _priya(ctx)
    plain = analyse_gaps("priya", UX, ctx)
    met = next(t for t in plain.transfers)  # a strength: no gap in the plain report
    weighed = analyse_gaps("priya", UX, ctx, cited={met.element_id: 2})
    added = next(g for g in weighed.skills if g.element_id == met.element_id)
    assert added.required == pytest.approx(min(7.0, added.current + 1.0))
    assert added.reason == "named in 2 rejections"


def test_insights_say_where_she_falls_out_why_and_whom_to_ask(
    starter_engine: Engine, ctx: Context
) -> None:
    people = _priya(ctx)
    found = insights(ctx, profile="priya", today=TODAY)
    assert found.focus == (UX, "Web and Digital Interface Designers")
    assert found.patterns.fall_out is not None
    assert (found.patterns.fall_out.stage, found.patterns.fall_out.ended_here) == ("screen", 4)
    assert found.names == {DESIGN: "Design", TECH_DESIGN: "Technology Design"}
    assert [g.element_id for g in found.gaps[:2]] == [DESIGN, TECH_DESIGN]
    # Seniority twice and four endings on paper: roles a zone down or better qualified for,
    # still in her passion range.
    assert found.roles, found.said
    for role in found.roles:
        assert "within your range" in role.why
    asked = [p.contact_id for p in found.people]
    assert asked[:2] == [people["recruiter"], people["insider"]]
    assert people["designer"] in asked
    text = " ".join(found.said)
    assert "4 of your 5 applications that ended did so at the screen" in text
    assert "Design in 3, Technology Design in 2 rejections" in text
    assert "1 of 5 rejections gave no real reason" in text


def test_insights_without_a_profile_or_applications(starter_engine: Engine, ctx: Context) -> None:
    empty = insights(ctx, today=TODAY)
    assert empty.funnel.applied == 0 and empty.said[0].startswith("No applications sent yet")
    add_application(
        ApplicationFields(company="A", role_title="UX Designer"),
        ctx.engine,
        stage="applied",
        on=DAY,
        ctx=ctx,
    )
    one = insights(ctx, today=TODAY)
    assert one.profile is None and one.gaps == [] and one.funnel.applied == 1
