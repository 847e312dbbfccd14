"""The command-line program itself: its entry points, and a quick --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_console_script_and_module_entry_points(tmp_path: Path) -> None:
    for command in (["passionpath"], [sys.executable, "-m", "passionpath"]):
        if command == ["passionpath"]:
            command = [str(Path(sys.executable).with_name("passionpath"))]
        result = subprocess.run([*command, "--version"], capture_output=True, text=True, check=True)
        assert result.stdout.startswith("passionpath ")


def test_help_does_not_import_heavy_modules() -> None:
    probe = (
        "import sys; from passionpath.cli._app import app; "
        "heavy = [m for m in ('sqlalchemy', 'numpy', 'pydantic', 'httpx', 'alembic') "
        "if m in sys.modules]; print(heavy)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
