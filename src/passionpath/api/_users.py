"""Accounts and API tokens: argon2 password hashes, tokens stored only as SHA-256."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import defaultdict, deque
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError
from sqlalchemy import Engine, delete, insert, select

from passionpath.errors import PassionpathError
from passionpath.store import models as m

_hasher = PasswordHasher()
MIN_PASSWORD = 10


class AuthError(PassionpathError):
    """Wrong credentials or token (HTTP 401)."""


class RateLimited(PassionpathError):
    """Too many failed logins (HTTP 429)."""


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def register(engine: Engine, email: str, password: str) -> int:
    email = email.strip().lower()
    if len(password) < MIN_PASSWORD:
        raise PassionpathError(f"use at least {MIN_PASSWORD} characters.", field="password")
    with engine.begin() as conn:
        if conn.execute(select(m.User.id).where(m.User.email == email)).first():
            raise PassionpathError("an account with this address exists already.", field="email")
        return int(
            conn.execute(
                insert(m.User).returning(m.User.id),
                {
                    "email": email,
                    "password_hash": _hasher.hash(password),
                    "created_at": datetime.now(UTC),
                },
            ).scalar_one()
        )


class LoginLimiter:
    """At most ``attempts`` failed logins per email in ``window`` seconds."""

    def __init__(self, attempts: int = 5, window: float = 60.0) -> None:
        self.attempts, self.window = attempts, window
        self.failures: dict[str, deque[float]] = defaultdict(deque)

    def check(self, key: str) -> None:
        recent = self.failures[key]
        while recent and time.monotonic() - recent[0] > self.window:
            recent.popleft()
        if len(recent) >= self.attempts:
            raise RateLimited("Too many failed logins; wait a minute and try again.")

    def fail(self, key: str) -> None:
        self.failures[key].append(time.monotonic())


def authenticate(engine: Engine, email: str, password: str, limiter: LoginLimiter) -> int:
    email = email.strip().lower()
    limiter.check(email)
    with engine.connect() as conn:
        row = conn.execute(
            select(m.User.id, m.User.password_hash).where(m.User.email == email)
        ).first()
    try:
        if row is None:
            raise VerificationError("unknown")
        _hasher.verify(row.password_hash, password)
    except VerificationError:
        limiter.fail(email)
        raise AuthError("Wrong email or password.") from None
    return int(row.id)


def issue_token(engine: Engine, user_id: int, name: str = "api") -> str:
    token = secrets.token_urlsafe(32)
    with engine.begin() as conn:
        conn.execute(
            insert(m.ApiToken),
            {
                "user_id": user_id,
                "token_sha256": token_digest(token),
                "name": name,
                "created_at": datetime.now(UTC),
            },
        )
    return token


#: token hash -> (user id, time it was checked); a token is re-checked in the database
#: after TOKEN_CACHE_SECONDS, so a revoked token stops working within that time everywhere
#: (and at once in the process that deleted it).
_TOKENS: dict[str, tuple[int, float]] = {}
TOKEN_CACHE_SECONDS = 10.0


def cached_user(digest: str) -> int | None:
    """The user of the token with this hash when it was checked in the last
    TOKEN_CACHE_SECONDS, else None."""
    cached = _TOKENS.get(digest)
    if cached is not None and time.monotonic() - cached[1] < TOKEN_CACHE_SECONDS:
        return cached[0]
    return None


def user_for_token(engine: Engine, digest: str) -> int:
    """The user of the token with this hash, from memory or the database."""
    cached = cached_user(digest)
    if cached is not None:
        return cached
    with engine.connect() as conn:
        user = conn.execute(
            select(m.ApiToken.user_id).where(m.ApiToken.token_sha256 == digest)
        ).scalar()
    if user is None:
        _TOKENS.pop(digest, None)
        raise AuthError("Unknown or revoked token.")
    if len(_TOKENS) > 10_000:
        _TOKENS.clear()
    _TOKENS[digest] = (int(user), time.monotonic())
    return int(user)


def delete_account(engine: Engine, user_id: int) -> None:
    """Delete the user and everything they own (profiles, versions, plans, tokens)."""
    for digest in [d for d, (owner, _) in _TOKENS.items() if owner == user_id]:
        _TOKENS.pop(digest, None)
    with engine.begin() as conn:
        profile_ids = (
            conn.execute(select(m.Profile.id).where(m.Profile.user_id == user_id)).scalars().all()
        )
        for model in (m.PlanEvent, m.PlanObstacle, m.PlanAction):
            conn.execute(
                delete(model).where(
                    model.plan_id.in_(select(m.Plan.id).where(m.Plan.profile_id.in_(profile_ids)))
                )
            )
        objectives = select(m.PlanObjective.id).where(
            m.PlanObjective.plan_id.in_(select(m.Plan.id).where(m.Plan.profile_id.in_(profile_ids)))
        )
        conn.execute(delete(m.PlanBenchmark).where(m.PlanBenchmark.objective_id.in_(objectives)))
        conn.execute(delete(m.PlanObjective).where(m.PlanObjective.id.in_(objectives)))
        conn.execute(delete(m.Plan).where(m.Plan.profile_id.in_(profile_ids)))
        conn.execute(delete(m.ProfileVersion).where(m.ProfileVersion.profile_id.in_(profile_ids)))
        conn.execute(delete(m.Profile).where(m.Profile.id.in_(profile_ids)))
        conn.execute(delete(m.ApiToken).where(m.ApiToken.user_id == user_id))
        conn.execute(delete(m.User).where(m.User.id == user_id))
