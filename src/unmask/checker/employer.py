"""What the platform knows about a profile's employer: is there a page, and does anyone else work
there? One pure definition, used by the checker on a context snapshot (the profile, its employer's
page and the accounts that list that employer) and usable by a batch detector on the full snapshot.
"""

from __future__ import annotations

from datetime import timedelta

from unmask.model import Account, Evidence, Finding, Organisation, Position, Snapshot

EMPLOYER_VERSION = "1"
NEW_PAGE = timedelta(days=365)


def current_position(account: Account) -> Position | None:
    current = [p for p in account.positions if p.end is None] or list(account.positions)
    return current[0] if current else None


def employer_page(position: Position, snapshot: Snapshot) -> Organisation | None:
    org = snapshot.organisations.get(position.organisation_id or "")
    return org or snapshot.organisations_by_name.get(position.employer.casefold())


def works_at(account: Account, org: Organisation) -> bool:
    return any(
        p.organisation_id == org.id or p.employer.casefold() == org.name.casefold()
        for p in account.positions
    )


def staff_count(org: Organisation, snapshot: Snapshot, exclude: str) -> int:
    """Accounts other than ``exclude`` that list ``org`` among their positions."""
    return sum(1 for a in snapshot.accounts.values() if a.id != exclude and works_at(a, org))


def employer_finding(account: Account, snapshot: Snapshot | None) -> Finding:
    name = "checker_employer"
    position = current_position(account)
    if position is None:
        return Finding.abstain(name, EMPLOYER_VERSION, account.id, "no employer given")
    if snapshot is None or not snapshot.organisations:
        return Finding.abstain(name, EMPLOYER_VERSION, account.id, "no platform context")
    org = employer_page(position, snapshot)
    if org is None:
        ev = Evidence(
            f"employer {position.employer!r} has no page on the platform",
            weight=0.3,
            member_text="the employer has no page on this platform",
        )
        return Finding(name, EMPLOYER_VERSION, account.id, 0.3, (ev,))
    evidence: list[Evidence] = []
    staff = staff_count(org, snapshot, account.id)
    if staff == 0:
        evidence.append(
            Evidence(
                f"no other account lists {org.name!r} as employer",
                weight=0.45,
                member_text="the employer has no other staff here",
                related=(org.id,),
            )
        )
    if snapshot.as_of - org.created_at < NEW_PAGE:
        age = (snapshot.as_of - org.created_at).days
        evidence.append(
            Evidence(
                f"employer page created {age} days ago",
                weight=0.2,
                member_text="the employer's page is new",
                related=(org.id,),
            )
        )
    if not org.verified:
        evidence.append(Evidence("employer page is not verified", weight=0.1, related=(org.id,)))
    if not evidence:
        ok = Evidence(f"{org.name!r} is an established, verified page with {staff} staff here")
        return Finding(name, EMPLOYER_VERSION, account.id, 0.0, (ok,))
    survive = 1.0
    for e in evidence:
        survive *= 1.0 - e.weight
    return Finding(name, EMPLOYER_VERSION, account.id, round(1.0 - survive, 6), tuple(evidence))
