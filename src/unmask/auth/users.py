"""User accounts of the console and API. Passwords are hashed with Argon2id; API tokens are
random and stored only as SHA-256 digests."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from unmask.store import Store
from unmask.store.schema import api_tokens, users

Role = Literal["analyst", "lead", "admin", "auditor", "partner", "service"]
ROLES: tuple[str, ...] = get_args(Role)

_hasher = PasswordHasher()


class AuthError(ValueError):
    pass


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str


def create_user(
    store: Store, name: str, role: str, password: str | None = None
) -> tuple[User, str]:
    """Create a user; returns it and its password (generated when not given)."""
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    if not name or len(name) > 120:
        raise AuthError("a user name has 1 to 120 characters")
    password = password or secrets.token_urlsafe(12)
    if len(password) < 10:
        raise AuthError("a password has at least 10 characters")
    try:
        with store.engine.begin() as conn:
            uid = conn.execute(
                users.insert().values(
                    name=name,
                    role=role,
                    password_hash=_hasher.hash(password),
                    created_at=datetime.now(UTC),
                    disabled=False,
                )
            ).inserted_primary_key[0]  # type: ignore[index]
    except IntegrityError:
        raise AuthError(f"a user named {name!r} already exists") from None
    return User(int(uid), name, role), password


def get_user(store: Store, name: str) -> User | None:
    with store.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    return User(row.id, row.name, row.role) if row else None


def authenticate_password(store: Store, name: str, password: str) -> User | None:
    with store.connect() as conn:
        row = conn.execute(select(users).where(users.c.name == name)).first()
    if row is None or row.disabled:
        _hasher.hash(password)  # spend the same time whether or not the user exists
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        with store.engine.begin() as conn:
            conn.execute(
                update(users)
                .where(users.c.id == row.id)
                .values(password_hash=_hasher.hash(password))
            )
    return User(row.id, row.name, row.role)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(store: Store, user: User, label: str = "") -> str:
    token = "um_" + secrets.token_urlsafe(32)
    with store.engine.begin() as conn:
        conn.execute(
            api_tokens.insert().values(
                token_hash=_digest(token),
                user_id=user.id,
                label=label,
                created_at=datetime.now(UTC),
                revoked=False,
            )
        )
    return token


def authenticate_token(store: Store, token: str) -> User | None:
    with store.connect() as conn:
        row = conn.execute(
            select(users.c.id, users.c.name, users.c.role, users.c.disabled, api_tokens.c.revoked)
            .join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == _digest(token))
        ).first()
    if row is None or row.revoked or row.disabled:
        return None
    return User(row.id, row.name, row.role)
