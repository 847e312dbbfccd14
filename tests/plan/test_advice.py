"""Plans that read as advice: tools that fit the target's field, learnt the way that field
learns them; the licence a target requires; benchmarks that each say something different.

Pure checks build gap reports by hand; the rest run on a hand-made release with extra tools
and on the bundled starter catalog.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from typer.testing import CliRunner

from passionpath.catalog import import_release
from passionpath.cli._app import app
from passionpath.context import Context
from passionpath.plan import analyse_gaps, generate_plan
from passionpath.plan._credentials import credential_need
from passionpath.plan._gaps import DescriptorGap, GapReport, PreparationGap, TechnologyGap
from passionpath.plan._titles import one_of
from passionpath.profile import parse_document
from passionpath.store import models as m
from tests.release_factory import write_release

START = date(2027, 1, 4)
SOFTWARE_EVENTS = ("hackathon", "meetup", "game jam")

#: Extra tools for the fixture's bakers (a hands-on job): (name, kind, hot, in demand).
BAKERY_TOOLS = [
    ("Intuit QuickBooks", "Accounting software", "Y", "N"),
    ("Microsoft Office software", "Office suite software", "Y", "Y"),
    ("DuPont ColorNet", "Data base user interface and query software", "N", "N"),
    ("OvenLink controller", "Industrial control software", "Y", "N"),
]

PHD = {
    "basics": {"name": "Lena", "summary": "PhD in molecular biology. I love teaching kids."},
    "education": [{"institution": "U", "studyType": "PhD", "area": "Molecular Biology"}],
}


def _all_checks(plan: object) -> list[str]:
    return [b.check for o in plan.objectives for b in o.benchmarks]  # type: ignore[attr-defined]


def _action_titles(plan: object) -> str:
    return " | ".join(a.title for a in plan.actions).lower()  # type: ignore[attr-defined]


@pytest.fixture
def bakery(engine: Engine, tmp_path: Path) -> Engine:
    release = write_release(tmp_path / "release")
    tools = release / "Technology Skills.txt"
    rows = [f"51-3011.00\t{n}\t43230000\t{k}\t{h}\t{d}" for n, k, h, d in BAKERY_TOOLS]
    tools.write_text(tools.read_text().rstrip("\n") + "\n" + "\n".join(rows) + "\n")
    import_release(release, engine=engine)
    return engine


def test_a_hands_on_target_gets_its_own_tools_learnt_on_the_job(bakery: Engine) -> None:
    person = parse_document({"basics": {"name": "Gary"}})
    report = analyse_gaps(person, "51-3011.00", Context.open(engine=bakery))
    assert report.domain == "hands-on"
    central = {t.name for t in report.technology if t.central}
    # Book-keeping and office suites are not a baker's craft, and a tool neither hot nor in
    # demand is not a headline; the oven controller, used only by bakers, is.
    assert central == {"OvenLink controller"}
    plan = generate_plan(report, start=START, hours_per_week=5)
    assert [o.name for o in plan.objectives if o.kind == "technology"] == ["OvenLink controller"]
    actions = _action_titles(plan)
    assert not any(word in actions for word in SOFTWARE_EVENTS)
    assert "supplier's training in ovenlink controller" in actions
    tool = next(o for o in plan.objectives if o.kind == "technology")
    assert "on a real job" in tool.statement
    assert "supplier's training" in tool.benchmarks[0].check


def test_a_software_target_still_meets_people_at_hackathons(bakery: Engine) -> None:
    person = parse_document({"basics": {"name": "Sam"}})
    report = analyse_gaps(person, "15-1252.00", Context.open(engine=bakery))
    assert report.domain == "software"
    plan = generate_plan(report, start=START, hours_per_week=5)
    assert "hackathon or open-source project where python is used" in _action_titles(plan)


def test_a_tool_of_the_same_kind_is_mentioned_not_made_a_second_goal() -> None:
    tools = [
        TechnologyGap("MEDITECH", True, False, False, "Medical software", central=True),
        TechnologyGap("Epic Systems", True, False, False, "Medical software", central=True),
        TechnologyGap("Apache Spark", True, False, False, "Analytics software", central=False),
    ]
    report = GapReport("rosa", "29-1141.00", "Registered Nurses", technology=tools)
    plan = generate_plan(report, start=START, hours_per_week=5)
    technology = [o for o in plan.objectives if o.kind == "technology"]
    assert [o.name for o in technology] == ["MEDITECH"]
    assert "Employers also list Epic Systems." in technology[0].statement
    assert "vendor's own training in meditech" in _action_titles(plan)


def test_a_teacher_target_starts_with_the_teaching_licence(
    default_starter_engine: Engine,
) -> None:
    ctx = Context.open(engine=default_starter_engine)
    report = analyse_gaps(parse_document(PHD), "25-2031.00", ctx)
    assert report.credential is not None and not report.credential.held
    assert "teaching licence" in report.credential.name
    plan = generate_plan(report, start=START, hours_per_week=5)
    first = plan.objectives[0]
    assert (first.kind, first.name) == ("credential", "Teaching licence")
    assert (
        "must hold one" in first.statement and "differ by state and by country" in first.statement
    )
    assert first.benchmarks[0].check.startswith("Written down what it takes to teach")
    assert "application deadline" in first.benchmarks[1].check
    route = [a for a in plan.actions if a.objective == 0]
    assert route and route[0].kind == "certification"
    assert "alternative certification" in route[0].title
    interview = plan.actions[0].title
    assert interview.startswith("Informational interview with a Secondary School Teacher:")
    assert interview.endswith("how they got their teaching licence")


def test_a_licence_already_held_is_not_planned_again(default_starter_engine: Engine) -> None:
    teacher = {
        **PHD,
        "certificates": [{"name": "Qualified Teacher Status (QTS)", "issuer": "DfE"}],
    }
    ctx = Context.open(engine=default_starter_engine)
    report = analyse_gaps(parse_document(teacher), "25-2031.00", ctx)
    assert report.credential is not None and report.credential.held
    assert report.credential.held_as == "Qualified Teacher Status (QTS) DfE"
    plan = generate_plan(report, start=START, hours_per_week=5)
    assert not [o for o in plan.objectives if o.kind == "credential"]


def test_the_gaps_command_names_the_credential(
    default_starter_engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "lena.json"
    path.write_text(json.dumps(PHD))
    shown = CliRunner().invoke(app, ["gaps", str(path), "--target", "25-2031.00"])
    assert shown.exit_code == 0, shown.output
    assert "Needed. Credential: a teaching licence" in " ".join(shown.output.split())
    as_json = CliRunner().invoke(app, ["gaps", str(path), "--target", "25-2031.00", "--json"])
    assert json.loads(as_json.output)["credential"]["required"] is True


def test_the_licence_route_covers_the_usual_degree() -> None:
    nurse = GapReport(
        "rosa",
        "29-1141.00",
        "Registered Nurses",
        preparation=PreparationGap(2, 3, "High school", "Bachelor's Degree", 0.05, True),
        credential=credential_need(
            "29-1141.00", "Registered Nurses", "Licensing or registration required.", [], []
        ),
    )
    plan = generate_plan(nurse, start=START, hours_per_week=5)
    credentials = [o for o in plan.objectives if o.kind == "credential"]
    assert [o.name for o in credentials] == ["Registered nurse licence"]
    statement = credentials[0].statement
    assert 'The occupation\'s description says: "Licensing or registration required."' in statement
    assert "Most Registered Nurses have a bachelor's degree: the route includes it." in statement


def test_the_catalogs_own_words_make_a_credential_step() -> None:
    pilots = credential_need(
        "53-2012.00",
        "Commercial Pilots",
        "Pilot aircraft. Requires Commercial Pilot certificate. Includes charter pilots.",
        [],
        [],
    )
    assert pilots is not None
    assert (
        pilots.evidence
        == 'The occupation\'s description says: "Requires Commercial Pilot certificate."'
    )
    assert pilots.name == "the licence or certificate Commercial Pilots need"
    assert len(set(pilots.checks)) == 3
    captains = credential_need(
        "53-5021.00",
        "Captains",
        "Command ships. Required to hold license issued by U.S. Coast Guard.",
        [],
        [],
    )
    assert captains is not None and captains.evidence.endswith('by U.S. Coast Guard."')
    by_task = credential_need(
        "47-2111.00",
        "Electricians",
        "Install wiring.",
        ["Maintain current electrician's license or identification card."],
        [],
    )
    assert by_task is not None and by_task.evidence.startswith("One of its tasks:")
    # A scope note about teachers, a licence someone else holds, a permit for a project.
    assert (
        credential_need(
            "27-2022.00",
            "Coaches",
            "Those required to hold teaching certifications should be reported elsewhere.",
            [],
            [],
        )
        is None
    )
    assert (
        credential_need("31-1122.00", "Aides", "Work under licensed nursing staff.", [], []) is None
    )
    assert (
        credential_need(
            "11-9021.00",
            "Managers",
            "Build.",
            ["Apply for and obtain all necessary permits or licenses."],
            [],
        )
        is None
    )


@pytest.mark.parametrize(
    ("code", "held", "expected"),
    [
        ("53-3032.00", ["Category C+E licence (in training) DVSA"], False),
        ("53-3032.00", ["CDL Class A"], True),
        ("29-1141.00", ["Registered Nurse"], True),
        ("29-1141.00", ["Student nurse", "I want to become a registered nurse."], False),
        ("29-1141.00", ["Learning to turn things around"], False),  # "rn" inside a word
        ("47-2111.00", ["Apprentice electrician"], False),
        ("47-2111.00", ["Qualified electrician for nine years, domestic and commercial."], True),
        ("23-1011.00", ["27, law graduate, called to the bar last year."], True),
    ],
)
def test_what_counts_as_holding_the_credential(code: str, held: list[str], expected: bool) -> None:
    need = credential_need(code, "X", "", [], held)
    assert need is not None and need.held is expected


def test_subject_teachers_teach_their_own_subject() -> None:
    gaps = [
        DescriptorGap("2.C.4.g", "Geography", "knowledge", 1.9, 4.5, 4.0, 2.0),
        DescriptorGap("2.C.6", "Education and Training", "knowledge", 4.4, 5.5, 4.5, 1.0),
    ]
    middle = GapReport("lena", "25-2022.00", "Middle School Teachers, Except Special", gaps)
    plan = generate_plan(middle, start=START, hours_per_week=5)
    assert [o.name for o in plan.objectives] == ["Education and Training"]
    # An elementary teacher teaches every subject: geography stays.
    elementary = GapReport("lena", "25-2021.00", "Elementary School Teachers", gaps)
    assert "Geography" in [
        o.name for o in generate_plan(elementary, start=START, hours_per_week=5).objectives
    ]


@pytest.mark.parametrize(
    ("title", "one"),
    [
        (
            "Middle School Teachers, Except Special and Career/Technical Education",
            "a Middle School Teacher",
        ),
        ("Electricians", "an Electrician"),
        ("Chefs and Head Cooks", "a Chef or Head Cook"),
        ("Heavy and Tractor-Trailer Truck Drivers", "a Heavy and Tractor-Trailer Truck Driver"),
        ("Plumbers, Pipefitters, and Steamfitters", "a Plumber"),
        (
            "First-Line Supervisors of Retail Sales Workers",
            "a First-Line Supervisor of Retail Sales Workers",
        ),
        ("Secretaries and Administrative Assistants", "a Secretary or Administrative Assistant"),
    ],
)
def test_one_person_doing_the_job(title: str, one: str) -> None:
    assert one_of(title) == one


def test_every_starter_occupation_gets_a_plan_that_reads_as_advice(
    default_starter_engine: Engine,
) -> None:
    ctx = Context.open(engine=default_starter_engine)
    with default_starter_engine.connect() as conn:
        codes = conn.execute(select(m.Occupation.code).order_by(m.Occupation.code)).scalars().all()
    person = parse_document(
        {"basics": {"name": "Pat"}, "education": [{"studyType": "High school"}]}
    )
    licensed = 0
    for code in codes:
        report = analyse_gaps(person, code, ctx)
        plan = generate_plan(report, start=START, hours_per_week=5)
        checks = _all_checks(plan)
        assert len(set(checks)) == len(checks), (code, checks)
        if report.domain != "software":
            assert not any(word in _action_titles(plan) for word in SOFTWARE_EVENTS), code
        if report.credential is not None:
            licensed += 1
            assert plan.objectives[0].kind == "credential", code
    # Teachers, nurses, lawyers, pharmacists, electricians... are in the starter catalog.
    assert licensed >= 10


def test_a_degree_many_do_without_is_weighed_first_not_applied_for() -> None:
    def plan_for(share: float) -> object:
        preparation = PreparationGap(2, 4, "High school", "Bachelor's Degree", share, True)
        designer = GapReport(
            "jordan", "15-1255.01", "Video Game Designers", preparation=preparation
        )
        return generate_plan(designer, start=START, hours_per_week=5)

    weighed = plan_for(0.25).objectives[0]  # type: ignore[attr-defined]
    assert (weighed.kind, weighed.name) == ("credential", "Bachelor's Degree")
    assert weighed.statement.startswith("Decide whether to get a bachelor's degree")
    assert "(25% have your education or less)" in weighed.statement
    assert weighed.benchmarks[1].check.startswith("Asked two people who work in the job")
    needed = plan_for(0.05).objectives[0]  # type: ignore[attr-defined]
    assert needed.statement.startswith("Choose and apply for a bachelor's degree")
    assert needed.hours > weighed.hours


def test_a_licence_held_covers_its_degree_too() -> None:
    # Called to the bar: no bar admission step, and no "apply for a doctoral degree" either.
    lawyer = GapReport(
        "adaeze",
        "23-1011.00",
        "Lawyers",
        preparation=PreparationGap(4, 5, "Bachelor's", "Doctoral Degree", 0.1, True),
        credential=credential_need(
            "23-1011.00", "Lawyers", "", [], ["Called to the Bar Inner Temple"]
        ),
    )
    plan = generate_plan(lawyer, start=START, hours_per_week=5)
    assert not [o for o in plan.objectives if o.kind == "credential"]


def test_an_office_suite_and_its_spreadsheet_are_one_goal() -> None:
    tools = [
        TechnologyGap("Microsoft Excel", True, False, True, "Spreadsheet software", central=True),
        TechnologyGap(
            "Microsoft Office software", True, False, True, "Office suite software", central=True
        ),
        TechnologyGap("QuickBooks", True, False, True, "Accounting software", central=True),
    ]
    clerk = GapReport("imani", "43-3031.00", "Bookkeeping Clerks", technology=tools)
    plan = generate_plan(clerk, start=START, hours_per_week=5)
    assert [o.name for o in plan.objectives] == ["Microsoft Excel", "QuickBooks"]


def test_work_is_shown_and_practised_where_the_trade_works() -> None:
    gap = DescriptorGap("2.B.3.m", "Repairing", "skill", 1.7, 2.5, 3.0, 1.0)
    finisher = GapReport("gary", "51-7021.00", "Furniture Finishers", [gap], domain="hands-on")
    plan = generate_plan(finisher, start=START, hours_per_week=5)
    titles = [a.title for a in plan.actions if a.objective == 0]
    assert (
        "A real job that shows Repairing at level 2.5, written up with who can vouch for it"
        in titles
    )
    assert (
        "Volunteer or intern at a furniture or joinery workshop where you use Repairing" in titles
    )
    assert "a furniture or joinery workshop" in plan.objectives[0].benchmarks[1].check
