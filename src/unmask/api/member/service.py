"""The checker as a service: detectors (with trained artefacts) built once, the platform context
read from the store when there is one, the photo hashed on arrival. Used by the API and the CLI."""

from __future__ import annotations

import base64
import binascii
import threading
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from unmask.api.member.context import PlatformContext
from unmask.checker import CheckRequest, CheckResult, profile_from_input, run_check
from unmask.detectors.base import Detector
from unmask.model import Account, PhotoRef
from unmask.scoring import Policy, load_policy
from unmask.store import Store

MAX_PHOTO = 5 << 20


class PhotoError(ValueError):
    pass


def decode_photo(data: str) -> bytes:
    """Base64 photo bytes (a ``data:image/...;base64,`` URL is accepted)."""
    payload = data.split(",", 1)[1] if data.startswith("data:") else data
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise PhotoError("photo: not valid base64") from None
    if len(raw) > MAX_PHOTO:
        raise PhotoError("photo: larger than 5 MB")
    return raw


def photo_ref(raw: bytes) -> PhotoRef:
    """The uploaded photo's hashes, by the same function ingest and the detectors use."""
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


class CheckerService:
    def __init__(self, store: Store | None, policy: Policy | None = None) -> None:
        self.store = store
        self.policy = policy or load_policy()
        self.context = PlatformContext(store) if store is not None else None
        self._detectors: list[Detector] | None = None
        self._lock = threading.Lock()

    def detectors(self) -> Sequence[Detector]:
        with self._lock:
            if self._detectors is None:
                from unmask.detectors import load_builtin, registry

                load_builtin()
                self._detectors = [registry.create(n) for n in registry.names()]
                if self.store is not None:
                    from unmask.store.artifacts import load_trained

                    load_trained(self.store.settings.models_dir, self._detectors)
            return self._detectors

    def profile(self, data: Mapping[str, Any] | None, profile_id: str | None) -> Account:
        now = datetime.now(UTC)
        if data:
            given = profile_from_input(data, now)
            stored = self.context.stored_account(given.id) if self.context else None
            return stored or given  # what the platform knows beats what was typed
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
    ) -> tuple[CheckResult, bool]:
        """The result, and whether the profile is an account on the platform (reportable)."""
        if photo is not None:
            profile = profile.model_copy(update={"photo": photo_ref(photo)})
        request = CheckRequest(profile, tuple(messages), dict(answers or {}))
        context = stored = None
        known = False
        if self.context is not None:
            context = self.context.snapshot(profile)
            known = self.context.stored_account(profile.id) is not None
            stored = self.context.stored_findings(profile.id) if known else None
        result = run_check(request, self.detectors(), self.policy, context, stored or ())
        return result, known
