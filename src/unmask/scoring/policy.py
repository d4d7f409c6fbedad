"""Policies: versioned TOML files that decide how findings combine, where assessments go and
what each decision does.

The shipped policy (``default_policy.toml``, next to this module) is the one source of every
default: a policy of one's own names its ``version`` and only the values it changes, and is laid
over the shipped one. A file is checked as a whole: every problem is reported at once, each at
its file and line, unknown keys and detector names with the nearest valid name. Checking against
the registry (``known``) catches names the schema alone cannot: ``[detectors.shared_photos]``.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from unmask.scoring.live_policy import LIVE_SIGNALS
from unmask.scoring.policy_errors import PolicyError, Problem, describe, hint, line_of
from unmask.scoring.policy_model import Combine, DetectorPolicy, Policy, Review, Routing
from unmask.settings import Settings

SHIPPED = "default_policy.toml"


@dataclass(frozen=True)
class Known:
    """What a policy may name: the registry's detectors (with their constructor parameters and a
    way to try building one with the policy's ``params``) and the live signals."""

    detectors: frozenset[str]
    signals: frozenset[str] = field(default=LIVE_SIGNALS)
    parameters: Mapping[str, frozenset[str]] = field(default_factory=dict)
    build: Callable[[str, Mapping[str, Any]], object] | None = None


def shipped_text() -> str:
    return resources.files("unmask.scoring").joinpath(SHIPPED).read_text("utf-8")


@cache
def _shipped_data() -> dict[str, Any]:
    return tomllib.loads(shipped_text())


def _over(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """``top`` laid over ``base``: tables merge key by key, anything else is replaced."""
    out = dict(base)
    for key, value in top.items():
        below = out.get(key)
        if isinstance(value, Mapping) and isinstance(below, Mapping):
            out[key] = _over(below, value)
        else:
            out[key] = value
    return out


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key)
    return value if isinstance(value, Mapping) else {}


def _registry_problems(data: Mapping[str, Any], known: Known) -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []
    for name in _table(data, "detectors"):
        if name not in known.detectors:
            found.append(
                (
                    ("detectors", name),
                    f"detectors.{name}: no detector of that name is registered"
                    f"{hint(name, known.detectors)}",
                )
            )
    found.extend(_param_problems(data, known))
    live = _table(data, "live")
    weights = _table(live, "weights")
    signals = known.signals | known.detectors
    for name in weights:
        if name not in signals:
            found.append(
                (
                    ("live", "weights", name),
                    f"live.weights.{name}: no live signal or detector of that name"
                    f"{hint(name, signals)}",
                )
            )
    signup = live.get("signup_detectors")
    for name in signup if isinstance(signup, list) else ():
        if isinstance(name, str) and name not in known.detectors:
            found.append(
                (
                    ("live", "signup_detectors"),
                    f"live.signup_detectors: no detector named {name!r} is registered"
                    f"{hint(name, known.detectors)}",
                )
            )
    return found


def _param_problems(data: Mapping[str, Any], known: Known) -> list[tuple[tuple[str, ...], str]]:
    found: list[tuple[tuple[str, ...], str]] = []
    for name, spec in _table(data, "detectors").items():
        params = _table(spec, "params") if isinstance(spec, Mapping) else {}
        if name not in known.detectors or not params:
            continue
        allowed = known.parameters.get(name, frozenset())
        unknown = [p for p in params if p not in allowed]
        for p in unknown:
            found.append(
                (
                    ("detectors", name, "params", p),
                    f"detectors.{name}.params.{p}: {name} has no such parameter{hint(p, allowed)}",
                )
            )
        if not unknown and known.build is not None:
            try:
                known.build(name, params)
            except (TypeError, ValueError) as exc:
                found.append((("detectors", name, "params"), f"detectors.{name}.params: {exc}"))
    return found


def parse_policy(
    text: str, path: str = "<policy>", known: Known | None = None, *, layered: bool = True
) -> Policy:
    """A policy from TOML text; ``layered``: laid over the shipped policy (which it then must
    name a ``version`` of its own for). Raises ``PolicyError`` listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise PolicyError(
            [Problem(path, int(match.group(1)) if match else None, str(exc))]
        ) from None
    problems: list[Problem] = []
    if layered and "version" not in data:
        problems.append(
            Problem(path, None, "version: required (bump it whenever a number changes)")
        )
    merged = _over(_shipped_data(), data) if layered else data
    if layered:
        merged["description"] = data.get("description", "")
    policy: Policy | None = None
    try:
        policy = Policy.model_validate(merged)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            problems.append(Problem(path, line_of(text, err["loc"]), describe(Policy, err)))
    if known is not None:
        for loc, message in _registry_problems(data, known):
            problems.append(Problem(path, line_of(text, loc), message))
    if problems or policy is None:
        problems.sort(key=lambda p: (p.line is None, p.line or 0))
        raise PolicyError(problems)
    return policy


def load_policy(path: Path | None = None, known: Known | None = None) -> Policy:
    """A policy file laid over the shipped one; without a path, the shipped policy itself."""
    if path is None:
        return parse_policy(shipped_text(), SHIPPED, known, layered=False)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        message = f"cannot read policy: {exc.strerror}"
        raise PolicyError([Problem(str(path), None, message)]) from None
    return parse_policy(text, str(path), known)


def resolve_policy(
    settings: Settings, path: Path | None = None, known: Known | None = None
) -> Policy:
    """The policy every command uses: ``path`` (a ``--policy`` option), else ``UNMASK_POLICY``
    (``settings.policy``), else the one shipped with unmask."""
    return load_policy(path or settings.policy, known)


__all__ = [
    "Combine",
    "DetectorPolicy",
    "Known",
    "Policy",
    "PolicyError",
    "Problem",
    "Review",
    "Routing",
    "load_policy",
    "parse_policy",
    "resolve_policy",
]
