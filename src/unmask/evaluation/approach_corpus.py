"""The member checker on the hand-written development corpus of approaches (tests/data).

``tests/data/approach_corpus/*.jsonl``: one case a line, ``{"id", "scenario", "label"
("hostile"|"genuine"), "profile" (typed fields), "me" (the member's situation), "messages"}``,
written for this project from ../shared/TRADECRAFT.md and public case reporting (no real
people). Files ending ``_a`` hold the scenarios used while writing the catalogue's patterns
(**tuning**); the others were only scored (**untouched**); those ending ``_blind`` were written
after the catalogue was frozen and scored once.

Two readings:

- ``fixed``: the shipped checker as is (catalogue weights, bands high >= 0.6, medium >= 0.3, set
  before this corpus existed), every case; nothing is fitted.
- ``grouped_cv``: leave-one-scenario-out. The only things chosen are the two band thresholds,
  chosen on the training scenarios alone (the lowest medium threshold that rates at most
  ``MEDIUM_SHARE`` of the training genuine cases medium or high, and the lowest high threshold
  above every training genuine case), then applied to the held-out scenario.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).parents[3] / "tests" / "data" / "approach_corpus"
MEDIUM_SHARE = 2 / 15
AS_OF = datetime(2026, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Case:
    id: str
    scenario: str
    hostile: bool
    tuning: bool
    profile: dict[str, Any]
    me: dict[str, Any] | None
    messages: tuple[str, ...]


def load_corpus(root: Path = CORPUS) -> list[Case]:
    out: list[Case] = []
    for path in sorted(root.glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                d = json.loads(line)
                label = d["label"]
                if label not in ("hostile", "genuine"):
                    raise ValueError(f"label {label!r}")
                out.append(Case(d["id"], d["scenario"], label == "hostile",
                                path.stem.endswith("_a"), dict(d["profile"]), d.get("me"),
                                tuple(d["messages"])))  # fmt: skip
            except (ValueError, KeyError, TypeError) as exc:
                raise ValueError(f"{path}:{n}: {exc}") from None
    return out


def risks(cases: Sequence[Case]) -> list[tuple[float, str, tuple[str, ...]]]:
    """(risk, level, reasons) of each case, through the checker as a member uses it."""
    from unmask.checker import CheckRequest, profile_from_input, run_check
    from unmask.checker.situation import situation_from
    from unmask.hooks import load_plugins
    from unmask.scoring import load_policy

    registry = load_plugins().detectors
    policy = load_policy()
    detectors = [registry.create(n, **policy.params(n)) for n in registry.names()]
    out: list[tuple[float, str, tuple[str, ...]]] = []
    for case in cases:
        profile = profile_from_input(case.profile, AS_OF)
        request = CheckRequest(profile, case.messages, {}, situation_from(case.me))
        result = run_check(request, detectors, policy)
        out.append((result.assessment.risk, result.public.risk, result.public.reasons))
    return out


def _level(risk: float, medium: float, high: float) -> str:
    return "high" if risk >= high else "medium" if risk >= medium else "low"


def choose_bands(scores: Sequence[float], hostile: Sequence[bool]) -> tuple[float, float]:
    """Band thresholds from training cases only (see the module doc)."""
    genuine = sorted((s for s, h in zip(scores, hostile, strict=True) if not h), reverse=True)
    allowed = int(MEDIUM_SHARE * len(genuine))
    medium = round(genuine[allowed] + 1e-6, 6) if len(genuine) > allowed else 0.3
    high = round(max(genuine, default=0.0) + 1e-6, 6)
    return max(medium, 0.05), max(high, medium)


def grouped_cv(cases: Sequence[Case], scores: Sequence[float]) -> list[str]:
    levels = [""] * len(cases)
    for held in sorted({c.scenario for c in cases}):
        train = [i for i, c in enumerate(cases) if c.scenario != held]
        medium, high = choose_bands([scores[i] for i in train], [cases[i].hostile for i in train])
        for i, c in enumerate(cases):
            if c.scenario == held:
                levels[i] = _level(scores[i], medium, high)
    return levels


def table(cases: Sequence[Case], levels: Sequence[str]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for part, keep in (("all", None), ("tuning", True), ("untouched", False)):
        for hostile in (True, False):
            sel = [lv for c, lv in zip(cases, levels, strict=True)
                   if c.hostile == hostile and (keep is None or c.tuning == keep)]  # fmt: skip
            count = Counter(sel)
            key = f"{part} {'hostile' if hostile else 'genuine'}"
            out[key] = {"n": len(sel), **{lv: count.get(lv, 0) for lv in ("high", "medium", "low")}}
    return out


def evaluate(root: Path = CORPUS) -> dict[str, Any]:
    cases = load_corpus(root)
    scored = risks(cases)
    fixed = [lv for _, lv, _ in scored]
    cv = grouped_cv(cases, [r for r, _, _ in scored])
    no_reason = sum(1 for _, lv, rs in scored if lv != "low" and not rs)
    return {"fixed": table(cases, fixed), "grouped_cv": table(cases, cv),
            "above_low_without_reason": no_reason, "cases": len(cases)}  # fmt: skip


def misses(root: Path = CORPUS, tuning_only: bool = True) -> Iterator[str]:
    """Cases the fixed checker gets wrong (hostile low, genuine medium/high), for reading."""
    cases = load_corpus(root)
    for case, (risk, level, reasons) in zip(cases, risks(cases), strict=True):
        if tuning_only and not case.tuning:
            continue
        if (case.hostile and level != "high") or (not case.hostile and level != "low"):
            yield f"{case.id} {level} {risk:.2f} {list(reasons)}"


if __name__ == "__main__":  # pragma: no cover - manual run
    import sys

    if "--misses" in sys.argv:
        for line in misses(tuning_only="--all" not in sys.argv):
            print(line)
    else:
        print(json.dumps(evaluate(), indent=1))
