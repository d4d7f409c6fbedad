"""Live decisions: once per event key, outcomes once, listing, overturns."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.model.live import LiveRecord
from unmask.store.interface import DataStore

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def _row(key: str, subject: str, decision: str = "allow") -> LiveRecord:
    return LiveRecord(
        key, "invitation", subject, "m1", decision, 0.3, "p7", "stream", T0, T0, [{"text": "ok"}]
    )


def test_live_decisions(ds: DataStore) -> None:
    with ds.unit_of_work() as uow:
        assert uow.live.add_new([_row("i1:pending", "a"), _row("i2:pending", "b", "warn")]) == {
            "i1:pending",
            "i2:pending",
        }
        assert uow.live.add_new([_row("i1:pending", "a"), _row("i3:pending", "a")]) == {
            "i3:pending"
        }
        uow.live.set_outcome("i1:pending", "accepted", T0)
        uow.live.set_outcome("i1:pending", "ignored", T0)  # the first outcome stays
    with ds.unit_of_work() as uow:
        got = uow.live.get("i1:pending")
        assert got is not None and got.outcome == "accepted" and got.reasons == [{"text": "ok"}]
        assert got.event_at == T0 and got.features == {} and got.id > 0
        assert uow.live.get("nope") is None
        rows, total = uow.live.listing(subject="a")
        assert total == 2 and [r.event_key for r in rows] == ["i3:pending", "i1:pending"]
        page, _ = uow.live.listing(before_id=rows[0].id, limit=1)
        assert [r.event_key for r in page] == ["i2:pending"]
        open_ = uow.live.open_permissive(["allow"])
        assert [s for _, s in open_] == ["a", "a"]
        uow.live.overturn(open_[0][0], 7, "review", 0.8)
    with ds.unit_of_work() as uow:
        assert len(uow.live.open_permissive(["allow"])) == 1
        done, n = uow.live.listing(overturned=True)
        assert n == 1 and done[0].overturned_scan == 7 and done[0].overturned_route == "review"
