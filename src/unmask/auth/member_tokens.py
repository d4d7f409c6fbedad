"""Member tokens: a short-lived proof, issued by the platform, that a request comes from one member.

The platform embeds the member pages for a signed-in member and hands the page a token for that
member; the report button sends it (``X-Member-Token``), so a report carries a verified member
identity instead of a typed id. The token is ``mt1.<payload>.<mac>``: the payload is base64url
JSON ``{"sub": account id, "exp": unix seconds}`` and the MAC is HMAC-SHA256 over
``mt1.<payload>`` with a secret the platform and unmask share: ``UNMASK_MEMBER_TOKEN_SECRET``, or
32 random bytes created at ``$UNMASK_DATA_DIR/member_token_secret`` (mode 0600) on first use.
The platform can sign tokens itself with that secret, or ask unmask for one
(``POST /api/v1/member/tokens`` with a ``service`` token, or ``unmask users member-token``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import os
import secrets
import time

from unmask.settings import Settings, secret

PREFIX = "mt1"
DEFAULT_TTL = 3600
MAX_TTL = 7 * 86400
MAX_LENGTH = 1024


def member_secret(settings: Settings) -> bytes:
    env = secret(settings.member_token_secret)
    if env:
        return env.encode("utf-8")
    path = settings.data_dir / "member_token_secret"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # created by another process meanwhile
            return path.read_bytes()
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
    return path.read_bytes()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _mac(secret: bytes, signed: str) -> str:
    return _b64(hmac.new(secret, signed.encode("ascii"), hashlib.sha256).digest())


def issue(secret: bytes, account_id: str, ttl: int = DEFAULT_TTL, now: float | None = None) -> str:
    """A token for ``account_id`` valid for ``ttl`` seconds (at most a week)."""
    if not account_id or len(account_id) > 200:
        raise ValueError("a member id has 1 to 200 characters")
    if not 0 < ttl <= MAX_TTL:
        raise ValueError(f"ttl is 1 to {MAX_TTL} seconds")
    exp = int((time.time() if now is None else now) + ttl)
    payload = _b64(json.dumps({"sub": account_id, "exp": exp}, separators=(",", ":")).encode())
    signed = f"{PREFIX}.{payload}"
    return f"{signed}.{_mac(secret, signed)}"


def verify(secret: bytes, token: str, now: float | None = None) -> str | None:
    """The member id of a valid, unexpired token; None for anything else."""
    if not token or len(token) > MAX_LENGTH:
        return None
    prefix, _, rest = token.partition(".")
    payload, _, mac = rest.partition(".")
    if prefix != PREFIX or not payload or not mac:
        return None
    if not hmac.compare_digest(_mac(secret, f"{prefix}.{payload}"), mac):
        return None
    try:
        claims = json.loads(_unb64(payload))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(claims, dict):
        return None
    sub, exp = claims.get("sub"), claims.get("exp")
    if not isinstance(sub, str) or not sub or not isinstance(exp, int):
        return None
    if exp < (time.time() if now is None else now):
        return None
    return sub
