"""Which user a token belongs to, remembered for a few seconds in the context's memo.

A token is re-checked in the database after TOKEN_CACHE_SECONDS, so a revoked token stops
working within that time everywhere, and at once in the context that deleted the account.
The cache lives in a ``Memo`` (one per context, so per app) rather than in a module global:
two apps in one process never answer from each other's memory.
"""

from __future__ import annotations

import time

from sqlalchemy import Engine, select

from passionpath.accounts._users import AuthError
from passionpath.cache import Memo
from passionpath.store import models as m

TOKEN_CACHE_SECONDS = 10.0
TABLE = "tokens"
_LIMIT = 10_000


def cached_user(memo: Memo, digest: str) -> int | None:
    """The user of the token with this hash if it was checked in the last
    TOKEN_CACHE_SECONDS, else None."""
    cached: tuple[int, float] | None = memo.get(TABLE, digest)
    if cached is not None and time.monotonic() - cached[1] < TOKEN_CACHE_SECONDS:
        return cached[0]
    return None


def user_for_token(engine: Engine, digest: str, memo: Memo) -> int:
    """The user of the token with this hash, from memory or the database."""
    cached = cached_user(memo, digest)
    if cached is not None:
        return cached
    with engine.connect() as conn:
        user = conn.execute(
            select(m.ApiToken.user_id).where(m.ApiToken.token_sha256 == digest)
        ).scalar()
    if user is None:
        memo.pop(TABLE, digest)
        raise AuthError("Unknown or revoked token.")
    memo.put(TABLE, digest, (int(user), time.monotonic()), limit=_LIMIT)
    return int(user)


def forget_tokens(memo: Memo, user_id: int) -> None:
    """Drop every remembered token of the user, so they stop working at once."""
    memo.discard(TABLE, lambda _, value: value[0] == user_id)
