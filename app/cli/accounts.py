"""``thidua user add|list|passwd|disable|enable|failures``: local accounts from the command line.

The first account (an administrator) is made without a log-in; once there are accounts, adding,
disabling and enabling one need an administrator's log-in (:func:`.login.opened` asks for it),
and ``passwd`` logs in as the account itself unless another name is given.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..errors import DomainError
from .base import EXIT_OK, Command
from .login import login_as_user, opened

if TYPE_CHECKING:
    from ..storage.db import Database


def _new_password(args: argparse.Namespace, name: str) -> str:
    import getpass

    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Mật khẩu mới cho {name}: ")
    if getpass.getpass("Nhập lại mật khẩu mới: ") != first:
        raise DomainError("Hai lần nhập mật khẩu không khớp.")
    return first


def _add(args: argparse.Namespace, db: Database) -> int:
    from ..model import UserRole
    from ..services import accounts
    from ..services.common import unit_by_code

    unit_id = None
    if args.unit:
        with db.read() as session:
            unit_id = unit_by_code(session, args.unit).id
    password = _new_password(args, args.name)
    data = accounts.AccountInput(args.name, UserRole(args.role), args.full_name or "", unit_id)
    made = accounts.create_account(db, data, password)
    print(f"Đã tạo tài khoản «{made.username}» ({made.role.label}).")
    return EXIT_OK


def _list(args: argparse.Namespace, db: Database) -> int:
    from ..services.accounts import list_accounts

    rows = list_accounts(db)
    for r in rows:
        seen = f"{r.last_login_at:%d/%m/%Y %H:%M}" if r.last_login_at else "chưa đăng nhập"
        state = "" if r.active else "  [đã khóa]"
        print(f"{r.username:<20} {r.role.label:<24} {r.unit_name[:36]:<36} {seen}{state}")
    if not rows:
        print(
            "Chưa có tài khoản nào: mọi lệnh chạy với quyền hệ thống. Tạo quản trị: thidua user add TÊN --role admin"
        )
    return EXIT_OK


def _failures(args: argparse.Namespace, db: Database) -> int:
    from ..services.accounts import failed_logins

    rows = failed_logins(db, args.limit)  # an administrator's log-in (checked by the service)
    for r in reversed(rows):
        print(
            f"{r.at:%d/%m/%Y %H:%M:%S} {r.username[:20]:<20} {r.account[:20]:<20} {r.reason} (lần {r.failures})"
        )
    if not rows:
        print("Chưa có lần đăng nhập sai nào.")
    return EXIT_OK


def _passwd(args: argparse.Namespace, db: Database) -> int:
    from ..services.accounts import set_password, username_key

    old = login_as_user(db, args, default=args.name)
    own = bool(old) and username_key(db.actor.username) == username_key(args.name)
    set_password(db, args.name, _new_password(args, args.name), old_password=old if own else None)
    print(f"Đã đổi mật khẩu của «{args.name}».")
    return EXIT_OK


def _set_active(active: bool) -> Callable[[argparse.Namespace, Database], int]:
    def run(args: argparse.Namespace, db: Database) -> int:
        from ..services.accounts import set_active

        set_active(db, args.name, active)
        print(f"Đã {'mở khóa' if active else 'khóa'} tài khoản «{args.name}».")
        return EXIT_OK

    return run


_ACTIONS = {
    "add": _add,
    "list": _list,
    "passwd": _passwd,
    "disable": _set_active(False),
    "enable": _set_active(True),
    "failures": _failures,
}


def _arguments(p: argparse.ArgumentParser) -> None:
    from ..model import UserRole  # added only once ``user`` is chosen: --help stays light

    p.add_argument("action", choices=tuple(_ACTIONS))
    p.add_argument("name", nargs="?", metavar="TÊN", help="tên đăng nhập (add, passwd, disable, enable)")
    p.add_argument("--role", choices=[r.value for r in UserRole], default=UserRole.CLERK.value,
                   help="vai trò: clerk (cán bộ nhập liệu), approver (phê duyệt), admin (quản trị)")  # fmt: skip
    p.add_argument("--unit", metavar="MÃ", help="mã đơn vị của cán bộ nhập liệu")
    p.add_argument("--full-name", metavar="HỌ_TÊN")
    p.add_argument(
        "--password-stdin", action="store_true", help="đọc mật khẩu mới từ một dòng của stdin (cho script)"
    )
    p.add_argument(
        "--limit", type=int, default=50, help="failures: số lần đăng nhập sai gần nhất được liệt kê"
    )


def _cmd_user(args: argparse.Namespace) -> int:
    if args.action not in ("list", "failures") and not args.name:
        raise DomainError(f"Lệnh «user {args.action}» cần tên đăng nhập.")
    # passwd logs in itself: as the account named, unless --user names another.
    # failures is read only by an administrator: a log-in is needed as for a write.
    with opened(args, writes=args.action != "list", login=args.action != "passwd") as db:
        return _ACTIONS[args.action](args, db)


COMMANDS = (
    Command("user", "tài khoản người dùng: thêm (add), xem (list), đổi mật khẩu (passwd), khóa (disable), mở khóa (enable), đăng nhập sai (failures)",
            _cmd_user, _arguments),
)  # fmt: skip
