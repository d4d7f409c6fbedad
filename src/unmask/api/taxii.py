"""The TAXII 2.1 server inside ``unmask serve`` (read-only): discovery at ``/taxii2/``, one API
root, two collections (campaigns, indicators), objects and manifests with paging.

Every request is authenticated (Basic or Bearer, as the rest of the API) and only the roles
``partner``, ``service`` and ``admin`` may read; each partner uses its own credentials. What is
served comes from ``unmask.intel.publish``: our confirmed findings and campaigns, never TLP:RED.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from unmask import __version__
from unmask.api.deps import require_role
from unmask.auth import User
from unmask.intel.publish import COLLECTIONS, published

MEDIA = "application/taxii+json;version=2.1"
STIX_MEDIA = "application/stix+json;version=2.1"
ROOT = "unmask"
MAX_PAGE = 1000

router = APIRouter(prefix="/taxii2", tags=["taxii"])
Reader = Annotated[User, Depends(require_role("partner", "service", "admin"))]


class TaxiiError(StarletteHTTPException):
    pass


def _answer(body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, media_type=MEDIA, headers=headers)


def _accepts(request: Request) -> None:
    accept = request.headers.get("accept", "*/*").casefold()
    if not any(t in accept for t in ("application/taxii+json", "application/json", "*/*")):
        raise TaxiiError(406, "the server answers application/taxii+json;version=2.1")


def _time(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _parse_time(text: str) -> datetime:
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise TaxiiError(400, f"added_after is not a timestamp: {text!r}") from None
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def _collection(root: str, collection_id: str) -> None:
    if root != ROOT:
        raise TaxiiError(404, f"no API root {root!r}")
    if collection_id not in COLLECTIONS:
        raise TaxiiError(404, f"no collection {collection_id!r}")


def _info(collection_id: str) -> dict[str, Any]:
    c = COLLECTIONS[collection_id]
    return {
        "id": c.id,
        "title": c.title,
        "description": c.description,
        "can_read": True,
        "can_write": False,
        "media_types": [STIX_MEDIA],
    }


@router.get("/", summary="TAXII 2.1 discovery")
def discovery(request: Request, _user: Reader) -> JSONResponse:
    _accepts(request)
    return _answer(
        {
            "title": "unmask TAXII server",
            "description": "Confirmed fake professional-network personas and their campaigns.",
            "default": f"/taxii2/{ROOT}/",
            "api_roots": [f"/taxii2/{ROOT}/"],
        }
    )


@router.get("/{root}/", summary="TAXII 2.1 API root")
def api_root(root: str, request: Request, _user: Reader) -> JSONResponse:
    _accepts(request)
    if root != ROOT:
        raise TaxiiError(404, f"no API root {root!r}")
    return _answer(
        {
            "title": "unmask",
            "description": f"unmask {__version__}",
            "versions": [MEDIA],
            "max_content_length": 10_485_760,
        }
    )


@router.get("/{root}/collections/", summary="TAXII 2.1 collections")
def collections(root: str, request: Request, _user: Reader) -> JSONResponse:
    _accepts(request)
    if root != ROOT:
        raise TaxiiError(404, f"no API root {root!r}")
    return _answer({"collections": [_info(c) for c in COLLECTIONS]})


@router.get("/{root}/collections/{collection_id}/", summary="One TAXII 2.1 collection")
def collection(root: str, collection_id: str, request: Request, _user: Reader) -> JSONResponse:
    _accepts(request)
    _collection(root, collection_id)
    return _answer(_info(collection_id))


def _page(
    request: Request,
    collection_id: str,
    added_after: str | None,
    limit: int,
    next_: str | None,
    types: str | None,
    ids: str | None,
) -> tuple[list[tuple[datetime, dict[str, Any]]], bool, str | None]:
    items = published(request.app.state.store, collection_id)
    if added_after:
        after = _parse_time(added_after)
        items = [p for p in items if p[0] > after]
    if types:
        wanted = set(types.split(","))
        items = [p for p in items if p[1]["type"] in wanted]
    if ids:
        wanted_ids = set(ids.split(","))
        items = [p for p in items if p[1]["id"] in wanted_ids]
    try:
        start = int(base64.urlsafe_b64decode(next_.encode()).decode()) if next_ else 0
    except ValueError:
        raise TaxiiError(400, "next is not a value this server gave") from None
    size = max(1, min(limit, MAX_PAGE))
    page = items[start : start + size]
    more = start + size < len(items)
    token = base64.urlsafe_b64encode(str(start + size).encode()).decode() if more else None
    return page, more, token


def _headers(page: list[tuple[datetime, dict[str, Any]]]) -> dict[str, str]:
    if not page:
        return {}
    return {
        "X-TAXII-Date-Added-First": _time(page[0][0]),
        "X-TAXII-Date-Added-Last": _time(page[-1][0]),
    }


Limit = Annotated[int, Query(ge=1)]


@router.get("/{root}/collections/{collection_id}/objects/", summary="Objects, paged")
def objects(
    root: str,
    collection_id: str,
    request: Request,
    _user: Reader,
    added_after: str | None = None,
    limit: Limit = 100,
    next: str | None = None,
    match_type: Annotated[str | None, Query(alias="match[type]")] = None,
    match_id: Annotated[str | None, Query(alias="match[id]")] = None,
) -> JSONResponse:
    _accepts(request)
    _collection(root, collection_id)
    page, more, token = _page(
        request, collection_id, added_after, limit, next, match_type, match_id
    )
    body: dict[str, Any] = {"more": more, "objects": [obj for _, obj in page]}
    if token:
        body["next"] = token
    return _answer(body, _headers(page))


@router.get("/{root}/collections/{collection_id}/manifest/", summary="Manifest, paged")
def manifest(
    root: str,
    collection_id: str,
    request: Request,
    _user: Reader,
    added_after: str | None = None,
    limit: Limit = 100,
    next: str | None = None,
    match_type: Annotated[str | None, Query(alias="match[type]")] = None,
    match_id: Annotated[str | None, Query(alias="match[id]")] = None,
) -> JSONResponse:
    _accepts(request)
    _collection(root, collection_id)
    page, more, token = _page(
        request, collection_id, added_after, limit, next, match_type, match_id
    )
    records = [
        {
            "id": obj["id"],
            "date_added": _time(at),
            "version": obj.get("modified", obj.get("created", _time(at))),
            "media_type": STIX_MEDIA,
        }
        for at, obj in page
    ]
    body: dict[str, Any] = {"more": more, "objects": records}
    if token:
        body["next"] = token
    return _answer(body, _headers(page))


def register(app: FastAPI) -> None:
    @app.exception_handler(TaxiiError)
    async def _taxii_error(_request: Request, exc: TaxiiError) -> JSONResponse:
        body = {"title": "error", "description": exc.detail, "http_status": str(exc.status_code)}
        return JSONResponse(body, status_code=exc.status_code, media_type=MEDIA)

    app.include_router(router)
