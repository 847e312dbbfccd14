"""passionpath: find careers where what you love meets what you can do."""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "match"]


def __getattr__(name: str) -> Any:
    # Imported on first use, so `passionpath --help` does not pay for numpy and the engine.
    if name == "match":
        return importlib.import_module("passionpath.match")
    raise AttributeError(f"module 'passionpath' has no attribute {name!r}")
