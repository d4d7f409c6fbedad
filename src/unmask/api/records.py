"""Read access to the stored records and assessments."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query

from unmask.api.deps import StoreDep, require
from unmask.auth import User
from unmask.formats import record_to_row
from unmask.model.findings import evidence_json
from unmask.model.records import RECORD_TYPES

router = APIRouter(prefix="/api/v1", tags=["records"])
Reader = Annotated[User, Depends(require("read_records"))]


def _kind(kind: str) -> str:
    singular = kind[:-1] if kind.endswith("s") and kind[:-1] in RECORD_TYPES else kind
    if singular not in RECORD_TYPES:
        raise HTTPException(
            404,
            f"unknown record type {kind!r}; known: "
            f"{', '.join(sorted(k + 's' for k in RECORD_TYPES))}",
        )
    return singular


@router.get("/records/{kind}", summary="Page through stored records of one type")
def list_records(
    kind: str,
    store: StoreDep,
    _user: Reader,
    after: Annotated[str | None, Query(description="the last key of the previous page")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    k = _kind(kind)
    with store.unit_of_work() as uow:
        rows = uow.records.page(k, after, limit)
        total = uow.records.count(k)
    items = [record_to_row(r) for r in rows]
    next_after = rows[-1].key() if len(rows) == limit else None
    return {"type": k, "total": total, "items": items, "next_after": next_after}


@router.get("/records/{kind}/{key}", summary="One stored record by its key")
def get_record(kind: str, key: str, store: StoreDep, _user: Reader) -> dict[str, Any]:
    record = store.get(_kind(kind), key)
    if record is None:
        raise HTTPException(404, f"no {kind} with key {key!r}")
    return record_to_row(record)


def latest_scan_id(store: StoreDep) -> int | None:
    with store.unit_of_work() as uow:
        latest = uow.scans.latest()
    return latest.id if latest is not None else None


@router.get("/assessments", summary="Assessments of the latest scan, riskiest first")
def list_assessments(
    store: StoreDep,
    _user: Reader,
    route: Annotated[str | None, Query(pattern="^(auto_restrict|review|none)$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    scan_id = latest_scan_id(store)
    if scan_id is None:
        return {"scan_id": None, "items": []}
    with store.unit_of_work() as uow:
        found = uow.scans.assessments(scan_id, routes=(route,) if route else None, limit=limit)
    items = [{"scan_id": scan_id, **asdict(a)} for a in found]
    return {"scan_id": scan_id, "items": items}


@router.get("/accounts/{account_id}/findings", summary="Every finding of the latest scan")
def account_findings(account_id: str, store: StoreDep, _user: Reader) -> dict[str, Any]:
    scan_id = latest_scan_id(store)
    with store.unit_of_work() as uow:
        found = uow.scans.findings(scan_id, account_id) if scan_id is not None else []
    items = [
        {"scan_id": scan_id, **asdict(f), "evidence": evidence_json(f)}
        for f in sorted(found, key=lambda f: f.detector)
    ]
    if not items and store.get("account", account_id) is None:
        raise HTTPException(404, f"no account {account_id!r}")
    return {"scan_id": scan_id, "account": account_id, "findings": items}
