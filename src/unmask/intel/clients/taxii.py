"""A TAXII 2.1 client over httpx: discovery, API roots, collections, and paged object fetches.

Authentication is HTTP Basic (user, password) or a bearer token. The transport is injectable, so
tests can use httpx's ``MockTransport`` or a real server on loopback alike. ``pages`` follows
``more``/``next`` and reports each page's ``X-TAXII-Date-Added-Last``: the point to resume from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

import httpx

MEDIA_TYPE = "application/taxii+json;version=2.1"


class TaxiiError(RuntimeError):
    pass


@dataclass(frozen=True)
class Page:
    objects: list[dict[str, Any]]
    more: bool
    next: str | None
    date_added_first: str | None
    date_added_last: str | None


def _slash(url: str) -> str:
    return url if url.endswith("/") else url + "/"


class TaxiiClient:
    def __init__(
        self,
        *,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 30.0,
        verify: bool = True,
    ) -> None:
        headers = {"Accept": MEDIA_TYPE, "User-Agent": "unmask-taxii/1"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        auth = httpx.BasicAuth(user, password or "") if user and not token else None
        self._http = httpx.Client(
            headers=headers, auth=auth, transport=transport, timeout=timeout, verify=verify
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> TaxiiClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _get(self, url: str, params: dict[str, str] | None = None) -> httpx.Response:
        try:
            response = self._http.get(url, params=params)
        except httpx.HTTPError as exc:
            raise TaxiiError(f"GET {url}: {exc.__class__.__name__}: {exc}") from exc
        if response.status_code in (401, 403):
            raise TaxiiError(f"GET {url}: HTTP {response.status_code}: check the credentials")
        if response.status_code >= 400:
            raise TaxiiError(f"GET {url}: HTTP {response.status_code}: {response.text[:300]}")
        return response

    def _json(self, url: str, params: dict[str, str] | None = None) -> dict[str, Any]:
        response = self._get(url, params)
        try:
            data = response.json()
        except ValueError as exc:
            raise TaxiiError(f"GET {url}: the answer is not JSON") from exc
        if not isinstance(data, dict):
            raise TaxiiError(f"GET {url}: the answer is not a JSON object")
        return data

    def discovery(self, url: str) -> dict[str, Any]:
        return self._json(_slash(url))

    def api_roots(self, discovery_url: str) -> list[str]:
        """The API roots a discovery document lists, as absolute URLs."""
        info = self.discovery(discovery_url)
        return [_slash(urljoin(_slash(discovery_url), str(r))) for r in info.get("api_roots", [])]

    def collections(self, api_root: str) -> list[dict[str, Any]]:
        data = self._json(urljoin(_slash(api_root), "collections/"))
        return list(data.get("collections", []))

    def pages(
        self, collection_url: str, added_after: str | None = None, limit: int = 100
    ) -> Iterator[Page]:
        """Every page of a collection's objects added after ``added_after``."""
        url = urljoin(_slash(collection_url), "objects/")
        params = {"limit": str(limit)}
        if added_after:
            params["added_after"] = added_after
        while True:
            response = self._get(url, params)
            try:
                data = response.json() if response.content else {}
            except ValueError as exc:
                raise TaxiiError(f"GET {url}: the answer is not JSON") from exc
            objects = data.get("objects") or []
            more = bool(data.get("more"))
            nxt = data.get("next")
            yield Page(
                [o for o in objects if isinstance(o, dict)],
                more,
                str(nxt) if nxt else None,
                response.headers.get("X-TAXII-Date-Added-First"),
                response.headers.get("X-TAXII-Date-Added-Last"),
            )
            if not more or not nxt:
                return
            params = {"limit": str(limit), "next": str(nxt)}
            if added_after:
                params["added_after"] = added_after
