"""Read access to the stored records and assessments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy import func, select

from unmask.api.deps import StoreDep, require_role
from unmask.auth import User
from unmask.formats import record_to_row
from unmask.model.records import RECORD_TYPES
from unmask.model.schema import columns
from unmask.store.schema import RECORD_TABLES, assessments, findings, scans

router = APIRouter(prefix="/api/v1", tags=["records"])
Reader = Annotated[User, Depends(require_role("analyst", "lead", "admin", "auditor"))]


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
    table, model = RECORD_TABLES[k], RECORD_TYPES[k]
    fields = list(columns(model))
    stmt = select(table.c.key, *(table.c[f] for f in fields)).order_by(table.c.key).limit(limit)
    if after is not None:
        stmt = stmt.where(table.c.key > after)
    with store.connect() as conn:
        rows = conn.execute(stmt).all()
        total = conn.execute(select(func.count()).select_from(table)).scalar_one()
    items = [
        record_to_row(
            model.model_validate(
                {f: v for f, v in zip(fields, row[1:], strict=True) if v is not None}
            )
        )
        for row in rows
    ]
    next_after = rows[-1][0] if len(rows) == limit else None
    return {"type": k, "total": total, "items": items, "next_after": next_after}


@router.get("/records/{kind}/{key}", summary="One stored record by its key")
def get_record(kind: str, key: str, store: StoreDep, _user: Reader) -> dict[str, Any]:
    record = store.get(_kind(kind), key)
    if record is None:
        raise HTTPException(404, f"no {kind} with key {key!r}")
    return record_to_row(record)


def latest_scan_id(store: StoreDep) -> int | None:
    with store.connect() as conn:
        return conn.execute(select(func.max(scans.c.id)).where(scans.c.status == "done")).scalar()


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
    stmt = (
        select(assessments)
        .where(assessments.c.scan_id == scan_id)
        .order_by(assessments.c.risk.desc(), assessments.c.subject)
        .limit(limit)
    )
    if route:
        stmt = stmt.where(assessments.c.route == route)
    with store.connect() as conn:
        items = [dict(r) for r in conn.execute(stmt).mappings()]
    return {"scan_id": scan_id, "items": items}


@router.get("/accounts/{account_id}/findings", summary="Every finding of the latest scan")
def account_findings(account_id: str, store: StoreDep, _user: Reader) -> dict[str, Any]:
    scan_id = latest_scan_id(store)
    stmt = select(findings).where(findings.c.scan_id == scan_id, findings.c.subject == account_id)
    with store.connect() as conn:
        items = [dict(r) for r in conn.execute(stmt.order_by(findings.c.detector)).mappings()]
    if not items and store.get("account", account_id) is None:
        raise HTTPException(404, f"no account {account_id!r}")
    return {"scan_id": scan_id, "account": account_id, "findings": items}
