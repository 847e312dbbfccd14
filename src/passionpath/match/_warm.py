"""Loading, before anyone asks, what a server's first requests would otherwise wait for."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from passionpath.context import Context

log = logging.getLogger(__name__)


def warm_up(ctx: Context) -> list[str]:
    """Load the catalog matrices, the title index, the transferability model, the interest
    model and the text model into ``ctx``'s caches; return what was loaded.

    Each costs from a tenth of a second to a second the first time (the text model's
    session, the transfer model's similarity table), which a person would otherwise wait
    for on their first match, search or transition. An empty catalog loads nothing; a
    failure is logged and leaves the rest to load on first use.
    """
    from passionpath.catalog import title_index
    from passionpath.errors import PassionpathError
    from passionpath.match._matrices import load_matrices
    from passionpath.match._path import NEIGHBOURS
    from passionpath.match._similar import transfer_model
    from passionpath.text import get_embedder, interest_model

    loaded: list[str] = []
    try:
        matrices = load_matrices(ctx)
        loaded.append("matrices")
        title_index(ctx)
        loaded.append("title index")
        transfer_model(matrices, ctx).top_all(NEIGHBOURS)
        loaded.append("transfer model")
        interest_model(ctx)
        loaded.append("interest model")
        get_embedder(ctx.settings.text_model).embed(["warming up"])
        loaded.append("text model")
    except PassionpathError:
        pass  # no catalog yet: nothing to warm
    except Exception:  # a warm-up must never take the server down
        log.exception("warming up the caches failed; they will load on first use")
    return loaded
