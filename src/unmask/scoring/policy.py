"""Policies: versioned TOML files that decide how findings combine and where assessments go.

Errors name the file and line: a TOML syntax error as the parser reports it, a wrong value at the
line of the offending key.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from unmask.scoring.live_policy import LivePolicy

Unit = Annotated[float, Field(ge=0.0, le=1.0)]


class PolicyError(ValueError):
    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class DetectorPolicy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    weight: Unit = 0.5
    enabled: bool = True


class Combine(BaseModel):
    """How findings become one risk. ``learned``: the combiner ``unmask train`` fitted on
    out-of-fold findings against stored labels, when there is one; the weights below otherwise
    (and always with ``noisy_or``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    method: Literal["noisy_or", "learned"] = "learned"
    default_weight: Unit = 0.3
    min_labels: Annotated[int, Field(ge=2)] = 200
    min_per_class: Annotated[int, Field(ge=1)] = 30
    folds: Annotated[int, Field(ge=2, le=10)] = 3


class Routing(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    auto_restrict: Unit = 0.97
    review: Unit = 0.5

    @model_validator(mode="after")
    def _ordered(self) -> Routing:
        if self.review > self.auto_restrict:
            raise ValueError("review threshold must not exceed auto_restrict")
        return self


class Review(BaseModel):
    """How the review queue is ordered and which decisions need a second reviewer."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    exposure_weight: Annotated[float, Field(ge=0.0, le=10.0)] = 1.0
    exposure_scale: Annotated[float, Field(gt=0.0)] = 10.0
    report_weight: Annotated[float, Field(ge=0.0, le=10.0)] = 0.5
    reporter_prior_right: Annotated[float, Field(gt=0.0)] = 1.0
    reporter_prior_wrong: Annotated[float, Field(gt=0.0)] = 19.0
    four_eyes_connections: Annotated[int, Field(ge=0)] = 50
    four_eyes_campaign: bool = True
    photo_owner_lead_days: Annotated[int, Field(ge=0, le=36500)] = 180
    burst_window_hours: Annotated[int, Field(ge=1)] = 48
    burst_min_reports: Annotated[int, Field(ge=2)] = 3
    burst_new_account_days: Annotated[int, Field(ge=1)] = 30
    burst_risk: Unit = 0.5
    reopen_margin: Unit = 0.1


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: Annotated[str, Field(min_length=1, max_length=60)]
    description: str = ""
    combine: Combine = Combine()
    routing: Routing = Routing()
    live: LivePolicy = LivePolicy()
    review: Review = Review()
    detectors: dict[str, DetectorPolicy] = Field(default_factory=dict)

    def weight(self, detector: str) -> float:
        spec = self.detectors.get(detector)
        if spec is None:
            return self.combine.default_weight
        return spec.weight if spec.enabled else 0.0


def _line_of(text: str, loc: tuple[str | int, ...]) -> int | None:
    """Best-effort line of a key path such as ('detectors', 'shared_photo', 'weight')."""
    lines = text.splitlines()
    keys = [str(k) for k in loc]
    for depth in range(len(keys), 0, -1):
        section, key = keys[: depth - 1], keys[depth - 1]
        start = 0
        if section:
            header = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, section)) + r"\s*\]")
            hit = next((i for i, ln in enumerate(lines) if header.match(ln)), None)
            if hit is None:
                continue
            start = hit + 1
        pattern = re.compile(r"^\s*" + re.escape(key) + r"\s*=|^\s*\[.*\b" + re.escape(key) + r"\]")
        for i in range(start, len(lines)):
            if (
                i > start
                and section
                and lines[i].lstrip().startswith("[")
                and not pattern.match(lines[i])
            ):
                break
            if pattern.match(lines[i]):
                return i + 1
    return None


def parse_policy(text: str, path: str = "<policy>") -> Policy:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise PolicyError(path, int(match.group(1)) if match else None, str(exc)) from None
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        loc = tuple(err["loc"])
        raise PolicyError(
            path, _line_of(text, loc), f"{'.'.join(map(str, loc))}: {err['msg']}"
        ) from None


def load_policy(path: Path | None = None) -> Policy:
    """Load a policy file; without a path, the default policy shipped with unmask."""
    if path is None:
        text = resources.files("unmask.scoring").joinpath("default_policy.toml").read_text("utf-8")
        return parse_policy(text, "default_policy.toml")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(str(path), None, f"cannot read policy: {exc.strerror}") from None
    return parse_policy(text, str(path))
