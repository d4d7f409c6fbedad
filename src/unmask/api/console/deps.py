"""Console dependencies: the review desk, the signed-in console user, login redirects."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from unmask.auth import User
from unmask.cases.service import Desk
from unmask.cases.sync import sync_cases

CONSOLE_ROLES = frozenset({"analyst", "lead", "admin", "auditor"})


class LoginRequiredError(Exception):
    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def get_desk(request: Request) -> Desk:
    """The desk, with the queue brought up to date when a newer scan has finished."""
    desk: Desk = request.app.state.desk
    with desk.store.unit_of_work() as uow:
        scan = uow.scans.latest()
    latest = scan.id if scan is not None else None
    if latest is not None and latest != getattr(request.app.state, "synced_scan", None):
        sync_cases(desk)
        request.app.state.synced_scan = latest
    return desk


DeskDep = Annotated[Desk, Depends(get_desk)]


def console_user(request: Request) -> User:
    user = getattr(request.state, "user", None)
    if not isinstance(user, User):
        raise LoginRequiredError(
            request.url.path + (f"?{request.url.query}" if request.url.query else "")
        )
    if user.role not in CONSOLE_ROLES:
        raise HTTPException(403, f"role {user.role!r} has no access to the console")
    return user


ConsoleUser = Annotated[User, Depends(console_user)]
