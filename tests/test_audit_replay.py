"""Issue #14, finding 1: data edited behind the application's back is named by ``audit verify``.

The log is replayed against the data: each row must hold what its last entry says. The attacks
of the issue are made with raw ``sqlite3`` on a closed file; the replay itself is also exercised
on PostgreSQL, with SQL sent through the engine (no ORM, so no audit entry).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import factories
import pytest
from sqlalchemy import text

from app.audit import head as audit_head
from app.audit import log as audit
from app.audit.replay import Finding, replay_database
from app.cli import main
from app.model import UserRole
from app.opening import open_database
from app.services import accounts as A
from app.services.persons import PersonInput, update_person
from app.services.registers import assign_numbers, create_book
from app.storage.db import Database

db = factories.db


def _book(db: Database) -> dict[str, int]:
    """A small book: an admin and the clerk canbo.stc of Sở Tài chính, a person with an award
    voted and granted by a decision and numbered in a register (a Core write), the person then
    renamed (a Core update of the nominations' nominee keys)."""
    A.create_account(db, A.AccountInput("quantri", UserRole.ADMIN, "Quản trị"), "quantri2025")
    A.login(db, "quantri", "quantri2025")
    unit = factories.unit(db, "Sở Tài chính", code="STC")
    A.create_account(db, A.AccountInput("canbo.stc", UserRole.CLERK, "Cán bộ", unit.id), "canbo2025")
    person = factories.person(db, unit.id, "Lê Văn Năm")
    decision = factories.decision(db, number="7/QĐ-UBND")
    nom = factories.approved(db, "LDTT", person_id=person.id, decision_id=decision.id)
    book = create_book(db, "KT2025", "Sổ khen thưởng 2025")
    assign_numbers(db, book.id, [nom])
    update_person(db, person.id, PersonInput(unit_id=unit.id, full_name="Lê Văn Nam", gender=person.gender))
    spare = factories.unit(db, "Sở Xây dựng", code="SXD")
    return {"nomination": nom, "decision": decision.id, "unit": unit.id, "spare": spare.id}


def _found(findings: list[Finding]) -> set[tuple[str, str, object, str]]:
    return {(f.kind, f.table, f.key, f.column) for f in findings}


def test_a_book_written_through_the_app_replays_clean(db: Database) -> None:
    _book(db)
    report = replay_database(db)
    assert report.ok, [str(f) for f in report.findings]
    assert report.rows > 0 and report.entries > 0 and report.partial == {}


def test_rows_changed_without_the_app_are_named_on_every_backend(db: Database) -> None:
    ids = _book(db)
    with db.engine.begin() as conn:  # SQL past the ORM: no audit entry, as with sqlite3 or psql
        conn.execute(
            text("UPDATE nomination SET votes_for = votes_for - 2 WHERE id = :i"), {"i": ids["nomination"]}
        )
        conn.execute(
            text("UPDATE decision SET number_text = '8/QĐ-UBND' WHERE id = :i"), {"i": ids["decision"]}
        )
        conn.execute(
            text("UPDATE user_account SET role = 'admin', unit_id = NULL WHERE username = 'canbo.stc'")
        )
        conn.execute(text("UPDATE user_account SET password_hash = 'x' WHERE username = 'quantri'"))
        conn.execute(text(
            "INSERT INTO unit (code, name, short_name, level, name_fold, sort_key, active) "
            "VALUES ('MA', 'Đơn vị ma', '', 'department', 'don vi ma', 'x', true)"
        ))  # fmt: skip
        conn.execute(
            text("DELETE FROM unit WHERE id = :i"), {"i": ids["spare"]}
        )  # (after: SQLite reuses a last id)
        ghost = conn.execute(text("SELECT id FROM unit WHERE code = 'MA'")).scalar_one()
        clerk = conn.execute(text("SELECT id FROM user_account WHERE username = 'canbo.stc'")).scalar_one()
        admin = conn.execute(text("SELECT id FROM user_account WHERE username = 'quantri'")).scalar_one()
    report = replay_database(db)
    found = _found(report.findings)
    assert found == {
        ("differs", "nomination", ids["nomination"], "votes_for"),
        ("differs", "decision", ids["decision"], "number_text"),
        ("differs", "user_account", clerk, "role"),
        ("differs", "user_account", clerk, "unit_id"),
        ("differs", "user_account", admin, "password_hash.sha256"),
        ("vanished", "unit", ids["spare"], ""),
        ("unlogged", "unit", ghost, ""),
    }
    shown = {str(f) for f in report.findings}
    assert f"bảng user_account, dòng {clerk}, cột role: nhật ký ghi 'clerk', dữ liệu hiện là 'admin'" in shown
    assert (
        f"bảng decision, dòng {ids['decision']}, cột number_text: nhật ký ghi '07/QĐ-UBND', dữ liệu hiện là '8/QĐ-UBND'"
        in shown
    )
    assert not any("$argon2" in s or "'x'" in s for s in shown)  # a password hash is never shown


def test_link_rows_and_rows_of_bulk_jobs_are_in_the_replay(db: Database) -> None:
    ids = _book(db)
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE register_entry SET number = 99 WHERE nomination_id = :i"), {"i": ids["nomination"]}
        )
        conn.execute(
            text("UPDATE nomination SET nominee_name = 'Ai đó' WHERE id = :i"), {"i": ids["nomination"]}
        )
    assert {(f.table, f.column) for f in replay_database(db).findings} == {
        ("register_entry", "number"), ("nomination", "nominee_name"),
    }  # fmt: skip


@pytest.mark.sqlite_only
def test_the_issue_attacks_on_a_closed_file_fail_verify_and_integrity(
    db: Database, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ids = _book(db)
    db.dispose()
    assert main(["audit", "verify", "--db", str(db_path)]) == 0
    capsys.readouterr()
    with sqlite3.connect(db_path) as conn:  # the app closed; the file edited with sqlite3
        conn.execute("UPDATE nomination SET votes_for = votes_for - 3 WHERE id = ?", (ids["nomination"],))
        conn.execute("UPDATE decision SET signer_name = 'Người khác' WHERE id = ?", (ids["decision"],))
        conn.execute("UPDATE user_account SET role='admin', unit_id=NULL WHERE username='canbo.stc'")
    assert main(["audit", "verify", "--db", str(db_path)]) == 2
    out = capsys.readouterr()
    assert f"bảng nomination, dòng {ids['nomination']}, cột votes_for" in out.out
    assert f"bảng decision, dòng {ids['decision']}, cột signer_name" in out.out
    assert "cột role: nhật ký ghi 'clerk', dữ liệu hiện là 'admin'" in out.out
    assert "4 chênh lệch" in out.err
    assert main(["integrity", "--db", str(db_path)]) == 2
    assert "4 chênh lệch" in capsys.readouterr().err


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


@pytest.mark.sqlite_only
def test_a_copy_at_another_path_is_checked_against_the_same_head(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    for code in ("A1", "A2", "A3"):
        factories.unit(db, code=code)
    db.dispose()
    _checkpoint(db_path)
    copy = tmp_path / "elsewhere" / "copy.sqlite3"
    copy.parent.mkdir()
    shutil.copyfile(db_path, copy)
    with sqlite3.connect(copy) as conn:  # the copy's last entries removed (its chain still whole)
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute("DELETE FROM audit_entry WHERE id > (SELECT max(id) FROM audit_entry) - 2")
    reopened = open_database(copy, sync_catalogue=False)
    try:
        report = audit.verify(reopened)
    finally:
        reopened.dispose()
    assert not report.ok and "mất 2 mục cuối" in report.problem


@pytest.mark.sqlite_only
def test_a_head_recorded_under_the_path_is_adopted_by_the_identity(db: Database, db_path: Path) -> None:
    factories.unit(db, code="A1")
    key = audit_head.key_for(db)
    assert key.startswith("book:")
    legacy = audit_head.key_of(db.url)
    audit_head.head_file(key).rename(audit_head.head_file(legacy))  # as an older version kept it
    recorded = audit_head.recorded(legacy)
    assert audit.verify(db).ok
    assert audit_head.recorded(key) == recorded and not audit_head.head_file(legacy).exists()


def test_rows_an_import_inserts_or_merges_replay_clean(db: Database, tmp_path: Path) -> None:
    from app.excel.importer import run_import

    factories.unit(db, "Sở Nội vụ", code="SNV")
    csv_file = tmp_path / "ca-nhan.csv"
    csv_file.write_text(
        "Mã đơn vị,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Chức vụ\n"
        "SNV,Nguyễn Văn An,Nam,05/03/1985,079085001234,Chuyên viên\n"
        "SNV,Trần Thị Bình,Nữ,06/04/1990,079190001235,Kế toán\n",
        encoding="utf-8",
    )
    assert run_import(db, "persons", csv_file, dry_run=False).inserted == 2
    assert replay_database(db).ok
    csv_file.write_text(
        csv_file.read_text(encoding="utf-8").replace("Kế toán", "Kế toán trưởng"), encoding="utf-8"
    )
    assert run_import(db, "persons", csv_file, dry_run=False, on_duplicate="merge").merged == 2
    report = replay_database(db)
    assert report.ok, [str(f) for f in report.findings]
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE posting SET position = 'Giám đốc' WHERE position = 'Kế toán trưởng'"))
    assert {(f.table, f.column) for f in replay_database(db).findings} == {("posting", "position")}


def test_link_rows_of_a_nomination_follow_its_edits_and_its_deletion(db: Database) -> None:
    from app.model import InitiativeLevel
    from app.services import nominations as N
    from app.services.initiatives import InitiativeInput, create_initiative

    unit = factories.unit(db, code="STC")
    person = factories.person(db, unit.id)
    first, second = (
        create_initiative(
            db, InitiativeInput(f"Sáng kiến {n}", 2025, InitiativeLevel.GRASSROOTS, author_ids=(person.id,))
        )
        for n in (1, 2)
    )
    nom = factories.nomination(db, "CSTDCS", person_id=person.id, initiative_ids=(first.id,))
    with db.read() as s:
        version = s.get(N.Nomination, nom.id).version  # type: ignore[union-attr]
    N.update_nomination(
        db, nom.id,
        N.NominationInput(year=2025, award_id=factories.award_id(db, "CSTDCS"), person_id=person.id,
                          initiative_ids=(second.id,)),
        expected_version=version,
    )  # fmt: skip
    assert replay_database(db).ok
    N.delete_nomination(db, nom.id)
    report = replay_database(db)
    assert report.ok, [str(f) for f in report.findings]


@pytest.mark.sqlite_only
def test_an_upgraded_book_gets_a_baseline_and_is_covered_from_then_on(tmp_path: Path) -> None:
    from app import migrations
    from app.storage.db import create_db_engine

    path = tmp_path / "cu.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    try:
        migrations.upgrade(engine, "0008")
        with engine.begin() as conn:  # rows no entry describes: written before full logging
            conn.exec_driver_sql(
                "INSERT INTO unit (id, code, name, short_name, level, name_fold, sort_key, active) "
                "VALUES (1, 'STC', 'Sở Tài chính', '', 'department', 'so tai chinh', 'k', 1)"
            )
            conn.exec_driver_sql(
                "INSERT INTO user_account (username, username_key, full_name, role, unit_id, password_hash, active,"
                " version) VALUES ('canbo.stc', 'canbo.stc', '', 'clerk', 1, 'h', 1, 1)"
            )
        migrations.upgrade(engine)
    finally:
        engine.dispose()
    upgraded = open_database(path, sync_catalogue=False)
    try:
        assert audit.verify(upgraded).ok
        assert replay_database(upgraded).ok
        with upgraded.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE user_account SET role = 'admin', unit_id = NULL")
        assert {(f.table, f.column) for f in replay_database(upgraded).findings} == {
            ("user_account", "role"), ("user_account", "unit_id"),
        }  # fmt: skip
    finally:
        upgraded.dispose()


def test_states_the_database_writes_as_json_are_those_python_writes(db: Database, tmp_path: Path) -> None:
    """The state entries of bulk-written rows come from the database's own JSON (json_array,
    json_build_array) where the types allow it: they parse to what the values read here give."""
    import json

    from app.audit.replay import audited_tables
    from app.excel.importer import run_import

    _book(db)
    factories.unit(db, "Sở Nội vụ", code="SNV")
    csv_file = tmp_path / "ca-nhan.csv"
    csv_file.write_text(
        "Mã đơn vị,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Chức vụ\n"
        'SNV,Nguyễn Văn An,Nam,05/03/1985,079085001234,"Chuyên viên ""chính"" \\ tổ 1"\n'
        "SNV,Trần Thị Bình,Nữ,1990,,\n",
        encoding="utf-8",
    )
    assert run_import(db, "persons", csv_file, dry_run=False).inserted == 2
    by_sql = 0
    with db.read() as session:
        for table in audited_tables():
            dialect = session.connection().dialect
            cols = audit.state_columns(table)
            by_sql += audit._json_array(dialect, cols) is not None
            rows = [json.loads(f"[{c}]") for c in audit.state_chunks(session, table, [])]
            python = [json.loads(f"[{c}]") for c in audit.state_chunks(session, table, [], by_sql=False)]
            assert rows == python, table.name
    assert by_sql >= 2  # person and posting at least
    assert replay_database(db).ok
