"""Polling a TAXII 2.1 collection into the store, resumably.

Each page is parsed, stored, retro-matched and then the feed's resume point (the page's
``X-TAXII-Date-Added-Last``) is saved: a poll interrupted at any point starts again after the
last page it finished, and ``added_after`` keeps the server from sending that page again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from unmask.intel.clients.taxii import TaxiiClient
from unmask.intel.formats.result import ParseResult
from unmask.intel.formats.stix_in import parse_stix
from unmask.intel.repo import GROUP_TYPES, get_cursor, known_groups, set_cursor
from unmask.intel.service import ImportSummary, ingest_parsed
from unmask.store import Store


@dataclass
class PollSummary:
    feed: str
    started_after: str | None
    pages: int = 0
    objects: int = 0
    new: int = 0
    matched: int = 0
    cases: int = 0
    resume_from: str | None = None
    parsed: ParseResult = field(default_factory=ParseResult)


def feed_source(collection_url: str) -> str:
    parts = urlsplit(collection_url)
    collection = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"taxii:{parts.hostname}/{collection}"


def poll_once(
    store: Store, client: TaxiiClient, collection_url: str, *, limit: int = 100
) -> PollSummary:
    feed = collection_url.rstrip("/") + "/"
    after = get_cursor(store, feed)
    summary = PollSummary(feed, after, resume_from=after)
    source = feed_source(feed)
    known = known_groups(store)
    for page in client.pages(feed, after, limit):
        now = datetime.now(UTC)
        parsed = parse_stix(
            {"objects": page.objects},
            name=f"{feed} page {summary.pages + 1}",
            source=source,
            now=now,
            known=known,
        )
        known |= {o["id"]: o for o in parsed.context if o.get("type") in GROUP_TYPES}
        done = ingest_parsed(store, ImportSummary(parsed=parsed), now=now)
        summary.pages += 1
        summary.objects += len(page.objects)
        summary.new += done.new
        summary.matched += done.matched.findings
        summary.cases += done.matched.opened
        summary.parsed.extend(parsed)
        if page.date_added_last:
            summary.resume_from = page.date_added_last
        set_cursor(store, feed, page.date_added_last, len(page.objects))
    return summary


def poll_every(
    seconds: float,
    run: Callable[[], PollSummary],
    report: Callable[[PollSummary | Exception], None],
    rounds: int | None = None,
) -> None:
    """Run ``run`` every ``seconds`` (``rounds`` times, or forever); errors are reported and
    the schedule goes on."""
    n = 0
    while rounds is None or n < rounds:
        started = time.monotonic()
        try:
            report(run())
        except Exception as exc:  # a feed being down must not stop the schedule
            report(exc)
        n += 1
        if rounds is None or n < rounds:
            time.sleep(max(0.0, seconds - (time.monotonic() - started)))
