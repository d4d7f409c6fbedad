"""The evaluation suites. Each module exposes ``SUITE: str``, ``REQUIRES`` (data paths) and
``run(data: Path) -> list[EvalRow]``; a suite whose data is absent is skipped with the reason.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from unmask.evaluation.rows import EvalRow

SUITE_MODULES: tuple[str, ...] = (
    "unmask.evaluation.profile.source_out",
    "unmask.evaluation.profile.cresci",
    "unmask.evaluation.profile.instafake",
    "unmask.evaluation.profile.in_source",
    "unmask.evaluation.facebook_sybil",
    "unmask.evaluation.graph_sybil",
    "unmask.evaluation.photos.reuse",
    "unmask.evaluation.photos.synthetic",
    "unmask.evaluation.network_sim",
    "unmask.evaluation.suite_text_origin",
    "unmask.evaluation.suite_sms",
    "unmask.evaluation.suite_text_sim",
)


def run_suites(
    data: Path,
    only: set[str] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> list[EvalRow]:
    rows: list[EvalRow] = []
    for module_name in SUITE_MODULES:
        module = importlib.import_module(module_name)
        name: str = module.SUITE
        if only and name not in only:
            continue
        missing = [p for p in module.REQUIRES if not (data / p).exists()]
        if missing:
            if on_skip:
                on_skip(name, f"data not found: {', '.join(str(data / p) for p in missing)}")
            continue
        rows.extend(module.run(data))
    return rows
