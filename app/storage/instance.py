"""One GUI instance per SQLite file: an advisory lock beside the database, held while it is open.

The lock is the operating system's (``flock`` on POSIX, ``msvcrt.locking`` on Windows) on a small
file ``<database>.lock``: it is released by the OS when the process ends, even by a crash or
``kill -9``, so a stale lock file never locks anyone out. The holder writes its host, user and
pid into the file so that the second instance can say who has the database open. Batch commands
of the CLI do not take it: SQLite's own locking (BEGIN IMMEDIATE) serialises their writes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from ..errors import DatabaseError, DomainError, os_error_message

# Windows locks a byte range and refuses reads inside it: lock one byte far past the holder's text.
_WIN_LOCK_OFFSET = 1 << 20


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as written by that process (may be unknown for a moment at start)."""

    host: str = ""
    user: str = ""
    pid: int = 0
    since: str = ""

    def describe(self) -> str:
        if not self.pid:
            return "một cửa sổ Sổ Thi đua khác"
        when = ""
        with contextlib.suppress(ValueError):
            when = f", từ {dt.datetime.fromisoformat(self.since).strftime('%H:%M ngày %d/%m/%Y')}"
        who = f"người dùng {self.user}, " if self.user else ""
        return f"một cửa sổ Sổ Thi đua khác (máy {self.host}, {who}tiến trình {self.pid}{when})"


class InstanceBusy(DomainError):
    """The database is open in another GUI instance."""

    def __init__(self, database: Path, holder: Holder) -> None:
        super().__init__(
            f"Cơ sở dữ liệu {database} đang được mở trong {holder.describe()}. Hai cửa sổ cùng sửa một tệp "
            "dễ gây nhầm lẫn: hãy dùng cửa sổ đang mở, hoặc mở tệp này ở chế độ chỉ đọc."
        )
        self.database = database
        self.holder = holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":  # pragma: no cover - Windows (a test mypy narrows on)
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    # flock, not lockf/fcntl: POSIX record locks vanish when the process closes ANY descriptor of
    # the file (reading the holder's text would release our own lock).
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows (a test mypy narrows on)
        import msvcrt

        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _read_holder(path: Path) -> Holder:
    try:
        data = json.loads(path.read_text(encoding="utf-8") or "{}")
        return Holder(str(data.get("host", "")), str(data.get("user", "")), int(data.get("pid", 0)),
                      str(data.get("since", "")))  # fmt: skip
    except (OSError, ValueError, TypeError, AttributeError):
        return Holder()


class InstanceLock:
    """The lock on one database, held by this process until :meth:`release` (or its end).

    Acquiring the same database twice in one process shares the lock (the window reopening its
    own file); the OS lock goes when the last user releases it.
    """

    _held: dict[Path, InstanceLock] = {}
    _guard = threading.Lock()

    def __init__(self, database: Path, fd: int) -> None:
        self.database = database
        self.path = lock_path(database)
        self._fd: int | None = fd
        self._users = 1

    @classmethod
    def acquire(cls, database: Path) -> InstanceLock:
        """Take the lock, or raise :class:`InstanceBusy` naming the holder."""
        database = database.resolve()
        with cls._guard:
            mine = cls._held.get(database)
            if mine is not None:
                mine._users += 1
                return mine
            path = lock_path(database)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                try:
                    fd, writable = os.open(path, os.O_RDWR | os.O_CREAT, 0o644), True
                except OSError as exc:
                    if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS) or not path.exists():
                        raise
                    # Another user's lock file (a shared folder), or a read-only medium: flock works on a
                    # read-only descriptor too, so the lock still holds; only the holder's name is not written.
                    fd, writable = os.open(path, os.O_RDONLY), False
            except OSError as exc:  # an unwritable data folder: said, not a traceback (issue #14)
                raise DatabaseError(os_error_message(exc)) from None
            if not _try_lock(fd):
                os.close(fd)
                raise InstanceBusy(database, _read_holder(path))
            if writable:
                since = dt.datetime.now().isoformat(timespec="seconds")
                text = json.dumps(
                    {"host": socket.gethostname(), "user": _user(), "pid": os.getpid(), "since": since}
                )
                os.ftruncate(fd, 0)
                os.lseek(fd, 0, os.SEEK_SET)
                os.write(fd, text.encode("utf-8"))
            lock = cls(database, fd)
            cls._held[database] = lock
            return lock

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        with self._guard:
            if self._fd is None:
                return
            self._users -= 1
            if self._users > 0:
                return
            fd, self._fd = self._fd, None
            self._held.pop(self.database, None)
            try:
                with contextlib.suppress(OSError):  # a read-only descriptor: nothing of ours to clear
                    os.ftruncate(fd, 0)  # the file stays (removing it races with the next holder)
                _unlock(fd)
            finally:
                os.close(fd)


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def holder_of(database: Path) -> Holder | None:
    """Who holds the lock on ``database`` now, or ``None`` if nobody does."""
    path = lock_path(database.resolve())
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDWR)
    try:
        if _try_lock(fd):
            _unlock(fd)
            return None
    finally:
        os.close(fd)
    return _read_holder(path)
