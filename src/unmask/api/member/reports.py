"""``POST /api/v1/member/reports``: the checker page's report button.

Files a ``Report`` record in the store (the table the review console reads). When the console's
own report intake (``unmask.cases.intake``) is present it should take over this route so that a
report also opens or re-prioritises a case; until then the record is written directly.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from unmask.api.member.ratelimit import limit
from unmask.ingest.validate import content_hash
from unmask.model.enums import ReportReason
from unmask.model.records import Report
from unmask.store import Store, record_row
from unmask.store.schema import RECORD_TABLES

router = APIRouter(prefix="/api/v1/member", tags=["member"])


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reporter: Annotated[str, Field(min_length=1, max_length=200)]
    reported: Annotated[str, Field(min_length=1, max_length=200)]
    reason: ReportReason = ReportReason.SUSPICIOUS_APPROACH
    text: Annotated[str, Field(max_length=5_000)] = ""


def file_member_report(store: Store, body: ReportIn) -> Report:
    if body.reporter == body.reported:
        raise HTTPException(422, "you cannot report your own profile")
    accounts = RECORD_TABLES["account"]
    with store.connect() as conn:
        found = set(
            conn.execute(
                select(accounts.c.key).where(accounts.c.key.in_([body.reporter, body.reported]))
            ).scalars()
        )
    for who, role in ((body.reporter, "reporter"), (body.reported, "reported")):
        if who not in found:
            raise HTTPException(422, f"{role}: no member {who!r} on the platform")
    now = datetime.now(UTC)
    report = Report(
        id=f"rep-{uuid.uuid4().hex[:16]}",
        reporter=body.reporter,
        reported=body.reported,
        created_at=now,
        reason=body.reason,
        text=body.text or "Reported from the profile checker.",
    )
    with store.engine.begin() as conn:
        conn.execute(
            RECORD_TABLES["report"].insert().values(record_row(report, content_hash(report), now))
        )
    return report


@router.post("/reports", status_code=201, summary="Report a profile from the checker")
def report(body: ReportIn, request: Request) -> dict[str, Any]:
    limit(request, "report")
    filed = file_member_report(request.app.state.store, body)
    return {"id": filed.id, "status": "received"}
