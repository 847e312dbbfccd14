"""`passionpath applications import-mail FILE`: every message listed, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine

from tests.cli.run import run, run_failing

FIXTURES = Path(__file__).with_name("fixtures") / "mail"


def test_every_message_of_a_mailbox_is_listed(engine: Engine) -> None:
    output = run("applications", "import-mail", str(FIXTURES / "takeout.mbox"))
    for number in range(1, 7):
        assert f"takeout.mbox#{number}" in output
    data = json.loads(run("applications", "import-mail", str(FIXTURES / "Inbox"), "--json"))
    assert set(data) == {"proposals", "unchanged", "unmatched", "unreadable", "applied_events"}
    kinds = [u["kind"] for u in data["unmatched"]]
    assert sorted(kinds) == ["interview", "rejection"]


def test_apply_logs_the_proposals_once(engine: Engine) -> None:
    run("applications", "add", "Ledger & Line", "Senior Product Designer", "--on", "2024-04-02")
    mbox = str(FIXTURES / "takeout.mbox")
    proposed = json.loads(run("applications", "import-mail", mbox, "--json"))
    assert [p["to_stage"] for p in proposed["proposals"]] == ["offer"]
    assert proposed["applied_events"] == []
    shown = run("applications", "import-mail", mbox, "--apply")
    assert "Logged stage changes" in shown and "offer" in shown
    assert "offer" in run("applications", "show", "1")
    again = json.loads(run("applications", "import-mail", mbox, "--apply", "--json"))
    assert again["proposals"] == [] and again["applied_events"] == []
    assert [u["why"] for u in again["unchanged"]] == ["this e-mail was imported before"]


def test_a_file_that_is_not_mail_is_one_line_naming_it(engine: Engine, tmp_path: Path) -> None:
    output = run_failing("applications", "import-mail", str(FIXTURES / "notes.eml"))
    assert "notes.eml: this is not an e-mail" in output
    missing = tmp_path / "gone.mbox"
    assert "no such file" in run_failing("applications", "import-mail", str(missing))
