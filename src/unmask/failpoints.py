"""Failpoints for crash tests: of the stream workers, and of a decision's unit of work."""

from __future__ import annotations

import os

_hits: dict[str, int] = {}


def failpoint(stage: str, spec: str | None) -> None:
    """Crash tests: ``spec`` (``UNMASK_FAILPOINT``, ``<stage>:<n>``, from the settings) kills the
    process (exit 137, no clean-up) the n-th time ``stage`` is reached (``windows``: windows
    applied, decisions not stored; ``store``: decisions stored, not acknowledged;
    ``enforce.<step>``: inside a decision's unit of work, after that step;
    ``decision.committed``: committed, notices not yet delivered)."""
    if not spec or not spec.startswith(stage + ":"):
        return
    _hits[stage] = _hits.get(stage, 0) + 1
    if _hits[stage] == int(spec.split(":", 1)[1]):
        os._exit(137)
