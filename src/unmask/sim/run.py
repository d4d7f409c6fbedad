"""``simulate``: the whole network, streamed to a folder of interchange JSONL files."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import orjson

from unmask.sim import activity, signals
from unmask.sim.approach import Acc, CampaignRun
from unmask.sim.graph import Edges, genuine_edges, merge
from unmask.sim.intel import codenames, indicators, manifest
from unmask.sim.output import write_all
from unmask.sim.personas import place_personas
from unmask.sim.plan import plan_campaigns
from unmask.sim.profiles import Context
from unmask.sim.sink import Sink
from unmask.sim.tables import Table
from unmask.sim.util import account_id, org_id
from unmask.sim.world import Groups, build_orgs, build_population, cleared

#: ``progress(stage, fraction_done)``: called as generation goes on.
ProgressFn = Callable[[str, float], None]


@dataclass(frozen=True)
class SimSummary:
    members: int
    fakes: int
    campaigns: int
    seed: int
    out: Path
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)
    archetypes: dict[str, int] = field(default_factory=dict)


def simulate(
    members: int,
    seed: int,
    out: Path,
    progress: ProgressFn | None = None,
    *,
    fake_rate: float = 0.01,
    connections_per_member: float = 21.0,
) -> SimSummary:
    """Generate a synthetic network of ``members`` accounts (about ``fake_rate`` of them fake,
    at least 20) with ``seed``; the same seed always gives byte-identical files."""
    if members < 500:
        raise ValueError("the simulator needs at least 500 members")
    began = time.perf_counter()
    report = progress or (lambda stage, done: None)
    streams = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(12)]

    def py(stage: str) -> random.Random:
        return random.Random(f"{seed}:{stage}")

    report("organisations and members", 0.0)
    orgs = build_orgs(streams[0], members)
    n_fake = max(20, round(members * fake_rate))
    fake_slots = np.sort(streams[1].choice(members, size=n_fake, replace=False))
    pop = build_population(streams[2], orgs, members, fake_slots)
    campaigns, fronts = plan_campaigns(streams[3], py("plan"), pop, orgs, fake_slots, seed)
    perm = streams[4].permutation(len(orgs) + len(fronts))
    ctx = Context(
        seed, pop, orgs, [org_id(int(p)) for p in perm], [account_id(i) for i in range(members)]
    )
    for camp in campaigns:
        place_personas(streams[5], camp, ctx)
    report("connection graph", 0.05)
    genuine = genuine_edges(streams[6], pop, connections_per_member)
    by_org, by_sector = Groups(pop.org), Groups(pop.sector)
    cw = np.cumsum(pop.weight)
    report("recruiters and campaigns", 0.15)
    r_act = py("activity")
    inv_r, msg_r, edges_r = activity.recruiter_outreach(streams[7], r_act, ctx, by_sector, cw)
    acc = Acc()
    scale = min(1.0, max(0.15, members / 200_000))
    notes: dict[str, str] = {}
    r_camp = py("campaigns")
    clear = cleared(pop)
    for camp in campaigns:
        run = CampaignRun(camp, ctx, acc, r_camp, streams[8], scale)
        run.cleared = clear
        run.run(by_org, by_sector, cw)
        notes[camp.id] = run.note
    c_edges = np.array(acc.edges, dtype=np.int64).reshape(-1, 4)
    edges_c = Edges(
        c_edges[:, 0].astype(np.int32),
        c_edges[:, 1].astype(np.int32),
        c_edges[:, 2],
        c_edges[:, 3].astype(bool),
    )
    edges = merge([genuine, edges_r, edges_c], members)
    del genuine, edges_r, edges_c, c_edges
    report("activity", 0.25)
    # Genuine activity is generated one record type at a time, as it is written (memory).
    tables: dict[str, Callable[[], list[Table]]] = {
        "invitations": lambda: [
            inv_r,
            activity.window_invitations(streams[9], r_act, ctx, edges, cw),
            acc.inv.table(),
        ],
        "messages": lambda: [
            msg_r,
            activity.chat(streams[9], r_act, ctx, edges),
            acc.msg.table(),
        ],
        "logins": lambda: [signals.logins(streams[10], pop, orgs, 3.0), acc.login.table()],
        "profile_views": lambda: [
            signals.views(streams[10], pop, edges, cw, 4.0),
            acc.view.table(),
        ],
        "endorsements": lambda: [
            signals.endorsements(streams[11], pop, edges, 0.8),
            acc.endo.table(),
        ],
        "reports": lambda: [activity.noise_reports(streams[11], r_act, ctx), acc.rep.table()],
    }
    names = codenames(campaigns, py("intel"))
    intel = indicators(campaigns, names, notes, ctx, py("intel-rows"))
    with Sink(out) as sink:
        write_all(
            sink,
            ctx,
            campaigns,
            fronts,
            edges,
            tables,
            intel,
            lambda stage, done: report(stage, 0.3 + 0.7 * done),
            py("profiles"),
            streams[5],
        )
        counts = dict(sink.counts)
    plan = manifest(campaigns, names, notes, ctx)
    (out / "campaigns.json").write_bytes(orjson.dumps(plan, option=orjson.OPT_INDENT_2))
    report("done", 1.0)
    archetypes: dict[str, int] = {}
    for camp in campaigns:
        archetypes[camp.arch.name] = archetypes.get(camp.arch.name, 0) + 1
    return SimSummary(
        members,
        n_fake,
        len(campaigns),
        seed,
        out,
        round(time.perf_counter() - began, 2),
        counts,
        archetypes,
    )
