"""Local accounts: create, list, change password, deactivate (never delete), and log in.

Passwords are hashed with Argon2id (OWASP's floor: 19 MiB, 2 passes, 1 lane) and re-hashed at
login when the parameters change. A failed login says the same thing whatever was wrong, so that
it does not tell which user names exist.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..auth import Actor, P
from ..auth import require as allowed
from ..errors import DatabaseError, DomainError
from ..model import Unit, UserAccount, UserRole
from ..model.base import utcnow
from ..storage.db import Database
from ..text import clean
from .common import as_enum, get, require

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD = 8
MAX_PASSWORD = 256
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user name is unknown, so that a miss takes as long as a wrong
    password (made on first need: hashing costs ~40 ms, not to be paid on every open)."""
    return HASHER.hash("không có tài khoản này")


def _nfc(password: str | None) -> str:
    """Vietnamese keyboards send precomposed or combining tones: one password either way."""
    return unicodedata.normalize("NFC", password or "")


class LoginError(DomainError):
    """Unknown user, wrong password or deactivated account: one message for all three."""

    def __init__(self) -> None:
        super().__init__(LOGIN_FAILED, field="password")


@dataclass
class AccountInput:
    username: str
    role: UserRole
    full_name: str = ""
    unit_id: int | None = None


@dataclass(frozen=True)
class AccountRow:
    username: str
    full_name: str
    role: UserRole
    unit_name: str
    active: bool
    last_login_at: object


def username_key(name: str) -> str:
    """What must be unique: the NFC, case-folded name («Lan» and «LAN» are one account)."""
    return unicodedata.normalize("NFC", clean(name)).casefold()


def check_password(password: str, username: str = "") -> None:
    """The minimal policy: at least 8 characters, not the user name itself."""
    password = _nfc(password)
    require(len(password) >= MIN_PASSWORD, f"Mật khẩu phải có ít nhất {MIN_PASSWORD} ký tự.", "password")
    require(len(password) <= MAX_PASSWORD, f"Mật khẩu dài quá {MAX_PASSWORD} ký tự.", "password")
    require(
        not username or password.casefold() != username_key(username),
        "Mật khẩu không được trùng tên đăng nhập.",
        "password",
    )


def hash_password(password: str) -> str:
    return HASHER.hash(_nfc(password))


def has_accounts(db: Database) -> bool:
    """Whether anyone can log in; a database without accounts runs as the system actor."""
    with db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(UserAccount)))


def create_account(
    db: Database, data: AccountInput, password: str, *, password_hash: str | None = None
) -> UserAccount:
    """Add an account. The very first one must be an administrator and needs no login; later ones
    need an administrator. ``password_hash`` lets the demo reuse a hash computed once."""
    name = unicodedata.normalize("NFC", clean(data.username))
    require(bool(name), "Tên đăng nhập không được để trống.", "username")
    require(len(name) <= 64 and not any(c.isspace() for c in name),
            "Tên đăng nhập tối đa 64 ký tự, không có dấu cách.", "username")  # fmt: skip
    role = as_enum(UserRole, data.role, "Vai trò", "role")
    if password_hash is None:
        check_password(password, name)
    with db.write() as session:
        allowed(db, P.ACCOUNTS)  # the system actor, on a database with no account yet, may too
        if not session.scalar(select(func.count()).select_from(UserAccount)):
            require(role is UserRole.ADMIN, "Tài khoản đầu tiên phải là tài khoản quản trị (admin).", "role")
        if role is UserRole.CLERK:
            require(data.unit_id is not None, "Cán bộ nhập liệu phải thuộc một đơn vị.", "unit_id")
        if data.unit_id is not None:
            get(session, Unit, data.unit_id, "đơn vị")
        key = username_key(name)
        if session.scalar(select(UserAccount.id).where(UserAccount.username_key == key)) is not None:
            raise DomainError(f"Đã có tài khoản «{name}».", field="username")
        account = UserAccount(
            username=name, username_key=key, full_name=clean(data.full_name)[:200], role=role,
            unit_id=data.unit_id, password_hash=password_hash or hash_password(password), active=True,
        )  # fmt: skip
        session.add(account)
        session.flush()
        return account


def list_accounts(db: Database) -> list[AccountRow]:
    with db.read() as session:
        rows = session.execute(
            select(UserAccount, Unit.name)
            .outerjoin(Unit, Unit.id == UserAccount.unit_id)
            .order_by(UserAccount.username_key)
        ).all()
    return [
        AccountRow(a.username, a.full_name, a.role, unit or "", a.active, a.last_login_at) for a, unit in rows
    ]


def _account(session: Session, username: str) -> UserAccount:
    account = session.scalar(select(UserAccount).where(UserAccount.username_key == username_key(username)))
    if account is None:
        raise DomainError(f"Không có tài khoản «{clean(username)}».", field="username")
    return account


def set_password(db: Database, username: str, new_password: str, *, old_password: str | None = None) -> None:
    """Change a password: one's own (with the old one), or anyone's for an administrator."""
    own = not db.actor.system and username_key(username) == username_key(db.actor.username)
    if not own:
        allowed(db, P.ACCOUNTS)
    check_password(new_password, username)
    with db.read() as session:
        stored = _account(session, username).password_hash
    if own and not _verified(stored, old_password or ""):
        raise DomainError("Mật khẩu hiện tại không đúng.", field="old_password")
    new_hash = hash_password(new_password)  # ~40 ms: not while holding the write lock
    with db.write() as session:
        _account(session, username).password_hash = new_hash


def set_active(db: Database, username: str, active: bool) -> None:
    """Deactivate (or reactivate) an account; accounts are never deleted (the audit log names them).
    The last active administrator cannot be deactivated."""
    allowed(db, P.ACCOUNTS)
    with db.write() as session:
        account = _account(session, username)
        if not active and account.role is UserRole.ADMIN and account.active:
            others = session.scalar(
                select(func.count())
                .select_from(UserAccount)
                .where(
                    UserAccount.role == UserRole.ADMIN,
                    UserAccount.active.is_(True),
                    UserAccount.id != account.id,
                )
            )
            require(bool(others), "Không khóa được tài khoản quản trị cuối cùng còn hoạt động.", "username")
        account.active = active


def _verified(stored: str, password: str) -> bool:
    try:
        return HASHER.verify(stored, _nfc(password))
    except (VerificationError, InvalidHashError):
        return False


def login(db: Database, username: str, password: str) -> Actor:
    """Check the password and make the account ``db.actor``; :class:`LoginError` otherwise."""
    key = username_key(username or "")
    with db.read() as session:
        account = session.scalar(select(UserAccount).where(UserAccount.username_key == key))
    if account is None:
        _verified(_dummy_hash(), password or "")
        raise LoginError()
    if not _verified(account.password_hash, password or "") or not account.active:
        raise LoginError()
    actor = Actor(account.username, account.role, account.unit_id, account.full_name)
    db.actor = actor
    if not db.read_only:
        new_hash = hash_password(password) if HASHER.check_needs_rehash(account.password_hash) else None
        try:  # bookkeeping only: a busy database does not undo a correct log-in
            with db.write() as session:
                row = session.get(UserAccount, account.id)
                if row is not None:
                    row.last_login_at = utcnow()
                    if new_hash is not None:
                        row.password_hash = new_hash
        except DatabaseError:
            pass
    return actor
