"""What a shared database server adds, tried on both backends: ids after bulk imports, the command
line on a URL, tamper evidence when the guard is lifted, a clear message when a writer waits too long."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import factories as f
import pytest
from sqlalchemy import func, select, text
from test_excel_support import write_xlsx

from app.audit import log as audit
from app.cli import main
from app.errors import DatabaseError
from app.excel.importer import run_import
from app.model import Gender, Unit
from app.opening import open_database
from app.services.persons import PersonInput, create_person
from app.services.units import UnitInput, create_unit
from app.storage import db as dbmod
from app.storage.db import Database, create_db_engine

db = f.db


def test_ids_given_by_a_bulk_import_are_not_handed_out_again(db: Database, tmp_path: Path) -> None:
    # given 50 persons imported in bulk (their ids given by the import, not one INSERT each)
    unit = create_unit(db, UnitInput(code="SNV", name="Sở Nội vụ"))
    head = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]
    rows = [
        ["SNV", f"Lê Văn {chr(65 + i % 26)}{i}", "Nam", dt.date(1980, 1, 1), f"{i:012d}", ""]
        for i in range(50)
    ]
    report = run_import(db, "persons", write_xlsx(tmp_path / "p.xlsx", [head, *rows]), dry_run=False)
    assert report.committed and report.inserted == 50
    # when a clerk then adds one by hand, it gets a new id (PostgreSQL: the sequence moved on)
    person = create_person(db, PersonInput(unit_id=unit.id, full_name="Trần Thị Mai", gender=Gender.FEMALE,
                                           start_date=dt.date(2020, 1, 1)))  # fmt: skip
    assert person.id == 51


def test_the_command_line_works_on_the_url_of_the_database(db: Database, db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    assert main(["--db", db_url, "info"]) == 0
    out = capsys.readouterr().out
    assert "Đơn vị: 1" in out and "thidua-test" not in out  # the password is not printed
    assert main(["--db", db_url, "audit", "verify"]) == 0


def test_audit_verify_names_an_entry_edited_behind_the_guard(db: Database) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    for name in ("Lê Văn A", "Lê Văn B"):
        create_person(
            db,
            PersonInput(unit_id=unit.id, gender=Gender.MALE, full_name=name, start_date=dt.date(2020, 1, 1)),
        )
    assert audit.verify(db).ok
    # someone with the owner's rights lifts the append-only guard and edits a value
    guard_off = (
        ["DROP TRIGGER audit_entry_no_update"] if db.is_sqlite
        else ["ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only"]
    )  # fmt: skip
    with db.engine.begin() as conn:
        target = conn.scalar(text("SELECT max(id) FROM audit_entry WHERE entity = 'person'"))
        for sql in guard_off:
            conn.execute(text(sql))
        conn.execute(text("UPDATE audit_entry SET changes = replace(changes, 'Lê Văn B', 'Lê Văn X') WHERE id = :i"),
                     {"i": target})  # fmt: skip
    report = audit.verify(db)
    assert report.broken_at == target and "đã bị sửa" in report.problem


def test_a_writer_kept_waiting_too_long_gets_a_clear_message(db: Database, db_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(dbmod, "WRITER_WAIT_S", 1)
    monkeypatch.setattr(dbmod, "BUSY_TIMEOUT_S", 1.0)
    other = open_database(db_url, sync_catalogue=False)
    holding, release = threading.Event(), threading.Event()

    def long_save() -> None:  # another user's save that takes a while
        with db.write() as session:  # holds the write lock (SQLite) or the writers' lock (PostgreSQL)
            session.execute(text("UPDATE meta SET value = value WHERE key = 'none'"))
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=long_save)
    worker.start()
    try:
        assert holding.wait(10)
        with pytest.raises(DatabaseError) as caught:
            create_unit(other, UnitInput(code="STC", name="Sở Tài chính"))
        expected = (
            "đang bị khóa bởi một chương trình khác"
            if db.is_sqlite
            else "đang bận ghi dữ liệu của người dùng khác"
        )
        assert expected in caught.value.message
    finally:
        release.set()
        worker.join()
        other.dispose()
    assert create_unit(db, UnitInput(code="STC", name="Sở Tài chính")).id > 0  # nothing was half-written


def test_a_reading_sees_one_snapshot_while_another_clerk_saves(db: Database, db_url: str) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    other = open_database(db_url, sync_catalogue=False)
    try:
        with db.read() as session:
            before = session.scalar(select(func.count()).select_from(Unit))
            create_unit(other, UnitInput(code="SXD", name="Sở Xây dựng"))  # committed meanwhile
            during = session.scalar(select(func.count()).select_from(Unit))
        assert before == during == 1
        with db.read() as session:
            assert session.scalar(select(func.count()).select_from(Unit)) == 2
    finally:
        other.dispose()


def test_the_password_of_a_server_url_is_never_shown() -> None:
    shown = Database(
        url="x", engine=create_db_engine("postgresql+psycopg://thu_ky:mat-khau@may-chu:5432/thidua")
    ).shown_url
    assert shown == "postgresql+psycopg://thu_ky:***@may-chu:5432/thidua"
