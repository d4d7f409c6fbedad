"""Record history: versions kept beside the current record, read back oldest observation first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from unmask.ingest.validate import content_hash
from unmask.model import Account
from unmask.model.versions import RecordVersion
from unmask.store.interface import ConflictError, DataStore

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _version(n: int, name: str, observed: datetime) -> RecordVersion:
    account = Account(id="a1", name=name, created_at=T0)
    return RecordVersion("account", "a1", n, content_hash(account), observed, account)


def test_history_is_kept_in_observation_order(ds: DataStore) -> None:
    first, renamed = _version(1, "Anna", T0), _version(2, "Anne", T0 + timedelta(days=3))
    older = _version(3, "Ann", T0 - timedelta(days=1))  # an older export arriving last
    other = RecordVersion("organisation", "a1", 1, "h" * 32, T0, first.record)
    with ds.unit_of_work() as uow:
        assert uow.records.history("account", ["a1"]) == {}
        uow.records.add_versions([first, renamed, other], T0)
    with ds.unit_of_work() as uow:
        uow.records.add_versions([older], T0 + timedelta(days=5))
    with ds.unit_of_work() as uow:
        got = uow.records.history("account", ["a1", "nobody"])
        assert list(got) == ["a1"]
        assert [v.version for v in got["a1"]] == [3, 1, 2]
        assert got["a1"] == [older, first, renamed]
        assert got["a1"][2].observed_at == T0 + timedelta(days=3)
        assert got["a1"][2].observed_at.tzinfo is not None
        assert uow.records.changed_keys("account") == ["a1"]
        assert uow.records.changed_keys("organisation") == []


def test_duplicate_version_is_refused_and_rolled_back(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        uow.records.add_versions([_version(1, "Anna", T0)], T0)
    renamed, clash = _version(2, "Anne", T0 + timedelta(days=1)), _version(1, "Zed", T0)
    with pytest.raises(ConflictError), ds.unit_of_work() as uow:  # noqa: PT012 - one unit
        uow.records.add_versions([renamed], T0)
        uow.records.add_versions([clash], T0)
    with ds.unit_of_work() as uow:
        got = uow.records.history("account", ["a1"])["a1"]
        assert [v.record.name for v in got] == ["Anna"]  # type: ignore[attr-defined]
        assert uow.records.changed_keys("account") == []


def test_reviewer_labels_keep_their_history(ds: DataStore) -> None:
    from unmask.cases.labels import record_label

    with ds.unit_of_work() as uow:
        record_label(uow.records, "a1", True, "cmp-1", "front firm persona")
    with ds.unit_of_work() as uow:
        record_label(uow.records, "a1", False, None, "verified by phone call")
    with ds.unit_of_work() as uow:
        got = uow.records.history("label", ["a1|reviewer"])["a1|reviewer"]
        current = uow.records.get("label", "a1|reviewer")
    assert [(v.version, v.record.label.value) for v in got] == [(1, "fake"), (2, "genuine")]  # type: ignore[attr-defined]
    assert current == got[-1].record
