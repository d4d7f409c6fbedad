"""User accounts of the console and API. Passwords are hashed with Argon2id; API tokens are
random and stored only as SHA-256 digests."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from unmask.store.interface import ConflictError, DataStore

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
    store: DataStore, name: str, role: str, password: str | None = None
) -> tuple[User, str]:
    """Create a user; returns it and its password (generated when not given)."""
    if role not in ROLES:
        raise AuthError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
    if not name or len(name) > 120:
        raise AuthError("a user name has 1 to 120 characters")
    password = password or secrets.token_urlsafe(12)
    if len(password) < 10:
        raise AuthError("a password has at least 10 characters")
    hashed = _hasher.hash(password)
    try:
        with store.unit_of_work() as uow:
            uid = uow.users.add(name, role, hashed)
    except ConflictError:
        raise AuthError(f"a user named {name!r} already exists") from None
    return User(uid, name, role), password


def get_user(store: DataStore, name: str) -> User | None:
    with store.unit_of_work() as uow:
        row = uow.users.by_name(name)
    return User(row.id, row.name, row.role) if row else None


def authenticate_password(store: DataStore, name: str, password: str) -> User | None:
    with store.unit_of_work() as uow:
        row = uow.users.by_name(name)
    if row is None or row.disabled:
        _hasher.hash(password)  # spend the same time whether or not the user exists
        return None
    try:
        _hasher.verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        return None
    if _hasher.check_needs_rehash(row.password_hash):
        with store.unit_of_work() as uow:
            uow.users.set_password_hash(row.id, _hasher.hash(password))
    return User(row.id, row.name, row.role)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(store: DataStore, user: User, label: str = "") -> str:
    token = "um_" + secrets.token_urlsafe(32)
    with store.unit_of_work() as uow:
        uow.users.add_token(_digest(token), user.id, label)
    return token


def authenticate_token(store: DataStore, token: str) -> User | None:
    with store.unit_of_work() as uow:
        row = uow.users.by_token(_digest(token))
    if row is None or row.disabled:
        return None
    return User(row.id, row.name, row.role)
