"""Member alerts for the platform's notification service (role ``service``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request

from unmask.api.deps import PathId, require_role
from unmask.auth import User
from unmask.takeover.persist import acknowledge, alerts_for

router = APIRouter(prefix="/api/v1/member", tags=["member"])
Service = Annotated[User, Depends(require_role("service", "admin"))]


@router.get("/alerts/{account_id}", summary="Account-takeover alerts for one member")
def list_alerts(account_id: str, request: Request, _user: Service) -> dict[str, Any]:
    return {"account": account_id, "alerts": alerts_for(request.app.state.store, account_id)}


@router.post("/alerts/{alert_id}/ack", summary="Mark an alert as delivered")
def ack(alert_id: PathId, request: Request, _user: Service) -> dict[str, Any]:
    if not acknowledge(request.app.state.store, alert_id):
        raise HTTPException(404, f"no alert {alert_id}")
    return {"id": alert_id, "acknowledged": True}
