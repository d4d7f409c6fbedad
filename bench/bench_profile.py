"""Benchmark: profiles per second for profile features + profile_model scoring, on 2 threads.

Synthetic profiles (plumbing data, not a quality figure): a model is fitted on 2,000 labelled
synthetic accounts, then 20,000 accounts are featurised and scored three ways: features only,
features + calibrated probability, and the full ``detect`` (with TreeSHAP evidence in words).
Writes bench-results/profile.json. Run: ``.venv/bin/python bench/bench_profile.py``.
"""

from __future__ import annotations

import json
import os
import platform
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from unmask.detectors.profile_features import profile_features
from unmask.detectors.profile_model import ProfileModel, feature_matrix
from unmask.model import Account, AccountStats, Organisation, PhotoRef, Position, Snapshot

T0 = datetime(2026, 1, 1, tzinfo=UTC)
N_TRAIN, N_SCORE, THREADS = 2_000, 20_000, 2
OUT = Path("bench-results/profile.json")


def account(k: int, rng: random.Random) -> Account:
    fake = k % 4 == 0
    start = 2000 + rng.randrange(20)
    positions = tuple(
        Position(
            employer=rng.choice(["Northwind Defence", "Acme", "Globex", "Initech"]),
            title=rng.choice(["Engineer", "Senior Engineer", "Director", "Analyst"]),
            start=f"{start + 3 * j}-0{1 + j}",
            end=None if j == 2 else f"{start + 3 * j + 3}-01",
        )
        for j in range(rng.randrange(0, 4))
    )
    return Account(
        id=f"a{k}",
        created_at=T0 - timedelta(days=rng.randrange(1, 300) if fake else rng.randrange(30, 5000)),
        name=rng.choice(["Ada Lovelace", "sarah lin", "J. Smith 77", "Grace Hopper"]),
        headline=rng.choice(["Engineer", "Senior Recruiter | Talent", "", "Consultant"]),
        location=rng.choice(["Bristol", ""]),
        photo=PhotoRef(sha256=f"{k:064x}") if rng.random() < 0.8 else None,
        positions=positions,
        verified_email=rng.random() < (0.3 if fake else 0.8),
        stats=AccountStats(
            connections=rng.randrange(0, 800),
            followers=rng.randrange(0, 100 if fake else 2000),
            following=rng.randrange(0, 3000),
            posts=rng.randrange(0, 500),
        ),
    )


def snapshot(n: int, seed: int) -> Snapshot:
    rng = random.Random(seed)
    accounts = {a.id: a for a in (account(k, rng) for k in range(n))}
    orgs = {
        "o1": Organisation(id="o1", name="Northwind Defence", created_at=T0),
        "o2": Organisation(id="o2", name="Acme", created_at=T0),
    }
    return Snapshot(accounts=accounts, organisations=orgs, as_of=T0)


def rate(fn: Callable[[], object], n: int, repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return n / best


def main() -> None:
    train = snapshot(N_TRAIN, seed=1)
    labels = {a: int(a[1:]) % 4 == 0 for a in train.accounts}
    t = time.perf_counter()
    model = ProfileModel(num_threads=THREADS).fit(train, labels)
    fit_s = time.perf_counter() - t
    score = snapshot(N_SCORE, seed=2)
    ids = sorted(score.accounts)
    features_rate = rate(lambda: [profile_features(score.accounts[i], score) for i in ids], N_SCORE)
    scoring_rate = rate(
        lambda: model.predict_proba(feature_matrix(score, ids, model.features_)), N_SCORE
    )
    detect_rate = rate(lambda: model.detect(score, ids), N_SCORE, repeats=1)
    result = {
        "benchmark": "profile_model features + scoring (synthetic profiles)",
        "profiles_per_s": {
            "features_only": round(features_rate),
            "features_and_probability": round(scoring_rate),
            "detect_with_evidence": round(detect_rate),
        },
        "fit_seconds": round(fit_s, 2),
        "data": {
            "train_accounts": N_TRAIN,
            "scored_accounts": N_SCORE,
            "synthetic": True,
            "features": len(model.features_),
            "trees": model.n_estimators,
            "calibration": model.calibration_["method"],
        },
        "machine": {
            "lightgbm_threads": THREADS,
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.processor() or platform.machine(),
        },
    }
    print(json.dumps(result, indent=2))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
