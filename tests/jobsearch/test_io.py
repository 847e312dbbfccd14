"""CSV import with column mapping, all or nothing, and the JSON export."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from passionpath.jobsearch import (
    ApplicationError,
    ImportRowError,
    export_applications_json,
    import_applications_csv,
    list_applications,
    mapping_from_columns,
    preview_applications_csv,
)

TODAY = date(2026, 6, 1)

# Our own files, in the shapes the trackers export: a board with list names (Huntr-like) ...
HUNTR = (
    "Company,Job Title,List,URL,Location,Salary,Date Applied,Interview Date,Notes\n"
    "Lumen Health,UX Designer,Rejected,https://jobs.example.org/1,Toronto,,2026-03-02,"
    "2026-03-16,Portfolio round\n"
    "Brightpath,Product Designer,Applied,,Remote,$90k,2026-03-05,,\n"
    "Northwind,UX Researcher,Wishlist,,,,,,\n"
)
# ... statuses with words of their own and US dates (Teal-like) ...
TEAL = (
    "Company Name,Job Position,Status,Date Saved,Date Applied,Job Description,Source\r\n"
    'Cobalt Bank,UX Designer,Not Selected,02/20/2026,02/25/2026,"Design flows.\nTest them.",'
    "LinkedIn\r\n"
    "Harbour Transit,UX Designer,I Withdrew,,03/01/2026,,Referral\r\n"
    "Acme,Designer,No Response 🔇,,03/03/2026,,\r\n"
)
# ... and a spreadsheet whose headers need a mapping.
SHEET = "Firm,What,Where from,When\nGlobex,UX Designer,Meetup,2026-04-01\n"


def test_huntr_and_teal_shapes_are_read_with_their_stages(engine: Engine) -> None:
    report = import_applications_csv(HUNTR.encode(), engine, filename="huntr.csv")
    assert report.rows == 3 and len(report.added) == 3
    assert report.columns["status"] == "List" and report.ignored == []
    assert report.by_stage == {"rejected": 1, "applied": 1, "saved": 1}
    teal = import_applications_csv(("\ufeff" + TEAL).encode(), engine, filename="teal.csv")
    assert teal.by_stage == {"rejected": 1, "withdrawn": 1, "ghosted": 1}
    views = {v.company: v for v in list_applications(engine, today=TODAY)}
    lumen = views["Lumen Health"]
    assert [(e.stage, e.on) for e in lumen.events] == [
        ("applied", date(2026, 3, 2)),
        ("interview", date(2026, 3, 16)),
        ("rejected", date(2026, 3, 16)),
    ]
    assert lumen.events[-1].at_stage == "interview" and lumen.notes == "Portfolio round"
    cobalt = views["Cobalt Bank"]
    assert [(e.stage, e.on) for e in cobalt.events] == [
        ("saved", date(2026, 2, 20)),
        ("applied", date(2026, 2, 25)),
        ("rejected", date(2026, 2, 25)),
    ]
    assert cobalt.posting_text == "Design flows.\nTest them." and cobalt.source == "LinkedIn"
    assert views["Northwind"].status.stage == "saved"  # type: ignore[union-attr]
    assert views["Brightpath"].pay == "$90k"


def test_a_mapping_names_the_columns_a_spreadsheet_calls_otherwise(engine: Engine) -> None:
    with pytest.raises(ApplicationError) as caught:
        import_applications_csv(SHEET.encode(), engine)
    assert caught.value.field == "mapping" and "no column for company" in caught.value.message
    report = import_applications_csv(
        SHEET.encode(),
        engine,
        mapping={
            "company": "Firm",
            "role_title": "What",
            "source": "Where from",
            "applied_on": "When",
        },
    )
    [view] = list_applications(engine, today=TODAY)
    assert (view.company, view.source, view.events[0].on) == ("Globex", "Meetup", date(2026, 4, 1))
    assert report.rows == 1
    with pytest.raises(ApplicationError) as bad:
        import_applications_csv(SHEET.encode(), engine, mapping={"company": "Nope"})
    assert bad.value.field == "mapping"


def test_a_bad_row_names_its_line_and_column_and_nothing_is_imported(engine: Engine) -> None:
    broken = HUNTR + "Initech,Designer,Daydreaming,,,,,,\n"
    with pytest.raises(ApplicationError) as caught:
        import_applications_csv(broken.encode(), engine)
    assert caught.value.message.startswith("line 5, column 'List': 'Daydreaming'")
    bad_date = TEAL.replace("03/01/2026", "soon")
    with pytest.raises(ApplicationError) as dated:
        import_applications_csv(bad_date.encode(), engine)
    # The quoted description spans two lines: the next row starts on line 4.
    assert dated.value.message.startswith("line 4, column 'Date Applied': 'soon'")
    no_company = "Company,Job Title\n,UX Designer\n"
    with pytest.raises(ApplicationError) as empty:
        import_applications_csv(no_company.encode(), engine)
    assert empty.value.message.startswith("line 2, column 'Company'")
    assert list_applications(engine) == []
    dry = import_applications_csv(HUNTR.encode(), engine, dry_run=True)
    assert dry.rows == 3 and dry.added == [] and list_applications(engine) == []


def test_the_json_export_holds_every_application_with_its_log(engine: Engine) -> None:
    import_applications_csv(HUNTR.encode(), engine)
    data = export_applications_json(engine)
    assert data["format"] == "passionpath-applications"
    assert sorted(a["company"] for a in data["applications"]) == [
        "Brightpath",
        "Lumen Health",
        "Northwind",
    ]
    lumen = next(a for a in data["applications"] if a["company"] == "Lumen Health")
    assert [e["stage"] for e in lumen["events"]] == ["applied", "interview", "rejected"]


def test_a_preview_shows_the_columns_as_read_and_a_chosen_mapping_is_kept_to(
    engine: Engine,
) -> None:
    preview = preview_applications_csv(HUNTR.encode(), filename="huntr.csv")
    assert preview.header[:3] == ["Company", "Job Title", "List"]
    assert preview.fields[:3] == ["company", "role_title", "status"]
    assert preview.total == 3 and preview.rows[2][0] == "Northwind"
    assert preview_applications_csv(SHEET.encode()).fields == [None, None, None, None]
    # The person leaves "List" and "Notes" out: only what they chose is read.
    fields = list(preview.fields)
    fields[2] = None
    fields[-1] = None
    mapping = mapping_from_columns(preview.header, fields)
    assert "status" not in mapping and "notes" not in mapping
    report = import_applications_csv(HUNTR.encode(), engine, mapping=mapping, detect=False)
    assert report.by_stage == {"applied": 3} and "List" in report.ignored
    assert all(a.notes is None for a in list_applications(engine))
    with pytest.raises(ApplicationError, match="chosen for two columns, 'Company' and 'List'"):
        mapping_from_columns(preview.header, ["company", "role_title", "company"])


def test_a_bad_row_error_carries_its_line_and_column(engine: Engine) -> None:
    bad = "Company,Title,Status\nA,Designer,applied\nB,Designer,Maybe later\n"
    with pytest.raises(ImportRowError) as caught:
        import_applications_csv(bad.encode(), engine)
    assert (caught.value.line, caught.value.column) == (3, "Status")
    assert "'Maybe later' is not a status" in caught.value.detail
    assert list_applications(engine) == []
