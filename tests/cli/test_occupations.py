"""`passionpath occupations`: search and show, human output and --json."""

from __future__ import annotations

import json

from sqlalchemy import Engine

from tests.cli.run import invoke


def test_search_json_and_table(imported: Engine) -> None:
    code, output = invoke("occupations", "search", "pastri chef", "--json")
    assert code == 0
    payload = json.loads(output)
    assert payload["results"][0]["code"] == "51-3011.00"
    assert payload["results"][0]["matched_title"] == "Pastry Chef"
    assert "CC BY 4.0" in payload["attribution"]
    code, output = invoke("occupations", "search", "baker")
    assert "Bakers" in output and "51-3011.00" in output
    assert "O*NET" in output


def test_show_includes_related_occupations(imported: Engine) -> None:
    code, output = invoke("occupations", "show", "51-3011.00", "--json")
    assert code == 0
    profile = json.loads(output)
    assert profile["related"] == [
        {"code": "27-2022.00", "title": "Coaches and Scouts", "tier": "Primary-Short"}
    ]
    assert profile["interests"]["R"] == 6.5
    code, output = invoke("occupations", "show", "51-3011.00")
    assert "Related occupations" in output and "Coaches and Scouts" in output


def test_unknown_code_is_a_clear_error(imported: Engine) -> None:
    code, output = invoke("occupations", "show", "00-0000.00")
    assert code == 1
    assert "No occupation with code '00-0000.00'" in output
    assert "Traceback" not in output


def test_search_on_an_empty_catalog_explains(engine: Engine) -> None:
    code, output = invoke("occupations", "search", "baker")
    assert code == 1
    assert "catalog is empty" in output
