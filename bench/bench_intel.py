"""Retro-matching throughput: N indicators against M stored accounts (synthetic data).

Defaults: 100,000 indicators against 1,000,000 accounts (``--indicators``, ``--accounts``).
Indicators mix every kind (names 40%, photos 10%, e-mails 10%, domains 15%, companies 10%,
phones, IP ranges, phrases 5% each). Accounts have a name drawn from 400 x 400 first/last
names, a random PDQ photo hash, a sign-up domain and IP, an employer and a short "about" text.
``--planted`` accounts (default 2,000) carry an indicator's value, half of them altered (a typo
in the name or company, 1-12 bits flipped in the photo hash), to check that what should match
does. Accounts are generated and matched in batches of 50,000 (as the store streams them);
generation time is reported apart from matching time.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import peak_rss_mib, write

from unmask.intel.indicators import make_indicator
from unmask.intel.matching import Matcher
from unmask.intel.observe import account_observables
from unmask.model import Account, PhotoRef, Position
from unmask.model.records import Indicator, Registration

T0 = datetime(2026, 1, 1, tzinfo=UTC)
SYL = ["an", "bel", "cor", "dan", "el", "fa", "gor", "hel", "is", "jo", "ka", "lin", "mar", "nor"]
SYL += ["ol", "per", "qui", "ros", "sa", "tor", "ul", "ven", "wil", "xan", "yo", "zel"]
BATCH = 50_000


def words(r: random.Random, n: int, parts: int) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(r.choice(SYL) for _ in range(parts)).capitalize())
    return sorted(out)


def typo(r: random.Random, text: str) -> str:
    i = r.randrange(1, len(text) - 1)
    return text[:i] + text[i + 1 :] if r.random() < 0.5 else text[:i] + "x" + text[i + 1 :]


def flip(r: random.Random, pdq: str, bits: int) -> str:
    value = int(pdq, 16)
    for b in r.sample(range(256), bits):
        value ^= 1 << b
    return f"{value:064x}"


def make_indicators(r: random.Random, n: int, first: list[str], last: list[str]) -> list[Indicator]:
    kinds = ["persona_name"] * 8 + ["photo_pdq"] * 2 + ["email"] * 2 + ["domain"] * 3
    kinds += ["company"] * 2 + ["phone", "ip_range", "phrase"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "persona_name":
            value = f"{r.choice(first)} {r.choice(last)}"
        elif kind == "photo_pdq":
            value = f"{r.getrandbits(256):064x}"
        elif kind == "email":
            value = f"hr{i}@front{i}.example"
        elif kind == "domain":
            value = f"front{i}.example"
        elif kind == "company":
            value = f"{r.choice(last)} {r.choice(last)} Advisory {i}"
        elif kind == "phone":
            value = f"+44 20 {i:08d}"
        elif kind == "ip_range":
            value = f"10.{i % 250}.{(i // 250) % 250}.0/24"
        else:
            value = f"paid report opportunity code {i} for you"
        out.append(make_indicator(kind, value, "bench", T0, confidence=0.8))
    return out


def account(r: random.Random, i: int, first: list[str], last: list[str]) -> Account:
    return Account.model_construct(
        id=f"a{i}",
        created_at=T0 - timedelta(days=i % 3000),
        name=f"{r.choice(first)} {r.choice(last)}",
        headline="Engineer",
        about=f"Engineer with {i % 30} years in systems integration.",
        photo=PhotoRef.model_construct(pdq=f"{r.getrandbits(256):064x}"),
        positions=(Position.model_construct(employer=f"{r.choice(last)} Systems", title="Eng"),),
        registration=Registration.model_construct(
            email_domain=f"corp{i % 5000}.example", ip=f"172.16.{i % 250}.{i % 200}"
        ),
    )


def plant(r: random.Random, base: Account, ind: Indicator, altered: bool) -> Account:
    """An account carrying the indicator's value (exactly, or altered as an operator would)."""
    kind, value = ind.kind.value, ind.value
    if kind == "persona_name":
        return base.model_copy(update={"name": typo(r, value) if altered else value})
    if kind == "photo_pdq":
        pdq = flip(r, value, r.randint(1, 12)) if altered else value
        return base.model_copy(update={"photo": PhotoRef.model_construct(pdq=pdq)})
    if kind == "company":
        employer = typo(r, value) if altered else value
        return base.model_copy(update={"positions": (Position.model_construct(employer=employer),)})
    if kind == "domain":
        reg = Registration.model_construct(email_domain=value, ip=None)
        return base.model_copy(update={"registration": reg})
    if kind == "ip_range":
        reg = Registration.model_construct(email_domain=None, ip=value.replace(".0/24", ".77"))
        return base.model_copy(update={"registration": reg})
    return base.model_copy(update={"about": f"Hello. {value}. Thanks"})  # e-mail, phone, phrase


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=1_000_000)
    ap.add_argument("--indicators", type=int, default=100_000)
    ap.add_argument("--planted", type=int, default=2_000)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    r = random.Random(args.seed)
    first, last = words(r, 400, 2), words(r, 400, 3)
    indicators = make_indicators(r, args.indicators, first, last)
    t = time.perf_counter()
    matcher = Matcher(indicators, T0)
    build = time.perf_counter() - t
    load = os.getloadavg()[0]
    planted = {
        i * (args.accounts // args.planted): r.choice(indicators) for i in range(args.planted)
    }
    expected: dict[str, str] = {}
    gen = match = cpu = 0.0
    hits = subjects = 0
    found_planted: set[str] = set()
    for start in range(0, args.accounts, BATCH):
        t = time.perf_counter()
        batch = []
        for i in range(start, min(start + BATCH, args.accounts)):
            acc = account(r, i, first, last)
            if i in planted:
                acc = plant(r, acc, planted[i], altered=len(expected) % 2 == 1)
                expected[acc.id] = planted[i].id
            batch.append(acc)
        gen += time.perf_counter() - t
        t, c = time.perf_counter(), time.process_time()
        found = matcher.match(ob for a in batch for ob in account_observables(a))
        match += time.perf_counter() - t
        cpu += time.process_time() - c
        hits += len(found)
        subjects += len({h.subject for h in found})
        found_planted |= {h.subject for h in found if expected.get(h.subject) == h.indicator.id}
    recall = len(found_planted) / len(expected) if expected else 0.0
    write(
        "intel",
        {
            "data": (
                f"synthetic: {args.indicators:,} indicators (all kinds) against {args.accounts:,} "
                f"accounts, {len(expected):,} planted (half altered), seed {args.seed}"
            ),
            "indicators": args.indicators,
            "accounts": args.accounts,
            "index_build_s": round(build, 2),
            "match_s": round(match, 1),
            "match_cpu_s": round(cpu, 1),
            "accounts_per_s": round(args.accounts / match),
            "accounts_per_cpu_s": round(args.accounts / cpu),
            "generation_s_not_counted": round(gen, 1),
            "hits": hits,
            "accounts_with_hits": subjects,
            "planted_recall": round(recall, 4),
            "peak_rss_mib": round(peak_rss_mib()),
            "load_average_at_start": round(load, 1),
            "note": "wall times depend on other load on the machine; CPU times less so",
        },
    )


if __name__ == "__main__":
    main()
