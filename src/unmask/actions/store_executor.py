"""An executor that treats the store as the platform: severing deletes the account's connections
and withdraws its pending invitations (both ways); restoring puts the connections back."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, or_, select, update

from unmask.actions.executor import Severed
from unmask.ingest.validate import content_hash
from unmask.model.enums import InvitationStatus
from unmask.model.records import Connection, Invitation
from unmask.store import Store, record_row
from unmask.store.schema import RECORD_TABLES

_CONN = RECORD_TABLES["connection"]
_INV = RECORD_TABLES["invitation"]


class StoreExecutor:
    name = "store"

    def __init__(self, store: Store) -> None:
        self.store = store

    def restrict(self, account_id: str) -> None:
        """Restriction is recorded by the caller in the enforcement table; nothing to change."""

    def remove(self, account_id: str) -> None:
        """Removal is recorded by the caller; severing is a separate step."""

    def reinstate(self, account_id: str) -> None:
        """Reinstatement is recorded by the caller."""

    def sever(self, account_id: str) -> Severed:
        now = datetime.now(UTC)
        with self.store.engine.begin() as conn:
            pairs = conn.execute(
                select(_CONN.c.source, _CONN.c.target, _CONN.c.created_at).where(
                    or_(_CONN.c.source == account_id, _CONN.c.target == account_id)
                )
            ).all()
            conn.execute(
                delete(_CONN).where(or_(_CONN.c.source == account_id, _CONN.c.target == account_id))
            )
            pending = conn.execute(
                select(_INV.c.id).where(
                    or_(_INV.c.sender == account_id, _INV.c.recipient == account_id),
                    _INV.c.status == "pending",
                )
            ).scalars()
            invites = sorted(str(i) for i in pending)
            for inv_id in invites:
                record = self.store.get("invitation", inv_id)
                assert isinstance(record, Invitation)
                withdrawn = record.model_copy(update={"status": InvitationStatus.WITHDRAWN})
                conn.execute(
                    update(_INV)
                    .where(_INV.c.key == inv_id)
                    .values(
                        status="withdrawn", content_hash=content_hash(withdrawn), ingested_at=now
                    )
                )
        rows = sorted((str(a), str(b), t) for a, b, t in pairs)
        return Severed(
            tuple((a, b) for a, b, _ in rows),
            tuple(invites),
            tuple(
                Connection(source=a, target=b, created_at=t).created_at.isoformat()
                for a, b, t in rows
            ),
        )

    def restore(self, account_id: str, severed: Severed) -> None:
        now = datetime.now(UTC)
        with self.store.engine.begin() as conn:
            since = severed.since or tuple(now.isoformat() for _ in severed.connections)
            for (a, b), t in zip(severed.connections, since, strict=True):
                record = Connection(source=a, target=b, created_at=t)
                exists = conn.execute(
                    select(_CONN.c.key).where(_CONN.c.key == record.key())
                ).first()
                if exists is None:
                    conn.execute(
                        _CONN.insert().values(record_row(record, content_hash(record), now))
                    )
