"""Certificate prints: the log of every certificate printed, with its signed payload.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_print",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("book_code", sa.String(length=32), nullable=False),
        sa.Column("register_number", sa.Integer(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("reprint", sa.Boolean(), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.CheckConstraint("register_number > 0", name=op.f("ck_certificate_print_number_positive")),
        sa.CheckConstraint("mode IN ('full', 'blank')", name=op.f("ck_certificate_print_mode_known")),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_certificate_print_nomination_id_nomination"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_print")),
    )
    op.create_index("ix_certificate_print_nomination", "certificate_print", ["nomination_id", "id"])
    op.create_index("ix_certificate_print_book_number", "certificate_print", ["book_code", "register_number"])


def downgrade() -> None:
    op.drop_index("ix_certificate_print_book_number", table_name="certificate_print")
    op.drop_index("ix_certificate_print_nomination", table_name="certificate_print")
    op.drop_table("certificate_print")
