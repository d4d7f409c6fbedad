"""Intelligence in and out of the store: import files, retro-match, export campaigns.

``import_paths`` parses every file (STIX, MISP or CSV, by content), stores the indicators and the
STIX context, and retro-matches the new and changed indicators against every stored account:
hits become ``intel_match`` findings and, when strong enough, cases.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from unmask.intel.campaign import CampaignExport
from unmask.intel.campaign_store import CampaignSource, StoreCampaigns
from unmask.intel.evidence import by_subject, campaigns_of, finding_for
from unmask.intel.formats import ParseResult, detect_format, parse_bytes
from unmask.intel.matching import Hit, Matcher
from unmask.intel.observe import Observable, account_observables, text_observables
from unmask.intel.outcomes import Recorded, record
from unmask.intel.repo import (
    GROUP_TYPES,
    known_groups,
    records_where,
    save_context,
    save_indicators,
)
from unmask.model.enums import IndicatorKind as K
from unmask.model.records import Account, Indicator, Invitation, Login, Message, Organisation
from unmask.store import Store

SUFFIXES = (".json", ".stix", ".csv", ".misp")
BATCH = 5_000


@dataclass
class ImportSummary:
    parsed: ParseResult = field(default_factory=ParseResult)
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    context: int = 0
    matched: Recorded = field(default_factory=lambda: Recorded(None, 0, 0, 0))


def discover(paths: Iterable[Path]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def _groups_in(files: Sequence[tuple[Path, bytes]]) -> dict[str, dict[str, Any]]:
    """Campaigns and intrusion sets anywhere in the STIX files (relationships cross files)."""
    out: dict[str, dict[str, Any]] = {}
    for path, data in files:
        if detect_format(path.name, data) != "stix":
            continue
        try:
            doc = orjson.loads(data)
        except ValueError:
            continue
        objects = doc.get("objects", []) if isinstance(doc, dict) else []
        for o in objects if isinstance(objects, list) else []:
            if isinstance(o, dict) and o.get("type") in GROUP_TYPES:
                out[str(o.get("id"))] = o
    return out


def import_paths(
    store: Store, paths: Iterable[Path], *, now: datetime | None = None, match: bool = True
) -> ImportSummary:
    now = now or datetime.now(UTC)
    files = [(p, p.read_bytes()) for p in discover(paths)]
    known = known_groups(store) | _groups_in(files)
    summary = ImportSummary()
    for path, data in files:
        parsed = parse_bytes(path.name, data, source=f"file:{path.name}", now=now, known=known)
        summary.parsed.extend(parsed)
    return ingest_parsed(store, summary, now=now, match=match)


def ingest_parsed(
    store: Store, summary: ImportSummary, *, now: datetime, match: bool = True
) -> ImportSummary:
    saved = save_indicators(store, summary.parsed.indicators, now)
    summary.new, summary.updated, summary.unchanged = (
        len(saved.new),
        len(saved.updated),
        saved.unchanged,
    )
    summary.context = save_context(store, summary.parsed.context, "import")
    if match and saved.changed:
        summary.matched = retro_match(store, saved.changed, now)
    return summary


def _batch_observables(store: Store, accounts: list[Account]) -> Iterator[Observable]:
    ids = [a.id for a in accounts]
    org_ids = sorted({p.organisation_id or "" for a in accounts for p in a.positions} - {""})
    orgs = {
        o.id: o
        for o in records_where(store, "organisation", "key", org_ids)
        if isinstance(o, Organisation)
    }
    for account in accounts:
        yield from account_observables(
            account, [orgs.get(p.organisation_id or "") for p in account.positions]
        )
    for inv in records_where(store, "invitation", "sender", ids):
        if isinstance(inv, Invitation):
            yield from text_observables(inv.sender, inv.note, f"invitation {inv.id}")
    for msg in records_where(store, "message", "sender", ids):
        if isinstance(msg, Message):
            yield from text_observables(msg.sender, msg.body, f"message {msg.id}")
    for login in records_where(store, "login", "account_id", ids):
        if isinstance(login, Login):
            yield Observable(login.account_id, K.IP_RANGE, login.ip, f"login {login.id}")


def match_store(store: Store, indicators: Sequence[Indicator], now: datetime) -> list[Hit]:
    """Every hit of ``indicators`` on the stored accounts, read in batches."""
    matcher = Matcher(indicators, now)
    if not len(matcher):
        return []
    hits: list[Hit] = []
    batch: list[Account] = []
    for row in store.iter_records("account"):
        if isinstance(row, Account):
            batch.append(row)
        if len(batch) >= BATCH:
            hits += matcher.match(_batch_observables(store, batch))
            batch = []
    if batch:
        hits += matcher.match(_batch_observables(store, batch))
    return hits


def retro_match(store: Store, indicators: Sequence[Indicator], now: datetime) -> Recorded:
    grouped = by_subject(match_store(store, indicators, now))
    found = [finding_for(s, h) for s, h in sorted(grouped.items())]
    camps: dict[str, str | None] = {
        s: next(iter(campaigns_of(h)), None) for s, h in grouped.items()
    }
    return record(store, found, camps)


def export_campaign(
    store: Store,
    campaign_id: str,
    fmt: str,
    source: CampaignSource | None = None,
    exporters: Mapping[str, Callable[[CampaignExport], bytes]] | None = None,
) -> bytes:
    """A campaign in an exchange format: ``exporters`` by name (the plugins' exchanges; default:
    the built-in ``stix`` and ``misp``)."""
    from unmask.intel.formats.misp import campaign_event
    from unmask.intel.formats.stix_out import campaign_bundle

    found = (
        exporters if exporters is not None else {"stix": campaign_bundle, "misp": campaign_event}
    )
    if fmt not in found:
        raise ValueError(f"unknown exchange format {fmt!r}: one of {', '.join(sorted(found))}")
    view = (source or StoreCampaigns(store)).load(campaign_id)
    if view is None:
        raise LookupError(f"no campaign {campaign_id!r}: no fake labels, removals or indicators")
    return found[fmt](view)
