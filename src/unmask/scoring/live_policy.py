"""The ``[live]`` section of a policy: how live signals combine and where decisions fall."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

Unit = Annotated[float, Field(ge=0.0, le=1.0)]

DEFAULT_WEIGHTS: dict[str, float] = {
    "batch_prior": 0.9,
    "registration_burst": 0.6,
    "outreach_velocity": 0.5,
    "sensitive_targeting": 0.5,
    "org_concentration": 0.4,
    "low_acceptance": 0.4,
    "approach_language": 0.6,
    "checker_messages": 0.6,
    "reconnaissance": 0.95,
    "profile_model": 0.7,
}


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SignupThresholds(_Frozen):
    challenge: Unit = 0.5
    block: Unit = 0.9

    @model_validator(mode="after")
    def _ordered(self) -> SignupThresholds:
        if self.challenge > self.block:
            raise ValueError("challenge must not exceed block")
        return self


class OutreachThresholds(_Frozen):
    """Invitations and messages: deliver, warn the recipient, or hold for review."""

    warn: Unit = 0.45
    hold: Unit = 0.85

    @model_validator(mode="after")
    def _ordered(self) -> OutreachThresholds:
        if self.warn > self.hold:
            raise ValueError("warn must not exceed hold")
        return self


class LivePolicy(_Frozen):
    signup: SignupThresholds = SignupThresholds()
    outreach: OutreachThresholds = OutreachThresholds()
    views: SignupThresholds = SignupThresholds(challenge=0.6, block=0.9)
    default_weight: Unit = 0.3
    weights: dict[str, Unit] = Field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    #: Detectors run on a new account's profile at sign-up (same code as the nightly scan).
    #: Not ``sparse_profile``: every account is new and empty at the moment it signs up.
    signup_detectors: tuple[str, ...] = ("profile_model",)
    #: Batch routes that overturn a live ``allow`` / ``deliver``.
    overturn_routes: tuple[str, ...] = ("review", "auto_restrict")

    def weight(self, signal: str) -> float:
        return self.weights.get(signal, DEFAULT_WEIGHTS.get(signal, self.default_weight))
