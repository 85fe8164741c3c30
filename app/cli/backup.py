"""``thidua backup|restore|integrity`` (see :mod:`app.storage.backup`): for SQLite files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import opened

if TYPE_CHECKING:
    from ..auth import Actor


def _sqlite_path(db: str | None) -> Path:
    from ..storage.db import resolve_url

    url = resolve_url(db)
    if not url.startswith("sqlite:///"):
        raise DomainError(
            "Sao lưu, khôi phục bằng lệnh này chỉ dành cho tệp SQLite; với PostgreSQL hãy dùng pg_dump."
        )
    path = Path(url.removeprefix("sqlite:///"))
    if not path.exists():
        raise DomainError(f"Không có tệp cơ sở dữ liệu {path}.")
    return path


def _cmd_backup(args: argparse.Namespace) -> int:
    from ..storage import backup

    path = _sqlite_path(args.db)
    made = backup.make_backup(path, directory=Path(args.to) if args.to else None)
    removed = [] if args.to else backup.thin(backup.backup_dir(path), path.stem)
    print(f"Đã sao lưu vào {made}")
    if removed:
        print(f"Đã dọn {len(removed)} bản sao lưu cũ (giữ 7 ngày, 4 tuần, 12 tháng gần nhất).")
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace) -> int:
    from ..storage import backup
    from ..storage.db import resolve_url

    path = Path(resolve_url(args.db).removeprefix("sqlite:///"))
    kept = backup.restore(Path(args.file), path, actor=_restorer(args, path))
    print(f"Đã khôi phục {path} từ {args.file}.")
    if kept:
        print(f"Bản bị thay thế được giữ tại {kept}")
    return EXIT_OK


def _restorer(args: argparse.Namespace, path: Path) -> Actor | None:
    """Who restores: an administrator once the database has accounts. Only a file whose accounts
    cannot be read (damaged, or from before accounts) is restored as the system."""
    try:
        with opened(args, writes=True, read_only=True) as db:  # looks, changes nothing (no migration)
            return db.actor
    except DomainError:
        if _holds_accounts(path):
            raise
        return None


def _holds_accounts(path: Path) -> bool:
    """Whether the file can be read and has an account (a damaged or older file has none to ask)."""
    import sqlite3

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


def _cmd_integrity(args: argparse.Namespace) -> int:
    from ..storage import backup
    from ..storage.files import unwritable_folder

    path = _sqlite_path(args.db)
    problems = backup.integrity_problems(path, quick=args.quick)
    unwritable = path.is_file() and unwritable_folder(path.parent)
    if unwritable:  # a read-only medium or folder is not a damaged file (issue #14)
        print(f"Lưu ý: tệp nằm ở nơi chỉ cho phép đọc («{path.parent}»): đọc được nhưng không ghi được (không sao lưu "
              "hay khôi phục tại chỗ).")  # fmt: skip
        if problems and not backup.read_only_place(path):
            raise DomainError(
                "Không kiểm tra được: tệp còn nhật ký ghi (-wal) mà SQLite không mở được ở nơi chỉ cho phép đọc. "
                "Hãy chép tệp (cả tệp -wal) sang thư mục có quyền ghi rồi kiểm tra lại; tệp không bị coi là hỏng."
            )
    if not problems:
        print("Cơ sở dữ liệu toàn vẹn.")
        return EXIT_OK
    for p in problems[:50]:
        print(f"- {p}")
    latest = backup.list_backups(backup.backup_dir(path), path.stem)
    hint = f" Bản sao lưu gần nhất: {latest[0].path}" if latest else ""
    raise DomainError(
        f"Cơ sở dữ liệu bị hỏng ({len(problems)} lỗi). Hãy khôi phục: thidua restore TỆP.{hint}"
    )


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích (mặc định: backups/ cạnh tệp dữ liệu)")


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="TỆP")


def _integrity_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quick", action="store_true", help="kiểm tra nhanh (quick_check)")


COMMANDS = (
    Command("backup", "sao lưu cơ sở dữ liệu (bản sao nhất quán, kể cả khi chương trình đang mở)",
            _cmd_backup, _backup_arguments),
    Command("restore", "khôi phục từ một bản sao lưu (giữ lại bản bị thay thế)", _cmd_restore, _restore_arguments),
    Command("integrity", "kiểm tra toàn vẹn (integrity_check và khóa ngoại)", _cmd_integrity, _integrity_arguments),
)  # fmt: skip
