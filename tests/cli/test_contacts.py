"""`passionpath contacts`: the book through the command line, on the starter catalog."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar
from sqlalchemy import Engine

from tests.cli.run import invoke, run, run_failing

UX = "15-1255.00"


def _said(*args: str) -> str:
    """What a command printed, with the terminal's line wrapping undone."""
    return " ".join(run(*args).split())


def _book() -> None:
    run(
        "contacts",
        "add",
        "Lena Ortiz",
        "--title",
        "Design Lead",
        "--org",
        "Figma",
        "--tag",
        "mentor",
        "--email",
        "Lena@Example.org",
        "--occupation",
        UX,
    )
    run(
        "contacts",
        "add",
        "--given",
        "Sam",
        "--family",
        "Patel",
        "--title",
        "Senior UX Designer",
        "--phone",
        "+44 20 7946 0958",
        "--tag",
        "ux",
    )
    run("contacts", "add", "Omar", "--title", "Graphic Designer", "--tag", "friend")


def test_add_list_show_edit_delete(starter_engine: Engine, tmp_path: Path) -> None:
    _book()
    listed = json.loads(run("contacts", "list", "--json"))
    assert isinstance(listed, list)
    assert [c["display_name"] for c in listed] == ["Lena Ortiz", "Omar", "Sam Patel"]
    sam = next(c for c in listed if c["given_name"] == "Sam")
    # Read from the job title; Lena's were given.
    assert sam["occupation_codes"] == [UX] and sam["occupations_inferred"] is True
    assert sam["phones"][0]["e164"] == "+442079460958"
    assert [
        c["display_name"] for c in json.loads(run("contacts", "list", "--tag", "ux", "--json"))
    ] == ["Sam Patel"]
    assert "Lena Ortiz" in run("contacts", "list", "--search", "figma")
    assert "No contact matches" in run("contacts", "list", "--search", "nobody-like-this")
    shown = _said("contacts", "show", str(sam["id"]))
    assert "(read from the job title)" in shown and "Web and Digital Interface Designers" in shown
    photo = tmp_path / "sam.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    edited = json.loads(
        run(
            "contacts",
            "edit",
            str(sam["id"]),
            "--photo",
            str(photo),
            "--clear",
            "tag",
            "--ideal-days",
            "20",
            "--json",
        )
    )
    assert edited["tags"] == [] and edited["photo_type"] == "image/png"
    assert edited["cadence"] == [20, 180]
    run("contacts", "delete", str(sam["id"]))
    assert "No contact" in run_failing("contacts", "show", str(sam["id"]))


def test_log_resets_the_due_list_and_for_ranks_the_network(starter_engine: Engine) -> None:
    _book()
    ids = {c["display_name"]: c["id"] for c in json.loads(run("contacts", "list", "--json"))}
    run(
        "contacts",
        "log",
        str(ids["Lena Ortiz"]),
        "--kind",
        "informational interview",
        "--on",
        "2026-10-01",
        "--note",
        "portfolio review",
    )
    run(
        "contacts",
        "log",
        str(ids["Sam Patel"]),
        str(ids["Omar"]),
        "--kind",
        "meeting",
        "--on",
        "2026-08-20",
        "--follow-up",
        "2026-12-10",
    )
    due = json.loads(run("contacts", "due", "--today", "2026-12-05", "--json"))
    # Lena, a mentor (30/60), 65 days: overdue; Sam (90/180) 107 days: due; Omar, a
    # friend (60/120), 107 days: due, ties by name.
    assert [e["name"] for e in due["overdue"]] == ["Lena Ortiz"]
    assert due["overdue"][0]["last_note"] == "portfolio review"
    assert [e["name"] for e in due["due"]] == ["Omar", "Sam Patel"]
    words = _said("contacts", "due", "--today", "2026-12-05")
    assert "Overdue" in words and "65 days since 2026-10-01: portfolio review" in words
    run("contacts", "log", str(ids["Lena Ortiz"]), "--kind", "call", "--on", "2026-12-05")
    after = json.loads(run("contacts", "due", "--today", "2026-12-05", "--json"))
    assert "Lena Ortiz" not in {e["name"] for e in after["overdue"] + after["due"]}
    found = json.loads(run("contacts", "for", UX, "--today", "2026-12-05", "--json"))
    assert [(p["name"], p["closeness"]) for p in found["people"]] == [
        ("Lena Ortiz", 0),
        ("Sam Patel", 0),
        ("Omar", 2),
    ]
    said = _said("contacts", "for", UX, "--today", "2026-12-05")
    assert "Omar (#" in said and "Graphic Designers, #2 nearest" in said
    feed = Calendar.from_ical(run("contacts", "calendar", "--today", "2026-12-05"))
    summaries = {str(t["SUMMARY"]) for t in feed.walk("VTODO")}
    assert {"Check in with Omar", "Follow up with Omar and 1 more"} <= summaries


def test_bad_input_is_one_line_naming_the_flag(starter_engine: Engine, tmp_path: Path) -> None:
    _book()
    cases = {
        (
            "contacts",
            "add",
            "X",
            "--email",
            "not-an-address",
        ): "--email: 'not-an-address' is not an email",
        ("contacts", "add", "--tag", "x"): "NAME: A contact needs a name",
        (
            "contacts",
            "add",
            "X",
            "--occupation",
            "15-12",
        ): "--occupation: '15-12' is not an occupation code",
        ("contacts", "log", "1", "--kind", "gossip"): "--kind: 'gossip' is not a kind",
        ("contacts", "log", "1", "999", "--kind", "call"): "No contact 999",
        (
            "contacts",
            "log",
            "1",
            "--kind",
            "call",
            "--on",
            "yesterday",
        ): "--on 'yesterday' is not a date",
        (
            "contacts",
            "edit",
            "1",
            "--ideal-days",
            "40",
            "--max-days",
            "10",
        ): "--max-days: is shorter",
        ("contacts", "edit", "1"): "Give at least one field",
        ("contacts", "edit", "1", "--clear", "shoe-size"): "--clear 'shoe-size'",
        ("contacts", "show", "12345"): "CONTACT: No contact 12345. `passionpath contacts list`",
        ("contacts", "for", "99-9999.00"): "CODE: No occupation with code '99-9999.00'",
        ("contacts", "due", "--today", "soon"): "--today 'soon' is not a date",
        ("contacts", "add", "X", "--photo", str(tmp_path / "missing.jpg")): "missing.jpg",
    }
    for args, expected in cases.items():
        output = run_failing(*args)
        assert expected in " ".join(output.split()), (args, output)
    big = tmp_path / "big.jpg"
    big.write_bytes(b"\xff\xd8" + b"\0" * 600_000)
    assert "big.jpg" in run_failing("contacts", "add", "X", "--photo", str(big))
    code, _ = invoke("contacts", "list", "--json")
    assert code == 0


FIXTURES = Path(__file__).resolve().parents[1] / "network" / "fixtures"


def test_import_says_what_it_added_merged_and_skipped(
    starter_engine: Engine, tmp_path: Path
) -> None:
    run("contacts", "add", "Lena Ortiz", "--org", "Figma")
    vcf = str(FIXTURES / "google_contacts.vcf")
    preview = _said("contacts", "import", vcf, "--dry-run")
    assert "Would import" in preview and "2 added, 1 merged, 0 skipped" in preview
    assert "merged card 1 (Lena Ortiz) into Lena Ortiz (#1): same name and organisation" in preview
    assert len(json.loads(run("contacts", "list", "--json"))) == 1
    assert "Imported" in _said("contacts", "import", vcf)
    again = json.loads(run("contacts", "import", vcf, "--json"))
    assert (again["added"], again["merged"], again["skipped"]) == (0, 0, 3)
    bad = run_failing("contacts", "import", str(FIXTURES / "bad_line.vcf"))
    assert "bad_line.vcf, card 2, line" in " ".join(bad.split())
    assert len(json.loads(run("contacts", "list", "--json"))) == 3
    # Export to standard output and to a file, in both vCard versions and as CSV.
    four = run("contacts", "export")
    assert four.count("BEGIN:VCARD") == 3 and "VERSION:4.0" in four
    out = tmp_path / "book.vcf"
    run("contacts", "export", "--vcard-version", "3.0", "-o", str(out))
    assert "VERSION:3.0" in out.read_text()
    assert "Tomás Reyes" in run("contacts", "export", "--format", "csv")
    assert "--vcard-version: '2.1' is not a vCard version" in run_failing(
        "contacts", "export", "--vcard-version", "2.1"
    )
    # The round trip adds nobody.
    back = json.loads(run("contacts", "import", str(out), "--json"))
    assert back["added"] == 0
    ids = [c["id"] for c in json.loads(run("contacts", "list", "--json"))]
    merged = json.loads(run("contacts", "merge", str(ids[0]), str(ids[1]), "--json"))
    assert merged["id"] == ids[0] and len(json.loads(run("contacts", "list", "--json"))) == 2
    same = str(ids[0])
    assert "OTHER: is the contact kept" in _said_failing("contacts", "merge", same, same)


def _said_failing(*args: str) -> str:
    return " ".join(run_failing(*args).split())
