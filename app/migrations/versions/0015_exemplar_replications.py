"""Exemplars: the period their achievement covers, and where they were replicated (nhân rộng).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

``exemplar`` gains two nullable date columns with ``ALTER TABLE ADD COLUMN`` (no batch copy; its
rows keep NULL, which the audit replay reads as the logged state of a column never written, so
no snapshot is needed: nothing is backfilled). ``exemplar_replication`` is new and empty; its rows
are written through the ORM and logged like every other table's.
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("exemplar", sa.Column("period_from", sa.Date(), nullable=True))
    op.add_column("exemplar", sa.Column("period_to", sa.Date(), nullable=True))
    op.create_table(
        "exemplar_replication",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("exemplar_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("replicated_on", sa.Date(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint(
            "unit_id IS NOT NULL OR place <> ''", name=op.f("ck_exemplar_replication_where_given")
        ),
        sa.CheckConstraint("action <> ''", name=op.f("ck_exemplar_replication_action_not_empty")),
        sa.ForeignKeyConstraint(
            ["exemplar_id"],
            ["exemplar.id"],
            name=op.f("fk_exemplar_replication_exemplar_id_exemplar"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_exemplar_replication_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_exemplar_replication")),
    )
    op.create_index(
        op.f("ix_exemplar_replication_exemplar_id"), "exemplar_replication", ["exemplar_id"], unique=False
    )
    op.create_index(op.f("ix_exemplar_replication_unit_id"), "exemplar_replication", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_exemplar_replication_unit_id"), table_name="exemplar_replication")
    op.drop_index(op.f("ix_exemplar_replication_exemplar_id"), table_name="exemplar_replication")
    op.drop_table("exemplar_replication")
    op.drop_column("exemplar", "period_to")
    op.drop_column("exemplar", "period_from")
