"""Organisations, enrolled staff, security-team users and member alerts on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select, update
from sqlalchemy.exc import IntegrityError

from unmask.model.members import StoredAlert, TriageItem
from unmask.model.review import utc
from unmask.store.interface import ConflictError
from unmask.store.member_schema import member_alerts, member_triage, org_staff, org_users, orgs


class SqlMembers:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add_org(self, org_id: str, name: str) -> None:
        try:
            with self.conn.begin_nested():
                values = {"id": org_id, "name": name, "created_at": datetime.now(UTC)}
                self.conn.execute(orgs.insert().values(**values))
        except IntegrityError:
            raise ConflictError(f"an organisation {org_id!r} already exists") from None

    def org_name(self, org_id: str) -> str | None:
        name = self.conn.execute(select(orgs.c.name).where(orgs.c.id == org_id)).scalar()
        return str(name) if name is not None else None

    def staff(self, org_id: str) -> set[str]:
        stmt = select(org_staff.c.ident_hash).where(org_staff.c.org_id == org_id)
        return {str(h) for h in self.conn.execute(stmt).scalars()}

    def add_staff(self, org_id: str, ident_hashes: Sequence[str]) -> None:
        now = datetime.now(UTC)
        if ident_hashes:
            rows = [{"org_id": org_id, "ident_hash": h, "added_at": now} for h in ident_hashes]
            self.conn.execute(org_staff.insert(), rows)

    def link_user(self, user_id: int, org_id: str) -> None:
        self.conn.execute(org_users.delete().where(org_users.c.user_id == user_id))
        self.conn.execute(org_users.insert().values(user_id=user_id, org_id=org_id))

    def org_of_user(self, user_id: int) -> str | None:
        stmt = select(org_users.c.org_id).where(org_users.c.user_id == user_id)
        value = self.conn.execute(stmt).scalar()
        return str(value) if value is not None else None

    def add_alert(
        self,
        fingerprint: str,
        account_id: str,
        kind: str,
        message: str,
        advice: str,
        created_at: datetime,
    ) -> bool:
        stmt = select(member_alerts.c.id).where(member_alerts.c.fingerprint == fingerprint)
        if self.conn.execute(stmt).first() is not None:
            return False
        self.conn.execute(
            member_alerts.insert().values(
                fingerprint=fingerprint,
                account_id=account_id,
                kind=kind,
                message=message,
                advice=advice,
                created_at=created_at,
                acknowledged=False,
            )
        )
        return True

    def alerts_of(self, account_id: str) -> list[StoredAlert]:
        t = member_alerts
        stmt = select(t).where(t.c.account_id == account_id).order_by(t.c.created_at.desc(), t.c.id)
        return [
            StoredAlert(
                int(r.id),
                r.account_id,
                r.kind,
                r.message,
                r.advice,
                utc(r.created_at) or r.created_at,
                bool(r.acknowledged),
            )
            for r in self.conn.execute(stmt)
        ]

    def add_triage(
        self, reported: str, reason: str, text: str, verified_reporter: str | None, keep: int
    ) -> None:
        t = member_triage
        self.conn.execute(
            t.insert().values(
                reported=reported,
                reason=reason,
                text=text,
                verified_reporter=verified_reporter,
                received_at=datetime.now(UTC),
            )
        )
        newest = self.conn.execute(select(func.max(t.c.id))).scalar_one()
        if newest is not None and newest > keep:
            self.conn.execute(t.delete().where(t.c.id <= newest - keep))

    def triage_count(self, reported: str | None = None) -> int:
        stmt = select(func.count()).select_from(member_triage)
        if reported is not None:
            stmt = stmt.where(member_triage.c.reported == reported)
        return int(self.conn.execute(stmt).scalar_one())

    def triage_items(self, reported: str | None = None, limit: int = 100) -> list[TriageItem]:
        t = member_triage
        stmt = select(t).order_by(t.c.id.desc()).limit(limit)
        if reported is not None:
            stmt = stmt.where(t.c.reported == reported)
        return [
            TriageItem(
                int(r.id),
                r.reported,
                r.reason,
                r.text,
                r.verified_reporter,
                utc(r.received_at) or r.received_at,
            )
            for r in self.conn.execute(stmt)
        ]

    def acknowledge(self, alert_id: int) -> bool:
        stmt = update(member_alerts).where(member_alerts.c.id == alert_id)
        return bool(self.conn.execute(stmt.values(acknowledged=True)).rowcount)
