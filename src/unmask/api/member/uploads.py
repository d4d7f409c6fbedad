"""Bounds on what the public member endpoints accept, checked before anything is decoded.

* Request bodies: ``BodyLimit`` (pure ASGI middleware) refuses a body larger than its route's
  limit with 413, from ``Content-Length`` before reading, and by counting while reading when the
  length is not declared (chunked uploads), so a large body is never buffered whole.
* Photos: at most ``MAX_PHOTO_BYTES`` after base64 decoding, a format Pillow reads
  (JPEG, PNG, WebP, GIF, BMP) and at most ``MAX_PIXELS`` pixels, read from the image header with
  ``PIL.Image.open`` (which parses the header only) before the pixels are decompressed. A
  140 KB PNG that declares 12,000 x 12,000 pixels is refused in microseconds.
"""

from __future__ import annotations

import base64
import binascii
import io
import json
import warnings
from collections.abc import Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

MiB = 1 << 20
MAX_PHOTO_BYTES = 5 * MiB
MAX_PIXELS = 16_000_000
PHOTO_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF", "BMP"})

#: Body limits of the public routes (exact paths); other paths are not limited here.
BODY_LIMITS: Mapping[str, int] = {
    "/api/v1/check": 8 * MiB,  # a 5 MiB photo as base64 plus 50 messages
    "/api/v1/exposure": 1 * MiB,
    "/api/v1/member/reports": 64 * 1024,
    "/api/v1/member/export": 32 * MiB,
}


class TooLargeError(ValueError):
    """The input is over a bound: answered with 413."""


class PhotoError(ValueError):
    """The photo cannot be read: answered with 422."""


def decode_photo(data: str) -> bytes:
    """Base64 photo bytes (a ``data:image/...;base64,`` URL is accepted), size-checked first."""
    payload = data.split(",", 1)[1] if data.startswith("data:") else data
    if len(payload) > (MAX_PHOTO_BYTES * 4) // 3 + 4:
        raise TooLargeError("photo: larger than 5 MB")
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise PhotoError("photo: not valid base64") from None
    if len(raw) > MAX_PHOTO_BYTES:
        raise TooLargeError("photo: larger than 5 MB")
    return raw


def check_image(raw: bytes, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """The image's (width, height) from its header; raises before any pixel is decoded."""
    if len(raw) > MAX_PHOTO_BYTES:
        raise TooLargeError("photo: larger than 5 MB")
    try:
        from PIL import Image
    except ImportError as exc:  # pragma: no cover - pillow ships with the faces extra
        raise PhotoError(f"photo checks need pillow: {exc}") from None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw), formats=sorted(PHOTO_FORMATS)) as im:  # header only
                width, height = im.size
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise TooLargeError(f"photo: more than {max_pixels:,} pixels") from None
    except (OSError, ValueError, SyntaxError):  # not one of the accepted formats, or damaged
        raise PhotoError(
            "photo: not a JPEG, PNG, WebP, GIF or BMP image that can be read"
        ) from None
    if width * height > max_pixels:
        raise TooLargeError(
            f"photo: {width} x {height} pixels is more than {max_pixels:,}: "
            "send a smaller copy or a screenshot of the profile photo"
        )
    return width, height


class BodyLimit:
    """Refuse request bodies over the route's limit with 413, before they are read whole."""

    def __init__(self, app: ASGIApp, limits: Mapping[str, int] = BODY_LIMITS) -> None:
        self.app = app
        self.limits = dict(limits)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        cap = self.limits.get(scope.get("path", "")) if scope["type"] == "http" else None
        if cap is None:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > cap):
            await _refuse(send, cap)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > cap:  # re-raised by FastAPI's body reader, answered by Starlette
                    raise HTTPException(413, _too_large(cap))
            return message

        await self.app(scope, counted, send)


def _too_large(cap: int) -> str:
    return f"request body larger than {cap // 1024:,} KiB"


async def _refuse(send: Send, cap: int) -> None:
    body = json.dumps({"detail": _too_large(cap)}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
