"""Backups of the SQLite database: online backup API, fsync, thinning, restore, integrity checks.

A backup is a complete, consistent copy taken with SQLite's online backup API while the app may
be writing (never a copy of the live file, never apart from its ``-wal``), written to a temporary
name, fsynced, then renamed. Old backups are thinned to the newest of each of the last 7 days,
4 weeks and 12 months.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..audit.code import sidecar, write_sidecar
from ..audit.head import heads_untouched, rerecord_file
from ..auth import SYSTEM, Actor, P, check
from ..errors import DatabaseError, DomainError
from .files import unwritable_folder
from .instance import InstanceLock

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?P<tag>-[a-z0-9]+)?\.sqlite3$")


def backup_dir(db_path: Path) -> Path:
    """Backups sit in a ``backups`` folder beside the database file."""
    return db_path.parent / "backups"


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def copy_database(source: Path, target: Path) -> None:
    """Consistent copy of ``source`` (with its WAL) to ``target``, atomically and durably."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.part")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
        _fsync_dir(target.parent)
    except sqlite3.DatabaseError as exc:
        tmp.unlink(missing_ok=True)
        raise DatabaseError(f"Không sao lưu được cơ sở dữ liệu: {exc}") from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise DomainError(f"Không ghi được bản sao lưu vào {target.parent}: {exc.strerror}") from exc


def make_backup(
    db_path: Path, *, tag: str = "", now: dt.datetime | None = None, directory: Path | None = None
) -> Path:
    """Back up ``db_path`` into its backup folder (name carries the time and an optional tag)."""
    now = now or dt.datetime.now()
    suffix = f"-{tag}" if tag else ""
    target = (directory or backup_dir(db_path)) / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}{suffix}.sqlite3"
    copy_database(db_path, target)
    if not integrity_ok(target):
        target.unlink(missing_ok=True)
        raise DatabaseError("Bản sao lưu vừa tạo không qua được kiểm tra toàn vẹn; đã hủy bản sao đó.")
    write_sidecar(target)  # the head's code beside the copy (app.audit.code)
    return target


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: dt.datetime


def list_backups(directory: Path, stem: str | None = None) -> list[BackupFile]:
    """Backups in ``directory`` (optionally of one database stem), newest first."""
    found = []
    if directory.is_dir():
        for path in directory.iterdir():
            m = _NAME.match(path.name)
            if m and (stem is None or m["stem"] == stem):
                found.append(BackupFile(path, dt.datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def to_keep(taken: Iterable[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Thinning: the newest backup of each of the last 7 days, 4 ISO weeks and 12 months.

    Backups from the future (a clock that was wrong) are kept, never deleted.
    """
    keep: set[dt.datetime] = set()
    newest_per: dict[tuple[Any, ...], dt.datetime] = {}  # ("d", date), ("w", year, week), ("m", year, month)
    for t in sorted(taken, reverse=True):
        if t > now:
            keep.add(t)
            continue
        for bucket in (
            ("d", t.date()),
            ("w", *t.isocalendar()[:2]),
            ("m", t.year, t.month),
        ):
            newest_per.setdefault(bucket, t)
    days = sorted({k for k in newest_per if k[0] == "d"}, key=lambda k: k[1], reverse=True)[:KEEP_DAILY]
    weeks = sorted({k for k in newest_per if k[0] == "w"}, key=lambda k: k[1:], reverse=True)[:KEEP_WEEKLY]
    months = sorted({k for k in newest_per if k[0] == "m"}, key=lambda k: k[1:], reverse=True)[:KEEP_MONTHLY]
    keep |= {newest_per[k] for k in (*days, *weeks, *months)}
    return keep


def thin(directory: Path, stem: str, now: dt.datetime | None = None) -> list[Path]:
    """Delete backups that thinning does not keep; returns the deleted paths."""
    now = now or dt.datetime.now()
    backups = list_backups(directory, stem)
    keep = to_keep((b.taken for b in backups), now)
    removed = []
    for b in backups:
        if b.taken not in keep:
            b.path.unlink(missing_ok=True)
            sidecar(b.path).unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def backup_if_due(db_path: Path, now: dt.datetime | None = None) -> Path | None:
    """The daily backup (on close): made only if none was taken today, then thinned."""
    now = now or dt.datetime.now()
    directory = backup_dir(db_path)
    latest = list_backups(directory, db_path.stem)
    if latest and latest[0].taken.date() == now.date():
        return None
    path = make_backup(db_path, now=now)
    thin(directory, db_path.stem, now)
    return path


def integrity_ok(path: Path, *, quick: bool = False) -> bool:
    return not integrity_problems(path, quick=quick)


def read_only_place(path: Path) -> bool:
    """Whether ``path`` is a database that cannot be written where it lies (a read-only medium or
    folder) and holds everything in its main file (no write-ahead log left to read)."""
    wal = Path(f"{path}-wal")
    return path.is_file() and unwritable_folder(path.parent) and (not wal.exists() or wal.stat().st_size == 0)


def integrity_problems(path: Path, *, quick: bool = False) -> list[str]:
    """What ``integrity_check`` (or ``quick_check``) and ``foreign_key_check`` report; empty if sound."""
    uri = f"file:{path}?mode=ro"
    if read_only_place(path):  # SQLite cannot make its -shm file there: read the file as it is (#14)
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=10)
    except sqlite3.Error as exc:
        return [str(exc)]
    try:
        rows = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
        problems = [r[0] for r in rows if r[0] != "ok"]
        problems += [
            f"khóa ngoại: bảng {r[0]} dòng {r[1]} → {r[2]}" for r in conn.execute("PRAGMA foreign_key_check")
        ]
        return problems
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


class CopyRefused(DomainError):
    """A copy that is sound as a SQLite file but is not one this app may restore without an
    administrator forcing it (:attr:`problems` says why)."""

    def __init__(self, name: str, problems: list[str]) -> None:
        self.problems = problems
        listed = "; ".join(problems)
        super().__init__(
            f"Không khôi phục từ {name}: {listed}. Quản trị viên có thể buộc khôi phục "
            "(thidua restore --force, có ghi vào nhật ký thay đổi) nếu chắc chắn đây là bản cần dùng."
        )


FOREIGN = "tệp không phải cơ sở dữ liệu Sổ Thi đua"
NEWER = "tệp được tạo bởi phiên bản Sổ Thi đua mới hơn phiên bản đang chạy"


def copy_problems(path: Path) -> list[str]:
    """Why ``path`` (a sound SQLite file) is not a Sổ Thi đua database this app can use; empty if it is.

    It must carry a schema revision this app knows (not newer), have every table of the app once
    brought up to date (a scratch copy is migrated, never ``path``), the audit log's append-only
    triggers, and an audit chain that verifies.
    """
    from .. import migrations

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as exc:
        return [f"{FOREIGN} ({exc})"]
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        row = (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()
            if "alembic_version" in tables
            else None
        )
    except sqlite3.DatabaseError as exc:
        return [f"{FOREIGN} ({exc})"]
    finally:
        conn.close()
    if row is None or not row[0]:
        return [FOREIGN]
    if row[0] not in migrations.known_revisions():
        return [f"{NEWER} (phiên bản lược đồ {row[0]}, chương trình biết đến {migrations.head()})"]
    with tempfile.TemporaryDirectory(prefix="thidua-kiemtra-") as scratch:
        copy = Path(scratch) / "copy.sqlite3"
        copy_database(path, copy)
        with heads_untouched(copy):  # the copy is the live book's identity: leave its head alone
            return _schema_problems(copy, row[0])


def _schema_problems(copy: Path, revision: str) -> list[str]:
    from sqlalchemy import inspect

    from .. import migrations
    from ..audit import log as audit_log
    from ..model import Base
    from .db import Database, create_db_engine

    url = f"sqlite:///{copy}"
    engine = create_db_engine(url)
    try:
        if revision != migrations.head():
            try:
                migrations.upgrade(engine)
            except Exception as exc:  # any failure of someone else's file is a finding, not a crash
                return [f"không nâng cấp được lên phiên bản hiện tại ({exc})"]
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            triggers = {
                r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
            }
        missing = sorted(set(Base.metadata.tables) - names)
        if missing:
            return [f"thiếu bảng {', '.join(missing)}"]
        problems = []
        lost = sorted(set(migrations.AUDIT_TRIGGERS) - triggers)
        if lost:
            problems.append(f"nhật ký thay đổi mất ràng buộc chỉ-ghi-thêm ({', '.join(lost)})")
        try:
            report = audit_log.verify(Database(url=url, engine=engine, read_only=True), with_head=False)
        except Exception as exc:  # a column of the wrong type, a table of the wrong shape
            return [*problems, f"không đọc được nhật ký thay đổi ({exc})"]
        if not report.ok:
            problems.append(f"nhật ký thay đổi không nguyên vẹn: {report.problem}")
        return problems
    finally:
        engine.dispose()


def restore(
    backup: Path,
    db_path: Path,
    *,
    now: dt.datetime | None = None,
    actor: Actor | None = None,
    force: bool = False,
) -> Path | None:
    """Replace ``db_path`` with ``backup``; what it replaces is kept as a backup tagged "truockhoiphuc".

    Refuses a backup that fails its integrity check, and (:class:`CopyRefused`) one that is not a
    Sổ Thi đua database of a schema this app knows whose audit chain verifies, unless an
    administrator ``force``s it: then the restore is recorded in the audit log (of the file
    replaced, and of the restored one when it has a log), naming who forced it and why the checks
    failed. The app must have closed the database. ``actor`` is who asks, an administrator of the
    database being replaced (``None`` is the system: a database with no account).
    """
    who = actor or SYSTEM
    check(who, P.RESTORE)
    if not backup.is_file():
        raise DomainError(f"Không có tệp sao lưu {backup}.")
    problems = integrity_problems(backup)
    if problems:
        raise DatabaseError(f"Bản sao lưu {backup.name} bị hỏng ({problems[0]}); không khôi phục từ bản này.")
    refused = copy_problems(backup)
    if refused and not force:
        raise CopyRefused(backup.name, refused)
    details = {"file": str(backup), "forced": bool(refused), "failed_checks": refused}
    action = "restore_forced" if refused else "restore"
    # Held across the replacement: a window with the file open elsewhere would go on writing
    # into the replaced copy (InstanceBusy names it instead); this process's own window shares it.
    lock = InstanceLock.acquire(db_path)
    try:
        if refused and db_path.exists():
            _record(db_path, who, action, details)  # the copy kept of the replaced file says so
        kept = _replace(backup, db_path, now)
        if kept is not None:
            details["kept"] = str(kept)
        if _record(db_path, who, action, details):
            rerecord_file(db_path)
        return kept
    finally:
        lock.release()


def _record(path: Path, actor: Actor, action: str, details: dict[str, Any]) -> bool:
    """Write one audit entry into the database at ``path`` if it is a usable, current one
    (best effort: a foreign or newer file has no log to write to)."""
    from .. import migrations
    from ..audit.log import record
    from .db import Database, create_db_engine

    url = f"sqlite:///{path}"
    try:
        engine = create_db_engine(url)
    except DomainError:
        return False
    try:
        try:
            migrations.check_current(engine)
        except DomainError:
            return False
        db = Database(url=url, engine=engine)
        db.actor = actor
        try:
            with db.write() as session:
                record(
                    session,
                    action,
                    "database",
                    details=details,
                    reason="; ".join(details["failed_checks"]) or "khôi phục từ bản sao lưu",
                )
        except DomainError:
            return False
        return True
    except Exception:  # the record is best effort: the restore itself went through
        return False
    finally:
        engine.dispose()


def _replace(backup: Path, db_path: Path, now: dt.datetime | None) -> Path | None:
    kept = None
    if db_path.exists():
        try:
            kept = make_backup(db_path, tag="truockhoiphuc", now=now)
        except DomainError:
            # Damaged beyond a backup: keep its bytes as they are, with the WAL beside them.
            stamp = f"{(now or dt.datetime.now()):%Y%m%d-%H%M%S}"
            kept = backup_dir(db_path) / f"{db_path.stem}-{stamp}-hong.sqlite3"
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(db_path, kept)
            wal = Path(f"{db_path}-wal")
            if wal.exists():
                shutil.copy2(wal, Path(f"{kept}-wal"))
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    copy_database(backup, db_path)
    # A deliberate roll-back: its audit head is the restored file's (the replaced file is kept).
    rerecord_file(db_path)
    return kept
