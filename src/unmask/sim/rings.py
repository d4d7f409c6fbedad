"""A campaign's own infrastructure: the personas' ring of connections and endorsements, and
their logins from the operator's shared addresses."""

from __future__ import annotations

from typing import TYPE_CHECKING

from unmask.sim.util import DAY, NOW

if TYPE_CHECKING:
    from unmask.sim.approach import CampaignRun


def ring_edges(self: CampaignRun) -> None:
    """Personas connect to and endorse one another (leaders and supporters)."""
    c, r, pop, acc = self.c, self.r, self.ctx.pop, self.acc
    people = c.personas
    for i, a in enumerate(people):
        for b in people[i + 1 :]:
            ring = a in c.leaders or b in c.leaders
            if r.random() < (0.95 if ring else 0.5):
                at = max(int(pop.created[a]), int(pop.created[b])) + int(r.uniform(1, 15) * DAY)
                acc.edges.append((a, b, min(at, NOW - 3600), False))
    for a in people:
        for b in people:
            if a == b:
                continue
            to_leader = b in c.leaders and a in c.supporters
            if r.random() < (0.95 if to_leader else 0.3):
                at = max(int(pop.created[a]), int(pop.created[b])) + int(r.uniform(5, 40) * DAY)
                for skill in r.sample(c.arch.skills, r.randint(1, 3 if to_leader else 1)):
                    acc.endo.add(endorser=a, endorsee=b, skill=skill, at=min(at, NOW - 60))


def persona_logins(self: CampaignRun) -> None:
    c, r, pop = self.c, self.r, self.ctx.pop
    for p in c.personas:
        created = int(pop.created[p])
        n = min(150, max(2, int((NOW - created) / DAY * r.uniform(0.15, 0.6))))
        for _ in range(n):
            ip = (
                c.subnet | r.choice(c.hosts)
                if r.random() < 0.8
                else int(self.rng.integers(1 << 24, 223 << 24))
            )
            if c.arch.name == "photographer" and r.random() < 0.5:
                ip = int(pop.home_ip[p])
            self.acc.login.add(
                account=p,
                at=int(r.uniform(created, NOW)),
                ip=ip,
                ua=c.ua,
                success=r.random() < 0.97,
            )
