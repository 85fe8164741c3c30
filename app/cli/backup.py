"""``thidua backup|restore|integrity`` (see :mod:`app.storage.backup`): for SQLite files."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import DomainError
from .base import EXIT_OK, Command


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
    _key_warning()
    from ..audit.code import file_code

    if code := file_code(made):
        print(
            f"Mã nhật ký của bản sao lưu: {code} (ghi lại để đối chiếu về sau: thidua audit verify --head {code})"
        )
    if removed:
        print(f"Đã dọn {len(removed)} bản sao lưu cũ (giữ 7 ngày, 4 tuần, 12 tháng gần nhất).")
    return EXIT_OK


def _key_warning() -> None:
    """The signing key is not in the database: say so while it has never been exported."""
    import sys

    from ..certificates.keyfile import backup_warning

    warning = backup_warning()
    if warning:
        print(warning, file=sys.stderr)


def _cmd_restore(args: argparse.Namespace) -> int:
    from ..restoring import authenticate_admin
    from ..storage import backup
    from ..storage.db import resolve_url
    from .login import ENV_USER, _password

    url = resolve_url(args.db)
    if not url.startswith("sqlite:///"):
        raise DomainError(
            "Khôi phục bằng lệnh này chỉ dành cho tệp SQLite; với PostgreSQL hãy dùng pg_restore."
        )
    path = Path(url.removeprefix("sqlite:///"))
    source = Path(args.file)
    # The administrator of the database being replaced, read from the file as it is (whatever its
    # schema); never the file being restored: a copy cannot bring its own key to the lock.
    name = getattr(args, "user", None) or os.environ.get(ENV_USER)
    actor = authenticate_admin(path, name, _password(f"Mật khẩu của {name}: ") if name else None)
    kept = backup.restore(source, path, actor=actor, force=args.force)
    print(f"Đã khôi phục {path} từ {source}.")
    if kept:
        print(f"Bản bị thay thế được giữ tại {kept}")
    return EXIT_OK


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
        if unwritable:  # the replay opens the book, which SQLite cannot do here
            print(
                "Chưa đối chiếu dữ liệu với nhật ký: hãy chép tệp sang nơi ghi được rồi chạy «thidua audit verify»."
            )
            return EXIT_OK
        return _replayed(args)
    for p in problems[:50]:
        print(f"- {p}")
    latest = backup.list_backups(backup.backup_dir(path), path.stem)
    hint = f" Bản sao lưu gần nhất: {latest[0].path}" if latest else ""
    raise DomainError(
        f"Cơ sở dữ liệu bị hỏng ({len(problems)} lỗi). Hãy khôi phục: thidua restore TỆP.{hint}"
    )


def _replayed(args: argparse.Namespace) -> int:
    """The file is sound; its data must also be what the audit log says (app.audit.replay)."""
    from ..audit.replay import replay_database
    from .login import opened

    with opened(args, writes=False, read_only=True) as db:
        report = replay_database(db)
    if report.ok:
        print(f"Dữ liệu khớp với nhật ký thay đổi ({report.rows} dòng).")
        return EXIT_OK
    for finding in report.findings[:50]:
        print(f"- {finding}")
    raise DomainError(
        f"Dữ liệu khác với nhật ký thay đổi: {len(report.findings)} chênh lệch "
        "(xem chi tiết: thidua audit verify)."
    )


def _backup_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích (mặc định: backups/ cạnh tệp dữ liệu)")


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="TỆP")
    p.add_argument(
        "--force",
        action="store_true",
        help="quản trị viên buộc khôi phục một bản không qua kiểm tra (ghi vào nhật ký thay đổi)",
    )


def _integrity_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--quick", action="store_true", help="kiểm tra nhanh (quick_check)")


COMMANDS = (
    Command("backup", "sao lưu cơ sở dữ liệu (bản sao nhất quán, kể cả khi chương trình đang mở)",
            _cmd_backup, _backup_arguments),
    Command("restore", "khôi phục từ một bản sao lưu (giữ lại bản bị thay thế)", _cmd_restore, _restore_arguments),
    Command("integrity", "kiểm tra toàn vẹn (integrity_check và khóa ngoại)", _cmd_integrity, _integrity_arguments),
)  # fmt: skip
