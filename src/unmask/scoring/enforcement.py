"""The ``[enforcement]`` section of a policy: the ladder, i.e. what each decision does, in order.

Steps are executed by ``unmask.actions.enforce`` (each through the injected executor or
channel, recorded and audited); the policy only names them, so changing the ladder is a policy
change with a new version, not a code change.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, model_validator


class Step(StrEnum):
    RESTRICT = "restrict"  # the account can no longer act; reversible
    REINSTATE = "reinstate"  # undo a restriction or removal, restoring severed connections
    REMOVE = "remove"  # the account is taken down
    SEVER = "sever"  # its connections and pending invitations are cut from members' networks
    NOTIFY = "notify"  # every member it contacted is told, with plain guidance
    PUBLISH = "publish"  # its indicators go to the intel exchange


class Enforcement(BaseModel):
    """Steps per decision (``clear``, ``restrict``, ``remove``) and per automatic route."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    clear: tuple[Step, ...]
    restrict: tuple[Step, ...]
    remove: tuple[Step, ...]
    auto_restrict: tuple[Step, ...]

    @model_validator(mode="after")
    def _sound(self) -> Enforcement:
        first = {
            "clear": Step.REINSTATE,
            "restrict": Step.RESTRICT,
            "remove": Step.REMOVE,
            "auto_restrict": Step.RESTRICT,
        }
        for action, step in first.items():
            steps: tuple[Step, ...] = getattr(self, action)
            if not steps or steps[0] != step:
                raise ValueError(f"{action} must start with {step.value!r}")
            if len(set(steps)) != len(steps):
                raise ValueError(f"{action} names a step twice")
        for action in ("clear", "restrict", "auto_restrict"):
            if Step.REMOVE in getattr(self, action):
                raise ValueError(f"{action} may not remove an account")
        return self

    def steps(self, action: str) -> tuple[Step, ...]:
        """The ladder of a decision (``clear``/``restrict``/``remove``) or ``auto_restrict``."""
        steps: tuple[Step, ...] = getattr(self, action)
        return steps
