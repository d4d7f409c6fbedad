"""``GET /api/v1/passwords/range/{prefix}``: the k-anonymity range answer.

Only the first 5 hex digits of a SHA-1 are accepted: anything longer is refused (422) before it
is looked at, and the path is the only input, so no full hash ever reaches the server.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import PlainTextResponse

from unmask.api.member.ratelimit import limit
from unmask.passwords import PrefixError, common_table, open_indexes, range_answer

router = APIRouter(prefix="/api/v1/passwords", tags=["member"])


def _answer(request: Request, prefix: str) -> list[Any]:
    limit(request, "passwords")
    try:
        store = request.app.state.store
        indexes = open_indexes(store.settings.data_dir)
        try:
            return range_answer(prefix, indexes, common_table())
        finally:
            for ix in indexes:
                ix.close()
    except PrefixError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get(
    "/range/{prefix}",
    summary="Suffixes and counts under a 5-hex-digit SHA-1 prefix, padded",
    response_class=PlainTextResponse,
)
def password_range(prefix: str, request: Request) -> PlainTextResponse:
    """One line per suffix: ``SUFFIX:COUNT:COMMON`` (COMMON is 1 when the password is on a
    common-password list). Padding lines have count 0 and common 0."""
    entries = _answer(request, prefix)
    body = "\n".join(f"{e.suffix}:{e.count}:{int(e.common)}" for e in entries)
    return PlainTextResponse(body, headers={"Cache-Control": "public, max-age=3600"})
