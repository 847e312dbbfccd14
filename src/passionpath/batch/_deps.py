"""The optional libraries batch runs need, and what to say when they are missing."""

from __future__ import annotations

import importlib.util

from passionpath.errors import PassionpathError

#: Module -> the distribution that brings it, all in the ``scale`` extra.
SCALE_MODULES = {"distributed": "dask[distributed]", "pyarrow": "pyarrow", "faiss": "faiss-cpu"}
INSTALL_HINT = "Install them with `pip install 'passionpath[scale]'`."


class ScaleMissingError(PassionpathError):
    def __init__(self, missing: list[str]) -> None:
        super().__init__(
            f"batch runs need {', '.join(missing)}, which this installation lacks.",
            hint=INSTALL_HINT,
            kind="scale_missing",
        )
        self.missing = missing


def missing_scale(modules: tuple[str, ...] = ("distributed", "pyarrow")) -> list[str]:
    return [SCALE_MODULES[m] for m in modules if importlib.util.find_spec(m) is None]


def require_scale(modules: tuple[str, ...] = ("distributed", "pyarrow")) -> None:
    """Raise ScaleMissingError naming what to install when a module of ``modules`` is absent."""
    missing = missing_scale(modules)
    if missing:
        raise ScaleMissingError(missing)
