"""Reviewer decisions become labels (source ``reviewer``) that ``unmask train`` learns from."""

from __future__ import annotations

from datetime import UTC, datetime

from unmask.ingest.validate import content_hash
from unmask.ingest.versions import keep
from unmask.model.enums import LabelValue
from unmask.model.records import Label
from unmask.store.interface import Records

SOURCE = "reviewer"


def record_label(
    records: Records, account_id: str, fake: bool, campaign: str | None, note: str
) -> Label:
    """Keep one reviewer label per account: the latest decision is current, every earlier one
    stays in the label's history (``unmask.model.versions``)."""
    now = datetime.now(UTC)
    label = Label(
        account_id=account_id,
        label=LabelValue.FAKE if fake else LabelValue.GENUINE,
        source=SOURCE,
        at=now,
        campaign=campaign,
        note=note[:500],
    )
    keep(records, label, content_hash(label), now)
    return label
