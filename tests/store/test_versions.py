"""Ingest keeps versions: a changed profile is version 2, not a conflict; same content adds
nothing; an older observation never replaces a newer one (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path

from unmask.ingest import ingest
from unmask.model import Account
from unmask.store import Store


def _file(path: Path, rows: list[dict[str, object]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _account(i: int, **extra: object) -> dict[str, object]:
    return {"id": f"a{i}", "created_at": "2026-01-01T00:00:00Z", "name": f"Member {i}"} | extra


def _current(store: Store, key: str) -> Account:
    with store.unit_of_work() as uow:
        found = uow.records.get("account", key)
    assert isinstance(found, Account)
    return found


def _names(store: Store, key: str) -> list[tuple[int, str]]:
    with store.unit_of_work() as uow:
        versions = uow.records.history("account", [key])[key]
    return [(v.version, v.record.name) for v in versions]  # type: ignore[attr-defined]


def test_changed_profile_is_version_2_and_same_content_adds_nothing(
    store: Store, tmp_path: Path
) -> None:
    day1 = _file(tmp_path / "d1" / "accounts.jsonl", [_account(i) for i in range(3)])
    first = ingest(store, [day1]).files[0]
    assert (first.accepted, first.updated, first.present, first.quarantined) == (3, 0, 0, 0)
    renamed = _account(1, name="Jane Roe", headline="Recruiter at Acme")
    day2 = _file(tmp_path / "d2" / "accounts.jsonl", [_account(0), renamed, _account(2)])
    second = ingest(store, [day2]).files[0]
    assert (second.accepted, second.updated, second.present, second.quarantined) == (0, 1, 2, 0)
    assert _current(store, "a1").name == "Jane Roe"
    assert _names(store, "a1") == [(1, "Member 1"), (2, "Jane Roe")]
    assert store.count("account") == 3
    # the same content again, in another file, adds nothing
    day3 = _file(tmp_path / "d3" / "accounts.jsonl", [renamed, _account(2)])
    third = ingest(store, [day3]).files[0]
    assert (third.accepted, third.updated, third.present, third.quarantined) == (0, 0, 2, 0)
    assert _names(store, "a1") == [(1, "Member 1"), (2, "Jane Roe")]
    with store.unit_of_work() as uow:
        assert uow.records.changed_keys("account") == ["a1"]
        assert uow.ingest.quarantined(_file_id(day3)) == []


def _file_id(path: Path) -> str:
    from unmask.ingest.runner import file_id

    return file_id(path)


def test_older_observation_does_not_overwrite_a_newer_one(store: Store, tmp_path: Path) -> None:
    new = _account(7, name="New Name", updated_at="2026-06-10T00:00:00Z")
    old = _account(7, name="Old Name", updated_at="2026-06-01T00:00:00Z")
    ingest(store, [_file(tmp_path / "new" / "accounts.jsonl", [new])])
    late = ingest(store, [_file(tmp_path / "old" / "accounts.jsonl", [old])]).files[0]
    assert late.updated == 1  # kept in the history ...
    assert _current(store, "a7").name == "New Name"  # ... but not current
    assert _names(store, "a7") == [(2, "Old Name"), (1, "New Name")]  # by observation time


def test_export_time_orders_records_without_their_own_time(store: Store, tmp_path: Path) -> None:
    ingest(
        store,
        [_file(tmp_path / "dec" / "accounts.jsonl", [_account(5, headline="Director")])],
        observed=datetime(2026, 12, 1, tzinfo=UTC),
    )
    ingest(
        store,
        [_file(tmp_path / "nov" / "accounts.jsonl", [_account(5, headline="Analyst")])],
        observed=datetime(2026, 11, 1, tzinfo=UTC),
    )
    assert _current(store, "a5").headline == "Director"
    with store.unit_of_work() as uow:
        versions = uow.records.history("account", ["a5"])["a5"]
    assert [v.observed_at for v in versions] == [
        datetime(2026, 11, 1, tzinfo=UTC),
        datetime(2026, 12, 1, tzinfo=UTC),
    ]


def test_events_with_other_content_stay_conflicts(store: Store, tmp_path: Path) -> None:
    conn = {"source": "a1", "target": "a2", "created_at": "2026-01-02T00:00:00Z"}
    ingest(store, [_file(tmp_path / "c1" / "connections.jsonl", [conn])])
    other = conn | {"created_at": "2026-01-03T00:00:00Z"}
    again = ingest(store, [_file(tmp_path / "c2" / "connections.jsonl", [other])]).files[0]
    assert (again.accepted, again.updated, again.quarantined) == (0, 0, 1)
    assert "different content" in again.problems[0][2]


def test_detectors_see_the_history(store: Store, tmp_path: Path) -> None:
    """A persona renamed and re-employed days before it starts inviting: profile_history says so
    from the stored versions; an account that never changed gets an abstention."""
    from unmask.detectors.profile_history import ProfileHistory

    job = {"employer": "Acme Analytics", "title": "Analyst"}
    lure = {"employer": "Northbridge Defence Consulting", "title": "Talent Partner"}
    days = [datetime(2026, 11, d, tzinfo=UTC) for d in (1, 10, 20)]
    ingest(
        store,
        [_file(tmp_path / "1" / "accounts.jsonl", [_account(1, positions=[job]), _account(2)])],
        observed=days[0],
    )
    renamed = _account(1, name="Jane Roe", positions=[job])
    ingest(store, [_file(tmp_path / "2" / "accounts.jsonl", [renamed])], observed=days[1])
    again = _account(1, name="J. Roe", positions=[lure])
    ingest(store, [_file(tmp_path / "3" / "accounts.jsonl", [again])], observed=days[2])
    invite = {"id": "i1", "sender": "a1", "recipient": "a2", "sent_at": "2026-11-25T00:00:00Z"}
    ingest(store, [_file(tmp_path / "4" / "invitations.jsonl", [invite])])
    assert store.snapshot().as_of >= days[2]  # by default "now" includes the latest change
    snapshot = store.snapshot(as_of=datetime(2026, 11, 28, tzinfo=UTC))
    assert [v.version for v in snapshot.history["a1"]] == [1, 2, 3]
    assert "a2" not in snapshot.history
    changed, calm = ProfileHistory().detect(snapshot, ["a1", "a2"])
    texts = [e.text for e in changed.evidence]
    assert "renamed 2 time(s) in the last 30 days: Member 1 → Jane Roe → J. Roe" in texts
    assert (
        "employer changed from 'Acme Analytics' to 'Northbridge Defence Consulting' "
        "5 day(s) before the first invitation after it"
    ) in texts
    assert changed.score is not None and changed.score > 0.5
    assert calm.abstained
    # the same histories seen a year later are old news: no change in the window, nothing scored
    later = dataclasses.replace(snapshot, as_of=datetime(2027, 11, 1, tzinfo=UTC))
    (old,) = ProfileHistory().detect(later, ["a1"])
    assert old.score is not None and old.score > 0  # the change just before inviting still counts
    assert not any("renamed" in e.text for e in old.evidence)
