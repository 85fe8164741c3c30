"""Local user accounts with roles (clerk, approver, admin); deactivated, never deleted.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30

A database with no account keeps working as before (the system actor); the first account must
be an administrator (app.services.accounts).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "user_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("username_key", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column(
            "role",
            sa.Enum(
                "clerk",
                "approver",
                "admin",
                name="user_role",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("username <> ''", name=op.f("ck_user_account_username_not_empty")),
        sa.CheckConstraint("password_hash <> ''", name=op.f("ck_user_account_password_hash_not_empty")),
        sa.CheckConstraint(
            "role <> 'clerk' OR unit_id IS NOT NULL", name=op.f("ck_user_account_clerk_has_unit")
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_user_account_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_account")),
        sa.UniqueConstraint("username_key", name=op.f("uq_user_account_username_key")),
    )
    op.create_index("ix_user_account_unit_id", "user_account", ["unit_id"])


def downgrade() -> None:
    op.drop_index("ix_user_account_unit_id", table_name="user_account")
    op.drop_table("user_account")
