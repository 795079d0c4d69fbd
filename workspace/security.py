"""Password hashing and opaque tokens: argon2id for passwords, SHA-256 for random tokens.

Random tokens carry 256 bits from the CSPRNG, so a fast hash is enough to store them;
only human-chosen passwords need a slow one.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

# argon2id with the library's recommended parameters. The test suite (and only it) sets
# WORKSPACE_FAST_PASSWORD_HASH so thousands of logins do not each cost a real hash.
_hasher = (
    PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    if os.environ.get("WORKSPACE_FAST_PASSWORD_HASH") == "1"
    else PasswordHasher()
)
# Verified against when an email is unknown, so both answers cost the same time.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def new_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def tokens_equal(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
