"""STIX context and TAXII cursors on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, select

from unmask.model.intel import ContextObject, FeedCursor
from unmask.model.review import utc
from unmask.store.intel_schema import intel_objects, taxii_cursors

_IN = 900


class SqlIntel:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def context_modified(self, stix_ids: Sequence[str]) -> dict[str, str | None]:
        t, ids, out = intel_objects, sorted(set(stix_ids)), dict[str, str | None]()
        for i in range(0, len(ids), _IN):
            stmt = select(t.c.stix_id, t.c.modified).where(t.c.stix_id.in_(ids[i : i + _IN]))
            out.update({str(k): m for k, m in self.conn.execute(stmt)})
        return out

    def put_context(self, objects: Sequence[ContextObject], now: datetime) -> None:
        if not objects:
            return
        ids = sorted({o.stix_id for o in objects})
        for i in range(0, len(ids), _IN):
            chunk = ids[i : i + _IN]
            self.conn.execute(delete(intel_objects).where(intel_objects.c.stix_id.in_(chunk)))
        rows = {
            o.stix_id: {
                "stix_id": o.stix_id,
                "type": o.type,
                "name": o.name,
                "source": o.source,
                "modified": o.modified,
                "data": o.data,
                "imported_at": now,
            }
            for o in objects
        }
        self.conn.execute(intel_objects.insert(), list(rows.values()))

    def context_of_types(self, types: Sequence[str]) -> list[ContextObject]:
        t = intel_objects
        stmt = select(t).where(t.c.type.in_(list(types))).order_by(t.c.stix_id)
        return [
            ContextObject(r.stix_id, r.type, r.source, r.name, r.modified, dict(r.data))
            for r in self.conn.execute(stmt)
        ]

    def cursor(self, feed: str) -> FeedCursor | None:
        row = self.conn.execute(select(taxii_cursors).where(taxii_cursors.c.feed == feed)).first()
        if row is None:
            return None
        return FeedCursor(
            row.feed, row.added_after, int(row.objects), utc(row.polled_at) or row.polled_at
        )

    def set_cursor(self, feed: str, added_after: str | None, objects: int, now: datetime) -> None:
        old = self.cursor(feed)
        t = taxii_cursors
        if old is None:
            values = {"added_after": added_after, "objects": objects, "polled_at": now}
            self.conn.execute(t.insert().values(feed=feed, **values))
            return
        self.conn.execute(
            t.update()
            .where(t.c.feed == feed)
            .values(
                added_after=added_after or old.added_after,
                objects=old.objects + objects,
                polled_at=now,
            )
        )
