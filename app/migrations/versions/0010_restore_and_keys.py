"""Signing keys: every public key that signed this database's certificates, with its dates.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

The current key stays in ``meta`` (``certificate_public_key``) and is copied here as the first
row; a key change retires it (``retired_at``) instead of forgetting it, so certificates printed
with it still verify (app.certificates.signing). Only a new table: no batch copy of any table,
so the audit log's triggers are untouched.
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "signing_key",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint("public_key <> ''", name=op.f("ck_signing_key_public_key_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signing_key")),
        sa.UniqueConstraint("public_key", name=op.f("uq_signing_key_public_key")),
    )
    # The key in use, if any; its first print is the best date known for when it came into use.
    op.execute(
        sa.text(
            "INSERT INTO signing_key (public_key, created_at, retired_at, actor, note) "
            "SELECT value, COALESCE((SELECT min(printed_at) FROM certificate_print), CURRENT_TIMESTAMP), "
            "NULL, '', 'khóa đang dùng khi nâng cấp' FROM meta WHERE key = 'certificate_public_key'"
        )
    )


def downgrade() -> None:
    op.drop_table("signing_key")
