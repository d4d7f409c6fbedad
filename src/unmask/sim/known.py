"""What a platform really knows: a sample of the simulator's ground truth.

The simulator writes a label for every account (``labels.jsonl``). A platform knows far less: the
fakes it has already removed or confirmed, and some members it has verified. Ingesting every label
would make any detector that uses labels (trust propagation's distrust seeds, the learned
combiner) near-perfect by construction, so the demo ingests only this sample and keeps the full
truth beside the data, outside the folder it ingests.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from unmask.model.records import Label


def _draw(seed: int, account_id: str) -> float:
    digest = hashlib.blake2b(f"{seed}:{account_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2**64


def known_sample(
    labels: Iterable[Label], seed: int, fake_share: float = 0.5, genuine_share: float = 0.1
) -> list[Label]:
    """A deterministic share of the fake and of the genuine labels, marked as what they are."""
    out: list[Label] = []
    for label in labels:
        share = fake_share if label.label.value == "fake" else genuine_share
        if _draw(seed, label.account_id) < share:
            note = (
                "confirmed fake (removed earlier)"
                if label.label.value == "fake"
                else "verified member"
            )
            out.append(label.model_copy(update={"source": "demo-known", "note": note}))
    return out
