"""The audit trail: every decision and action as an append-only, hash-chained event."""

from unmask.audit.chain import GENESIS, ChainedEvent, Event, Verification, verify_chain
from unmask.audit.log import append, event_dict, export, iter_events, verify

__all__ = [
    "GENESIS",
    "ChainedEvent",
    "Event",
    "Verification",
    "append",
    "event_dict",
    "export",
    "iter_events",
    "verify",
    "verify_chain",
]
