"""Console and API users as stored: name, role, password hash, and whether they are disabled."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class StoredUser:
    id: int
    name: str
    role: str
    password_hash: str
    disabled: bool = False


@dataclass(frozen=True)
class Session:
    """A console session: its user, the CSRF token and when it expires."""

    user: StoredUser
    csrf: str
    expires_at: datetime
