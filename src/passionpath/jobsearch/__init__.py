"""Job applications: a tracker whose stage log keeps every step, funnel metrics, and
rejections that teach (patterns, gaps to work on, roles to try, people to ask).

Each module's names load on first use: ``passionpath match`` asks only for the learned
preferences, and importing the classifier, the mail reader and the charts as well would
cost every match about a tenth of a second.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the names as type checkers see them; at run time __getattr__ loads them
    from passionpath.jobsearch._chart import *  # noqa: F403
    from passionpath.jobsearch._classify import *  # noqa: F403
    from passionpath.jobsearch._classify_model import *  # noqa: F403
    from passionpath.jobsearch._fields import *  # noqa: F403
    from passionpath.jobsearch._funnel import *  # noqa: F403
    from passionpath.jobsearch._insights import *  # noqa: F403
    from passionpath.jobsearch._io import *  # noqa: F403
    from passionpath.jobsearch._mail import *  # noqa: F403
    from passionpath.jobsearch._mail_apply import *  # noqa: F403
    from passionpath.jobsearch._mail_match import *  # noqa: F403
    from passionpath.jobsearch._patterns import *  # noqa: F403
    from passionpath.jobsearch._pending import *  # noqa: F403
    from passionpath.jobsearch._prefer import *  # noqa: F403
    from passionpath.jobsearch._stages import *  # noqa: F403
    from passionpath.jobsearch._store import *  # noqa: F403

#: The modules whose ``__all__`` make up the package, the ones a match needs first.
_MODULES = (
    "_prefer",
    "_store",
    "_fields",
    "_stages",
    "_funnel",
    "_patterns",
    "_insights",
    "_io",
    "_chart",
    "_classify",
    "_classify_model",
    "_mail",
    "_mail_match",
    "_mail_apply",
    "_pending",
)


def _module(name: str) -> Any:
    return importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> Any:
    if name == "__all__":
        names = sorted({n for m in _MODULES for n in _module(m).__all__})
        globals()["__all__"] = names
        return names
    for module_name in _MODULES:
        module = _module(module_name)
        if name in module.__all__:
            value = getattr(module, name)
            globals()[name] = value
            return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
