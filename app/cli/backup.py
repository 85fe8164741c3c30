"""Sub-commands ``backup``, ``restore`` and ``integrity`` (see :mod:`app.backup`)."""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable
from pathlib import Path

from . import backup
from .db import resolve_url
from .errors import DomainError


def _sqlite_path(db: str | None) -> Path:
    url = resolve_url(db)
    if not url.startswith("sqlite:///"):
        raise DomainError("Sao lưu, khôi phục bằng lệnh này chỉ dành cho tệp SQLite; với PostgreSQL hãy dùng pg_dump.")
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        raise DomainError(f"Không có tệp cơ sở dữ liệu {path}.")
    return path


def _backup(args: argparse.Namespace) -> int:
    path = _sqlite_path(args.db)
    made = backup.make_backup(path, directory=Path(args.to) if args.to else None)
    removed = [] if args.to else backup.thin(backup.backup_dir(path), path.stem)
    print(f"Đã sao lưu vào {made}")
    if removed:
        print(f"Đã dọn {len(removed)} bản sao lưu cũ (giữ 7 ngày, 4 tuần, 12 tháng gần nhất).")
    return 0


def _restore(args: argparse.Namespace) -> int:
    path = Path(resolve_url(args.db).removeprefix("sqlite:///"))
    kept = backup.restore(Path(args.file), path, actor=_restorer(args, path))
    print(f"Đã khôi phục {path} từ {args.file}.")
    if kept:
        print(f"Bản bị thay thế được giữ tại {kept}")
    return 0


def _restorer(args: argparse.Namespace, path: Path):  # type: ignore[no-untyped-def]
    """Who restores: an administrator once the database has accounts. Only a file whose accounts
    cannot be read (damaged, or from before accounts) is restored as the system."""
    from .accounts_cli import login_as_user
    from .db import open_database

    try:
        db = open_database(args.db, read_only=True)  # looks, changes nothing (no migration)
    except DomainError:
        if _holds_accounts(path):
            raise
        return None
    try:
        login_as_user(db, args)
        return db.actor
    finally:
        db.dispose()


def _holds_accounts(path: Path) -> bool:
    """Whether the file can be read and has an account (a damaged or older file has none to ask)."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return False
    try:
        return bool(conn.execute("SELECT count(*) FROM user_account").fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def _integrity(args: argparse.Namespace) -> int:
    path = _sqlite_path(args.db)
    problems = backup.integrity_problems(path, quick=args.quick)
    if not problems:
        print("Cơ sở dữ liệu toàn vẹn.")
        return 0
    for p in problems[:50]:
        print(f"- {p}")
    latest = backup.list_backups(backup.backup_dir(path), path.stem)
    hint = f" Bản sao lưu gần nhất: {latest[0].path}" if latest else ""
    raise DomainError(f"Cơ sở dữ liệu bị hỏng ({len(problems)} lỗi). Hãy khôi phục: thidua restore TỆP.{hint}")


def register(add: Callable[[str, str], argparse.ArgumentParser]) -> dict[str, Callable[[argparse.Namespace], int]]:
    p = add("backup", "sao lưu cơ sở dữ liệu (bản sao nhất quán, kể cả khi chương trình đang mở)")
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích (mặc định: backups/ cạnh tệp dữ liệu)")
    p = add("restore", "khôi phục từ một bản sao lưu (giữ lại bản bị thay thế)")
    p.add_argument("file", metavar="TỆP")
    p = add("integrity", "kiểm tra toàn vẹn (integrity_check và khóa ngoại)")
    p.add_argument("--quick", action="store_true", help="kiểm tra nhanh (quick_check)")
    return {"backup": _backup, "restore": _restore, "integrity": _integrity}
