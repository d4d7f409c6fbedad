"""Reviewer decisions become labels (source ``reviewer``) that ``unmask train`` learns from."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, delete

from unmask.ingest.validate import content_hash
from unmask.model.enums import LabelValue
from unmask.model.records import Label
from unmask.store import record_row
from unmask.store.schema import RECORD_TABLES

SOURCE = "reviewer"
_LABELS = RECORD_TABLES["label"]


def record_label(
    conn: Connection, account_id: str, fake: bool, campaign: str | None, note: str
) -> Label:
    """Keep one reviewer label per account: the latest decision replaces the earlier one."""
    now = datetime.now(UTC)
    label = Label(
        account_id=account_id,
        label=LabelValue.FAKE if fake else LabelValue.GENUINE,
        source=SOURCE,
        at=now,
        campaign=campaign,
        note=note[:500],
    )
    conn.execute(delete(_LABELS).where(_LABELS.c.key == label.key()))
    conn.execute(_LABELS.insert().values(record_row(label, content_hash(label), now)))
    return label
