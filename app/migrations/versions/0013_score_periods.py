"""Score periods: criteria tables per bloc, year and period (half-year or year), evidence notes on
scores, and the closing of a bloc's period (issue #15).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

Existing criteria become the year's (``period = 'year'``). On SQLite the criterion table is
rebuilt (its unique constraint changes) from its own stored CREATE TABLE text, edited, rather than
by batch mode, whose order of constraints varies between runs; columns, indexes and triggers other
revisions may have added to it are kept (dropping a table drops its indexes and triggers: they are
made again). The rows that refer to it (``score``'s, and those of any table another revision adds
with a foreign key to ``criterion``) are set aside in temporary tables and put back after the copy
(dropping a referenced table with foreign keys on would fail), and ``PRAGMA foreign_key_check``
must be clean before the migration commits. The audit table is not touched.
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

# SQLite: the criterion table is rebuilt from its own CREATE TABLE text, edited, not by batch mode,
# whose order of constraints varies from run to run (the schema must be the same after every
# upgrade). Editing the stored text keeps what other revisions may have added to the table
# (columns, indexes, triggers); an edit that does not find its anchor stops the migration.
_UQ_OLD = "CONSTRAINT uq_criterion_bloc_year_code UNIQUE (bloc_id, year, code)"
_UQ_NEW = "CONSTRAINT uq_criterion_bloc_year_period_code UNIQUE (bloc_id, year, period, code)"
_CK_NEW = "CONSTRAINT ck_criterion_score_period_kind CHECK (period IN ('h1', 'year'))"
_PERIOD = "period VARCHAR(24) DEFAULT 'year' NOT NULL"
_PK = "CONSTRAINT pk_criterion PRIMARY KEY (id)"
_IX_OLD = (
    "ix_criterion_bloc_year",
    "CREATE INDEX ix_criterion_bloc_year ON criterion (bloc_id, year, position)",
)
_IX_NEW = (
    "ix_criterion_bloc_year_period",
    "CREATE INDEX ix_criterion_bloc_year_period ON criterion (bloc_id, year, period, position)",
)


def _edit(sql: str, old: str, new: str) -> str:
    if sql.count(old) != 1:
        raise RuntimeError(f"migration 0013: criterion's schema has no single {old!r}")
    return sql.replace(old, new)


def _rebuild_criterion_sqlite(*, new: bool) -> None:
    """Copy ``criterion`` into its new (or old) shape; the rows referring to it are set aside meanwhile."""
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'criterion'"
    ).scalar()
    extras = [
        (name, text)
        for name, text in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'criterion' AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name"
        )
    ]
    columns = [r[1] for r in conn.exec_driver_sql("PRAGMA table_info(criterion)")]
    head, _sep, body = str(sql).partition("(")
    if new:
        body = _edit(body, _PK, f"{_PERIOD}, \n\t{_PK}")
        body = _edit(body, _UQ_OLD, f"{_UQ_NEW}, \n\t{_CK_NEW}")
        drop, add = _IX_OLD, _IX_NEW
    else:
        columns.remove("period")
        body = _edit(body, f"{_PERIOD}, \n\t", "")
        body = _edit(body, f"{_UQ_NEW}, \n\t{_CK_NEW}", _UQ_OLD)
        drop, add = _IX_NEW, _IX_OLD
    op.execute("CREATE TABLE _criterion_new (" + body)
    listed = ", ".join(f'"{c}"' for c in columns)
    op.execute(f"INSERT INTO _criterion_new ({listed}) SELECT {listed} FROM criterion")
    op.execute("DROP TABLE criterion")
    op.execute("ALTER TABLE _criterion_new RENAME TO criterion")
    for name, text in extras:  # dropping the table dropped them: made again (triggers included)
        if name != drop[0]:
            op.execute(text)
    op.execute(add[1])


def _period_type() -> sa.Enum:
    return sa.Enum(
        "h1", "year", name="score_period_kind", native_enum=False, create_constraint=True, length=24
    )


def _children() -> list[str]:
    """Tables whose foreign keys refer to ``criterion`` (``score``, and any a later revision adds)."""
    conn = op.get_bind()
    names = [r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [
        n
        for n in names
        if n != "criterion"
        and any(fk[2] == "criterion" for fk in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{n}")'))
    ]


def _set_scores_aside(sqlite: bool) -> list[str]:
    """SQLite: move the rows that refer to ``criterion`` into temporary tables (so the table can be
    dropped with foreign keys on); returns the tables emptied."""
    if not sqlite:
        return []
    children = _children()
    for n in children:
        op.execute(f'CREATE TEMP TABLE "_kept_{n}" AS SELECT * FROM "{n}"')
        op.execute(f'DELETE FROM "{n}"')
    return children


def _put_scores_back(children: list[str]) -> None:
    for n in children:
        op.execute(f'INSERT INTO "{n}" SELECT * FROM "_kept_{n}"')
        op.execute(f'DROP TABLE "_kept_{n}"')
    if children:
        problems = op.get_bind().exec_driver_sql("PRAGMA foreign_key_check").all()
        if problems:
            raise RuntimeError(f"foreign_key_check after migration 0013: {problems[:5]}")


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        kept = _set_scores_aside(sqlite)
        _rebuild_criterion_sqlite(new=True)
        _put_scores_back(kept)
    else:
        op.add_column("criterion", sa.Column("period", _period_type(), server_default="year", nullable=False))
        op.drop_constraint("uq_criterion_bloc_year_code", "criterion", type_="unique")
        op.create_unique_constraint(
            "uq_criterion_bloc_year_period_code", "criterion", ["bloc_id", "year", "period", "code"]
        )
        op.drop_index("ix_criterion_bloc_year", table_name="criterion")
        op.create_index(
            "ix_criterion_bloc_year_period", "criterion", ["bloc_id", "year", "period", "position"]
        )
    op.add_column("score", sa.Column("evidence", sa.Text(), server_default=sa.text("''"), nullable=False))
    op.create_table(
        "score_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bloc_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("period", _period_type(), nullable=False),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.String(length=100), nullable=False),
        sa.Column("reopened_at", sa.DateTime(), nullable=True),
        sa.Column("reopened_by", sa.String(length=100), nullable=False),
        sa.Column("reopen_reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bloc_id"], ["bloc.id"], name=op.f("fk_score_period_bloc_id_bloc"), ondelete="RESTRICT"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_score_period")),
        sa.UniqueConstraint("bloc_id", "year", "period", name="uq_score_period_bloc_year_period"),
    )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.drop_table("score_period")
    with op.batch_alter_table("score", schema=None) as batch_op:
        batch_op.drop_column("evidence")
    # The half-year tables have no place in the old schema: their scores and rows go.
    op.execute("DELETE FROM score WHERE criterion_id IN (SELECT id FROM criterion WHERE period <> 'year')")
    op.execute("DELETE FROM criterion WHERE period <> 'year'")
    if sqlite:
        kept = _set_scores_aside(sqlite)
        _rebuild_criterion_sqlite(new=False)
        _put_scores_back(kept)
    else:
        op.drop_index("ix_criterion_bloc_year_period", table_name="criterion")
        op.create_index("ix_criterion_bloc_year", "criterion", ["bloc_id", "year", "position"])
        op.drop_constraint("uq_criterion_bloc_year_period_code", "criterion", type_="unique")
        op.create_unique_constraint("uq_criterion_bloc_year_code", "criterion", ["bloc_id", "year", "code"])
        op.drop_column("criterion", "period")
