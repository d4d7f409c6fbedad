"""Genuine members' activity in the observation window: invitations (with genuine recruiters'
mass outreach), everyday messages, logins, profile views, endorsements and noisy reports."""

from __future__ import annotations

import random

import numpy as np

from unmask.sim.graph import Edges
from unmask.sim.profiles import Context
from unmask.sim.sectors import VOCAB, skills_of, topics_of
from unmask.sim.tables import (
    ACCEPTED,
    IGNORED,
    PENDING,
    WITHDRAWN,
    Table,
    new_ids,
    objects,
    report_rows,
)
from unmask.sim.texts import (
    CHAT,
    EVENTS,
    EXPERT_MESSAGES,
    NOISE_REPORTS,
    NOTES,
    RECRUITER_MESSAGES,
    RECRUITER_NOTES,
    REPLIES_NO,
    REPLIES_YES,
)
from unmask.sim.util import DAY, NOW, WINDOW_START
from unmask.sim.vocab import CITIES, FIRST_NAMES
from unmask.sim.world import FAKE, RECRUITER, SECTOR_INDEX, Groups

POOLS = [skills_of(v) for v in VOCAB]
DESKS = [
    SECTOR_INDEX[v.sector]
    for v in VOCAB
    if v.sector.value
    in ("defence", "aerospace", "technology", "finance", "pharmaceuticals", "energy", "telecom")
]


def _after(rng: np.random.Generator, lo: np.ndarray, hi: int = NOW) -> np.ndarray:
    lo = np.maximum(lo, WINDOW_START)
    out: np.ndarray = lo + (rng.random(len(lo)) * np.maximum(hi - lo, 1)).astype(np.int64)
    return out


def _slots(ctx: Context, t: int, r: random.Random) -> dict[str, str]:
    pop = ctx.pop
    vocab = VOCAB[int(pop.sector[t])]
    pool = topics_of(vocab)
    return {
        "first": FIRST_NAMES[int(pop.first[t])],
        "topic": pool[int(pop.skill_off[t]) % len(pool)],
        "event": r.choice(EVENTS),
        "school": "university",
        "role": r.choice(vocab.titles),
        "city": CITIES[int(pop.city[t])][0],
    }


def recruiter_outreach(
    rng: np.random.Generator, r: random.Random, ctx: Context, by_sector: Groups, cw: np.ndarray
) -> tuple[Table, Table, Edges]:
    """Genuine recruiters: many invitations to strangers, templated notes, normal acceptance."""
    pop = ctx.pop
    recruiters = np.flatnonzero(pop.kind == RECRUITER)
    counts = rng.poisson(30, size=len(recruiters))
    sender = np.repeat(recruiters, counts).astype(np.int32)
    desk = np.repeat(rng.choice(DESKS, size=len(recruiters)), counts)
    recipient = np.searchsorted(cw, rng.random(len(sender)) * cw[-1], side="right")
    for d in np.unique(desk).tolist():
        sel = np.flatnonzero((desk == d) & (rng.random(len(desk)) < 0.6))
        members = by_sector.members(d)
        recipient[sel] = members[rng.integers(0, len(members), size=len(sel))]
    recipient = recipient.astype(np.int32)
    keep = (recipient != sender) & (pop.kind[recipient] != FAKE)
    sender, recipient = sender[keep], recipient[keep]
    sent = _after(rng, np.maximum(pop.created[sender], pop.created[recipient]), NOW - 3600)
    roll = rng.random(len(sender))
    status = np.where(roll < 0.55, ACCEPTED, np.where(roll < 0.8, IGNORED, PENDING)).astype(np.int8)
    responded = sent + (rng.exponential(2.0, len(sent)) * DAY).astype(np.int64) + 60
    status[(responded >= NOW) & (status != PENDING)] = PENDING
    responded[status == PENDING] = -1
    expert = np.isin(sender, recruiters[rng.random(len(recruiters)) < 0.1])
    notes = []
    for s, t, e in zip(sender.tolist(), recipient.tolist(), expert.tolist(), strict=True):
        # one recruiter keeps one wording
        tpl = RECRUITER_NOTES[s * 7919 % len(RECRUITER_NOTES)]
        if e:
            tpl = "Hi {first}, I'd value your view on {topic}."
        notes.append(tpl.format(**_slots(ctx, t, r)) if r.random() < 0.7 else "")
    ids = new_ids(rng, len(sender))
    inv = {
        "id": ids,
        "sender": sender,
        "recipient": recipient,
        "sent": sent,
        "status": status,
        "responded": responded,
        "note": objects(notes),
    }
    acc = np.flatnonzero(status == ACCEPTED)
    edges = Edges(sender[acc], recipient[acc], responded[acc], np.ones(len(acc), dtype=bool))
    trip: list[tuple[int, int, int]] = []
    bodies: list[str] = []
    for k in acc[rng.random(len(acc)) < 0.4].tolist():
        s, t, at = int(sender[k]), int(recipient[k]), int(responded[k])
        texts = EXPERT_MESSAGES if expert[k] else RECRUITER_MESSAGES
        for body in r.sample(texts, r.randint(1, 2)):
            at += int(r.uniform(0.1, 6) * DAY)
            if at >= NOW:
                break
            trip.append((s, t, at))
            bodies.append(body.format(**_slots(ctx, t, r)))
            if r.random() < 0.4 and at + DAY < NOW:
                trip.append((t, s, at + int(r.uniform(600, DAY))))
                bodies.append(r.choice(REPLIES_YES if r.random() < 0.6 else REPLIES_NO))
    cols = np.array(trip, dtype=np.int64).reshape(-1, 3)
    msgs = {
        "id": new_ids(rng, len(trip)),
        "sender": cols[:, 0].astype(np.int32),
        "recipient": cols[:, 1].astype(np.int32),
        "sent": cols[:, 2],
        "body": objects(bodies),
        "attach": objects([None] * len(trip)),
    }
    return inv, msgs, edges


def window_invitations(
    rng: np.random.Generator, r: random.Random, ctx: Context, edges: Edges, cw: np.ndarray
) -> Table:
    """Accepted invitations behind every connection made in the window that has none yet,
    and invitations that were ignored, are pending or were withdrawn."""
    pop = ctx.pop
    sel = np.flatnonzero(~edges.explicit & (edges.at >= WINDOW_START))
    flip = rng.random(len(sel)) < 0.5
    sender = np.where(flip, edges.dst[sel], edges.src[sel]).astype(np.int32)
    recipient = np.where(flip, edges.src[sel], edges.dst[sel]).astype(np.int32)
    responded = edges.at[sel]
    earliest = np.maximum(pop.created[sender], pop.created[recipient])
    gap = (rng.exponential(1.5, len(sel)) * DAY).astype(np.int64)
    sent = np.maximum(responded - gap, earliest)
    status = np.full(len(sel), ACCEPTED, dtype=np.int8)
    m = len(sel) * 35 // 100
    s2 = np.searchsorted(cw, rng.random(m) * cw[-1], side="right").astype(np.int32)
    t2 = np.searchsorted(cw, rng.random(m) * cw[-1], side="right").astype(np.int32)
    ok = s2 != t2
    s2, t2 = s2[ok], t2[ok]
    sent2 = _after(rng, np.maximum(pop.created[s2], pop.created[t2]), NOW - 3600)
    roll = rng.random(len(s2))
    st2 = np.where(roll < 0.5, IGNORED, np.where(roll < 0.9, PENDING, WITHDRAWN)).astype(np.int8)
    resp2 = sent2 + (rng.uniform(0.1, 30, len(s2)) * DAY).astype(np.int64)
    st2[(resp2 >= NOW) & (st2 != PENDING)] = PENDING
    resp2[st2 == PENDING] = -1
    sender = np.concatenate([sender, s2])
    recipient = np.concatenate([recipient, t2])
    notes = [
        "" if r.random() > 0.08 else r.choice(NOTES).format(**_slots(ctx, t, r))
        for t in recipient.tolist()
    ]
    return {
        "id": new_ids(rng, len(sender)),
        "sender": sender,
        "recipient": recipient,
        "sent": np.concatenate([sent, sent2]),
        "status": np.concatenate([status, st2]),
        "responded": np.concatenate([responded, resp2]),
        "note": objects(notes),
    }


def chat(rng: np.random.Generator, r: random.Random, ctx: Context, edges: Edges) -> Table:
    """Everyday threads between connected members."""
    n = min(len(edges), ctx.pop.n * 3 // 10)
    pick = rng.choice(len(edges), size=n, replace=False) if n else np.zeros(0, dtype=np.int64)
    trip: list[tuple[int, int, int]] = []
    bodies: list[str] = []
    for k in np.sort(pick).tolist():
        a, b = int(edges.src[k]), int(edges.dst[k])
        at = max(int(edges.at[k]), WINDOW_START) + int(r.uniform(0, 20) * DAY)
        if r.random() < 0.5:
            a, b = b, a
        for i, text in enumerate(r.choice(CHAT)):
            at += int(r.uniform(0.01, 2) * DAY)
            if at >= NOW:
                break
            src, dst = (a, b) if i % 2 == 0 else (b, a)
            trip.append((src, dst, at))
            bodies.append(text.format(**_slots(ctx, dst, r)))
    cols = np.array(trip, dtype=np.int64).reshape(-1, 3)
    return {
        "id": new_ids(rng, len(trip)),
        "sender": cols[:, 0].astype(np.int32),
        "recipient": cols[:, 1].astype(np.int32),
        "sent": cols[:, 2],
        "body": objects(bodies),
        "attach": objects([None] * len(trip)),
    }


def noise_reports(rng: np.random.Generator, r: random.Random, ctx: Context) -> Table:
    """Reports from members that are mostly wrong: serial reporters and one-off complaints."""
    pop = ctx.pop
    genuine = np.flatnonzero(pop.kind != FAKE)
    rows = report_rows()
    reporters = rng.choice(genuine, size=max(2, pop.n // 4000), replace=False)
    for reporter in reporters.tolist():
        for reported in rng.choice(genuine, size=r.randint(2, 8)).tolist():
            if reported == reporter:
                continue
            reason, text = r.choice(NOISE_REPORTS)
            at = int(r.uniform(max(WINDOW_START, int(pop.created[reported])), NOW))
            rows.add(
                reporter=reporter, reported=reported, at=at, reason=reason, text=text, inv=0, msg=0
            )
    for _ in range(max(2, pop.n // 3000)):
        a, b = rng.choice(genuine, size=2, replace=False).tolist()
        reason, text = r.choice(NOISE_REPORTS)
        rows.add(
            reporter=a,
            reported=b,
            at=int(r.uniform(max(WINDOW_START, int(pop.created[b])), NOW)),
            reason=reason,
            text=text,
            inv=0,
            msg=0,
        )
    return rows.table()
