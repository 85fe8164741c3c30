"""Attachments: scanned signed documents on nominations, decisions and score sheets (issue #17).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06

Two new, empty tables; their rows are written through the ORM and logged like every other
table's (a blob's bytes by their digest), so no audit snapshot is needed.
"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_ONE_OWNER = (
    "(CASE WHEN nomination_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN decision_id IS NULL THEN 0 ELSE 1 END)"
    " + (CASE WHEN bloc_id IS NULL THEN 0 ELSE 1 END) = 1"
)
_WHOLE_SHEET = (
    "(bloc_id IS NULL AND year IS NULL AND period IS NULL AND unit_id IS NULL)"
    " OR (bloc_id IS NOT NULL AND year IS NOT NULL AND period IS NOT NULL AND unit_id IS NOT NULL)"
)


def upgrade() -> None:
    op.create_table(
        "attachment_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("size > 0", name=op.f("ck_attachment_blob_size_positive")),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_attachment_blob")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.Column("bloc_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=True),
        sa.Column(
            "period",
            sa.Enum(
                "h1", "year", name="score_period_kind", native_enum=False, length=24, create_constraint=True
            ),
            nullable=True,
        ),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=40), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.CheckConstraint(_ONE_OWNER, name=op.f("ck_attachment_one_owner")),
        sa.CheckConstraint(_WHOLE_SHEET, name=op.f("ck_attachment_whole_sheet")),
        sa.CheckConstraint("size > 0", name=op.f("ck_attachment_size_positive")),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_attachment_nomination_id_nomination"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["decision.id"],
            name=op.f("fk_attachment_decision_id_decision"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["bloc_id"], ["bloc.id"], name=op.f("fk_attachment_bloc_id_bloc"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["unit_id"], ["unit.id"], name=op.f("fk_attachment_unit_id_unit"), ondelete="RESTRICT"
        ),
        sa.ForeignKeyConstraint(
            ["sha256"],
            ["attachment_blob.sha256"],
            name=op.f("fk_attachment_sha256_attachment_blob"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
    )
    op.create_index("ix_attachment_nomination_id", "attachment", ["nomination_id"], unique=False)
    op.create_index("ix_attachment_decision_id", "attachment", ["decision_id"], unique=False)
    op.create_index(
        "ix_attachment_sheet", "attachment", ["bloc_id", "year", "period", "unit_id"], unique=False
    )
    op.create_index(op.f("ix_attachment_sha256"), "attachment", ["sha256"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_attachment_sha256"), table_name="attachment")
    op.drop_index("ix_attachment_sheet", table_name="attachment")
    op.drop_index("ix_attachment_decision_id", table_name="attachment")
    op.drop_index("ix_attachment_nomination_id", table_name="attachment")
    op.drop_table("attachment")
    op.drop_table("attachment_blob")
