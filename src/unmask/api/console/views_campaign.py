"""Everything the campaign pages show, read through one unit of work: the campaigns of the
latest scan (the id is the engine's campaign key, ``cmp-…``), their members' cases, activity,
targets, shared infrastructure, intelligence matches and possible photo-theft victims."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from typing import Any

from unmask.api.console.campaign_charts import Activity, campaign_charts
from unmask.api.console.views_common import people, person, risk_class
from unmask.cases.campaigns import campaign_name
from unmask.cases.provenance import PhotoOwner, campaign_victims, latest_campaign
from unmask.intel.evidence import NAME as INTEL_MATCH
from unmask.model.records import Account, Invitation, Message, Report
from unmask.model.review import Case
from unmask.model.scans import ScanCampaign
from unmask.store.interface import DataStore, UnitOfWork
from unmask.store.queries import records_in


def _utc(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _activity(uow: UnitOfWork, members: list[str]) -> Activity:
    return Activity(
        records_in(uow.records, Invitation, "sender", members),
        records_in(uow.records, Message, "sender", members),
        records_in(uow.records, Report, "reported", members),
    )


def _status(cases: list[Case]) -> dict[str, int]:
    return dict(Counter((c.outcome or c.status).replace("_", " ") for c in cases).most_common())


def campaign_rows(store: DataStore, lead_days: int) -> list[dict[str, Any]]:
    """The campaigns of the latest scan, riskiest first."""
    rows = []
    with store.unit_of_work() as uow:
        scan = uow.scans.latest()
        for c in uow.scans.campaigns(scan.id) if scan is not None else []:
            accounts = records_in(uow.records, Account, "id", c.members)
            victims = campaign_victims(uow, c, lead_days)
            first, last = _activity(uow, list(c.members)).span()
            sectors = Counter(str(t.get("sector") or "unknown") for t in c.targets)
            rows.append(
                {
                    "key": c.key,
                    "name": campaign_name(accounts, victims),
                    "victims": len(victims),
                    "size": len(c.members),
                    "risk": c.risk,
                    "risk_class": risk_class(c.risk),
                    "status": _status(uow.cases.of_campaign(c.key)),
                    "first": first,
                    "last": last,
                    "targets": len(c.targets),
                    "sensitive": c.n_sensitive,
                    "sectors": sectors.most_common(3),
                }
            )
    return sorted(rows, key=lambda r: (-r["risk"], -r["size"], r["key"]))


def _role(
    member: str, victims: dict[str, PhotoOwner], approaches: Counter[str], top: str | None
) -> str:
    if member in victims:
        return "possible victim: had the photo first"
    if member == top:
        return "lead approach account"
    if approaches[member]:
        return "approaches members"
    return "support: no approaches of its own"


def _infrastructure(c: ScanCampaign, accounts: list[Account]) -> list[tuple[str, str]]:
    """What the members share, in words: the campaign-link kinds and shared sign-up traits."""
    out = [(kind.replace("_", " "), f"{n} pair(s) of members") for kind, n in c.links.items()]
    reg = [a.registration for a in accounts if a.registration]
    for label, values in (
        ("sign-up e-mail domain", Counter(r.email_domain for r in reg if r.email_domain)),
        ("sign-up country", Counter(r.country for r in reg if r.country)),
        ("sign-up address", Counter(r.ip for r in reg if r.ip)),
    ):
        out += [(label, f"{v} ({n} members)") for v, n in values.most_common() if n >= 2]
    return out


def campaign_view(store: DataStore, key: str, lead_days: int) -> dict[str, Any] | None:
    with store.unit_of_work() as uow:
        c = latest_campaign(uow, key)
        if c is None:
            return None
        members = list(c.members)
        accounts = records_in(uow.records, Account, "id", members)
        victims = campaign_victims(uow, c, lead_days)
        cases = {x.subject: x for x in uow.cases.of_campaign(key)}
        latest = uow.cases.latest_for(members)
        found = people(uow.records, members + [t["account"] for t in c.targets][:200], 40)
        act = _activity(uow, members)
        target_accounts = records_in(uow.records, Account, "id", [t["account"] for t in c.targets])
        scan = uow.scans.latest()
        findings = uow.scans.findings_of(scan.id, members) if scan is not None else {}
        pending = [
            (x, d)
            for x in cases.values()
            if (d := uow.cases.pending_decision(x.id)) is not None and d.scope == "campaign"
        ]
    approaches = Counter(i.sender for i in act.invitations) + Counter(
        m.sender for m in act.messages
    )
    top = approaches.most_common(1)[0][0] if approaches else None
    names = {a.id: a.name for a in accounts}
    rows = []
    for m in sorted(members, key=lambda m: (m in victims, -approaches[m], m)):
        case = cases.get(m) or latest.get(m)
        rows.append(
            {
                "person": person(found, m, 40),
                "role": _role(m, victims, approaches, top),
                "victim": victims.get(m),
                "approaches": approaches[m],
                "case": case,
                "risk_class": risk_class(case.risk if case else 0.0),
            }
        )
    first, last = act.span()
    return {
        "c": c,
        "name": campaign_name(accounts, victims),
        "members": rows,
        "victims": victims,
        "names": names,
        "first": first,
        "last": last,
        "status": _status(list(cases.values())),
        "infrastructure": _infrastructure(c, accounts),
        "pairs": [(names.get(a, a), names.get(b, b), k.replace("_", " ")) for a, b, k in c.pairs],
        "charts": campaign_charts(
            c, act, names, target_accounts, victims, campaign_name(accounts, victims)
        ),
        "intel": [
            (names.get(s, s), e.text)
            for s, fs in sorted(findings.items())
            for f in fs
            if f.detector == INTEL_MATCH and f.score
            for e in f.evidence[:3]
        ],
        "pending": pending,
        "actionable": [
            x
            for x in cases.values()
            if x.status in ("open", "escalated", "appealed") and x.subject not in victims
        ],
    }
