"""Opening a database: URL resolution, SQLite safety at connect, sessions that commit or roll back whole."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import factories as f
import pytest
from sqlalchemy import func, inspect, select, text

import app.storage.db as app_db
from app.errors import DatabaseError, DomainError
from app.model import Meta, Unit
from app.opening import open_database
from app.services.units import UnitInput, create_unit, list_units
from app.storage.db import Database, resolve_url, translate_db_errors

db = f.db  # the template copy already holds the catalogue: do not re-read it per test


def _units(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(Unit))


# --- where the database is ---------------------------------------------------------------------------


def test_a_path_becomes_an_absolute_sqlite_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_url("so/thidua.sqlite3") == f"sqlite:///{tmp_path / 'so' / 'thidua.sqlite3'}"


def test_a_url_is_used_as_given() -> None:
    assert resolve_url("postgresql+psycopg://u@may-chu/thidua") == "postgresql+psycopg://u@may-chu/thidua"


def test_the_environment_names_the_database_when_none_is_given(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(app_db.ENV_DB, str(tmp_path / "tu-bien.sqlite3"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'tu-bien.sqlite3'}"
    monkeypatch.delenv(app_db.ENV_DB)
    assert resolve_url(None).endswith("thidua.sqlite3")


def test_opening_creates_missing_folders_and_a_migrated_database(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "thidua.sqlite3"
    db = open_database(path)
    try:
        assert db.path == path and db.is_sqlite
        assert "nomination" in inspect(db.engine).get_table_names()
        with db.read() as session:
            assert session.get(Meta, "catalogue_digest") is not None
    finally:
        db.dispose()


def test_reopening_an_up_to_date_database_changes_nothing(db_path: Path) -> None:
    before = db_path.read_bytes()
    db = open_database(db_path)
    db.dispose()
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


# --- connection safety ------------------------------------------------------------------------------------


@pytest.mark.sqlite_only
def test_every_pooled_connection_gets_the_safety_pragmas(db: Database) -> None:
    conns = [db.engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            pragmas = {
                name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
                for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
            assert pragmas == {
                "foreign_keys": 1,
                "journal_mode": "wal",
                "synchronous": 2,
                "busy_timeout": 5000,
            }
            conn.rollback()
    finally:
        for conn in conns:
            conn.close()


def test_ddl_in_a_failed_write_is_rolled_back_with_it(db: Database) -> None:
    # Python's sqlite3 would have committed the CREATE TABLE on its own
    with pytest.raises(RuntimeError), db.write() as session:
        session.execute(text("CREATE TABLE nhap (x INTEGER)"))
        session.execute(text("INSERT INTO nhap VALUES (1)"))
        raise RuntimeError("hỏng giữa chừng")
    assert "nhap" not in inspect(db.engine).get_table_names()


def test_a_refused_write_leaves_nothing_behind(db: Database) -> None:
    before = f.dump(db)
    with pytest.raises(DomainError), db.write() as session:
        session.add(Unit(code="STC", name="Sở Tài chính", level="department", name_fold="x", sort_key="x"))
        session.flush()
        raise DomainError("Từ chối sau khi đã ghi tạm")
    assert f.dump(db) == before


def test_nothing_done_in_a_read_session_is_written(db: Database) -> None:
    with (
        pytest.raises(RuntimeError, match="Phiên đọc không được ghi"),
        db.read() as session,
    ):  # refused loudly
        session.add(Meta(key="lac", value="không được ghi"))
        session.flush()
    with db.read() as session:
        assert session.get(Meta, "lac") is None


def test_rows_read_stay_usable_after_the_read_session(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    (unit,) = list_units(db)
    assert (unit.code, unit.name, unit.name_fold) == ("STC", "Sở Tài chính", "so tai chinh")


def test_a_unique_clash_in_the_database_becomes_a_vietnamese_domain_error(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with pytest.raises(DomainError) as caught, db.write() as session:
        session.add(Unit(code="STC", name="Sở khác", level="department", name_fold="x", sort_key="x"))
    assert caught.value.message == "Dữ liệu bị trùng với một bản ghi đã có."
    assert _units(db) == 1


# --- locks, full disks, damaged files --------------------------------------------------------------------


def test_a_database_locked_by_another_program_gives_a_vietnamese_message(db_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(app_db, "BUSY_TIMEOUT_S", 0.2)
    db = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(DatabaseError) as caught:
            create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        assert "đang bị khóa bởi một chương trình khác" in caught.value.message
        other.execute("ROLLBACK")
        create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        assert _units(db) == 1
    finally:
        other.close()
        db.dispose()


@pytest.mark.sqlite_only  # SQLite's max_page_count stands in for the full disk
def test_a_full_disk_gives_a_vietnamese_message_and_keeps_the_data(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    before = f.dump(db)
    with pytest.raises(DatabaseError) as caught, db.write() as session:
        pages = session.execute(text("PRAGMA page_count")).scalar()
        session.execute(text(f"PRAGMA max_page_count = {pages}"))  # this connection may not grow the file
        for i in range(500):
            session.add(Meta(key=f"k{i}", value="x" * 2000))
            session.flush()
    db.engine.dispose()  # drop the connection that carries the limit
    assert caught.value.message == "Không ghi được: ổ đĩa đã đầy. Không có dữ liệu nào bị mất."
    assert f.dump(db) == before


def test_driver_errors_outside_a_session_are_translated_too(db: Database) -> None:
    detail = "no such table: khong_co" if db.is_sqlite else 'relation "khong_co" does not exist'
    with (
        pytest.raises(DatabaseError, match=f"Lỗi cơ sở dữ liệu: {detail}"),
        translate_db_errors(),
        db.engine.connect() as conn,
    ):
        conn.exec_driver_sql("SELECT * FROM khong_co")


@pytest.mark.parametrize(
    ("detail", "expected"),
    [
        ("database is locked", "đang bị khóa"),
        ("file is not a database", "không phải cơ sở dữ liệu Sổ Thi đua hoặc đã bị hỏng"),
        ("database disk image is malformed", "đã bị hỏng"),
        ("attempt to write a readonly database", "chỉ cho phép đọc"),
        ("database or disk is full", "ổ đĩa đã đầy"),
        ("unable to open database file", "Không mở được tệp"),
    ],
)
def test_operational_errors_read_in_vietnamese(detail: str, expected: str) -> None:
    assert expected in app_db._operational_message(detail)


# --- several writers on one file -------------------------------------------------------------------------


def test_concurrent_writers_that_read_first_do_not_fail_with_busy(db: Database, db_path: Path) -> None:
    # create_unit reads (is the code free?) then writes: a deferred transaction would fail here
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def work(worker: int) -> None:
        mine = open_database(db_path)
        try:
            start.wait()
            for i in range(8):
                create_unit(mine, UnitInput(code=f"T{worker}-{i}", name=f"Đơn vị {worker}.{i}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            mine.dispose()

    threads = [threading.Thread(target=work, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert _units(db) == 32


def test_a_database_on_a_network_share_is_refused(tmp_path, monkeypatch) -> None:
    import pytest as _pytest

    from app.errors import DatabaseError
    from app.storage import db as dbmod

    assert dbmod.on_network_share(Path("//maychu/chung/thidua.sqlite3"))
    assert not dbmod.on_network_share(tmp_path / "thidua.sqlite3")
    monkeypatch.setattr(dbmod, "on_network_share", lambda path: True)
    with _pytest.raises(DatabaseError, match="ổ mạng"):
        open_database(tmp_path / "x.sqlite3")
    assert not (tmp_path / "x.sqlite3").exists()
