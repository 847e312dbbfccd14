"""`passionpath community`, `mentors` and `groups` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from passionpath import accounts
from passionpath.community import Choices, add_synthetic, join, list_requests, send_request
from passionpath.network import list_contacts
from tests.cli.run import run, run_failing

PASSWORD = "a long enough password"


def _said(*args: str) -> str:
    return " ".join(run(*args).split())


def test_assign_with_stated_preferences_prints_exactly_the_shape(
    engine: Engine, tmp_path: Path
) -> None:
    stated = {
        "mentees": {"a": ["X", "Y"], "b": ["X"], "c": ["Y"]},
        "mentors": {
            "X": {"capacity": 1, "ranking": ["b", "a"]},
            "Y": {"capacity": 1, "ranking": ["a", "c"]},
        },
    }
    path = tmp_path / "prefs.json"
    path.write_text(json.dumps(stated), encoding="utf-8")
    out = json.loads(run("mentors", "assign", "--preferences", str(path), "--json"))
    assert out == {"assignment": {"X": ["b"], "Y": ["a"]}, "unassigned": ["c"]}
    assert "2 mentees assigned to 2 mentors; 1 unassigned" in _said(
        "mentors", "assign", "--preferences", str(path)
    )


def test_bad_preference_files_are_named_without_a_traceback(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "p.json"
    path.write_text('{"mentees": {"a": ["Z"]}, "mentors": {}}', encoding="utf-8")
    out = run_failing("mentors", "assign", "--preferences", str(path))
    assert "mentees.a[0]" in out and "no mentor 'Z'" in out
    path.write_text('{"mentees": ', encoding="utf-8")
    assert "line 1: not valid JSON" in run_failing("mentors", "assign", "--preferences", str(path))
    assert "cannot be read" in run_failing(
        "mentors", "assign", "--preferences", str(tmp_path / "missing.json")
    )


def test_join_show_tribe_and_leave(starter_engine: Engine) -> None:
    add_synthetic(
        [
            Choices(
                display_name="Ben (synthetic)",
                features=("tribe",),
                passions=("baking bread at weekends",),
            )
        ],
        starter_engine,
    )
    out = _said(
        "community",
        "join",
        "--name",
        "Maya",
        "--feature",
        "tribe",
        "--passion",
        "sourdough baking",
        "--show",
        "display_name",
        "--show",
        "passions",
    )
    assert "You are in the community as Maya" in out
    assert json.loads(run("community", "show", "--json"))["passions"] == ["sourdough baking"]
    tribe = json.loads(run("community", "tribe", "--json"))
    assert tribe[0]["member"]["name"] == "Ben (synthetic)"
    assert "Ben (synthetic) wrote \u201cbaking bread at weekends\u201d" in tribe[0]["reason"]
    assert "You have left the community." in _said("community", "leave")
    assert "not in the community" in run_failing("community", "tribe")


def test_bad_choices_name_the_flag(engine: Engine) -> None:
    out = run_failing("community", "join", "--name", "M", "--feature", "dating")
    assert "features[0]" in out and "not one of" in out
    out = run_failing("community", "join", "--name", "M", "--feature", "mentor")
    assert "--capacity" in out


def test_requests_accept_and_block(engine: Engine) -> None:
    ana = accounts.register(engine, "ana@example.org", PASSWORD)
    ana_id = join(Choices(display_name="Ana", features=("tribe",)), engine, owner=ana).id
    run("community", "join", "--name", "Me", "--feature", "tribe")
    me_id = json.loads(run("community", "show", "--json"))["id"]
    request = send_request(me_id, engine, owner=ana, note="hi")
    assert f"#{request} connect from Ana (#{ana_id}): pending" in _said("community", "requests")
    assert "now in each other's contacts" in _said("community", "accept", str(request))
    assert [c.display_name for c in list_contacts(engine)] == ["Ana"]
    assert [c.display_name for c in list_contacts(engine, owner=ana)] == ["Me"]
    run("community", "block", str(ana_id))
    assert "no member" in run_failing("community", "show", str(ana_id))
    assert list_requests(engine, owner=ana) == []


def test_groups_form_and_list(starter_engine: Engine) -> None:
    add_synthetic(
        [
            Choices(
                display_name=f"P{i}", features=("study_groups",), passions=("sourdough baking",)
            )
            for i in range(4)
        ],
        starter_engine,
    )
    run(
        "community",
        "join",
        "--name",
        "Me",
        "--feature",
        "study_groups",
        "--passion",
        "baking bread",
    )
    formed = json.loads(run("groups", "form", "--json"))
    assert [g["name"] for g in formed] == ["Baking circle"]
    assert 3 <= formed[0]["size"] <= 6
    listed = json.loads(run("groups", "list", "--json"))
    assert listed[0]["yours"] is True
    assert "You have left group" in _said("groups", "leave", str(listed[0]["id"]))
