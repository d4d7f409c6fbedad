"""TAXII 2.1: our client against a real medallion server on loopback, and against our own server."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from sqlalchemy import select
from tests.intel import world
from tests.intel.test_roundtrip import _fresh, _matched
from tests.web_support import free_port, live_server

from unmask.auth import create_token, create_user
from unmask.intel.clients import MEDIA_TYPE, TaxiiClient, TaxiiError
from unmask.intel.indicators import make_indicator
from unmask.intel.poll import poll_once
from unmask.intel.publish import CAMPAIGNS, INDICATORS
from unmask.intel.repo import get_cursor
from unmask.intel.service import export_campaign
from unmask.store import Store
from unmask.store.schema import RECORD_TABLES

USER, PASSWORD = "partner-a", "Password0-for-tests"
COLLECTION = "91a7b528-80eb-42ed-a74d-c6fbd5a26116"


def _medallion_data(objects: list[dict[str, Any]]) -> dict[str, Any]:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    objects = [dict(o) for o in objects]
    manifest = []
    for i, o in enumerate(objects):
        added = (start + timedelta(seconds=i)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        if "modified" not in o and "created" not in o:
            o["_date_added"] = added  # medallion's memory backend versions SCOs by this field
        version = o.get("modified", o.get("created", added))
        media = "application/stix+json;version=2.1"
        manifest.append(
            {"id": o["id"], "date_added": added, "version": version, "media_type": media}
        )
    return {
        "/discovery": {
            "title": "test TAXII server",
            "default": "http://127.0.0.1/api1/",
            "api_roots": ["/api1/"],
        },
        "api1": {
            "information": {
                "title": "api1",
                "versions": [MEDIA_TYPE],
                "max_content_length": 10_000_000,
            },
            "status": [],
            "collections": [
                {
                    "id": COLLECTION,
                    "title": "personas",
                    "can_read": True,
                    "can_write": True,
                    "media_types": ["application/stix+json;version=2.1"],
                    "objects": objects,
                    "manifest": manifest,
                }
            ],
        },
    }


@pytest.fixture(scope="module")
def bundle_objects(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    store = _fresh(tmp_path_factory.mktemp("src"), "s")
    world.platform(store, with_labels=True)
    objects = list(orjson.loads(export_campaign(store, world.CAMPAIGN, "stix"))["objects"])
    store.close()
    return objects


@pytest.fixture
def medallion(tmp_path: Path, bundle_objects: list[dict[str, Any]]) -> Iterator[str]:
    data = tmp_path / "data.json"
    data.write_text(json.dumps(_medallion_data(bundle_objects)))
    config = tmp_path / "config.json"
    config.write_text(
        json.dumps(
            {
                "backend": {
                    "module": "medallion.backends.memory_backend",
                    "module_class": "MemoryBackend",
                    "filename": str(data),
                },
                "users": {USER: PASSWORD},
                "taxii": {"max_page_size": 100},
            }
        )
    )
    port = free_port()
    code = "from medallion.scripts.run import main; main()"
    args = [sys.executable, "-c", code, "--host", "127.0.0.1", "--port", str(port), str(config)]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{base}/taxii2/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            pytest.fail("medallion did not start")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


class _FailAfter(httpx.BaseTransport):
    """A real transport that breaks after ``n`` requests (a poll interrupted mid-way)."""

    def __init__(self, n: int) -> None:
        self.inner = httpx.HTTPTransport()
        self.left = n

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.left <= 0:
            raise httpx.ConnectError("connection lost", request=request)
        self.left -= 1
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def test_poll_medallion_resumes_and_fetches_only_new(medallion: str, tmp_path: Path) -> None:
    store = _fresh(tmp_path, "poller")
    world.platform(store, with_labels=False)
    with TaxiiClient(user=USER, password=PASSWORD) as client:
        (root,) = client.api_roots(f"{medallion}/taxii2/")
        (info,) = client.collections(root)
    url = f"{root}collections/{info['id']}/"

    broken = TaxiiClient(user=USER, password=PASSWORD, transport=_FailAfter(2))
    with broken, pytest.raises(TaxiiError, match="connection lost"):
        poll_once(store, broken, url, limit=10)
    first_cursor = get_cursor(store, url)
    assert first_cursor is not None, "the first two pages were kept and the resume point saved"

    with TaxiiClient(user=USER, password=PASSWORD) as client:
        rest = poll_once(store, client, url, limit=10)
    assert rest.started_after == first_cursor
    assert 0 < rest.objects < len(_all(medallion, root, info["id"]))
    assert _matched(store) == {a.id for a in world.personas()}

    new = {
        "type": "indicator",
        "spec_version": "2.1",
        "id": "indicator--0b5a3c2e-9d3f-4f5e-8a1b-2c3d4e5f6a7b",
        "created": "2026-03-02T00:00:00.000Z",
        "modified": "2026-03-02T00:00:00.000Z",
        "pattern": "[user-account:display_name = 'Brian Oduya']",
        "pattern_type": "stix",
        "valid_from": "2026-03-02T00:00:00Z",
        "confidence": 90,
    }
    posted = httpx.post(
        f"{url}objects/",
        content=json.dumps({"objects": [new]}),
        headers={"Content-Type": MEDIA_TYPE, "Accept": MEDIA_TYPE},
        auth=(USER, PASSWORD),
    )
    assert posted.status_code == 202, posted.text
    with TaxiiClient(user=USER, password=PASSWORD) as client:
        again = poll_once(store, client, url, limit=10)
    assert again.objects == 1 and again.new == 1
    assert "g2" in _matched(store), "the new indicator was retro-matched"
    store.close()


def _all(base: str, root: str, collection: str) -> list[dict[str, Any]]:
    with TaxiiClient(user=USER, password=PASSWORD) as client:
        return [o for p in client.pages(f"{root}collections/{collection}/") for o in p.objects]


def test_bad_credentials_are_reported(medallion: str) -> None:
    with TaxiiClient(user=USER, password="wrong") as client, pytest.raises(TaxiiError, match="401"):
        client.discovery(f"{medallion}/taxii2/")


def _our_server_store(tmp_path: Path) -> tuple[Store, str, str]:
    store = _fresh(tmp_path, "server")
    world.platform(store, with_labels=True)
    red = make_indicator(
        "email", "handler@secret.example", "unmask-review", world.T0, tlp="red", campaign=None
    )
    world.put(store, [red])
    partner, _ = create_user(store, "partner-b", "partner", PASSWORD)
    analyst, _ = create_user(store, "analyst-x", "analyst", PASSWORD)
    return store, create_token(store, partner), create_token(store, analyst)


def test_our_server_with_our_client(tmp_path: Path) -> None:
    store, token, analyst_token = _our_server_store(tmp_path)
    with live_server(store) as base:
        assert httpx.get(f"{base}/taxii2/").status_code == 401
        with TaxiiClient(token=analyst_token) as client, pytest.raises(TaxiiError, match="403"):
            client.discovery(f"{base}/taxii2/")
        with TaxiiClient(token=token) as client:
            (root,) = client.api_roots(f"{base}/taxii2/")
            ids = {c["id"] for c in client.collections(root)}
            assert ids == {CAMPAIGNS, INDICATORS}
            pages = list(client.pages(f"{root}collections/{CAMPAIGNS}/", limit=5))
            everything = list(client.pages(f"{root}collections/{INDICATORS}/"))
        assert len(pages) > 1 and all(len(p.objects) <= 5 for p in pages)
        served = [o for p in pages for o in p.objects] + [o for p in everything for o in p.objects]
        assert "handler@secret.example" not in json.dumps(served), "TLP:RED never leaves"
        assert {o["type"] for o in served} >= {"campaign", "indicator", "attack-pattern"}

        theirs = _fresh(tmp_path, "partner")
        world.platform(theirs, with_labels=False)
        with TaxiiClient(token=token) as client:
            done = poll_once(theirs, client, f"{root}collections/{CAMPAIGNS}/", limit=7)
            assert done.pages > 1
            assert poll_once(theirs, client, f"{root}collections/{CAMPAIGNS}/").objects == 0
        assert _matched(theirs) == {a.id for a in world.personas()}
        with theirs.connect() as conn:
            table = RECORD_TABLES["indicator"]
            values = set(conn.execute(select(table.c.value)).scalars())
        assert "handler@secret.example" not in values
        theirs.close()
    store.close()
