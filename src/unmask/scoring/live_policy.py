"""The ``[live]`` section of a policy: how live signals combine and where decisions fall.

Every number lives in the shipped policy file (``default_policy.toml``), none here."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, model_validator

from unmask.model.routing import Route

Unit = Annotated[float, Field(ge=0.0, le=1.0)]

#: The live signals a policy may weigh besides the detectors (``unmask.live.signals`` and the
#: checker's message cues); ``[live.weights]`` keys are checked against these and the registry.
LIVE_SIGNALS: frozenset[str] = frozenset(
    {
        "batch_prior",
        "registration_burst",
        "outreach_velocity",
        "sensitive_targeting",
        "org_concentration",
        "low_acceptance",
        "checker_messages",
    }
)


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SignupThresholds(_Frozen):
    challenge: Unit
    block: Unit

    @model_validator(mode="after")
    def _ordered(self) -> SignupThresholds:
        if self.challenge > self.block:
            raise ValueError("challenge must not exceed block")
        return self


class OutreachThresholds(_Frozen):
    """Invitations and messages: deliver, warn the recipient, or hold for review."""

    warn: Unit
    hold: Unit

    @model_validator(mode="after")
    def _ordered(self) -> OutreachThresholds:
        if self.warn > self.hold:
            raise ValueError("warn must not exceed hold")
        return self


class LivePolicy(_Frozen):
    signup: SignupThresholds
    outreach: OutreachThresholds
    views: SignupThresholds
    default_weight: Unit
    weights: dict[str, Unit]
    #: Detectors run on a new account's profile at sign-up (same code as the nightly scan).
    signup_detectors: tuple[str, ...]
    #: Batch routes that overturn a live ``allow`` / ``deliver``.
    overturn_routes: tuple[Route, ...]

    def weight(self, signal: str) -> float:
        return self.weights.get(signal, self.default_weight)
