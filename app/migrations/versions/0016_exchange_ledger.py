"""The exchange ledger: packages sent and received, and the dossiers in them (issue #17).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06

Two new, empty tables; their rows are written through the ORM and logged like every other
table's, so no audit snapshot is needed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "exchange_package",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("sender_code", sa.String(length=40), nullable=False),
        sa.Column("sender_name", sa.String(length=300), nullable=False),
        sa.Column("recipient_code", sa.String(length=40), nullable=False),
        sa.Column("recipient_name", sa.String(length=300), nullable=False),
        sa.Column("package_time", sa.DateTime(), nullable=False),
        sa.Column("handled_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("file_name", sa.String(length=300), nullable=False),
        sa.Column("manifest", sa.Text(), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
        sa.Column("records", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "direction IN ('sent', 'received')", name=op.f("ck_exchange_package_direction_known")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_package")),
    )
    op.create_index(op.f("ix_exchange_package_digest"), "exchange_package", ["digest"], unique=False)
    op.create_table(
        "exchange_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("package_id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=120), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["package_id"],
            ["exchange_package.id"],
            name=op.f("fk_exchange_item_package_id_exchange_package"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_exchange_item_nomination_id_nomination"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exchange_item")),
    )
    op.create_index(op.f("ix_exchange_item_package_id"), "exchange_item", ["package_id"], unique=False)
    op.create_index(op.f("ix_exchange_item_ref"), "exchange_item", ["ref"], unique=False)
    op.create_index(op.f("ix_exchange_item_nomination_id"), "exchange_item", ["nomination_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_exchange_item_nomination_id"), table_name="exchange_item")
    op.drop_index(op.f("ix_exchange_item_ref"), table_name="exchange_item")
    op.drop_index(op.f("ix_exchange_item_package_id"), table_name="exchange_item")
    op.drop_table("exchange_item")
    op.drop_index(op.f("ix_exchange_package_digest"), table_name="exchange_package")
    op.drop_table("exchange_package")
