"""Accounts: registration, passwords, API tokens, the login limit, and the account's data
as a whole (export and deletion over every package that registers owned data)."""

from passionpath.accounts._owned import (
    ACCOUNT_DATA_MODULE,
    ACCOUNT_TABLES,
    DeleteHook,
    Exporter,
    FilesHook,
    OwnedData,
    delete_account,
    export_account,
    owned_data,
    register_owned_data,
)
from passionpath.accounts._tokens import (
    TOKEN_CACHE_SECONDS,
    cached_user,
    forget_tokens,
    user_for_token,
)
from passionpath.accounts._users import (
    MIN_PASSWORD,
    AuthError,
    LoginLimiter,
    RateLimited,
    authenticate,
    issue_token,
    register,
    token_digest,
)

__all__ = [
    "ACCOUNT_DATA_MODULE",
    "ACCOUNT_TABLES",
    "MIN_PASSWORD",
    "TOKEN_CACHE_SECONDS",
    "AuthError",
    "DeleteHook",
    "Exporter",
    "FilesHook",
    "LoginLimiter",
    "OwnedData",
    "RateLimited",
    "authenticate",
    "cached_user",
    "delete_account",
    "export_account",
    "forget_tokens",
    "issue_token",
    "owned_data",
    "register",
    "register_owned_data",
    "token_digest",
    "user_for_token",
]
