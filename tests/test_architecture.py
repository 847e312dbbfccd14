"""The house rules, checked on every run so they keep holding as packages are added.

- A face (``cli``, ``api``, ``web``) never imports another face; only the composition roots
  (``server``, which mounts the API and the pages, and ``__main__``, which starts the CLI)
  bring faces together.
- Nobody imports another package's private (``_name``) module or name.
- The core never imports a face.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "passionpath"
FACES = {"cli", "api", "web"}
ROOTS = {"server", "__main__"}


def _imports(path: Path) -> Iterator[tuple[int, list[str]]]:
    """(line, dotted names) for every absolute import of ``passionpath`` in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
        elif isinstance(node, ast.Import):
            yield node.lineno, [a.name for a in node.names]


def _room(path: Path, root: Path) -> str:
    """The top-level package a file belongs to (a top-level module is its own room)."""
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else parts[0].removesuffix(".py")


def _violations(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        room = _room(path, root)
        where = path.relative_to(root.parent)
        for line, names in _imports(path):
            for name in names:
                parts = name.split(".")
                if parts[0] != "passionpath" or len(parts) < 2 or parts[1] == room:
                    continue
                target = parts[1]
                if target in FACES and room not in ROOTS:
                    kind = "face" if room in FACES else "core"
                    found.append(f"{where}:{line}: {kind} {room} imports face {target}")
                    break
                if any(p.startswith("_") and not p.startswith("__") for p in parts[2:]):
                    found.append(f"{where}:{line}: {room} reaches into private {name}")
                    break
    return sorted(set(found))


def test_faces_and_packages_keep_to_their_rooms() -> None:
    assert _violations() == []


def test_the_rule_catches_each_kind_of_breach(tmp_path: Path) -> None:
    # The walker itself must see what it exists to catch, and let the composition root be.
    root = tmp_path / "passionpath"
    for folder, body in {
        "plan": "from passionpath.match._engine import MatchEngine\n",
        "api": "import passionpath.web\n",
        "match": "from passionpath.cli import app\n",
        "profile": "from passionpath.catalog import search_occupations\n",
    }.items():
        (root / folder).mkdir(parents=True)
        (root / folder / "mod.py").write_text(body, encoding="utf-8")
    (root / "server.py").write_text("from passionpath import api, web\nimport passionpath.web\n")
    found = _violations(root)
    assert len(found) == 3
    assert any("plan reaches into private passionpath.match._engine" in f for f in found)
    assert any("face api imports face web" in f for f in found)
    assert any("core match imports face cli" in f for f in found)
