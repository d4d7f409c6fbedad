"""The member pages (static HTML, CSS and JS shipped with unmask: no CDN, no external assets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import FileResponse

from unmask.checker import QUESTIONS

STATIC = Path(__file__).parent / "static"
router = APIRouter(tags=["member pages"])
_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'",
    "Referrer-Policy": "no-referrer",
}


def _page(name: str) -> FileResponse:
    return FileResponse(STATIC / name, media_type="text/html", headers=_HEADERS)


@router.get("/check", include_in_schema=False)
def check_page() -> FileResponse:
    return _page("check.html")


@router.get("/passwords", include_in_schema=False)
def passwords_page() -> FileResponse:
    return _page("passwords.html")


@router.get("/exposure", include_in_schema=False)
def exposure_page() -> FileResponse:
    return _page("exposure.html")


@router.get("/api/v1/check/questions", tags=["member"], summary="The guided questions")
def questions() -> dict[str, Any]:
    return {"questions": [{"id": q.id, "text": q.text, "why": q.why} for q in QUESTIONS]}
