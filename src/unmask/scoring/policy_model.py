"""The typed shape of a policy. Every number comes from the policy file: the shipped one
(``default_policy.toml``) is complete, and a policy of one's own is laid over it."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from unmask.scoring.enforcement import Enforcement
from unmask.scoring.live_policy import LivePolicy

Unit = Annotated[float, Field(ge=0.0, le=1.0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Param = float | int | bool | str


class DetectorPolicy(_Frozen):
    weight: Unit
    enabled: bool = True
    #: Constructor settings of the detector, versioned with the policy (``[detectors.X.params]``).
    params: dict[str, Param] = Field(default_factory=dict)


class Combine(_Frozen):
    """How findings become one risk. ``learned``: the combiner ``unmask train`` fitted on
    out-of-fold findings against stored labels, when there is one; the weights otherwise (and
    always with ``noisy_or``)."""

    method: Literal["noisy_or", "learned"]
    default_weight: Unit
    min_labels: Annotated[int, Field(ge=2)]
    min_per_class: Annotated[int, Field(ge=1)]
    folds: Annotated[int, Field(ge=2, le=10)]


class Routing(_Frozen):
    auto_restrict: Unit
    review: Unit

    @model_validator(mode="after")
    def _ordered(self) -> Routing:
        if self.review > self.auto_restrict:
            raise ValueError("review threshold must not exceed auto_restrict")
        return self


class Review(_Frozen):
    """How the review queue is ordered and which decisions need a second reviewer."""

    exposure_weight: Annotated[float, Field(ge=0.0, le=10.0)]
    exposure_scale: Annotated[float, Field(gt=0.0)]
    report_weight: Annotated[float, Field(ge=0.0, le=10.0)]
    reporter_prior_right: Annotated[float, Field(gt=0.0)]
    reporter_prior_wrong: Annotated[float, Field(gt=0.0)]
    four_eyes_connections: Annotated[int, Field(ge=0)]
    four_eyes_campaign: bool
    photo_owner_lead_days: Annotated[int, Field(ge=0, le=36500)]
    burst_window_hours: Annotated[int, Field(ge=1)]
    burst_min_reports: Annotated[int, Field(ge=2)]
    burst_new_account_days: Annotated[int, Field(ge=1)]
    burst_risk: Unit
    reopen_margin: Unit


class Policy(_Frozen):
    version: Annotated[str, Field(min_length=1, max_length=60)]
    description: str = ""
    combine: Combine
    routing: Routing
    live: LivePolicy
    review: Review
    enforcement: Enforcement
    detectors: dict[str, DetectorPolicy]

    def params(self, detector: str) -> dict[str, Param]:
        """The constructor settings the policy gives ``detector`` (none: its own defaults)."""
        spec = self.detectors.get(detector)
        return dict(spec.params) if spec is not None else {}

    def weight(self, detector: str) -> float:
        spec = self.detectors.get(detector)
        if spec is None:
            return self.combine.default_weight
        return spec.weight if spec.enabled else 0.0
