"""Backups: consistent copies, thinning, restore keeping what it replaces, integrity, migrations."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from app import migrations
from app.cli import main
from app.errors import DatabaseError
from app.opening import open_database
from app.services.units import UnitInput, create_unit, list_units
from app.storage import backup
from app.storage.db import create_db_engine


def _units(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("select code from unit order by code")]


def test_backup_is_a_consistent_copy_while_the_app_holds_the_database(db, db_path: Path) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))  # still in the WAL, not checkpointed
    made = backup.make_backup(db_path)
    assert made.parent == db_path.parent / "backups"
    assert _units(made) == ["STC"]
    assert backup.integrity_ok(made)
    assert not list(made.parent.glob("*.part"))


def test_thinning_keeps_7_days_4_weeks_12_months() -> None:
    now = dt.datetime(2025, 12, 31, 18, 0)
    taken = [now - dt.timedelta(hours=12 * i) for i in range(2 * 400)]  # twice a day for 400 days
    keep = backup.to_keep(taken, now)
    days = {t.date() for t in keep}
    assert all((now.date() - dt.timedelta(days=d)) in days for d in range(7))
    assert len({(t.year, t.month) for t in keep}) == 12
    assert len(keep) <= 7 + 4 + 12
    assert max(taken) in keep
    # one per day kept for the last week: the newest of each day
    assert now.replace(hour=6) not in keep and now in keep


def test_thinning_never_deletes_backups_from_the_future() -> None:
    now = dt.datetime(2025, 6, 1)
    future = dt.datetime(2030, 1, 1)
    assert future in backup.to_keep([future, now], now)


def test_daily_backup_on_close_once_a_day_and_thinned(db, db_path: Path) -> None:
    day = dt.datetime(2025, 3, 5, 17, 0)
    assert backup.backup_if_due(db_path, day) is not None
    assert backup.backup_if_due(db_path, day.replace(hour=18)) is None
    for n in range(1, 40):
        backup.backup_if_due(db_path, day + dt.timedelta(days=n))
    kept = backup.list_backups(backup.backup_dir(db_path), db_path.stem)
    assert len(kept) <= 7 + 4 + 12
    assert kept[0].taken.date() == (day + dt.timedelta(days=39)).date()


def test_restore_keeps_a_copy_of_what_it_replaces(db, db_path: Path) -> None:
    create_unit(db, UnitInput(code="OLD", name="Đơn vị cũ"))
    saved = backup.make_backup(db_path, now=dt.datetime(2025, 1, 1))
    create_unit(db, UnitInput(code="NEW", name="Đơn vị mới"))
    db.dispose()
    kept = backup.restore(saved, db_path, now=dt.datetime(2025, 1, 2))
    assert _units(db_path) == ["OLD"]
    assert kept is not None and _units(kept) == ["NEW", "OLD"]
    reopened = open_database(db_path)
    assert [u.code for u in list_units(reopened)] == ["OLD"]
    reopened.dispose()


def test_a_damaged_backup_is_refused_and_nothing_replaced(db, db_path: Path, tmp_path: Path) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    db.dispose()
    bad = tmp_path / "hong-20250101-000000.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseError, match="bị hỏng"):
        backup.restore(bad, db_path)
    assert db_path.read_bytes() == before


def test_integrity_command_reports_a_damaged_file(tmp_path: Path, db, db_path: Path, capsys) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    db.dispose()
    assert main(["integrity", "--db", str(db_path)]) == 0
    assert "toàn vẹn" in capsys.readouterr().out
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db_path.read_bytes())
    data[page_size * 3 : page_size * 3 + 64] = b"\x00\xff" * 32  # clobber an index/table page
    db_path.write_bytes(bytes(data))
    assert main(["integrity", "--db", str(db_path)]) == 2
    assert "bị hỏng" in capsys.readouterr().err


def test_backup_is_taken_before_a_migration(tmp_path: Path) -> None:
    path = tmp_path / "cu.sqlite3"
    engine = create_db_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, "0001")
    engine.dispose()
    db = open_database(path)
    db.dispose()
    made = backup.list_backups(backup.backup_dir(path), "cu")
    assert len(made) == 1 and made[0].path.name.endswith("-truocnangcap.sqlite3")
    with sqlite3.connect(made[0].path) as conn:
        assert conn.execute("select version_num from alembic_version").fetchone()[0] == "0001"
    # already current: no new backup
    open_database(path).dispose()
    assert len(backup.list_backups(backup.backup_dir(path), "cu")) == 1


def test_backup_command(db, db_path: Path, capsys) -> None:
    db.dispose()
    assert main(["backup", "--db", str(db_path)]) == 0
    assert "Đã sao lưu vào" in capsys.readouterr().out
    assert len(backup.list_backups(backup.backup_dir(db_path))) == 1
