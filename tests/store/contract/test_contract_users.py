"""Users: unique names, password hashes, API tokens (revocable) and console sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from unmask.store.interface import ConflictError, DataStore


def test_users_tokens_and_sessions(ds: DataStore) -> None:
    later = datetime.now(UTC) + timedelta(hours=1)
    with ds.unit_of_work() as uow:
        uid = uow.users.add("lena", "lead", "$argon2id$one")
        with pytest.raises(ConflictError, match="already exists"):
            uow.users.add("lena", "admin", "$argon2id$two")
        other = uow.users.add("lars", "lead", "$argon2id$three")  # the clash left the rest intact
        uow.users.add_token("t" * 64, uid, "ci")
        uow.users.add_session("s" * 64, uid, "csrf-1", later)
        uow.users.add_session("old", other, "csrf-2", datetime.now(UTC) - timedelta(hours=1))
    with ds.unit_of_work() as uow:
        lena = uow.users.by_name("lena")
        assert lena is not None and (lena.id, lena.role, lena.disabled) == (uid, "lead", False)
        assert uow.users.by_name("nobody") is None
        uow.users.set_password_hash(uid, "$argon2id$new")
        owner = uow.users.by_token("t" * 64)
        assert owner is not None and owner.name == "lena" and uow.users.by_token("x") is None
        s = uow.users.session("s" * 64)
        assert s is not None and s.user.id == uid and s.csrf == "csrf-1"
        assert abs((s.expires_at - later).total_seconds()) < 1
        uow.users.add_session("new", other, "csrf-3", later)  # drops the expired one
        assert uow.users.session("old") is None
        uow.users.end_session("s" * 64)
    with ds.unit_of_work() as uow:
        assert uow.users.session("s" * 64) is None
        again = uow.users.by_name("lena")
        assert again is not None and again.password_hash == "$argon2id$new"
