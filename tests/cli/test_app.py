"""The command-line program itself: its entry points, and a quick --help."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "profiles"


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


def _main(*args: str) -> subprocess.CompletedProcess[str]:
    """``passionpath ARGS`` through the console script's entry point, in a new process, with
    the names of the CLI modules it imported as the last line of its stdout."""
    probe = (
        "import sys\n"
        f"sys.argv = ['passionpath', *{list(args)!r}]\n"
        "from passionpath.cli import main\n"
        "try:\n    main()\n"
        "finally:\n"
        "    print(sorted(m for m in sys.modules if m.startswith('passionpath.cli.')))\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)


def test_the_whole_help_lists_every_command() -> None:
    import typer.main

    from passionpath.cli._app import app

    names = set(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
    assert {"match", "data", "profile", "serve", "community", "mentors", "cv"} <= names
    result = _main("--help")
    assert result.returncode == 0, result.stderr
    listed = {line.split()[1] for line in result.stdout.splitlines() if line.startswith("│ ")}
    assert names <= listed


def test_match_runs_without_the_other_commands_modules() -> None:
    result = _main("match", "--help")
    assert result.returncode == 0, result.stderr
    assert "Rank careers by passion fit x qualification fit" in result.stdout
    loaded = {m.rsplit(".", 1)[1] for m in eval(result.stdout.splitlines()[-1])}
    assert "match" in loaded
    assert not loaded & {"cv", "community", "applications", "serve", "data", "profile", "_app"}
    # Any other first word gets the whole command, typos' suggestions included.
    typo = _main("matc")
    assert typo.returncode == 2 and "Did you mean 'match'" in typo.stdout + typo.stderr
    assert "cv" in {m.rsplit(".", 1)[1] for m in eval(typo.stdout.splitlines()[-1])}


def test_match_alone_prints_what_the_whole_command_prints(
    starter_engine: Engine, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from passionpath.cli import _command_app
    from passionpath.cli._app import app

    runner = CliRunner()
    amara = str(EXAMPLES / "amara.json")
    for args in (
        ["match", "--help"],
        ["match", amara, "--top", "4"],
        ["match", amara, "--json", "--no-stretch", "-q", "sweet spot"],
        ["match", amara, "--quadrant", "best"],
        ["match", str(tmp_path / "missing.json")],
        ["match", "--bogus"],
    ):
        alone = runner.invoke(_command_app(alone=True), args)
        whole = runner.invoke(app, args)
        assert (alone.exit_code, alone.output) == (whole.exit_code, whole.output), args
        assert "Traceback" not in alone.output
