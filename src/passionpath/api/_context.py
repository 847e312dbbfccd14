"""The context routes work in: the app's own (``app.state.ctx``), or one opened on the app's
engine the first time a route asks, and kept on the app from then on."""

from __future__ import annotations

from threading import Lock
from typing import Annotated

from fastapi import Depends, Request

from passionpath.context import Context

_opening = Lock()


def get_context(request: Request) -> Context:
    state = request.app.state
    ctx: Context | None = getattr(state, "ctx", None)
    if ctx is None:
        with _opening:  # two first requests at once must still share one context
            ctx = getattr(state, "ctx", None)
            if ctx is None:
                ctx = Context.open(engine=state.engine)
                state.ctx = ctx
    return ctx


ContextDep = Annotated[Context, Depends(get_context)]
