"""Running the evaluation suites. A suite is a module with ``SUITE: str``, ``REQUIRES`` (data
paths) and ``run(data: Path) -> list[EvalRow]``; the suites come from the plugins'
``unmask_suites`` hook (unmask's own in ``unmask.plugins.builtin``). A suite whose data is
absent is skipped with the reason.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from unmask.evaluation.rows import EvalRow


def run_suites(
    data: Path,
    only: set[str] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    suites: Sequence[ModuleType] | None = None,
) -> list[EvalRow]:
    if suites is None:
        from unmask.hooks import load_plugins

        suites = load_plugins().suites
    rows: list[EvalRow] = []
    for module in suites:
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
