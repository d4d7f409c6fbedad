"""``POST /api/v1/reports``: a member's report about an account.

Called by the platform (a ``service`` or ``partner`` token, on behalf of the member named in
``reporter``), by the member page, or by staff. Plain JSON in, JSON out; invalid input is a 422
naming the field. In Python, ``unmask.cases.intake.file_report`` does the same.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from unmask.api.console.deps import DeskDep
from unmask.api.deps import require_role
from unmask.auth import User
from unmask.cases.intake import file_report
from unmask.model.enums import ReportReason

router = APIRouter(prefix="/api/v1", tags=["reports"])
Reporter = Annotated[User, Depends(require_role("service", "partner", "analyst", "lead", "admin"))]
Id = Annotated[str, Field(min_length=1, max_length=200)]


class ReportIn(BaseModel):
    """A member report. ``invitation_id`` / ``message_id`` name the approach concerned."""

    model_config = ConfigDict(
        extra="forbid",
        str_strip_whitespace=True,
        json_schema_extra={
            "examples": [
                {
                    "reporter": "m123",
                    "reported": "a987",
                    "reason": "suspicious_approach",
                    "text": "Offered $2,000 for a short report on my team's plans.",
                    "invitation_id": "inv-55",
                }
            ]
        },
    )
    reporter: Id
    reported: Id
    reason: ReportReason
    text: Annotated[str, Field(max_length=5000)] = ""
    invitation_id: Id | None = None
    message_id: Id | None = None


class ReportOut(BaseModel):
    report_id: str
    case_id: int | None
    burst: list[str]
    status: str = "received"


@router.post("/reports", status_code=201, response_model=ReportOut, summary="File a member report")
def create_report(body: ReportIn, desk: DeskDep, user: Reporter) -> dict[str, Any]:
    result = file_report(
        desk,
        user,
        reporter=body.reporter,
        reported=body.reported,
        reason=body.reason.value,
        text=body.text,
        invitation_id=body.invitation_id,
        message_id=body.message_id,
    )
    return asdict(result) | {"burst": list(result.burst)}
