"""Migrations: the schema they build is the model's; down and up again; refusing files not ours."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, Engine, ForeignKeyConstraint, UniqueConstraint, inspect
from sqlalchemy.schema import CreateIndex

from app import migrations
from app.errors import DatabaseError
from app.model import Base
from app.opening import open_database
from app.storage.db import create_db_engine

# SQLite cannot reflect expression indexes (uq_nomination_live_*): they are checked in sqlite_master.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based index"),
    pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index"),
]
EXPRESSION_INDEXES = {"uq_nomination_live_person", "uq_nomination_live_unit"}


@pytest.fixture
def engine(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Engine:
    """A new, empty database on either backend."""
    if backend == "postgresql":
        eng = create_db_engine(request.getfixturevalue("pg_empty_url"))
    else:
        eng = create_db_engine(f"sqlite:///{tmp_path / 'moi.sqlite3'}")
    yield eng
    eng.dispose()


PG_SCHEMA = """
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'
UNION ALL SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal
UNION ALL SELECT conrelid::regclass || '.' || conname, pg_get_constraintdef(oid) FROM pg_constraint
    WHERE connamespace = 'public'::regnamespace
UNION ALL SELECT table_name || '.' || column_name, concat_ws(' ', data_type, character_maximum_length,
    is_nullable, collation_name, column_default) FROM information_schema.columns WHERE table_schema = 'public'
"""


def _schema_sql(engine: Engine) -> dict[str, str]:
    """name → definition of every table, index and trigger, as the database keeps them."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            return {name: sql for name, sql in conn.exec_driver_sql(PG_SCHEMA).all()}
        rows = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
        ).all()
    return {name: sql for name, sql in rows}


def _squash(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip()


def _is_expression(index) -> bool:  # type: ignore[no-untyped-def]
    return any(not hasattr(e, "table") for e in index.expressions)


def test_upgrade_from_empty_builds_exactly_the_models_tables_and_columns(engine: Engine) -> None:
    migrations.upgrade(engine)
    insp = inspect(engine)
    tables = {t for t in insp.get_table_names() if not t.startswith(migrations.SEARCH_INDEX)}
    assert tables == set(Base.metadata.tables) | {"alembic_version"}
    for name, table in Base.metadata.tables.items():
        columns = {c["name"]: c for c in insp.get_columns(name)}
        assert set(columns) == set(table.c.keys()), name
        for column in table.c:
            assert columns[column.name]["nullable"] == column.nullable, f"{name}.{column.name}"
        assert insp.get_pk_constraint(name)["constrained_columns"] == [c.name for c in table.primary_key], (
            name
        )
        assert {fk["name"] for fk in insp.get_foreign_keys(name)} == {
            c.name for c in table.constraints if isinstance(c, ForeignKeyConstraint)
        }, name
        assert {u["name"] for u in insp.get_unique_constraints(name)} == {
            c.name for c in table.constraints if isinstance(c, UniqueConstraint)
        }, name
        assert {c["name"] for c in insp.get_check_constraints(name)} == {
            c.name for c in table.constraints if isinstance(c, CheckConstraint)
        }, name


def test_upgrade_from_empty_builds_every_index_of_the_model(engine: Engine) -> None:
    migrations.upgrade(engine)
    insp = inspect(engine)
    for name, table in Base.metadata.tables.items():
        found = {
            i["name"]: (tuple(i["column_names"]), bool(i["unique"]))
            for i in insp.get_indexes(name)
            # PostgreSQL also lists the indexes behind unique constraints, and expression indexes
            if not i.get("duplicates_constraint") and i["name"] not in EXPRESSION_INDEXES
        }
        expected = {
            i.name: (tuple(c.name for c in i.columns), bool(i.unique))
            for i in table.indexes
            if not _is_expression(i)
        }
        assert found == expected, name


def test_expression_indexes_are_in_sqlite_master_as_the_model_defines_them(engine: Engine) -> None:
    migrations.upgrade(engine)
    stored = _schema_sql(engine)
    expression = {i.name: i for t in Base.metadata.tables.values() for i in t.indexes if _is_expression(i)}
    assert set(expression) == EXPRESSION_INDEXES
    for name, index in expression.items():
        if engine.dialect.name == "sqlite":
            assert _squash(stored[name]) == _squash(str(CreateIndex(index).compile(dialect=engine.dialect)))
            assert "coalesce(campaign_id, 0)" in stored[name] and "WHERE status IN" in stored[name]
        else:  # as PostgreSQL prints it back: unique, partial, on the coalesced campaign
            assert stored[name].startswith(f"CREATE UNIQUE INDEX {name} ON public.nomination")
            assert (
                "COALESCE(campaign_id, 0)" in stored[name] and "WHERE ((status)::text = ANY" in stored[name]
            )


def test_autogenerate_finds_nothing_to_change_after_upgrade(engine: Engine) -> None:
    migrations.upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
        diff = compare_metadata(ctx, Base.metadata)
        assert [
            d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith(migrations.SEARCH_INDEX))
        ] == []


@pytest.mark.sqlite_only  # FTS5; PostgreSQL searches the folded column itself (services.browse)
def test_name_search_index_and_its_triggers_exist_at_head_and_follow_the_table(engine: Engine) -> None:
    migrations.upgrade(engine)
    stored = _schema_sql(engine)
    assert {"nomination_words_ai", "nomination_words_ad", "nomination_words_au"} <= set(stored)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO unit (id, code, name, short_name, level, name_fold, sort_key, active) "
            "VALUES (1, 'STC', 'Sở Tài chính', '', 'department', 'so tai chinh', 'k', TRUE)"
        )
        conn.exec_driver_sql(
            "INSERT INTO award (id, code, name, name_fold, category, target, level, kinds, authority, rank, periodic)"
            " VALUES (1, 'LDTT', 'Lao động tiên tiến', 'lao dong tien tien', 'title', 'individual', 'grassroots',"
            " 'merit', 'unit_head', 10, TRUE)"
        )
        conn.exec_driver_sql(
            "INSERT INTO nomination (id, year, award_id, unit_id, submitting_unit_id, nominee_name, nominee_fold,"
            " nominee_sort, achievement, status, status_reason, version) VALUES (1, 2025, 1, 1, 1, 'Sở Tài chính',"
            " 'so tai chinh', 'k', '', 'draft', '', 1)"
        )

    def hits(word: str) -> list[int]:
        with engine.connect() as conn:
            return [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT rowid FROM nomination_words WHERE nomination_words MATCH ?", (f'"{word}"*',)
                )
            ]

    assert hits("chinh") == [1]
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE nomination SET nominee_fold = 'so xay dung' WHERE id = 1")
    assert hits("chinh") == [] and hits("xay") == [1]
    with engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM nomination WHERE id = 1")
    assert hits("xay") == []


def test_downgrade_to_base_then_upgrade_again_rebuilds_the_same_schema(engine: Engine) -> None:
    migrations.upgrade(engine)
    first = _schema_sql(engine)
    migrations.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    with engine.connect() as conn:
        assert migrations.current(conn) is None
    migrations.upgrade(engine)
    assert {k: _squash(v) for k, v in _schema_sql(engine).items()} == {
        k: _squash(v) for k, v in first.items()
    }
    with engine.connect() as conn:
        assert migrations.current(conn) == migrations.head()


def test_each_revision_in_turn_keeps_the_data(engine: Engine) -> None:
    # given a database at the first revision with a unit, a person and an initiative in it
    migrations.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO unit (id, code, name, short_name, level, name_fold, sort_key, active) "
            "VALUES (1, 'STC', 'Sở Tài chính', '', 'department', 'so tai chinh', 'k', TRUE)"
        )
        conn.exec_driver_sql(
            "INSERT INTO person (id, family_name, middle_name, given_name, full_name, name_fold, given_fold,"
            " sort_key, gender, unit_id, position, version) VALUES (1, 'Lê', 'Thị', 'Lan', 'Lê Thị Lan',"
            " 'le thi lan', 'lan', 'k', 'female', 1, '', 1)"
        )
        conn.exec_driver_sql(
            "INSERT INTO initiative (id, title, title_fold, year, level, recognised_by, recognition_ref, summary)"
            " VALUES (1, 'Số hóa hồ sơ', 'so hoa ho so', 2024, 'grassroots', '', '', '')"
        )
        conn.exec_driver_sql("INSERT INTO initiative_author (initiative_id, person_id) VALUES (1, 1)")
    # when it is brought to the head
    migrations.upgrade(engine)
    # then nothing was lost, the new column has its default and the references still hold
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT full_name FROM person").scalar() == "Lê Thị Lan"
        assert conn.exec_driver_sql("SELECT kind FROM initiative WHERE id = 1").scalar() == "initiative"
        assert conn.exec_driver_sql("SELECT count(*) FROM initiative_author").scalar() == 1
        if engine.dialect.name == "sqlite":  # PostgreSQL never lets a broken reference in
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert migrations.current(conn) == migrations.head()


def test_revisions_form_one_line(engine: Engine) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrations._config())
    revisions = list(script.walk_revisions())
    assert len(script.get_heads()) == 1
    assert sum(1 for r in revisions if r.down_revision is None) == 1
    assert migrations.head() == revisions[0].revision


def _stamp(path: Path, revision: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.close()


def test_database_from_a_newer_app_is_refused_and_left_alone(db_path: Path) -> None:
    _stamp(db_path, "9999_from_the_future")
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(db_path)
    assert "mới hơn" in caught.value.message
    with pytest.raises(DatabaseError, match="mới hơn"):
        open_database(db_path, migrate=False)
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999_from_the_future",)
        ]
    conn.close()


def test_sqlite_file_of_another_program_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "ketoan.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE hoa_don (id INTEGER PRIMARY KEY, tong REAL)")
        conn.execute("INSERT INTO hoa_don VALUES (1, 9.5)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert "không phải cơ sở dữ liệu Sổ Thi đua" in caught.value.message
    assert path.read_bytes() == before
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == [
            "hoa_don"
        ]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()


@pytest.mark.parametrize("size", [100, 4096, 65536])
def test_file_that_is_not_a_database_gives_a_vietnamese_error_and_is_left_byte_identical(
    tmp_path: Path, size: int
) -> None:
    path = tmp_path / "thidua.sqlite3"
    path.write_bytes(b"\x00not sqlite\xff" + os.urandom(size))
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as caught:
        open_database(path)
    assert caught.value.message.startswith("Tệp không phải cơ sở dữ liệu Sổ Thi đua hoặc đã bị hỏng")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thidua.sqlite3"]


def test_open_without_migrating_refuses_a_database_not_at_head(tmp_path: Path) -> None:
    path = tmp_path / "cu.sqlite3"
    eng = create_db_engine(f"sqlite:///{path}")
    migrations.upgrade(eng, "0001")
    eng.dispose()
    with pytest.raises(DatabaseError, match="cần được nâng cấp"):
        open_database(path, migrate=False)
    # opening normally brings it to the head
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert migrations.current(conn) == migrations.head()
    finally:
        db.dispose()
