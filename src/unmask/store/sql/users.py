"""Users, API tokens and console sessions on SQLAlchemy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.exc import IntegrityError

from unmask.model.review import utc
from unmask.model.users import Session, StoredUser
from unmask.store.interface import ConflictError
from unmask.store.review_schema import console_sessions
from unmask.store.schema import api_tokens, users


def _user(row: Any) -> StoredUser:
    return StoredUser(int(row.id), row.name, row.role, row.password_hash, bool(row.disabled))


class SqlUsers:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, name: str, role: str, password_hash: str) -> int:
        values = {
            "name": name,
            "role": role,
            "password_hash": password_hash,
            "created_at": datetime.now(UTC),
            "disabled": False,
        }
        try:
            with self.conn.begin_nested():  # a clash rolls back this insert only
                inserted = self.conn.execute(users.insert().values(**values)).inserted_primary_key
        except IntegrityError:
            raise ConflictError(f"a user named {name!r} already exists") from None
        assert inserted is not None
        return int(inserted[0])

    def by_name(self, name: str) -> StoredUser | None:
        row = self.conn.execute(select(users).where(users.c.name == name)).first()
        return _user(row) if row is not None else None

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        stmt = update(users).where(users.c.id == user_id).values(password_hash=password_hash)
        self.conn.execute(stmt)

    def add_token(self, token_hash: str, user_id: int, label: str) -> None:
        self.conn.execute(
            api_tokens.insert().values(
                token_hash=token_hash,
                user_id=user_id,
                label=label,
                created_at=datetime.now(UTC),
                revoked=False,
            )
        )

    def by_token(self, token_hash: str) -> StoredUser | None:
        row = self.conn.execute(
            select(users, api_tokens.c.revoked)
            .join(api_tokens, api_tokens.c.user_id == users.c.id)
            .where(api_tokens.c.token_hash == token_hash)
        ).first()
        return _user(row) if row is not None and not row.revoked else None

    def add_session(self, token_hash: str, user_id: int, csrf: str, expires_at: datetime) -> None:
        now = datetime.now(UTC)
        self.conn.execute(delete(console_sessions).where(console_sessions.c.expires_at < now))
        self.conn.execute(
            console_sessions.insert().values(
                token_hash=token_hash,
                user_id=user_id,
                csrf=csrf,
                created_at=now,
                expires_at=expires_at,
            )
        )

    def session(self, token_hash: str) -> Session | None:
        s = console_sessions
        row = self.conn.execute(
            select(users, s.c.csrf, s.c.expires_at)
            .join(users, users.c.id == s.c.user_id)
            .where(s.c.token_hash == token_hash)
        ).first()
        if row is None:
            return None
        return Session(_user(row), str(row.csrf), utc(row.expires_at) or row.expires_at)

    def end_session(self, token_hash: str) -> None:
        stmt = delete(console_sessions).where(console_sessions.c.token_hash == token_hash)
        self.conn.execute(stmt)
