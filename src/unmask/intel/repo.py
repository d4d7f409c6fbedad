"""Intelligence in the store: indicators (upserted by id), STIX context, TAXII resume points,
and record reads the retro-matcher and the exports need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from unmask.ingest.validate import content_hash
from unmask.model.intel import ContextObject
from unmask.model.records import Indicator, RecordBase
from unmask.store.interface import DataStore

_CHUNK = 900
GROUP_TYPES = ("campaign", "intrusion-set", "threat-actor")


@dataclass(frozen=True)
class Saved:
    new: list[Indicator]
    updated: list[Indicator]
    unchanged: int

    @property
    def changed(self) -> list[Indicator]:
        return self.new + self.updated


def save_indicators(store: DataStore, indicators: Sequence[Indicator], now: datetime) -> Saved:
    """Insert new indicators; replace those whose content changed (a newer confidence, expiry
    or marking from the same source); count the rest."""
    new: list[Indicator] = []
    updated: list[Indicator] = []
    same = 0
    with store.unit_of_work() as uow:
        for i in range(0, len(indicators), _CHUNK):
            chunk = indicators[i : i + _CHUNK]
            hashes = {ind.id: content_hash(ind) for ind in chunk}
            known = uow.records.hashes("indicator", list(hashes))
            fresh = [ind for ind in chunk if ind.id not in known]
            moved = [ind for ind in chunk if ind.id in known and known[ind.id] != hashes[ind.id]]
            same += len(chunk) - len(fresh) - len(moved)
            uow.records.delete("indicator", [m.id for m in moved])
            todo: list[tuple[RecordBase, str]] = [(r, hashes[r.id]) for r in fresh + moved]
            uow.records.add_new(todo, now)
            new += fresh
            updated += moved
    return Saved(new, updated, same)


def save_context(store: DataStore, objects: Iterable[Mapping[str, Any]], source: str) -> int:
    """Keep STIX context objects by id (a newer ``modified`` replaces an older one)."""
    rows = {str(o["id"]): o for o in objects if isinstance(o.get("id"), str) and o.get("type")}
    if not rows:
        return 0
    now = datetime.now(UTC)
    with store.unit_of_work() as uow:
        old = uow.intel.context_modified(list(rows))
        wanted = [k for k in rows if k not in old or str(rows[k].get("modified")) > str(old[k])]
        uow.intel.put_context(
            [
                ContextObject(
                    k,
                    str(rows[k]["type"])[:60],
                    source,
                    str(rows[k].get("name")) if rows[k].get("name") else None,
                    str(rows[k].get("modified") or rows[k].get("created") or "")[:40] or None,
                    dict(rows[k]),
                )
                for k in wanted
            ],
            now,
        )
    return len(rows)


def known_groups(store: DataStore) -> dict[str, dict[str, Any]]:
    """Stored campaigns, intrusion sets and threat actors by STIX id (to attribute indicators
    linked to them from a later bundle)."""
    with store.unit_of_work() as uow:
        return {o.stix_id: dict(o.data) for o in uow.intel.context_of_types(GROUP_TYPES)}


def get_cursor(store: DataStore, feed: str) -> str | None:
    with store.unit_of_work() as uow:
        found = uow.intel.cursor(feed)
    return found.added_after if found is not None and found.added_after else None


def set_cursor(store: DataStore, feed: str, added_after: str | None, objects: int) -> None:
    with store.unit_of_work() as uow:
        uow.intel.set_cursor(feed, added_after, objects, datetime.now(UTC))


def records_where(
    store: DataStore, kind: str, column: str, values: Sequence[str]
) -> Iterator[RecordBase]:
    """Records of ``kind`` whose ``column`` is one of ``values``."""
    with store.unit_of_work() as uow:
        found = uow.records.matching(kind, column, values)
    yield from found


def added_at(store: DataStore, kind: str, keys: Sequence[str]) -> dict[str, datetime]:
    """When each record was stored (``ingested_at``, UTC): TAXII's date_added."""
    with store.unit_of_work() as uow:
        return uow.records.added_at(kind, keys)
