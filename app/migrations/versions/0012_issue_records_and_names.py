"""Certificate issue records (written with the numbering, before the PDF), the name an award was
decided for, and persons' name history.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

Backfill: every code already printed gets its issue record (state ``printed``) from the print log.
An award already decided keeps the name its first certificate was printed with (the print log's
signed payload), or else the nominee's current name: a rename made before this revision no longer
turns a printed code into "KHÔNG KHỚP". Its position and unit as certificates name them are taken
from the current records (nothing older is kept).

``nomination`` gains nullable columns with ``ALTER TABLE ADD COLUMN``: no batch copy of the table,
so its triggers (the name search of 0005) stay in place. The downgrade drops them the same way.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SEP = "\x1f"
_CHUNK = 500


def upgrade() -> None:
    op.create_table(
        "certificate_issue",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nomination_id", sa.Integer(), nullable=False),
        sa.Column("book_code", sa.String(length=32), nullable=False),
        sa.Column("register_number", sa.Integer(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("signature", sa.String(length=100), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("register_number > 0", name=op.f("ck_certificate_issue_number_positive")),
        sa.CheckConstraint("state IN ('issued', 'printed')", name=op.f("ck_certificate_issue_state_known")),
        sa.ForeignKeyConstraint(
            ["nomination_id"],
            ["nomination.id"],
            name=op.f("fk_certificate_issue_nomination_id_nomination"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certificate_issue")),
        sa.UniqueConstraint("nomination_id", "signature", name="uq_certificate_issue_nomination_signature"),
    )
    op.create_index("ix_certificate_issue_book_number", "certificate_issue", ["book_code", "register_number"])
    op.create_table(
        "person_name_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("old_name", sa.String(length=300), nullable=False),
        sa.Column("new_name", sa.String(length=300), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_person_name_history_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_name_history")),
    )
    op.create_index("ix_person_name_history_person_id", "person_name_history", ["person_id"])
    op.add_column("nomination", sa.Column("decided_name", sa.String(length=300), nullable=True))
    op.add_column("nomination", sa.Column("decided_position", sa.String(length=200), nullable=True))
    op.add_column("nomination", sa.Column("decided_unit", sa.Text(), nullable=True))

    op.execute(
        "INSERT INTO certificate_issue (nomination_id, book_code, register_number, payload, signature,"
        " issued_at, issued_by, state, printed_at)"
        " SELECT nomination_id, book_code, register_number, payload, signature, MIN(printed_at), MIN(actor),"
        " 'printed', MAX(printed_at) FROM certificate_print WHERE payload <> '' AND signature <> ''"
        " GROUP BY nomination_id, book_code, register_number, payload, signature"
    )
    conn = op.get_bind()
    first_printed: dict[int, str] = {}
    for nomination_id, payload in conn.execute(
        sa.text("SELECT nomination_id, payload FROM certificate_print WHERE payload <> '' ORDER BY id")
    ):
        parts = payload.split(_SEP)
        if nomination_id not in first_printed and len(parts) == 7 and parts[4]:
            first_printed[nomination_id] = parts[4]
    op.execute(
        "UPDATE nomination SET decided_name = nominee_name"
        " WHERE decision_id IS NOT NULL AND status IN ('approved', 'revoked')"
    )
    rows = [{"id": k, "name": v} for k, v in first_printed.items()]
    update = sa.text("UPDATE nomination SET decided_name = :name WHERE id = :id AND decision_id IS NOT NULL")
    for start in range(0, len(rows), _CHUNK):
        conn.execute(update, rows[start : start + _CHUNK])
    # position and unit as app.model.nominations.nominee_place words them
    places = []
    for nid, person_id, position, unit, parent, collective_parent in conn.execute(
        sa.text(
            "SELECT n.id, n.person_id, p.position, pu.name, pp.name, np.name FROM nomination n"
            " LEFT JOIN person p ON p.id = n.person_id LEFT JOIN unit pu ON pu.id = p.unit_id"
            " LEFT JOIN unit pp ON pp.id = pu.parent_id LEFT JOIN unit nu ON nu.id = n.unit_id"
            " LEFT JOIN unit np ON np.id = nu.parent_id WHERE n.decided_name IS NOT NULL"
        )
    ):
        if person_id is not None:
            place = (position or "", ", ".join(p for p in (unit, parent) if p))
        else:
            place = ("", collective_parent or "")
        places.append({"id": nid, "position": place[0], "unit": place[1]})
    update = sa.text("UPDATE nomination SET decided_position = :position, decided_unit = :unit WHERE id = :id")
    for start in range(0, len(places), _CHUNK):
        conn.execute(update, places[start : start + _CHUNK])


def downgrade() -> None:
    for column in ("decided_unit", "decided_position", "decided_name"):
        if op.get_bind().dialect.name == "sqlite":  # SQLite ≥ 3.35; batch mode would drop the triggers
            op.execute(f"ALTER TABLE nomination DROP COLUMN {column}")
        else:
            op.drop_column("nomination", column)
    op.drop_index("ix_person_name_history_person_id", table_name="person_name_history")
    op.drop_table("person_name_history")
    op.drop_index("ix_certificate_issue_book_number", table_name="certificate_issue")
    op.drop_table("certificate_issue")
