"""Cases as typed values (stored through ``unmask.store``: ``uow.cases``)."""

from __future__ import annotations

from unmask.model.review import QUEUE_STATUSES, SORTS, Appeal, Case, Decision, Filters

__all__ = ["QUEUE_STATUSES", "SORTS", "Appeal", "Case", "Decision", "Filters"]
