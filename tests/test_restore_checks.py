"""Restore accepts only a Sổ Thi đua database this app can use, guarded by the log-in of an
administrator of the database being replaced (issue #14, finding 2). SQLite files only."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cli import main
from app.model import AuditEntry, UserRole
from app.opening import open_database
from app.services.accounts import AccountInput, create_account, login
from app.services.units import UnitInput, create_unit
from app.storage import backup

pytestmark = pytest.mark.sqlite_only

ADMIN, ADMIN_PW = "quantri", "matkhau-quantri"
CLERK_PW = "matkhau-canbo"


@pytest.fixture
def book(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A database with an administrator, an approver and one unit; a good backup of it in backups/."""
    db = open_database(db_path)
    create_account(db, AccountInput(ADMIN, UserRole.ADMIN, "Quản trị"), ADMIN_PW)
    login(db, ADMIN, ADMIN_PW)
    create_account(db, AccountInput("pheduyet", UserRole.APPROVER), CLERK_PW)
    create_unit(db, UnitInput(code="OLD", name="Đơn vị cũ"))
    db.dispose()
    monkeypatch.delenv("THIDUA_USER", raising=False)
    monkeypatch.delenv("THIDUA_PASSWORD", raising=False)
    return db_path


def _good_copy(path: Path, tmp_path: Path, name: str = "tot-20250101-000000.sqlite3") -> Path:
    target = tmp_path / "copies" / name
    backup.copy_database(path, target)
    return target


def _units(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("select code from unit order by code")]


def _restore(db_path: Path, copy: Path, *extra: str, user: str | None = ADMIN,
             password: str = ADMIN_PW, monkeypatch: pytest.MonkeyPatch) -> int:  # fmt: skip
    if user:
        monkeypatch.setenv("THIDUA_USER", user)
        monkeypatch.setenv("THIDUA_PASSWORD", password)
    else:
        monkeypatch.delenv("THIDUA_USER", raising=False)
    return main(["restore", str(copy), "--db", str(db_path), *extra])


def _newer(copy: Path) -> Path:
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    return copy


def _foreign(tmp_path: Path) -> Path:
    path = tmp_path / "copies" / "la-20250101-000000.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE ghi_chu (id INTEGER PRIMARY KEY, noi_dung TEXT)")
        conn.execute("INSERT INTO ghi_chu (noi_dung) VALUES ('không phải sổ thi đua')")
    return path


def _no_audit(copy: Path) -> Path:
    with sqlite3.connect(copy) as conn:
        conn.execute("DROP TABLE audit_entry")
    return copy


def _tampered(copy: Path) -> Path:
    with sqlite3.connect(copy) as conn:
        conn.execute("DROP TRIGGER audit_entry_no_update")
        conn.execute(
            "UPDATE audit_entry SET actor = 'ke-gia-mao' WHERE id = (SELECT max(id) FROM audit_entry)"
        )
    return copy


@pytest.mark.parametrize(
    ("spoil", "said"),
    [
        (_newer, "phiên bản Sổ Thi đua mới hơn"),
        (None, "không phải cơ sở dữ liệu Sổ Thi đua"),
        (_no_audit, "thiếu bảng audit_entry"),
        (_tampered, "nhật ký thay đổi"),
    ],
)
def test_a_copy_that_is_not_a_usable_book_is_refused_and_nothing_replaced(
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    spoil,
    said,  # type: ignore[no-untyped-def]
) -> None:
    copy = spoil(_good_copy(book, tmp_path)) if spoil else _foreign(tmp_path)
    before = book.read_bytes()

    assert _restore(book, copy, monkeypatch=monkeypatch) != 0

    assert said in capsys.readouterr().err
    assert book.read_bytes() == before
    with pytest.raises(backup.CopyRefused, match=said):
        backup.restore(copy, book)  # the system, too: the checks are the restore's, not the CLI's


def test_a_good_copy_still_restores(book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = _good_copy(book, tmp_path)
    assert backup.copy_problems(copy) == []
    assert _restore(book, copy, monkeypatch=monkeypatch) == 0
    assert _units(book) == ["OLD"]


def test_restore_needs_an_admin_of_the_database_being_replaced(
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    copy = _good_copy(book, tmp_path)
    # the copy's own accounts do not count: a copy whose only admin is someone else's
    other = tmp_path / "other.sqlite3"
    shutil.copyfile(book, other)
    with sqlite3.connect(other) as conn:
        conn.execute("DELETE FROM user_account WHERE username = 'pheduyet'")

    assert _restore(book, copy, user=None, monkeypatch=monkeypatch) != 0
    assert "tài khoản quản trị" in capsys.readouterr().err
    assert _restore(book, copy, user="pheduyet", password=CLERK_PW, monkeypatch=monkeypatch) != 0
    assert "không được phép khôi phục" in capsys.readouterr().err
    assert _restore(book, copy, password="sai-mat-khau", monkeypatch=monkeypatch) != 0
    assert _restore(book, copy, monkeypatch=monkeypatch) == 0


@pytest.mark.parametrize("spoil", [_newer, None, _no_audit])
def test_an_admin_may_force_it_recorded_and_a_later_restore_still_works(
    book: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    spoil,  # type: ignore[no-untyped-def]
) -> None:
    good = _good_copy(book, tmp_path)
    bad = spoil(_good_copy(book, tmp_path, "xau-20250102-000000.sqlite3")) if spoil else _foreign(tmp_path)

    assert _restore(book, bad, "--force", user="pheduyet", password=CLERK_PW, monkeypatch=monkeypatch) != 0
    assert _restore(book, bad, "--force", monkeypatch=monkeypatch) == 0
    kept = [b.path for b in backup.list_backups(backup.backup_dir(book), book.stem)]
    assert len(kept) == 1 and kept[0].name.endswith("-truockhoiphuc.sqlite3")
    # the copy kept of the replaced database records who forced the restore, and why
    db = open_database(kept[0], read_only=True)
    try:
        with db.read() as session:
            entry = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    finally:
        db.dispose()
    assert entry is not None and (entry.actor, entry.action) == (ADMIN, "restore_forced")
    assert json.loads(entry.changes)["failed_checks"] and entry.reason
    capsys.readouterr()

    # Whatever was forced in, nobody restores without an administrator's log-in, and they still can.
    assert _restore(book, good, user=None, monkeypatch=monkeypatch) != 0
    assert "tài khoản quản trị" in capsys.readouterr().err
    assert _restore(book, good, monkeypatch=monkeypatch) == 0
    assert _units(book) == ["OLD"]
    reopened = open_database(book)
    try:
        assert login(reopened, ADMIN, ADMIN_PW).role is UserRole.ADMIN
    finally:
        reopened.dispose()


def test_a_forced_restore_into_a_usable_file_is_recorded_in_it(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = _tampered(_good_copy(book, tmp_path))
    assert _restore(book, copy, "--force", monkeypatch=monkeypatch) == 0
    with sqlite3.connect(book) as conn:
        actor, action = conn.execute(
            "SELECT actor, action FROM audit_entry ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert (actor, action) == (ADMIN, "restore_forced")


def test_restore_a_then_b(book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = _good_copy(book, tmp_path, "a-20250101-000000.sqlite3")
    db = open_database(book)
    login(db, ADMIN, ADMIN_PW)
    create_unit(db, UnitInput(code="NEW", name="Đơn vị mới"))
    db.dispose()
    b = _good_copy(book, tmp_path, "b-20250102-000000.sqlite3")

    assert _restore(book, a, monkeypatch=monkeypatch) == 0
    assert _units(book) == ["OLD"]
    assert _restore(book, b, monkeypatch=monkeypatch) == 0
    assert _units(book) == ["NEW", "OLD"]
