"""passionpath: find careers where what you love meets what you can do."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
