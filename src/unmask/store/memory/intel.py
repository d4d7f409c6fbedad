"""STIX context and TAXII cursors in memory."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from unmask.model.intel import ContextObject, FeedCursor
from unmask.store.memory.state import State


class MemoryIntel:
    def __init__(self, state: State) -> None:
        self.state = state

    def context_modified(self, stix_ids: Sequence[str]) -> dict[str, str | None]:
        have = self.state.context
        return {k: have[k].modified for k in stix_ids if k in have}

    def put_context(self, objects: Sequence[ContextObject], now: datetime) -> None:
        for o in objects:
            self.state.context[o.stix_id] = o

    def context_of_types(self, types: Sequence[str]) -> list[ContextObject]:
        return [o for _, o in sorted(self.state.context.items()) if o.type in types]

    def cursor(self, feed: str) -> FeedCursor | None:
        return self.state.cursors.get(feed)

    def set_cursor(self, feed: str, added_after: str | None, objects: int, now: datetime) -> None:
        old = self.state.cursors.get(feed)
        if old is None:
            self.state.cursors[feed] = FeedCursor(feed, added_after, objects, now)
            return
        after = added_after or old.added_after
        self.state.cursors[feed] = FeedCursor(feed, after, old.objects + objects, now)
