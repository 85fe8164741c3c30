"""Who may restore a SQLite file: an administrator of the database being replaced.

Restoring replaces the file whose accounts guard it, so the log-in is checked against the file
as it is now, read directly (it may be of a newer schema, or foreign: the app would not open it).
When the file now in place has no readable accounts (a foreign file forced in, a damaged one), the
accounts of the newest backup beside it that has them stand in: a file without accounts can never
turn a database that had them into one anybody may replace. Only when neither the file nor any of
its backups has an account is the restore the system's (a new database, or one from before accounts).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .auth import Actor, P, check
from .errors import DomainError
from .model import UserRole
from .storage.backup import backup_dir, list_backups

NEED_ADMIN = (
    "Khôi phục cần đăng nhập bằng tài khoản quản trị của cơ sở dữ liệu {where}: --user TÊN (hoặc biến "
    "THIDUA_USER) và mật khẩu (biến THIDUA_PASSWORD, hoặc nhập khi được hỏi)."
)


@dataclass(frozen=True)
class StoredAccount:
    username: str
    username_key: str
    full_name: str
    role: str
    password_hash: str
    active: bool


def stored_accounts(path: Path) -> list[StoredAccount] | None:
    """The accounts in the SQLite file at ``path``, read without the app's schema checks; ``None``
    when it has no readable account table (foreign, damaged, missing, or from before accounts)."""
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute(
            "SELECT username, username_key, full_name, role, password_hash, active FROM user_account"
        ).fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return [StoredAccount(str(u), str(k), str(f or ""), str(r), str(h), bool(a)) for u, k, f, r, h, a in rows]


def governing_accounts(db_path: Path) -> tuple[list[StoredAccount], Path | None]:
    """The accounts that guard ``db_path``, and where they were read (the file, or a backup of it)."""
    here = stored_accounts(db_path)
    if here is not None:
        return here, db_path
    for b in list_backups(backup_dir(db_path), db_path.stem):
        found = stored_accounts(b.path)
        if found:
            return found, b.path
    return [], None


def authenticate_admin(db_path: Path, username: str | None, password: str | None) -> Actor | None:
    """The administrator of ``db_path`` (see the module) who logs in with ``username``/``password``;
    ``None`` (the system) when no account guards the file. Raises :class:`DomainError` otherwise."""
    from .services.accounts import HASHER, LoginError, username_key

    accounts, where = governing_accounts(db_path)
    if not accounts:
        return None
    if not username:
        shown = str(db_path) if where == db_path else f"{db_path} (theo bản sao lưu {where})"
        raise DomainError(NEED_ADMIN.format(where=shown))
    key = username_key(username)
    account = next((a for a in accounts if a.username_key == key), None)
    secret = unicodedata.normalize("NFC", password or "")
    ok: bool
    try:
        ok = HASHER.verify(account.password_hash if account else _dummy(), secret)
    except Exception:  # a mismatch, or a hash this version cannot read
        ok = False
    if account is None or not ok or not account.active:
        raise LoginError()
    try:
        role = UserRole(account.role)
    except ValueError:
        role = UserRole.CLERK  # a role this version does not know grants nothing
    actor = Actor(account.username, role, None, account.full_name)
    check(actor, P.RESTORE)
    return actor


def _dummy() -> str:
    from .services.accounts import hash_password

    return hash_password("không có tài khoản này")


# Tables whose rows a new, empty database already has: the catalogue, its digest, the audit log.
_NOT_DATA = frozenset({"award", "award_version", "legal_instrument", "meta", "audit_entry", "signing_key"})


@dataclass(frozen=True)
class FileContents:
    """What a SQLite file holds, read directly (whatever its schema version)."""

    is_book: bool  # a Sổ Thi đua database (it has a schema revision)
    accounts: int
    data_tables: tuple[str, ...]  # tables beyond what a new database has, with rows

    @property
    def empty(self) -> bool:
        return self.is_book and not self.accounts and not self.data_tables


def file_contents(path: Path) -> FileContents:
    """Whether ``path`` is a Sổ Thi đua database, and whether it holds accounts or real data."""
    from .model import Base

    if path.stat().st_size == 0:
        return FileContents(True, 0, ())
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error:
        return FileContents(False, 0, ())
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if "alembic_version" in tables
            else None
        )
        if not revision:
            return FileContents(False, 0, ())
        full = tuple(
            name
            for name in sorted(set(Base.metadata.tables) & tables - _NOT_DATA)
            if conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() is not None
        )
        accounts = (
            conn.execute("SELECT count(*) FROM user_account").fetchone()[0] if "user_account" in tables else 0
        )
        return FileContents(True, int(accounts), full)
    except sqlite3.Error:
        return FileContents(False, 0, ())
    finally:
        conn.close()
