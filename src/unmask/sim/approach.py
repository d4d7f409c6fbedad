"""A campaign's activity: reconnaissance views, templated invitations to targets, the approach
ladder in messages, ring connections and endorsements, logins from shared infrastructure, and
the reports a few targets file."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import numpy as np

from unmask.sim import rings
from unmask.sim.campaign_text import (
    ATTACHMENTS,
    CHANNELS,
    FEES,
    NOTES,
    PHOTO_CHAT,
    STAGES,
    broken,
    handle,
)
from unmask.sim.plan import Campaign
from unmask.sim.profiles import Context
from unmask.sim.sectors import VOCAB, skills_of, topics_of
from unmask.sim.tables import (
    ACCEPTED,
    IGNORED,
    PENDING,
    Rows,
    endorsement_rows,
    invitation_rows,
    login_rows,
    message_rows,
    report_rows,
    view_rows,
)
from unmask.sim.texts import REPLIES_NO, REPLIES_YES, TARGET_REPORTS
from unmask.sim.util import DAY, NOW
from unmask.sim.vocab import FIRST_NAMES, SURNAMES
from unmask.sim.world import Groups


@dataclass
class Acc:
    """Activity rows and edges gathered from every campaign."""

    inv: Rows = field(default_factory=invitation_rows)
    msg: Rows = field(default_factory=message_rows)
    rep: Rows = field(default_factory=report_rows)
    view: Rows = field(default_factory=view_rows)
    login: Rows = field(default_factory=login_rows)
    endo: Rows = field(default_factory=endorsement_rows)
    edges: list[tuple[int, int, int, bool]] = field(default_factory=list)


class CampaignRun:
    def __init__(
        self,
        camp: Campaign,
        ctx: Context,
        acc: Acc,
        r: random.Random,
        rng: np.random.Generator,
        scale: float,
    ) -> None:
        self.c, self.ctx, self.acc, self.r, self.rng, self.scale = camp, ctx, acc, r, rng, scale
        self.cleared: np.ndarray = np.zeros(0, dtype=bool)
        tpl = r.choice(NOTES[camp.arch.name])
        self.note = broken(tpl, r) if camp.broken else tpl
        self.stage = {s: r.choice(v) for s, v in STAGES.items()}
        if camp.broken:
            self.stage = {s: broken(t, r) for s, t in self.stage.items()}

    def _id(self) -> int:
        return int(self.rng.integers(1, 1 << 63))

    def _slots(self, p: int, t: int) -> dict[str, object]:
        pop, orgs = self.ctx.pop, self.ctx.orgs
        pool = topics_of(VOCAB[int(pop.sector[t])])
        employer = (
            self.c.fronts[0].name
            if self.c.fronts
            else orgs.names[self.c.cover]
            if self.c.cover is not None
            else "my studio"
        )
        return {
            "first": FIRST_NAMES[int(pop.first[t])],
            "org": orgs.names[int(pop.org[t])],
            "topic": pool[int(pop.skill_off[t]) % len(pool)],
            "firm": employer,
        }

    def targets(self, n: int, by_org: Groups, by_sector: Groups) -> np.ndarray:
        from unmask.sim.world import SECTOR_INDEX

        pop = self.ctx.pop
        in_org = np.concatenate([by_org.members(o) for o in self.c.target_orgs])
        in_sec = np.concatenate([by_sector.members(SECTOR_INDEX[s]) for s in self.c.arch.targets])
        if self.c.arch.name == "photographer":
            older = in_sec[pop.career_start[in_sec] < 2002]
            in_sec = older if len(older) else in_sec
        elif self.c.arch.name in ("consultancy", "headhunter") and len(self.cleared):
            keen = in_sec[self.cleared[in_sec]]  # staff who advertise a clearance
            in_sec = keen if len(keen) >= n else in_sec
        a = self.rng.choice(in_org, size=min(len(in_org), round(n * 0.6)), replace=False)
        b = self.rng.choice(in_sec, size=min(len(in_sec), n - len(a)), replace=False)
        return np.unique(np.concatenate([a, b]))

    def invite(self, p: int, t: int, sent: int, note: str, accept: float) -> int | None:
        """One invitation; returns the acceptance time when accepted."""
        r, acc = self.r, self.acc
        sent = max(sent, int(self.ctx.pop.created[t]) + 600)
        if sent >= NOW - 600:
            return None
        iid = self._id()
        if r.random() < accept:
            responded = sent + int(r.expovariate(1 / 1.5) * DAY) + 60
            status = ACCEPTED if responded < NOW else PENDING
        else:
            responded = sent + int(r.uniform(0.5, 20) * DAY)
            status = IGNORED if responded < NOW and r.random() < 0.55 else PENDING
        acc.inv.add(
            id=iid,
            sender=p,
            recipient=t,
            sent=sent,
            status=status,
            responded=responded if status else -1,
            note=note,
        )
        if status == ACCEPTED:
            acc.edges.append((p, t, responded, True))
            return responded
        if status == IGNORED and note and r.random() < 0.015:
            acc.rep.add(
                reporter=t,
                reported=p,
                at=responded,
                reason=0,
                text="Recruiter profile looks fake.",
                inv=iid,
                msg=0,
            )
        return None

    def say(self, a: int, b: int, at: int, body: str, attach: tuple[str, ...] = ()) -> int:
        mid = self._id()
        self.acc.msg.add(id=mid, sender=a, recipient=b, sent=at, body=body, attach=attach)
        return mid

    def ladder(self, p: int, t: int, at: int) -> None:
        r, arch = self.r, self.c.arch
        slots = self._slots(p, t)
        pfirst, plast = FIRST_NAMES[int(self.ctx.pop.first[p])], SURNAMES[int(self.ctx.pop.last[p])]
        for k, stage in enumerate(arch.stages):
            at += int(r.uniform(0.3, 3.0 if k == 0 else 12.0) * DAY)
            if at >= NOW:
                return
            attach: tuple[str, ...] = ()
            if stage == "photo":
                body = PHOTO_CHAT[k % len(PHOTO_CHAT)].format(**slots)
            elif stage == "document":
                body = (
                    "As promised, here is the document. Please open it and tell me what you think."
                )
                attach = (r.choice(ATTACHMENTS[arch.name]),)
            else:
                channel = r.choice(CHANNELS)
                if "e-mail" in self.stage[stage]:
                    channel = "personal e-mail"
                body = self.stage[stage].format(
                    **slots,
                    fee=r.choice(FEES),
                    pages=r.randint(6, 10),
                    channel=channel,
                    handle=handle(channel, pfirst, plast, r),
                )
                if stage == "job":
                    attach = (r.choice(ATTACHMENTS[arch.name]),)
            mid = self.say(p, t, at, body, attach)
            if stage in ("offer", "job", "offplatform", "document") and r.random() < 0.1:
                reason, text = r.choice(TARGET_REPORTS)
                self.acc.rep.add(
                    reporter=t,
                    reported=p,
                    at=at + int(r.uniform(0.1, 5) * DAY),
                    reason=reason,
                    text=text,
                    inv=0,
                    msg=mid,
                )
            reply = r.random()
            if reply < 0.45 and at + 3600 < NOW:
                yes = stage in ("flattery", "photo") or reply < 0.25
                self.say(
                    t,
                    p,
                    at + int(r.uniform(0.05, 2) * DAY),
                    r.choice(REPLIES_YES if yes else REPLIES_NO),
                )
                if not yes:
                    return
            elif r.random() < 0.3:
                return

    def run(self, by_org: Groups, by_sector: Groups, cw: np.ndarray) -> None:
        c, r, rng, pop = self.c, self.r, self.rng, self.ctx.pop
        ring = c.arch.name == "recruiter_ring"
        for p in c.leaders:
            start = min(int(pop.created[p]) + int(r.uniform(3, 20) * DAY), NOW - 2 * DAY)
            lo, hi = c.arch.invites
            n = max(4, round(r.uniform(lo, hi) * self.scale))
            targets = self.targets(n, by_org, by_sector)
            c.targets.update(int(t) for t in targets)
            # A long-built persona (the photographer) builds its network first, then approaches.
            first = max(start, NOW - 150 * DAY) if c.arch.name == "photographer" else start
            days = np.sort(rng.uniform(first, NOW - DAY, size=max(2, len(targets) // 15)))
            for t in targets.tolist():
                sent = int(days[r.randrange(len(days))] + r.uniform(0, 3 * 3600))
                self.acc.view.add(
                    viewer=p,
                    viewed=t,
                    at=max(start, int(pop.created[t]), sent - int(r.uniform(60, 2 * DAY))),
                    ip=0,
                    source=0,
                    query=self._query(t),
                )
                note = self.note.format(**self._slots(p, t)) if r.random() < 0.9 else ""
                accepted = self.invite(p, t, sent, note, c.arch.accept)
                if accepted is None:
                    continue
                if r.random() < 0.4:
                    self.acc.view.add(
                        viewer=t,
                        viewed=p,
                        at=min(NOW - 1, accepted + 600),
                        ip=0,
                        source=1,
                        query=None,
                    )
                if r.random() < 0.6:
                    self.ladder(p, t, accepted)
            self.broad(p, start, round(n * (0.9 if ring else 0.3)), cw, 0.5)
        for p in c.supporters:
            start = min(int(pop.created[p]) + int(r.uniform(3, 20) * DAY), NOW - 2 * DAY)
            self.broad(p, start, max(2, round(r.uniform(5, 25) * self.scale**0.5)), cw, 0.4)
        rings.ring_edges(self)
        rings.persona_logins(self)

    def _query(self, t: int) -> str | None:
        r, pop, orgs = self.r, self.ctx.pop, self.ctx.orgs
        roll = r.random()
        if roll < 0.4:
            return orgs.names[int(pop.org[t])]
        if roll < 0.8:
            pool = skills_of(VOCAB[int(pop.sector[t])])
            return pool[r.randrange(len(pool))]
        return None

    def broad(self, p: int, start: int, n: int, cw: np.ndarray, accept: float) -> None:
        """Invitations to well-connected strangers anywhere: the persona's own credibility."""
        who = np.searchsorted(cw, self.rng.random(n) * cw[-1], side="right")
        for t in np.unique(who).tolist():
            sent = int(self.r.uniform(start, NOW - DAY))
            self.invite(p, int(t), sent, "", accept)
