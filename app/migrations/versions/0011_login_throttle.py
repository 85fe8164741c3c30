"""Failed log-ins per user name: a growing wait after repeated failures, across processes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

A new table only (no batch copy of an existing one, so no trigger of another table is touched).
Keyed by the NFC case-folded name tried, whether an account has it or not (app.services.accounts).
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "login_throttle",
        sa.Column("username_key", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.CheckConstraint("failures >= 0", name=op.f("ck_login_throttle_failures_not_negative")),
        sa.PrimaryKeyConstraint("username_key", name=op.f("pk_login_throttle")),
    )


def downgrade() -> None:
    op.drop_table("login_throttle")
