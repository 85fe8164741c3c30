"""The one way a sub-command opens the database: :func:`opened`, with the log-in, disposed after.

A database without accounts runs every command as the system actor. Once it has accounts, a
command that writes needs ``--user NAME`` (or ``THIDUA_USER``) and the password from
``THIDUA_PASSWORD`` or a prompt; reading commands stay open (and log in when a name is given).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..errors import DomainError

if TYPE_CHECKING:
    from ..storage.db import Database

ENV_USER = "THIDUA_USER"
ENV_PASSWORD = "THIDUA_PASSWORD"
NEED_LOGIN = (
    "Cơ sở dữ liệu này có tài khoản: lệnh ghi dữ liệu cần đăng nhập bằng --user TÊN (hoặc biến THIDUA_USER) "
    "và mật khẩu (biến THIDUA_PASSWORD, hoặc nhập khi được hỏi)."
)


def _user_name(args: argparse.Namespace, default: str | None = None) -> str | None:
    return getattr(args, "user", None) or os.environ.get(ENV_USER) or default


def _password(prompt: str) -> str:
    import getpass

    value = os.environ.get(ENV_PASSWORD)
    return value if value is not None else getpass.getpass(prompt)


def login_as_user(
    db: Database, args: argparse.Namespace, *, writes: bool = True, default: str | None = None
) -> str:
    """Log in on ``db`` when it has accounts; returns the password used ("" if none was needed)."""
    from ..auth import ANONYMOUS

    if db.actor != ANONYMOUS:
        return ""  # no accounts: the system actor
    from ..services.accounts import login  # Argon2: only when there is someone to log in

    name = _user_name(args, default)
    if not name:
        if writes:
            raise DomainError(NEED_LOGIN)
        return ""
    password = _password(f"Mật khẩu của {name}: ")
    login(db, name, password)
    return password


@contextmanager
def opened(
    args: argparse.Namespace, *, writes: bool, login: bool = True, read_only: bool = False
) -> Iterator[Database]:
    """Open ``args.db``, log in as :func:`login_as_user` says (unless ``login`` is false: the
    command logs in itself), and dispose of the engine however the block ends."""
    from ..opening import open_database

    db = open_database(args.db, read_only=read_only)
    try:
        if login:
            login_as_user(db, args, writes=writes)
        yield db
    finally:
        db.dispose()
