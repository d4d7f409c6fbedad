"""member triage: unverified reports from the public report button

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-08 03:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "member_triage",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("reported", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("verified_reporter", sa.String(length=200), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_triage")),
    )
    with op.batch_alter_table("member_triage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_member_triage_reported"), ["reported"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("member_triage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_member_triage_reported"))
    op.drop_table("member_triage")
