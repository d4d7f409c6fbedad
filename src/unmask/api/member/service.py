"""The checker as a service: detectors (with trained artefacts) built once, the platform context
read from the store when there is one, the photo bounded and hashed on arrival. Used by the API
and the CLI.

Two views of a profile:

* ``public_check``: the public checker. It answers only from what the caller sent (the profile
  as typed, pasted or uploaded, the messages, the answers, the photo) and from the platform's
  public pages (the named employers' pages and who lists them). The typed id is replaced by a
  fixed internal one, so a known and an unknown id give the same answer; stored findings, review
  decisions and photo matches are never used.
* ``check``: the platform's view of a stored account (authenticated routes and the operator's
  CLI): the stored profile, the latest scan's findings and the review decision, which
  supersedes the scan (cleared: never high; removed or restricted: high).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from unmask.api.member.context import PlatformContext
from unmask.api.member.uploads import PhotoError, TooLargeError, check_image, decode_photo
from unmask.checker import CheckRequest, CheckResult, profile_from_input, run_check
from unmask.checker.intake import profile_from_text
from unmask.checker.redaction import ADVICE, MAX_REASONS, PublicCheck, redact
from unmask.checker.situation import Situation
from unmask.detectors import Registry
from unmask.detectors.base import Detector
from unmask.model import Account, PhotoRef
from unmask.model.review import Case
from unmask.scoring import Policy, load_policy, resolve_policy
from unmask.store import Store

__all__ = ["CheckerService", "PhotoError", "Review", "TooLargeError", "decode_photo", "photo_ref"]

#: The id every publicly checked profile gets, whatever id was typed.
CHECKED = "unmask-checked-profile"
#: Just under the high band: a cleared account is at most medium.
_CLEARED_CAP = 0.6 - 1e-9
_REMOVED = "the platform's review team removed or restricted this account"


def photo_ref(raw: bytes) -> PhotoRef:
    """The uploaded photo's hashes, by the same function ingest and the detectors use, after
    its size and pixel count are checked from the header."""
    check_image(raw)
    try:
        from unmask.detectors.photo_hashing import hash_photo
    except ImportError as exc:  # pragma: no cover - the module ships with unmask
        raise PhotoError(f"photo hashing is unavailable: {exc}") from None
    try:
        return hash_photo(raw, with_face=False).photo_ref()
    except (OSError, ValueError) as exc:
        raise PhotoError(f"photo: cannot read the image ({exc})") from None
    except RuntimeError as exc:  # the faces extra is missing
        raise PhotoError(str(exc)) from None


@dataclass(frozen=True)
class Review:
    """What the platform's reviewers decided about an account, for authenticated callers."""

    status: str  # none, open, closed
    outcome: str | None

    @classmethod
    def of(cls, case: Case | None) -> Review:
        return cls("none", None) if case is None else cls(case.status, case.outcome)

    @property
    def cleared(self) -> bool:
        return self.status == "closed" and self.outcome == "cleared"

    @property
    def enforced(self) -> bool:
        return self.status == "closed" and self.outcome in ("removed", "restricted")


class CheckerService:
    def __init__(
        self, store: Store | None, policy: Policy | None = None, registry: Registry | None = None
    ) -> None:
        self.store = store
        self.registry = registry
        self.policy = policy or (resolve_policy(store.settings) if store else load_policy())
        self.context = PlatformContext(store) if store is not None else None
        self._detectors: list[Detector] | None = None
        self._lock = threading.Lock()

    def detectors(self) -> Sequence[Detector]:
        with self._lock:
            if self._detectors is None:
                registry = self.registry
                if registry is None:
                    from unmask.hooks import load_plugins

                    settings = self.store.settings if self.store is not None else None
                    registry = load_plugins(settings).detectors
                params = self.policy.params
                self._detectors = [registry.create(n, **params(n)) for n in registry.names()]
                if self.store is not None:
                    from unmask.detectors.trainable import load_trained

                    load_trained(self.store.settings.models_dir, self._detectors)
            return self._detectors

    # -- the public checker ------------------------------------------------------------------
    def public_check(
        self,
        data: Mapping[str, Any] | str,
        messages: Sequence[str] = (),
        answers: Mapping[str, bool] | None = None,
        photo: bytes | None = None,
        me: Situation | None = None,
    ) -> CheckResult:
        """Only from what the caller sent (a profile object, or pasted profile text), plus the
        employers' public pages."""
        now = datetime.now(UTC)
        given = (
            profile_from_text(data, now) if isinstance(data, str) else profile_from_input(data, now)
        )
        update: dict[str, Any] = {"id": CHECKED}
        if photo is not None:
            update["photo"] = photo_ref(photo)
        profile = given.model_copy(update=update)
        context = self.context.snapshot(profile, public=True) if self.context else None
        request = CheckRequest(profile, tuple(messages), dict(answers or {}), me)
        return run_check(request, self.detectors(), self.policy, context, ())

    # -- the platform's view -------------------------------------------------------------------
    def profile(self, data: Mapping[str, Any] | None, profile_id: str | None) -> Account:
        """For the platform's view: the stored account beats what was typed."""
        now = datetime.now(UTC)
        if data:
            given = profile_from_input(data, now)
            stored = self.context.stored_account(given.id) if self.context else None
            return stored or given
        stored = self.context.stored_account(profile_id) if self.context and profile_id else None
        if stored is None:
            from unmask.checker import IntakeError

            raise IntakeError("give a profile, or the id of a profile on the platform")
        return stored

    def check(
        self,
        profile: Account,
        messages: Sequence[str] = (),
        answers: Mapping[str, bool] | None = None,
        photo: bytes | None = None,
        me: Situation | None = None,
    ) -> tuple[CheckResult, bool]:
        """The platform's view: the result, and whether the profile is a stored account."""
        result, review = self.platform_check(profile, messages, answers, photo, me)
        return result, review is not None

    def platform_check(
        self,
        profile: Account,
        messages: Sequence[str] = (),
        answers: Mapping[str, bool] | None = None,
        photo: bytes | None = None,
        me: Situation | None = None,
    ) -> tuple[CheckResult, Review | None]:
        """The result with stored findings, superseded by a review decision; the review is None
        when the profile is not a stored account."""
        if photo is not None:
            profile = profile.model_copy(update={"photo": photo_ref(photo)})
        request = CheckRequest(profile, tuple(messages), dict(answers or {}), me)
        if self.context is None or self.context.stored_account(profile.id) is None:
            context = self.context.snapshot(profile) if self.context else None
            return run_check(request, self.detectors(), self.policy, context, ()), None
        request = replace(request, stored_profile=True)
        review = Review.of(self.context.review(profile.id))
        stored = () if review.cleared else self.context.stored_findings(profile.id)
        context = self.context.snapshot(profile)
        result = run_check(request, self.detectors(), self.policy, context, stored)
        return _supersede(result, review), review


def _supersede(result: CheckResult, review: Review) -> CheckResult:
    findings = result.assessment.findings
    if review.cleared and result.public.risk == "high":
        return CheckResult(result.assessment, redact(_CLEARED_CAP, findings))
    if review.enforced:
        reasons = (_REMOVED, *redact(1.0, findings).reasons)[:MAX_REASONS]
        return CheckResult(result.assessment, PublicCheck("high", reasons, ADVICE["high"]))
    return result
