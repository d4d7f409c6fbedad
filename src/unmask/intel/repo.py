"""Intelligence in the store: indicators (upserted by id), STIX context, TAXII resume points,
and record reads the retro-matcher and the exports need."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, select

from unmask.ingest.validate import content_hash
from unmask.model.records import RECORD_TYPES, Indicator, RecordBase
from unmask.model.schema import columns
from unmask.store import Store
from unmask.store.intel_schema import intel_objects, taxii_cursors
from unmask.store.schema import RECORD_TABLES

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


def save_indicators(store: Store, indicators: Sequence[Indicator], now: datetime) -> Saved:
    """Insert new indicators; replace those whose content changed (a newer confidence, expiry
    or marking from the same source); count the rest."""
    table = RECORD_TABLES["indicator"]
    new: list[Indicator] = []
    updated: list[Indicator] = []
    same = 0
    with store.engine.begin() as conn:
        for i in range(0, len(indicators), _CHUNK):
            chunk = indicators[i : i + _CHUNK]
            hashes = {ind.id: content_hash(ind) for ind in chunk}
            known = store.existing_hashes(conn, "indicator", list(hashes))
            fresh = [ind for ind in chunk if ind.id not in known]
            moved = [ind for ind in chunk if ind.id in known and known[ind.id] != hashes[ind.id]]
            same += len(chunk) - len(fresh) - len(moved)
            if moved:
                conn.execute(delete(table).where(table.c.key.in_([m.id for m in moved])))
            todo: list[tuple[RecordBase, str]] = [(r, hashes[r.id]) for r in fresh + moved]
            store.insert_records(conn, "indicator", todo, now)
            new += fresh
            updated += moved
    return Saved(new, updated, same)


def save_context(store: Store, objects: Iterable[Mapping[str, Any]], source: str) -> int:
    """Keep STIX context objects by id (a newer ``modified`` replaces an older one)."""
    rows = {str(o["id"]): o for o in objects if isinstance(o.get("id"), str) and o.get("type")}
    if not rows:
        return 0
    now = datetime.now(UTC)
    with store.engine.begin() as conn:
        ids = list(rows)
        old: dict[str, str | None] = {}
        for i in range(0, len(ids), _CHUNK):
            stmt = select(intel_objects.c.stix_id, intel_objects.c.modified).where(
                intel_objects.c.stix_id.in_(ids[i : i + _CHUNK])
            )
            old.update({str(k): m for k, m in conn.execute(stmt)})
        replace = [k for k in ids if k in old and str(rows[k].get("modified")) > str(old[k])]
        if replace:
            conn.execute(delete(intel_objects).where(intel_objects.c.stix_id.in_(replace)))
        values = [
            {
                "stix_id": k,
                "type": str(o["type"])[:60],
                "name": str(o.get("name")) if o.get("name") else None,
                "source": source,
                "modified": str(o.get("modified") or o.get("created") or "")[:40] or None,
                "data": dict(o),
                "imported_at": now,
            }
            for k, o in rows.items()
            if k not in old or k in replace
        ]
        if values:
            conn.execute(intel_objects.insert(), values)
    return len(rows)


def known_groups(store: Store) -> dict[str, dict[str, Any]]:
    """Stored campaigns, intrusion sets and threat actors by STIX id (to attribute indicators
    linked to them from a later bundle)."""
    with store.connect() as conn:
        stmt = select(intel_objects.c.stix_id, intel_objects.c.data).where(
            intel_objects.c.type.in_(GROUP_TYPES)
        )
        return {str(k): dict(d) for k, d in conn.execute(stmt)}


def get_cursor(store: Store, feed: str) -> str | None:
    with store.connect() as conn:
        found = conn.execute(
            select(taxii_cursors.c.added_after).where(taxii_cursors.c.feed == feed)
        ).scalar()
    return str(found) if found else None


def set_cursor(store: Store, feed: str, added_after: str | None, objects: int) -> None:
    with store.engine.begin() as conn:
        row = conn.execute(select(taxii_cursors).where(taxii_cursors.c.feed == feed)).first()
        now = datetime.now(UTC)
        if row is None:
            conn.execute(
                taxii_cursors.insert().values(
                    feed=feed, added_after=added_after, objects=objects, polled_at=now
                )
            )
        else:
            conn.execute(
                taxii_cursors.update()
                .where(taxii_cursors.c.feed == feed)
                .values(
                    added_after=added_after or row.added_after,
                    objects=row.objects + objects,
                    polled_at=now,
                )
            )


def records_where(
    store: Store, kind: str, column: str, values: Sequence[str]
) -> Iterator[RecordBase]:
    """Records of ``kind`` whose ``column`` is one of ``values``."""
    table = RECORD_TABLES[kind]
    model = RECORD_TYPES[kind]
    fields = list(columns(model))
    with store.connect() as conn:
        for i in range(0, len(values), _CHUNK):
            stmt = select(*(table.c[f] for f in fields)).where(
                table.c[column].in_(values[i : i + _CHUNK])
            )
            for row in conn.execute(stmt):
                data = {f: v for f, v in zip(fields, row, strict=True) if v is not None}
                yield model.model_validate(data)


def added_at(store: Store, kind: str, keys: Sequence[str]) -> dict[str, datetime]:
    """When each record was stored (``ingested_at``, UTC): TAXII's date_added."""
    table = RECORD_TABLES[kind]
    out: dict[str, datetime] = {}
    with store.connect() as conn:
        for i in range(0, len(keys), _CHUNK):
            stmt = select(table.c.key, table.c.ingested_at).where(
                table.c.key.in_(keys[i : i + _CHUNK])
            )
            for key, at in conn.execute(stmt):
                out[str(key)] = at if at.tzinfo else at.replace(tzinfo=UTC)
    return out
