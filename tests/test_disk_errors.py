"""A full disk and a read-only database file: a clear message, and nothing lost."""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

import pytest

from app.errors import DomainError
from app.services.units import UnitInput, create_unit, list_units


def test_disk_full_gives_a_clear_message_and_keeps_what_was_saved(db, db_path: Path) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Every pooled connection gets the cap: SQLITE_FULL once the file would grow.
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def cap(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()
    saved = ["STC"]
    with pytest.raises(DomainError, match="ổ đĩa đã đầy"):  # noqa: PT012 - fill until it is full
        for n in range(5000):
            create_unit(
                db, UnitInput(code=f"U{n:04d}", name=f"Đơn vị số {n} có tên khá dài để lấp đầy trang")
            )
            saved.append(f"U{n:04d}")
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    assert sorted(u.code for u in list_units(db)) == sorted(saved)  # every acknowledged save, nothing half


def test_read_only_connection_refuses_writes_with_a_clear_message(db, db_path: Path) -> None:
    """As root (CI) file modes do not bind; SQLite's own read-only switch gives the same error."""
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def read_only(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA query_only=ON")

    db.engine.dispose()
    with pytest.raises(DomainError, match="chỉ cho phép đọc|không ghi|Không ghi"):
        create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))
    event.remove(db.engine, "connect", read_only)
    db.engine.dispose()
    assert [u.code for u in list_units(db)] == ["STC"]


# --- issue #14, finding 7: files around the database -----------------------------------------------------
# As root (CI) file modes do not bind and no read-only mount is at hand: the operating system's
# errors are raised where they would be, at the lowest layer (the write, the folder's creation).


class _FullDisk(io.FileIO):
    """A file on a full disk: every write fails with ENOSPC (the buffer in front fails on close too)."""

    def write(self, _data) -> int:  # type: ignore[no-untyped-def, override]
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _full_disk(monkeypatch, root: Path) -> None:  # type: ignore[no-untyped-def]
    """Files under ``root`` opened for writing by descriptor (as atomic_write does) are on a full disk."""
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args, **kwargs):  # type: ignore[no-untyped-def]
        where = Path(os.readlink(f"/proc/self/fd/{fd}")) if os.path.exists(f"/proc/self/fd/{fd}") else None
        if "w" in mode and where is not None and where.is_relative_to(root.resolve()):
            return io.BufferedWriter(_FullDisk(fd, "wb"))
        return real(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def _cli(capsys, args: list[str]) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    """Exit code and what was printed (stdout, then stderr)."""
    from app.cli import main

    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _read_only(monkeypatch, root: Path) -> None:  # type: ignore[no-untyped-def]
    """Under ``root`` nothing can be created: mkdir fails with EROFS, the folder is not writable."""
    real_mkdir, real_access = Path.mkdir, os.access

    def mkdir(self: Path, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        if self.resolve().is_relative_to(root.resolve()) and not self.exists():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(self))
        real_mkdir(self, *args, **kwargs)

    def access(path, mode: int, **kwargs) -> bool:  # type: ignore[no-untyped-def]
        if mode & os.W_OK and Path(path).resolve().is_relative_to(root.resolve()):
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    monkeypatch.setattr(os, "access", access)


@pytest.mark.sqlite_only
def test_a_full_disk_under_an_export_a_report_or_a_pdf_is_said_and_leaves_nothing(
    db, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import factories

    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    factories.approved(db, "CSTDCS", 2025, person_id=factories.person(db, unit.id).id,
                       decision_id=factories.decision(db, 2025, number="7/QĐ-UBND").id)  # fmt: skip
    db.dispose()
    out = tmp_path / "ra"
    out.mkdir()
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(tmp_path / "key.pem"))
    _full_disk(monkeypatch, out)
    d = ["--db", str(db_path)]
    for args in (
        ["export", "units", "--out", str(out / "donvi.xlsx")],
        ["report", "thong-ke", "--years", "2025", "--issuer", "Sở Nội vụ", "--out", str(out / "tk.xlsx")],
        ["report", "thong-ke", "--years", "2025", "--issuer", "Sở Nội vụ", "--out", str(out / "tk.pdf")],
        ["certificates", "--decision", "7/QĐ-UBND", "--out", str(out / "giay.pdf")],
    ):
        code, err = _cli(capsys, [*d, *args])
        assert code == 2 and "ổ đĩa đã đầy" in err and "Traceback" not in err, (args, err)
        assert err.count("Lỗi:") == 1 and err.splitlines()[-1].startswith("Lỗi: Không ghi được"), err
        assert list(out.iterdir()) == [], args  # no 0-byte .tmp, no partial file
    import gc

    gc.collect()  # an abandoned zip archive or row writer would fail here (a traceback at exit)


def test_atomic_write_refuses_with_the_reason_and_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from app.storage import files

    target = tmp_path / "bao-cao.xlsx"
    target.write_bytes(b"ban cu")
    _full_disk(monkeypatch, tmp_path)

    def write() -> None:
        with files.atomic_write(target) as f:
            f.write(b"x" * 10)  # buffered: fails at the flush

    with pytest.raises(DomainError, match="ổ đĩa đã đầy") as refused:
        write()
    assert refused.value.field == "out"
    assert target.read_bytes() == b"ban cu" and sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.xlsx"]


@pytest.mark.sqlite_only
def test_a_backup_beside_a_database_on_a_read_only_filesystem_is_said(
    db, db_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    db.dispose()
    _read_only(monkeypatch, db_path.parent / "backups")
    code, err = _cli(capsys, ["--db", str(db_path), "backup"])
    assert code == 2 and "chỉ cho phép đọc" in err and "backups" in err and "Traceback" not in err


def test_an_unwritable_data_folder_is_said(tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "ro"
    data.mkdir()
    _read_only(monkeypatch, data)
    # the folder cannot be made
    code, err = _cli(capsys, ["--db", str(data / "thidua" / "thidua.sqlite3"), "info"])
    assert code == 2 and "chỉ cho phép đọc" in err and "Traceback" not in err
    # the folder is there but cannot be written: no new database in it
    code, err = _cli(capsys, ["--db", str(data / "thidua.sqlite3"), "info"])
    assert code == 2 and "Không tạo được cơ sở dữ liệu" in err and "chỉ cho phép đọc" in err
    assert list(data.iterdir()) == []
    # the GUI's start (the instance lock beside the file comes first): a DomainError it shows in a box
    from app.opening import open_for_window

    with pytest.raises(DomainError, match="chỉ cho phép đọc"):
        open_for_window(data / "thidua" / "thidua.sqlite3")


@pytest.mark.sqlite_only
def test_a_first_print_with_an_unwritable_config_folder_is_said(
    db, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import factories

    unit = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    factories.approved(db, "CSTDCS", 2025, person_id=factories.person(db, unit.id).id,
                       decision_id=factories.decision(db, 2025, number="7/QĐ-UBND").id)  # fmt: skip
    db.dispose()
    config = tmp_path / "config"
    monkeypatch.setenv("THIDUA_SIGNING_KEY", str(config / "thidua" / "certificate_signing_key.pem"))
    _read_only(monkeypatch, config)
    out = tmp_path / "giay.pdf"
    code, err = _cli(
        capsys, ["--db", str(db_path), "certificates", "--decision", "7/QĐ-UBND", "--out", str(out)]
    )
    assert code == 2 and "chỉ cho phép đọc" in err and "config" in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.sqlite_only
def test_opening_a_database_on_a_read_only_filesystem_says_so(db, db_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    db.dispose()  # closed: no -shm file is left beside it
    _read_only(monkeypatch, db_path.parent)
    code, printed = _cli(capsys, ["--db", str(db_path), "info"])
    assert (
        code == 2
        and "chỉ cho phép đọc" in printed
        and "không bị hỏng" in printed
        and "thidua integrity" in printed
    )


def test_integrity_on_a_read_only_filesystem_says_read_only_not_damaged(
    db_path: Path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from app.storage import backup

    folder = db_path.parent
    _read_only(monkeypatch, folder)
    real_connect = sqlite3.connect

    def connect(uri: str, /, *args, **kwargs):  # type: ignore[no-untyped-def]
        # On a read-only medium SQLite cannot create the -shm file a WAL database needs to be read…
        if str(folder) in str(uri) and "mode=ro" in str(uri) and "immutable=1" not in str(uri):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(uri, *args, **kwargs)  # …unless told the file cannot change

    monkeypatch.setattr(backup.sqlite3, "connect", connect)
    code, printed = _cli(capsys, ["--db", str(db_path), "integrity"])
    assert code == 0, printed
    assert "chỉ cho phép đọc" in printed and "toàn vẹn" in printed
    assert "hỏng" not in printed and "restore" not in printed
