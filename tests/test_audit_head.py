"""The audit chain's head recorded outside the database: truncation and file swaps are named."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.audit import head as audit_head
from app.audit import log as audit
from app.cli import main
from app.opening import open_database
from app.services.units import UnitInput, create_unit
from app.storage.backup import make_backup, restore


def _units(db, *codes: str) -> None:  # type: ignore[no-untyped-def]
    for code in codes:
        create_unit(db, UnitInput(code=code, name=f"Đơn vị {code}"))


def _checkpoint(db) -> None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def _delete_last(path: Path, n: int) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_delete")
        conn.execute("DELETE FROM audit_entry WHERE id > (SELECT max(id) FROM audit_entry) - ?", (n,))


def _verify_reopened(path: Path) -> audit.ChainReport:
    """What ``audit verify`` finds in the file at ``path``, opened afresh (no catalogue sync)."""
    reopened = open_database(path, sync_catalogue=False)
    try:
        return audit.verify(reopened)
    finally:
        reopened.dispose()


def test_each_committed_write_records_the_head_outside_the_file(db) -> None:
    _units(db, "A1", "A2")
    with db.read() as s:
        now = audit_head.current(s.connection())
    recorded = audit_head.recorded(audit_head.key_for(db))
    assert recorded == now and recorded.count >= 2
    assert audit_head.head_file(audit_head.key_for(db)).parent == audit_head.heads_dir()
    assert audit.verify(db).ok


def test_deleting_the_last_entries_is_reported(db, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _units(db, "A1", "A2", "A3")
    recorded = audit_head.recorded(audit_head.key_for(db))
    db.dispose()
    _delete_last(db_path, 2)  # the chain left inside the file is still whole
    report = _verify_reopened(db_path)
    assert not report.ok and report.broken_at == recorded.last_id
    assert "mất 2 mục cuối" in report.problem and "cắt bớt" in report.problem
    assert main(["audit", "verify", "--db", str(db_path)]) == 2
    assert "mất 2 mục cuối" in capsys.readouterr().err


def test_truncated_then_written_on_is_still_reported(db, db_path: Path) -> None:
    _units(db, "A1", "A2", "A3")
    recorded = audit_head.recorded(audit_head.key_for(db))
    db.dispose()
    _delete_last(db_path, 2)
    reopened = open_database(db_path, sync_catalogue=False)
    try:
        _units(reopened, "B1", "B2", "B3", "B4")  # more entries than were removed, ids reused
        assert audit_head.recorded(audit_head.key_for(reopened)) == recorded  # evidence kept
        report = audit.verify(reopened)
    finally:
        reopened.dispose()
    assert not report.ok and f"mục {recorded.last_id}" in report.problem


def test_the_file_replaced_by_an_older_copy_is_reported(db, db_path: Path, tmp_path: Path) -> None:
    _units(db, "A1")
    _checkpoint(db)
    old_copy = tmp_path / "old.sqlite3"
    shutil.copyfile(db_path, old_copy)
    _units(db, "A2", "A3")
    db.dispose()
    shutil.copyfile(old_copy, db_path)
    report = _verify_reopened(db_path)
    assert not report.ok and "mất 2 mục cuối" in report.problem


def test_the_file_replaced_by_another_database_is_reported(
    db, db_path: Path, template_db: Path, tmp_path: Path
) -> None:
    _units(db, "A1")
    db.dispose()
    other_path = tmp_path / "other.sqlite3"
    shutil.copyfile(template_db, other_path)
    other = open_database(other_path)
    _units(other, "X1", "X2", "X3", "X4")  # a longer, different chain
    _checkpoint(other)
    other.dispose()
    shutil.copyfile(other_path, db_path)
    report = _verify_reopened(db_path)
    assert not report.ok and "thay bằng một tệp khác" in report.problem


def test_a_restore_from_backup_is_a_deliberate_rollback_not_tampering(db, db_path: Path) -> None:
    _units(db, "A1")
    backup = make_backup(db_path)
    _units(db, "A2", "A3")
    db.dispose()
    kept = restore(backup, db_path)
    assert kept is not None and kept.exists()  # what was replaced stays available
    reopened = open_database(db_path, sync_catalogue=False)
    try:
        assert audit.verify(reopened).ok
        _units(reopened, "A4")
        assert audit.verify(reopened).ok
    finally:
        reopened.dispose()


def test_head_file_is_replaced_atomically_and_never_moves_back(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(audit_head.ENV_DIR, str(tmp_path))
    key = "sqlite:/x.sqlite3"
    audit_head.store(key, audit_head.Head(10, "h10", 10))
    audit_head.store(key, audit_head.Head(7, "h7", 7))  # a slower process with an older head
    assert audit_head.recorded(key) == audit_head.Head(10, "h10", 10)
    audit_head.store(key, audit_head.Head(12, "h12", 12))
    assert audit_head.recorded(key) == audit_head.Head(12, "h12", 12)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".head-")] == []  # no temp left


def test_heads_are_appended_a_torn_line_is_skipped_a_long_file_compacted(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(audit_head.ENV_DIR, str(tmp_path))
    key = "sqlite:/x.sqlite3"
    path = audit_head.head_file(key)
    path.write_text(
        '{"last_id": 3, "last_hash": "h3", "count": 3}', encoding="utf-8"
    )  # one record, no newline
    assert audit_head.recorded(key) == audit_head.Head(3, "h3", 3)
    assert audit_head.advance(key, (3, "h3"), 5, "h5", 2)
    assert audit_head.recorded(key) == audit_head.Head(5, "h5", 5)
    assert not audit_head.advance(key, (3, "h3"), 9, "h9", 4)  # not the recorded head: nothing written
    assert audit_head.recorded(key) == audit_head.Head(5, "h5", 5)

    with path.open("a", encoding="utf-8") as f:
        f.write('\n{"last_id": 7, "last_ha')  # a crash while appending
    assert audit_head.recorded(key) == audit_head.Head(5, "h5", 5)
    audit_head.store(key, audit_head.Head(6, "h6", 6))
    assert audit_head.recorded(key) == audit_head.Head(6, "h6", 6)

    for n in range(7, 7 + audit_head.COMPACT_AT // 40):
        audit_head.store(key, audit_head.Head(n, f"h{n}", n))
    assert path.stat().st_size <= audit_head.COMPACT_AT
    assert audit_head.recorded(key) == audit_head.Head(n, f"h{n}", n)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".head-")] == []
