"""Yearly appraisals (xếp loại hoàn thành nhiệm vụ) and the kind of an initiative (research topics).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

The new column is added with ALTER TABLE … ADD COLUMN, not batch mode: batch mode would copy and
drop ``initiative``, and dropping a table that others reference with ON DELETE CASCADE deletes
their rows while foreign keys are on.
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RATINGS = ("excellent", "good", "completed", "not_completed")


def upgrade() -> None:
    op.create_table(
        "appraisal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("unit_id", sa.Integer(), nullable=True),
        sa.Column(
            "rating",
            sa.Enum(*RATINGS, name="appraisal_rating", native_enum=False, create_constraint=True, length=24),
            nullable=False,
        ),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.CheckConstraint("(person_id IS NULL) <> (unit_id IS NULL)", name=op.f("ck_appraisal_one_subject")),
        sa.CheckConstraint("year BETWEEN 1945 AND 2200", name=op.f("ck_appraisal_year_range")),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_appraisal_person_id_person"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["unit.id"], name=op.f("fk_appraisal_unit_id_unit"), ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appraisal")),
    )
    op.create_index("uq_appraisal_person_year", "appraisal", ["person_id", "year"], unique=True)
    op.create_index("uq_appraisal_unit_year", "appraisal", ["unit_id", "year"], unique=True)

    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "ALTER TABLE initiative ADD COLUMN kind VARCHAR(24) DEFAULT 'initiative' NOT NULL "
            "CONSTRAINT ck_initiative_initiative_kind CHECK (kind IN ('initiative', 'research'))"
        )
    else:
        op.add_column(
            "initiative",
            sa.Column(
                "kind",
                sa.Enum("initiative", "research", name="initiative_kind", native_enum=False, create_constraint=True, length=24),
                server_default="initiative",
                nullable=False,
            ),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE initiative DROP COLUMN kind")
    else:
        op.drop_column("initiative", "kind")
    op.drop_index("uq_appraisal_unit_year", table_name="appraisal")
    op.drop_index("uq_appraisal_person_year", table_name="appraisal")
    op.drop_table("appraisal")
