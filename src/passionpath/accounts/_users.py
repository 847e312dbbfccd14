"""Accounts: argon2 password hashes, API tokens stored only as their SHA-256, and a limit on
failed logins."""

from __future__ import annotations

import hashlib
import secrets
import time
from collections import defaultdict, deque
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING

from sqlalchemy import Engine, insert, select

from passionpath.errors import PassionpathError
from passionpath.limits import MAX_EMAIL_CHARS
from passionpath.store import models as m

if TYPE_CHECKING:
    from argon2 import PasswordHasher

MIN_PASSWORD = 10


class AuthError(PassionpathError):
    """Wrong credentials or token (HTTP 401)."""


class RateLimited(PassionpathError):
    """Too many failed logins (HTTP 429)."""


@cache
def _hasher() -> PasswordHasher:
    # Imported on first use: packages that only register their owned data with accounts
    # (profile, plan) should not pay for the hashing library when the CLI starts.
    from argon2 import PasswordHasher

    # argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): about 30 ms a
    # hash on a small server, where the library's default (64 MiB, 3 passes, 4 lanes) takes
    # about 100 ms and 64 MiB for every login in flight. Hashes made with other parameters
    # still verify: each hash carries its own.
    return PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def register(engine: Engine, email: str, password: str) -> int:
    """Create an account; its id. Emails are compared in lower case."""
    email = email.strip().lower()
    if not 3 <= len(email) <= MAX_EMAIL_CHARS or "@" not in email.strip("@"):
        raise PassionpathError("is not an email address.", field="email")
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
                    "password_hash": _hasher().hash(password),
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
    """The id of the account with these credentials; AuthError otherwise."""
    from argon2.exceptions import VerificationError

    email = email.strip().lower()
    limiter.check(email)
    with engine.connect() as conn:
        row = conn.execute(
            select(m.User.id, m.User.password_hash).where(m.User.email == email)
        ).first()
    try:
        if row is None:
            raise VerificationError("unknown")
        _hasher().verify(row.password_hash, password)
    except VerificationError:
        limiter.fail(email)
        raise AuthError("Wrong email or password.") from None
    return int(row.id)


def issue_token(engine: Engine, user_id: int, name: str = "api") -> str:
    """A new API token for the user; only its hash is stored, so it is shown once."""
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
