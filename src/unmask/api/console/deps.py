"""Console dependencies: the review desk, the signed-in console user, login redirects."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from unmask.auth import User
from unmask.auth.permissions import allowed, refusal
from unmask.cases.service import Desk
from unmask.cases.sync import sync_cases

CONSOLE_ROLES = frozenset({"analyst", "lead", "admin", "auditor"})


class ConsoleForbiddenError(Exception):
    """A signed-in user whose role has no access to this console page (shown as a page)."""

    def __init__(self, role: str, message: str) -> None:
        self.role, self.message = role, message


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
        raise ConsoleForbiddenError(
            user.role, f"Your role ({user.role}) has no access to this page."
        )
    return user


def partner_user(request: Request) -> User:
    """A signed-in organisation security-team user (permission ``org_view``)."""
    user = getattr(request.state, "user", None)
    if not isinstance(user, User):
        raise LoginRequiredError(request.url.path)
    if not allowed(user.role, "org_view"):
        raise ConsoleForbiddenError(user.role, refusal(user.role, "org_view"))
    return user


PartnerUser = Annotated[User, Depends(partner_user)]


ConsoleUser = Annotated[User, Depends(console_user)]
