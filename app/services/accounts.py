"""Local accounts: create, list, change password, deactivate (never delete), and log in.

Passwords are hashed with Argon2id (OWASP's floor: 19 MiB, 2 passes, 1 lane) and re-hashed at
login when the parameters change. A failed login says the same thing whatever was wrong, so that
it does not tell which user names exist.

Failed log-ins are throttled per name tried (:data:`THROTTLE_AFTER` failures in a row, then each
attempt waits a growing delay, refused unchecked until it has passed) and each one is written to
the audit log (``login_failed``), which an administrator reads with :func:`failed_logins`. The
counter lives in the database (``login_throttle``), so it holds across windows, processes and
restarts; nothing sleeps: the refusal says how many seconds to wait. Unknown names are counted
and refused exactly like real ones.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import unicodedata
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from ..audit import log as audit
from ..auth import Actor, P
from ..auth import require as allowed
from ..errors import DatabaseError, DomainError
from ..model import AuditEntry, LoginThrottle, Unit, UserAccount, UserRole
from ..model.base import utcnow
from ..storage.db import Database
from ..text import clean, xml_safe
from .common import as_enum, get, require

HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
MIN_PASSWORD = 8
MAX_PASSWORD = 256
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa."
THROTTLED = "Đăng nhập sai nhiều lần; hãy thử lại sau {seconds} giây."
THROTTLE_AFTER = 3  # failures in a row before attempts must wait
THROTTLE_FIRST = 1.0  # seconds after the THROTTLE_AFTER-th failure, doubled at each further one
THROTTLE_MAX = 300.0  # the longest wait (5 minutes)
FAILED_ACTION = "login_failed"  # the audit log's action for a refused log-in
# The audit log's actor for a name no account has (never an account's name: those have no spaces).
UNKNOWN_USER = "unknown user"


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

    def __init__(self, message: str = LOGIN_FAILED) -> None:
        super().__init__(message, field="password")


class LoginThrottledError(LoginError):
    """Too many failures in a row under this name: try again after ``seconds`` (the password was
    not checked). Said alike for every name, existing or not."""

    def __init__(self, seconds: int) -> None:
        super().__init__(THROTTLED.format(seconds=seconds))
        self.seconds = seconds


@dataclass(frozen=True)
class FailedLogin:
    """One refused log-in, from the audit log."""

    at: dt.datetime
    username: str  # the name typed
    account: str  # the account's name, or UNKNOWN_USER
    reason: str  # wrong password, disabled account, unknown name, or throttled
    failures: int  # failures in a row under this name, this one included


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


def _now() -> dt.datetime:
    """Naive UTC, as the database stores it (a function: tests move the clock)."""
    return utcnow()


def throttle_delay(failures: int) -> float:
    """Seconds the next attempt must wait after ``failures`` failures in a row: none before
    :data:`THROTTLE_AFTER`, then 1, 2, 4… up to :data:`THROTTLE_MAX`."""
    if failures < THROTTLE_AFTER:
        return 0.0
    return min(THROTTLE_FIRST * 2.0 ** min(failures - THROTTLE_AFTER, 30), THROTTLE_MAX)


def _throttle_key(key: str) -> str:
    return key[:64]  # every account name fits; a longer unknown name shares its first 64


def _wait(db: Database, key: str) -> int:
    """Whole seconds before a log-in under ``key`` is checked again (0: now)."""
    with db.read() as session:
        until = session.scalar(select(LoginThrottle.locked_until).where(LoginThrottle.username_key == key))
    if until is None:
        return 0
    left = (until - _now()).total_seconds()
    return math.ceil(left) if left > 0 else 0


_REASONS = {
    "password": "sai mật khẩu",
    "inactive": "tài khoản đã bị khóa",
    "unknown": "không có tài khoản này",
    "throttled": "bị từ chối do sai nhiều lần",
}


def _failed(db: Database, key: str, tried: str, account: UserAccount | None, reason: str) -> None:
    """Count the failure (unless refused while throttled) and write it to the audit log, committed
    although the log-in fails. A read-only or busy database keeps neither (the refusal stands)."""
    if db.read_only:
        return
    now = _now()
    actor = Actor(account.username if account is not None else UNKNOWN_USER, UserRole.CLERK)
    table = LoginThrottle.__table__
    try:
        with db.acting_as(actor), db.write() as session:
            if reason == "throttled":
                failures = session.scalar(select(table.c.failures).where(table.c.username_key == key)) or 0
            else:
                dialect = postgresql if session.connection().dialect.name == "postgresql" else sqlite
                upsert = dialect.insert(table).values(username_key=key, failures=1, last_failure_at=now)
                upsert = upsert.on_conflict_do_update(
                    index_elements=[table.c.username_key],
                    set_={"failures": table.c.failures + 1, "last_failure_at": now},
                )
                failures = session.execute(upsert.returning(table.c.failures)).scalar_one()
                delay = throttle_delay(failures)
                until = now + dt.timedelta(seconds=delay) if delay else None
                session.execute(update(table).where(table.c.username_key == key).values(locked_until=until))
            details = {"username": clean(tried)[:64], "reason": reason, "failures": failures}
            audit.record(session, FAILED_ACTION, "user_account",
                         entity_id=account.id if account is not None else None, details=details)  # fmt: skip
    except DatabaseError:
        pass  # busy or read-only after all: the log-in is refused just the same


def login(db: Database, username: str, password: str) -> Actor:
    """Check the password and make the account ``db.actor``; :class:`LoginError` otherwise, or
    :class:`LoginThrottledError` while the name must wait after repeated failures."""
    username = xml_safe(username or "")  # a NUL typed or pasted: no account has it, PostgreSQL takes none
    key = username_key(username)
    throttle = _throttle_key(key)
    wait = _wait(db, throttle)
    with db.read() as session:
        account = session.scalar(select(UserAccount).where(UserAccount.username_key == key))
    if wait:
        _failed(db, throttle, username, account, "throttled")
        raise LoginThrottledError(wait)
    if account is None:
        _verified(_dummy_hash(), password or "")
        _failed(db, throttle, username, None, "unknown")
        raise LoginError()
    verified = _verified(account.password_hash, password or "")
    if not verified or not account.active:
        _failed(db, throttle, username, account, "inactive" if verified else "password")
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
                session.execute(delete(LoginThrottle).where(LoginThrottle.username_key == throttle))
        except DatabaseError:
            pass
    return actor


def failed_logins(db: Database, limit: int = 100) -> list[FailedLogin]:
    """The latest refused log-ins, newest first: for administrators only."""
    allowed(db, P.ACCOUNTS)
    with db.read() as session:
        rows = session.execute(
            select(AuditEntry.at, AuditEntry.actor, AuditEntry.changes)
            .where(AuditEntry.action == FAILED_ACTION)
            .order_by(AuditEntry.id.desc())
            .limit(limit)
        ).all()
    out = []
    for at, actor, changes in rows:
        try:
            details = json.loads(changes or "{}")
        except ValueError:
            details = {}
        reason = str(details.get("reason", ""))
        out.append(FailedLogin(at, str(details.get("username", "")), actor, _REASONS.get(reason, reason),
                               int(details.get("failures", 0) or 0)))  # fmt: skip
    return out
