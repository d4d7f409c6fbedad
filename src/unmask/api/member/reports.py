"""``POST /api/v1/member/reports``: the checker page's report button.

A public, rate-limited route: the member names themselves as ``reporter``. It goes through the same
intake as ``POST /api/v1/reports`` (``unmask.cases.intake.file_report``), so a report from the
checker is stored as a ``Report`` record, audited, and opens or re-prioritises a review case. The
reporter's weight comes from their track record, so a spoofed or careless report counts for little.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.member.ratelimit import limit
from unmask.auth import User
from unmask.cases.intake import file_report
from unmask.model.enums import ReportReason

router = APIRouter(prefix="/api/v1/member", tags=["member"])

#: The actor recorded in the audit log for reports filed from the public checker.
CHECKER = User(id=0, name="member-checker", role="service")


class ReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reporter: Annotated[str, Field(min_length=1, max_length=200)]
    reported: Annotated[str, Field(min_length=1, max_length=200)]
    reason: ReportReason = ReportReason.SUSPICIOUS_APPROACH
    text: Annotated[str, Field(max_length=5_000)] = ""


@router.post("/reports", status_code=201, summary="Report a profile from the checker")
def report(body: ReportIn, request: Request) -> dict[str, Any]:
    limit(request, "report")
    filed = file_report(
        request.app.state.desk,
        CHECKER,
        reporter=body.reporter,
        reported=body.reported,
        reason=body.reason.value,
        text=body.text or "Reported from the profile checker.",
    )
    return {"id": filed.report_id, "status": "received"}
