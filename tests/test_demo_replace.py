"""``thidua demo --force`` never replaces a database with accounts or real data without an
administrator of it logging in and a backup first (issue #14, finding 3). SQLite files only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth import SYSTEM
from app.cli import main
from app.demo.file import _may_replace
from app.errors import DomainError
from app.model import Unit, UserRole
from app.opening import open_database
from app.services.accounts import AccountInput, create_account, login
from app.services.units import UnitInput, create_unit
from app.storage import backup

pytestmark = pytest.mark.sqlite_only  # but the last test, which names both backends


def _real_book(path: Path) -> None:
    db = open_database(path)
    create_account(db, AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    login(db, "quantri", "matkhau-quantri")
    create_account(db, AccountInput("pheduyet", UserRole.APPROVER), "matkhau-pheduyet")
    create_unit(db, UnitInput(code="THAT", name="Đơn vị thật"))
    db.dispose()


def _demo(path: Path, monkeypatch: pytest.MonkeyPatch, user: str | None, password: str = "") -> int:
    if user:
        monkeypatch.setenv("THIDUA_USER", user)
        monkeypatch.setenv("THIDUA_PASSWORD", password)
    else:
        monkeypatch.delenv("THIDUA_USER", raising=False)
    return main(["demo", "--db", str(path), "--force"])


def test_a_real_database_is_replaced_only_by_its_admin_after_a_backup(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    _real_book(db_path)
    before = db_path.read_bytes()

    assert _demo(db_path, monkeypatch, None) != 0
    assert "chỉ quản trị viên" in capsys.readouterr().err
    assert _demo(db_path, monkeypatch, "pheduyet", "matkhau-pheduyet") != 0
    assert _demo(db_path, monkeypatch, "quantri", "sai-mat-khau") != 0
    assert db_path.read_bytes() == before
    assert backup.list_backups(backup.backup_dir(db_path)) == []

    assert _demo(db_path, monkeypatch, "quantri", "matkhau-quantri") == 0
    [kept] = backup.list_backups(backup.backup_dir(db_path), db_path.stem)
    assert kept.path.name.endswith("-truocdulieumau.sqlite3")
    with sqlite3.connect(kept.path) as conn:
        assert conn.execute("SELECT code FROM unit").fetchall() == [("THAT",)]
    with sqlite3.connect(db_path) as conn:
        first = conn.execute(
            "SELECT actor, changes FROM audit_entry WHERE action = 'demo_replace'"
        ).fetchall()
    assert len(first) == 1 and first[0][0] == "quantri" and kept.path.name in first[0][1]


def test_data_without_accounts_is_backed_up_first(db_path: Path) -> None:
    db = open_database(db_path)
    create_unit(db, UnitInput(code="THAT", name="Đơn vị thật"))
    db.dispose()

    replacing = _may_replace(db_path, None)

    assert replacing is not None and replacing[0] == SYSTEM
    assert replacing[1] is not None and replacing[1].name.endswith("-truocdulieumau.sqlite3")


def test_an_empty_database_or_file_is_replaced_as_before(db_path: Path, tmp_path: Path) -> None:
    assert _may_replace(db_path, None) is None  # migrated, catalogue loaded, nothing else
    empty = tmp_path / "trong.sqlite3"
    empty.write_bytes(b"")
    assert _may_replace(empty, None) is None
    assert backup.list_backups(backup.backup_dir(db_path)) == []


def test_a_file_that_is_not_a_book_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "khac.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE so_luong (id INTEGER PRIMARY KEY)")
    before = other.read_bytes()
    with pytest.raises(DomainError, match="không phải cơ sở dữ liệu Sổ Thi đua"):
        _may_replace(other, None)
    assert _demo(other, monkeypatch, None) != 0
    assert other.read_bytes() == before


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
def test_on_either_backend_no_demo_over_a_book_with_accounts_without_a_log_in(
    db, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    create_account(db, AccountInput("quantri", UserRole.ADMIN), "matkhau-quantri")
    login(db, "quantri", "matkhau-quantri")
    create_unit(db, UnitInput(code="THAT", name="Đơn vị thật"))
    monkeypatch.delenv("THIDUA_USER", raising=False)

    assert main(["demo", "--db", db_url, "--force"]) != 0

    with db.read() as session:
        assert list(session.scalars(select(Unit.code))) == ["THAT"]
