"""A catalog imported through the CLI, and Maya's example profile imported through it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.run import invoke, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


@pytest.fixture
def imported(engine: Engine, release_dir: Path) -> Engine:
    code, output = invoke("data", "import", str(release_dir))
    assert code == 0, output
    return engine


@pytest.fixture
def maya(engine: Engine) -> str:
    run("profile", "import", str(EXAMPLES / "maya.json"), "--slug", "maya")
    return "maya"
