"""Writing every file: organisations, accounts, connections, activity, intel and labels."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np

from unmask.sim import writers
from unmask.sim.graph import Edges
from unmask.sim.personas import front_dict, org_description, org_dict, persona_account
from unmask.sim.plan import Campaign, Front
from unmask.sim.profiles import Context, genuine_account
from unmask.sim.sectors import VOCAB
from unmask.sim.sink import Sink
from unmask.sim.tables import Table, concat
from unmask.sim.util import NOW, WINDOW_START, iso
from unmask.sim.vocab import CITIES
from unmask.sim.world import HOPPER, OFFICE, RECRUITER, SPARSE

KIND_NOTES = {
    RECRUITER: "look-alike: genuine recruiter",
    SPARSE: "look-alike: new sparse member",
    HOPPER: "look-alike: frequent job changes",
    OFFICE: "look-alike: office sign-up batch",
}
TIME_COLUMN = {
    "invitations": "sent",
    "messages": "sent",
    "logins": "at",
    "profile_views": "at",
    "endorsements": "at",
    "reports": "at",
}


def _organisations(sink: Sink, ctx: Context, fronts: list[Front], r: random.Random) -> None:
    orgs = ctx.orgs
    staff = np.bincount(ctx.pop.org[ctx.pop.org >= 0], minlength=len(orgs))
    rows = [
        org_dict(
            id=ctx.org_ids[o],
            name=orgs.names[o],
            created=int(orgs.created[o]),
            sector=VOCAB[int(orgs.sector[o])].sector.value,
            country=CITIES[int(orgs.city[o])][1],
            domain=orgs.domains[o],
            size=int(staff[o] * r.uniform(3, 30)) + r.randint(1, 9),
            verified=bool(orgs.verified[o]),
            description=org_description(orgs.names[o], int(orgs.sector[o]), o),
        )
        for o in range(len(orgs))
    ]
    rows += [front_dict(f, ctx) for f in fronts]
    rows.sort(key=lambda row: str(row["id"]))
    sink.write("organisations", rows)


def _accounts(
    sink: Sink,
    ctx: Context,
    campaigns: list[Campaign],
    r: random.Random,
    rng: np.random.Generator,
    progress: Callable[[float], None],
) -> None:
    persona = {p: (c, k) for c in campaigns for k, p in enumerate(c.personas)}
    batch: list[dict[str, Any]] = []
    n = ctx.pop.n
    for i in range(n):
        if i in persona:
            camp, k = persona[i]
            batch.append(persona_account(camp, i, k, ctx, r, rng))
        else:
            batch.append(genuine_account(ctx, i, r))
        if len(batch) == 20_000:
            sink.write("accounts", batch)
            batch = []
            progress(i / n)
    sink.write("accounts", batch)


def _labels(sink: Sink, ctx: Context, campaigns: list[Campaign]) -> None:
    fake: dict[int, tuple[str, str]] = {}
    victims: dict[int, str] = {}
    for c in campaigns:
        for p in c.leaders:
            fake[p] = (c.id, f"{c.arch.name} persona")
        for p in c.supporters:
            fake[p] = (c.id, f"{c.arch.name} supporter")
        if c.victim is not None:
            victims[c.victim] = f"look-alike: photo stolen by {c.id}"
    at = iso(NOW)
    rows = []
    for i in range(ctx.pop.n):
        if i in fake:
            cid, note = fake[i]
            rows.append(
                {
                    "account_id": ctx.ids[i],
                    "label": "fake",
                    "source": "simulator",
                    "at": at,
                    "campaign": cid,
                    "note": note,
                }
            )
        else:
            note = victims.get(i) or KIND_NOTES.get(int(ctx.pop.kind[i]), "")
            rows.append(
                {
                    "account_id": ctx.ids[i],
                    "label": "genuine",
                    "source": "simulator",
                    "at": at,
                    "note": note,
                }
            )
    sink.write("labels", rows)


def _window(name: str, table: Table) -> Table:
    """Activity is exported for the observation window only, for every account alike."""
    if not table or name == "endorsements":  # endorsements are profile state, kept whole
        return table
    t = table[TIME_COLUMN[name]]
    keep = (t >= WINDOW_START) & (t < NOW)
    return {k: v[keep] for k, v in table.items()}


def write_all(
    sink: Sink,
    ctx: Context,
    campaigns: list[Campaign],
    fronts: list[Front],
    edges: Edges,
    tables: dict[str, Callable[[], list[Table]]],
    intel: list[dict[str, Any]],
    progress: Callable[[str, float], None],
    r: random.Random,
    rng: np.random.Generator,
) -> None:
    progress("organisations", 0.0)
    _organisations(sink, ctx, fronts, r)
    _accounts(sink, ctx, campaigns, r, rng, lambda done: progress("accounts", 0.3 * done))
    progress("connections", 0.3)
    writers.write_connections(sink, edges, ctx.ids)
    known = {"inv": np.zeros(0, dtype=np.int64), "msg": np.zeros(0, dtype=np.int64)}
    steps: list[tuple[str, Callable[[Sink, Table, list[str]], None]]] = [
        ("invitations", writers.write_invitations),
        ("messages", writers.write_messages),
        ("logins", writers.write_logins),
        ("profile_views", writers.write_views),
        ("endorsements", writers.write_endorsements),
        ("reports", writers.write_reports),
    ]
    for k, (name, write) in enumerate(steps):
        progress(name, 0.5 + 0.08 * k)
        table = _window(name, concat(tables.pop(name)(), TIME_COLUMN[name]))
        if name in ("invitations", "messages") and table:
            known["inv" if name == "invitations" else "msg"] = table["id"]
        if name == "reports" and table:  # refer only to rows that were exported
            for col, ids in known.items():
                table[col] = np.where(np.isin(table[col], ids), table[col], 0)
        write(sink, table, ctx.ids)
        del table
    sink.write("indicators", intel)
    progress("labels", 0.98)
    _labels(sink, ctx, campaigns)
