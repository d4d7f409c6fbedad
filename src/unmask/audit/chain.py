"""The audit chain's pure part lives in ``unmask.model.audit`` (the store computes links too)."""

from unmask.model.audit import (
    GENESIS,
    ChainedEvent,
    Event,
    Verification,
    canonical,
    chain,
    link_hash,
    utc_text,
    verify_chain,
)

__all__ = [
    "GENESIS",
    "ChainedEvent",
    "Event",
    "Verification",
    "canonical",
    "chain",
    "link_hash",
    "utc_text",
    "verify_chain",
]
