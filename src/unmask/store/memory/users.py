"""Users, API tokens and console sessions in memory."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from unmask.model.users import Session, StoredUser
from unmask.store.interface import ConflictError
from unmask.store.memory.state import State


class MemoryUsers:
    def __init__(self, state: State) -> None:
        self.state = state

    def add(self, name: str, role: str, password_hash: str) -> int:
        if self.by_name(name) is not None:
            raise ConflictError(f"a user named {name!r} already exists")
        uid = self.state.next_id("user")
        self.state.users[uid] = StoredUser(uid, name, role, password_hash)
        return uid

    def by_name(self, name: str) -> StoredUser | None:
        return next((u for u in self.state.users.values() if u.name == name), None)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        user = self.state.users[user_id]
        self.state.users[user_id] = dataclasses.replace(user, password_hash=password_hash)

    def add_token(self, token_hash: str, user_id: int, label: str) -> None:
        self.state.tokens[token_hash] = (user_id, False)

    def by_token(self, token_hash: str) -> StoredUser | None:
        found = self.state.tokens.get(token_hash)
        if found is None or found[1]:
            return None
        return self.state.users.get(found[0])

    def add_session(self, token_hash: str, user_id: int, csrf: str, expires_at: datetime) -> None:
        now = datetime.now(UTC)
        self.state.sessions = {k: v for k, v in self.state.sessions.items() if v[2] >= now}
        self.state.sessions[token_hash] = (user_id, csrf, expires_at)

    def session(self, token_hash: str) -> Session | None:
        found = self.state.sessions.get(token_hash)
        if found is None or found[0] not in self.state.users:
            return None
        return Session(self.state.users[found[0]], found[1], found[2])

    def end_session(self, token_hash: str) -> None:
        self.state.sessions.pop(token_hash, None)
