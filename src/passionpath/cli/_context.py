"""The context a command works in: opened once per invocation and passed down."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from passionpath.context import Context


def open_context() -> Context:
    """Settings from the environment and their database (imported here, not at start-up, so
    ``passionpath --help`` stays fast)."""
    from passionpath.context import Context

    return Context.open()
