"""Staff identifiers are kept only as HMAC-SHA256 with a server secret.

The secret comes from ``UNMASK_ORG_SECRET`` or, failing that, from ``$UNMASK_DATA_DIR/org_secret``
(32 random bytes created on first use, mode 0600). It is never in the repository. Losing it makes
every enrolment unmatchable (re-enrol); leaking it lets someone test guesses of who is enrolled.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

from unmask.settings import Settings, secret


def load_secret(settings: Settings) -> bytes:
    env = secret(settings.org_secret)
    if env:
        return env.encode("utf-8")
    path = settings.data_dir / "org_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    return path.read_bytes()


def normalise(identifier: str) -> str:
    """An account id or profile URL, reduced to the account id, case-folded."""
    text = identifier.strip()
    if "/" in text:
        text = [p for p in text.split("?")[0].split("/") if p][-1]
    return text.casefold()


def ident_hash(secret: bytes, identifier: str) -> str:
    return hmac.new(secret, normalise(identifier).encode("utf-8"), hashlib.sha256).hexdigest()
