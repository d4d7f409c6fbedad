"""STIX context by id and TAXII resume points."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.model.intel import ContextObject
from unmask.store.interface import DataStore

T0 = datetime(2026, 3, 1, tzinfo=UTC)


def test_context_and_cursors(ds: DataStore) -> None:
    camp = ContextObject("campaign--1", "campaign", "feed-a", "Op X", "2026-01-01", {"id": "c"})
    actor = ContextObject("threat-actor--2", "threat-actor", "feed-a", None, None, {"x": [1]})
    with ds.unit_of_work() as uow:
        uow.intel.put_context([camp, actor], T0)
        newer = ContextObject("campaign--1", "campaign", "feed-b", "Op X2", "2026-02-01", {})
        uow.intel.put_context([newer], T0)
        assert uow.intel.cursor("https://feed") is None
        uow.intel.set_cursor("https://feed", "2026-01-01T00:00:00Z", 10, T0)
        uow.intel.set_cursor("https://feed", None, 5, T0)
    with ds.unit_of_work() as uow:
        assert uow.intel.context_modified(["campaign--1", "nope"]) == {"campaign--1": "2026-02-01"}
        groups = uow.intel.context_of_types(["campaign", "threat-actor"])
        assert [g.stix_id for g in groups] == ["campaign--1", "threat-actor--2"]
        assert groups[0].name == "Op X2" and groups[1].data == {"x": [1]}
        c = uow.intel.cursor("https://feed")
        assert c is not None and (c.added_after, c.objects) == ("2026-01-01T00:00:00Z", 15)
