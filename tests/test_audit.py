"""The audit log: every change recorded with old and new values, append-only, tamper-evident."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.audit import log as audit
from app.auth import Actor
from app.cli import main
from app.model import AuditEntry, Gender, UserRole
from app.services import nominations as N
from app.services.catalogue import list_awards
from app.services.persons import PersonInput, create_person, update_person
from app.services.units import UnitInput, create_unit, delete_unit


def _entries(db, entity: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def test_changes_are_recorded_with_who_what_old_and_new(db) -> None:
    db.actor = Actor("chuyenvien.stc", UserRole.ADMIN)
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    person = create_person(db, PersonInput(unit_id=unit.id, gender=Gender.FEMALE, full_name="Lê Thị Hoa"))
    update_person(db, person.id, PersonInput(unit_id=unit.id, gender=Gender.FEMALE, full_name="Lê Thị Hòa"))
    [created, updated] = _entries(db, "person")
    assert (created.action, created.actor, created.entity_id) == ("insert", "chuyenvien.stc", person.id)
    assert json.loads(created.changes)["full_name"] == [None, "Lê Thị Hoa"]
    assert updated.action == "update"
    assert json.loads(updated.changes)["full_name"] == ["Lê Thị Hoa", "Lê Thị Hòa"]
    other = create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))
    delete_unit(db, other.id)
    deleted = _entries(db, "unit")[-1]
    assert deleted.action == "delete" and json.loads(deleted.changes)["code"] == ["SXD", None]


def test_workflow_steps_and_their_reasons_are_in_the_log(db) -> None:
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    person = create_person(db, PersonInput(unit_id=unit.id, gender=Gender.MALE, full_name="Trần Văn Nam"))
    award = next(a.id for a in list_awards(db) if a.code == "LDTT")
    nom = N.create_nomination(db, N.NominationInput(year=2025, award_id=award, person_id=person.id))
    N.submit(db, [nom.id])
    N.return_for_revision(db, [nom.id], "Thiếu báo cáo thành tích")
    statuses = [
        json.loads(e.changes).get("status") for e in _entries(db, "nomination") if e.action == "update"
    ]
    assert ["draft", "submitted"] in statuses and ["submitted", "returned"] in statuses
    reasons = [json.loads(e.changes).get("status_reason") for e in _entries(db, "nomination")]
    assert ["", "Thiếu báo cáo thành tích"] in reasons


def test_the_log_is_append_only(db) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_entry SET actor = 'ke gian'")
    with pytest.raises(Exception, match="append-only"), db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_entry")


def test_verify_names_an_edited_and_a_deleted_entry(db, db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    for name in ("Lê Văn A", "Lê Văn B", "Lê Văn C"):
        create_person(
            db,
            PersonInput(unit_id=unit.id, gender=Gender.MALE, full_name=name, start_date=dt.date(2020, 1, 1)),
        )
    assert audit.verify(db).ok
    db.dispose()
    assert main(["audit", "verify", "--db", str(db_path)]) == 0
    assert "nguyên vẹn" in capsys.readouterr().out

    target = [e for e in _entries(db, "person")][1].id
    with sqlite3.connect(db_path) as conn:  # someone with the file drops the guard and edits a value
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute(
            "UPDATE audit_entry SET changes = replace(changes, 'Lê Văn B', 'Lê Văn X') WHERE id = ?",
            (target,),
        )
    report = audit.verify(db)
    assert report.broken_at == target and "đã bị sửa" in report.problem
    assert main(["audit", "verify", "--db", str(db_path)]) == 2
    assert f"mục {target}" in capsys.readouterr().err

    with sqlite3.connect(db_path) as conn:  # ... or deletes an entry
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute(
            "UPDATE audit_entry SET changes = replace(changes, 'Lê Văn X', 'Lê Văn B') WHERE id = ?",
            (target,),
        )
        conn.execute("DELETE FROM audit_entry WHERE id = ?", (target,))
    report = audit.verify(db)
    assert report.broken_at == target + 1 and "mất mục" in report.problem


def test_append_only_triggers_exist_at_head(db_path: Path) -> None:
    with sqlite3.connect(db_path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"audit_entry_no_update", "audit_entry_no_delete"} <= names


def test_bulk_work_leaves_a_summary_entry_and_the_chain_holds(db, tmp_path: Path) -> None:
    from app.excel.importer import run_import

    create_unit(db, UnitInput(code="SNV", name="Sở Nội vụ"))
    csv_file = tmp_path / "ca-nhan.csv"
    csv_file.write_text(
        "Mã đơn vị,Họ và tên,Giới tính,Ngày sinh,Số CCCD,Chức vụ\n"
        "SNV,Nguyễn Văn An,Nam,05/03/1985,079085001234,Chuyên viên\n"
        "SNV,Trần Thị Bình,Nữ,06/04/1990,079190001235,Kế toán\n",
        encoding="utf-8",
    )
    report = run_import(db, "persons", csv_file, dry_run=False)
    assert report.committed and report.inserted == 2
    [entry] = _entries(db, "persons")
    assert entry.action == "import" and json.loads(entry.changes)["inserted"] == 2
    assert json.loads(entry.changes)["file"] == "ca-nhan.csv"
    assert audit.verify(db).ok
