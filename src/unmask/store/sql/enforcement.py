"""Account states, actions and the notification outbox on SQLAlchemy."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from unmask.model.review import Action, Notification
from unmask.store.review_schema import actions, enforcement, notifications
from unmask.store.sql.cases import _typed


class SqlEnforcement:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def state(self, account_id: str) -> str:
        stmt = select(enforcement.c.state).where(enforcement.c.account_id == account_id)
        found = self.conn.execute(stmt).scalar()
        return str(found) if found else "active"

    def set_state(self, account_id: str, state: str, case_id: int | None) -> None:
        values = {"state": state, "case_id": case_id, "updated_at": datetime.now(UTC)}
        changed = self.conn.execute(
            update(enforcement).where(enforcement.c.account_id == account_id).values(**values)
        ).rowcount
        if changed == 0:
            self.conn.execute(enforcement.insert().values(account_id=account_id, **values))

    def record_action(
        self,
        case_id: int | None,
        decision_id: int | None,
        kind: str,
        subject: str,
        detail: dict[str, Any],
        actor: str,
    ) -> int:
        inserted = self.conn.execute(
            actions.insert().values(
                case_id=case_id,
                decision_id=decision_id,
                kind=kind,
                subject=subject,
                status="done",
                detail=detail,
                actor=actor,
                at=datetime.now(UTC),
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])

    def _actions(self, stmt: Any) -> list[Action]:
        out = []
        for row in self.conn.execute(stmt).mappings():
            data = dict(row) | {"detail": dict(row["detail"] or {})}
            out.append(_typed(Action, data))
        return out

    def last_action(self, subject: str, kind: str) -> Action | None:
        stmt = (
            select(actions)
            .where(actions.c.subject == subject, actions.c.kind == kind)
            .order_by(actions.c.id.desc())
            .limit(1)
        )
        found = self._actions(stmt)
        return found[0] if found else None

    def actions_of(self, case_id: int) -> list[Action]:
        return self._actions(
            select(actions).where(actions.c.case_id == case_id).order_by(actions.c.id)
        )

    def actions_of_kind(self, kind: str) -> list[Action]:
        return self._actions(select(actions).where(actions.c.kind == kind).order_by(actions.c.id))

    def notified(self, about: str) -> set[str]:
        stmt = select(notifications.c.member).where(notifications.c.about == about)
        return {str(m) for m in self.conn.execute(stmt).scalars()}

    def queue_notice(
        self, case_id: int | None, member: str, about: str, channel: str, title: str, body: str
    ) -> int:
        inserted = self.conn.execute(
            notifications.insert().values(
                case_id=case_id,
                member=member,
                about=about,
                channel=channel,
                title=title,
                body=body,
                status="queued",
                created_at=datetime.now(UTC),
            )
        ).inserted_primary_key
        assert inserted is not None
        return int(inserted[0])

    def notices(self, status: str | None = None, about: str | None = None) -> list[Notification]:
        stmt = select(notifications)
        if status is not None:
            stmt = stmt.where(notifications.c.status == status)
        if about is not None:
            stmt = stmt.where(notifications.c.about == about)
        rows = self.conn.execute(stmt.order_by(notifications.c.id)).mappings()
        names = [f.name for f in fields(Notification)]
        return [_typed(Notification, {n: r[n] for n in names}) for r in rows]

    def mark_notice(self, notice_id: int, status: str, error: str | None = None) -> None:
        sent = datetime.now(UTC) if status == "sent" else None
        self.conn.execute(
            update(notifications)
            .where(notifications.c.id == notice_id)
            .values(status=status, error=error, sent_at=sent)
        )
