"""``thidua user add|list|passwd|disable|enable`` and the log-in of the other sub-commands.

A database without accounts runs every command as the system actor. Once it has accounts, a
command that writes needs ``--user NAME`` (or ``THIDUA_USER``) and the password from
``THIDUA_PASSWORD`` or a prompt; reading commands stay open.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable

from .auth import ANONYMOUS
from .db import Database, open_database
from .errors import DomainError
from .model import UserRole

ENV_USER = "THIDUA_USER"
ENV_PASSWORD = "THIDUA_PASSWORD"
NEED_LOGIN = (
    "Cơ sở dữ liệu này có tài khoản: lệnh ghi dữ liệu cần đăng nhập bằng --user TÊN (hoặc biến THIDUA_USER) "
    "và mật khẩu (biến THIDUA_PASSWORD, hoặc nhập khi được hỏi)."
)


def _user_name(args: argparse.Namespace, default: str | None = None) -> str | None:
    return getattr(args, "user", None) or os.environ.get(ENV_USER) or default


def _password(prompt: str) -> str:
    value = os.environ.get(ENV_PASSWORD)
    return value if value is not None else getpass.getpass(prompt)


def login_as_user(
    db: Database, args: argparse.Namespace, *, writes: bool = True, default: str | None = None
) -> str:
    """Log in on ``db`` when it has accounts; returns the password used ("" if none was needed)."""
    from .services.accounts import login

    if db.actor != ANONYMOUS:
        return ""  # no accounts: the system actor
    name = _user_name(args, default)
    if not name:
        if writes:
            raise DomainError(NEED_LOGIN)
        return ""
    password = _password(f"Mật khẩu của {name}: ")
    login(db, name, password)
    return password


def open_as_user(args: argparse.Namespace, *, writes: bool = True) -> Database:
    """Open ``args.db`` and log in as :func:`login_as_user` says."""
    db = open_database(args.db)
    try:
        login_as_user(db, args, writes=writes)
    except BaseException:
        db.dispose()
        raise
    return db


def _new_password(args: argparse.Namespace, name: str) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(f"Mật khẩu mới cho {name}: ")
    if getpass.getpass("Nhập lại mật khẩu mới: ") != first:
        raise DomainError("Hai lần nhập mật khẩu không khớp.")
    return first


def _add(args: argparse.Namespace, db: Database) -> int:
    from .services import accounts
    from .services.common import unit_by_code

    if accounts.has_accounts(db):
        login_as_user(db, args)
    unit_id = None
    if args.unit:
        with db.read() as session:
            unit_id = unit_by_code(session, args.unit).id
    password = _new_password(args, args.name)
    data = accounts.AccountInput(args.name, UserRole(args.role), args.full_name or "", unit_id)
    made = accounts.create_account(db, data, password)
    print(f"Đã tạo tài khoản «{made.username}» ({made.role.label}).")
    return 0


def _list(args: argparse.Namespace, db: Database) -> int:
    from .services.accounts import list_accounts

    rows = list_accounts(db)
    for r in rows:
        seen = f"{r.last_login_at:%d/%m/%Y %H:%M}" if r.last_login_at else "chưa đăng nhập"
        state = "" if r.active else "  [đã khóa]"
        print(f"{r.username:<20} {r.role.label:<24} {r.unit_name[:36]:<36} {seen}{state}")
    if not rows:
        print(
            "Chưa có tài khoản nào: mọi lệnh chạy với quyền hệ thống. Tạo quản trị: thidua user add TÊN --role admin"
        )
    return 0


def _passwd(args: argparse.Namespace, db: Database) -> int:
    from .services.accounts import set_password, username_key

    old = login_as_user(db, args, default=args.name)
    own = bool(old) and username_key(db.actor.username) == username_key(args.name)
    set_password(db, args.name, _new_password(args, args.name), old_password=old if own else None)
    print(f"Đã đổi mật khẩu của «{args.name}».")
    return 0


def _set_active(active: bool) -> Callable[[argparse.Namespace, Database], int]:
    def run(args: argparse.Namespace, db: Database) -> int:
        from .services.accounts import set_active

        login_as_user(db, args)
        set_active(db, args.name, active)
        print(f"Đã {'mở khóa' if active else 'khóa'} tài khoản «{args.name}».")
        return 0

    return run


_ACTIONS = {
    "add": _add,
    "list": _list,
    "passwd": _passwd,
    "disable": _set_active(False),
    "enable": _set_active(True),
}


def _user(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        return _ACTIONS[args.action](args, db)
    finally:
        db.dispose()


def register(
    add: Callable[[str, str], argparse.ArgumentParser],
) -> dict[str, Callable[[argparse.Namespace], int]]:
    p = add(
        "user",
        "tài khoản người dùng: thêm (add), xem (list), đổi mật khẩu (passwd), khóa (disable), mở khóa (enable)",
    )
    p.add_argument("action", choices=tuple(_ACTIONS))
    p.add_argument("name", nargs="?", metavar="TÊN", help="tên đăng nhập (add, passwd, disable, enable)")
    p.add_argument("--role", choices=[r.value for r in UserRole], default=UserRole.CLERK.value,
                   help="vai trò: clerk (cán bộ nhập liệu), approver (phê duyệt), admin (quản trị)")  # fmt: skip
    p.add_argument("--unit", metavar="MÃ", help="mã đơn vị của cán bộ nhập liệu")
    p.add_argument("--full-name", metavar="HỌ_TÊN")
    p.add_argument(
        "--password-stdin", action="store_true", help="đọc mật khẩu mới từ một dòng của stdin (cho script)"
    )
    return {"user": _checked}


def _checked(args: argparse.Namespace) -> int:
    if args.action != "list" and not args.name:
        raise DomainError(f"Lệnh «user {args.action}» cần tên đăng nhập.")
    return _user(args)
