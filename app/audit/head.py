"""The audit chain's head kept OUTSIDE the database, so that truncation and file swaps show.

The hash chain (app.audit.log) proves that no entry inside the file was edited or removed from the
middle; it cannot see the LAST entries deleted, or the whole file replaced by an older copy. So
after every committed write that added audit entries, the head (last id, last hash, number of
entries) is written to a small file in the user's data folder, keyed by the database's identity
(a random id stored in the database, app.audit.identity: a copy of the file at another path is
checked against the same head); a database without one (not yet migrated) is keyed by its resolved
path, or its URL without password for a server. A head recorded under the path before the identity
existed is adopted by the identity the first time the database is seen with one. The file is a log: each head is
appended as one line (a few microseconds; replacing the file by a rename cost ~1 ms, several under
a busy disk, on every save), the last whole line is the recorded head, and a file grown past
:data:`COMPACT_AT` is rewritten atomically (temporary file, rename) with the last head alone. A
torn last line (a crash while appending) is skipped: the head before it is read, a weaker check,
never a false alarm. The head only ever moves forward: several processes writing one database each record
theirs, and a slower one never takes the head back. :func:`check` compares a database's chain
with the recorded head.

Recording costs no query after the commit in the usual case: the write that appended the entries
knows the head it extended and the new one (app.audit), so if the recorded head is the one it
extended, the new count is the recorded count plus the entries added (:func:`advance`). Otherwise
(another process recorded meanwhile, or nothing recorded yet) the head is read afresh.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import event, func, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DomainError
from ..model.audit import AuditEntry
from ..storage.paths import data_dir
from . import identity as db_identity

ENV_DIR = "THIDUA_AUDIT_HEADS_DIR"  # tests, portable installs
COMPACT_AT = 32 * 1024  # bytes: a head file past this is rewritten with its last head alone
_TABLE = AuditEntry.__table__


class ReadableDatabase(Protocol):
    """What checking the chain needs of an app.storage.db.Database: its URL (the head's key) and a
    read session. A Protocol, because that module imports this package (to install the log)."""

    @property
    def url(self) -> str: ...

    def read(self) -> AbstractContextManager[Session]: ...


@dataclass(frozen=True)
class Head:
    last_id: int
    last_hash: str
    count: int


def heads_dir() -> Path:
    env = os.environ.get(ENV_DIR)
    return Path(env) if env else data_dir() / "audit-heads"


def key_of(url: str) -> str:
    """What names a database across runs: a SQLite file's resolved path, else the URL sans password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        name = "sqlite:" + str(Path(parsed.database).resolve())
    else:
        name = parsed.render_as_string(hide_password=True)
    return name


def identity_key(identity: str) -> str:
    return "book:" + identity


def key_in(conn: Connection, url: str) -> str:
    """The head's key for the database ``conn`` is connected to (at ``url``): its identity, adopting
    a head recorded under its path before it had one; without an identity, :func:`key_of`."""
    ident = db_identity.read(conn)
    if ident is None:
        return key_of(url)
    key = identity_key(ident)
    _adopt(key, key_of(url))
    return key


def key_for(db: ReadableDatabase) -> str:
    """:func:`key_in` through a read session of ``db``."""
    with db.read() as session:
        return key_in(session.connection(), db.url)


def _adopt(key: str, legacy: str) -> None:
    """Move the head recorded under ``legacy`` (a path) to ``key`` (the identity), if ``key`` has none."""
    new = head_file(key)
    if new.exists():
        return
    old = head_file(legacy)
    if not old.exists():
        return
    new.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(new):
        if not new.exists() and old.exists():
            os.replace(old, new)
            Path(str(old) + ".lock").unlink(missing_ok=True)


def head_file(key: str) -> Path:
    return heads_dir() / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.json"


def recorded(key: str) -> Head | None:
    """The head recorded for ``key`` (the file's last whole line), or ``None`` (never recorded,
    or unreadable)."""
    try:
        text = head_file(key).read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None
    for line in reversed(text.splitlines()):
        try:
            data = json.loads(line)
            return Head(int(data["last_id"]), str(data["last_hash"]), int(data["count"]))
        except (ValueError, KeyError, TypeError):
            continue  # blank, or torn by a crash while it was appended
    return None


@contextlib.contextmanager
def _exclusive(path: Path) -> Iterator[None]:
    """Serialise read-compare-replace of one head file between processes (best effort on Windows)."""
    fd = os.open(str(path) + ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if os.name == "posix":
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def store(
    key: str, head: Head, *, extends: Callable[[Head], bool] | None = None, force: bool = False
) -> None:
    """Record ``head`` for ``key`` unless a later head is recorded already, or the chain no longer
    holds the recorded head (``extends(old)`` false: truncated, then written on; the recorded
    head is kept as the evidence). ``force``: always."""
    path = head_file(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(path):
        old = recorded(key)
        if not force and old is not None:
            if old.count >= head.count and old.last_id >= head.last_id:
                return
            if extends is not None and not extends(old):
                return
        _write(path, key, head)


def advance(key: str, before: tuple[int, str] | None, last_id: int, last_hash: str, added: int) -> bool:
    """Record the head of a commit that appended ``added`` entries, the last ``(last_id,
    last_hash)``, right after ``before`` (the chain's last (id, hash) then; ``None``: it was
    empty), if the recorded head is ``before``: then the chain extends it and the count is known
    without a query. False, recording nothing, if the recorded head is another (or none for a
    log that was not empty): the caller reads the head from the database (:func:`store`)."""
    path = head_file(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive(path):
        old = recorded(key)
        if old is None and before is None:
            count = added
        elif old is not None and (old.last_id, old.last_hash) == before:
            count = old.count + added
        else:
            return False
        _write(path, key, Head(last_id, last_hash, count))
    return True


def _write(path: Path, key: str, head: Head) -> None:
    """Append ``head`` to the head file, or, past :data:`COMPACT_AT`, replace the file atomically
    (temporary file, rename) with it alone; under :func:`_exclusive`.

    No fsync (it doubled the cost of a save): after a power cut the file may hold an older head,
    which the chain still extends — a weaker check, never a false alarm."""
    # A line of its own even after an old single-record file or a torn line: start with "\n".
    line = ("\n" + json.dumps({**asdict(head), "database": key}, ensure_ascii=False)).encode("utf-8")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        size = 0
    if size + len(line) <= COMPACT_AT:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, line)
        finally:
            os.close(fd)
        return
    fd, tmp = tempfile.mkstemp(prefix=".head-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(line)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current(conn: Connection) -> Head | None:
    """The chain's head as the database has it now (``None``: no entries)."""
    last = conn.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).first()
    if last is None:
        return None
    return Head(last.id, last.hash, conn.execute(select(func.count()).select_from(_TABLE)).scalar_one())


def _hash_at(conn: Connection, entry_id: int) -> str | None:
    return conn.execute(select(_TABLE.c.hash).where(_TABLE.c.id == entry_id)).scalar()


# -- recording after commits (installed on the write sessions by app.audit.log.install) -------------
def note(session: Session, key: str, before: tuple[int, str] | None, last_id: int, last_hash: str,
         added: int) -> None:  # fmt: skip
    """Entries were appended in this session (``added`` of them, the last ``(last_id, last_hash)``,
    right after ``before``) to the database whose head is kept under ``key``: record the head
    once it is committed."""
    due = session.info.get("audit_head_due")
    if due is not None:  # appended twice in one transaction: from the first one's start
        before, added = due[1], due[4] + added
    session.info["audit_head_due"] = (key, before, last_id, last_hash, added)


def _after_commit(session: Session) -> None:
    db = session.info.get("db")
    due = session.info.pop("audit_head_due", None)
    if due is None or db is None:
        return
    key = due[0]
    try:
        if advance(*due):
            return
        # A fresh read after the commit: a consistent snapshot of a valid chain (maybe with later
        # entries of another process), without holding the write lock any longer.
        # One snapshot for all the reads (db.read(): REPEATABLE READ on PostgreSQL), or another
        # writer's commit between the last row and the count would over-count the head.
        with db.read() as reading:
            conn = reading.connection()
            head = _next_head(conn, key)
            if head is not None:
                store(key, head, extends=lambda old: _hash_at(conn, old.last_id) == old.last_hash)
    except (OSError, SQLAlchemyError, DomainError):
        pass  # the data are committed; a head not recorded only weakens the later check


def _next_head(conn: Connection, key: str) -> Head | None:
    """The head now, counting only the entries after the recorded head (a full count of a large
    log on every save would cost more than the save); ``None`` if the recorded head is gone."""
    old = recorded(key)
    if old is None:
        return current(conn)
    if _hash_at(conn, old.last_id) != old.last_hash:
        return None  # truncated or swapped: the recorded head stays as the evidence
    last = conn.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).one()
    added = conn.execute(
        select(func.count()).select_from(_TABLE).where(_TABLE.c.id > old.last_id)
    ).scalar_one()
    return Head(last.id, last.hash, old.count + added)


def _after_rollback(session: Session, _previous: object) -> None:
    session.info.pop("audit_head_due", None)


def install(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_soft_rollback", _after_rollback)


def _file_key(path: Path) -> str:
    """The head's key for the SQLite file at ``path``: its identity, else its path."""
    legacy = key_of("sqlite:///" + str(path.resolve()))
    ident = db_identity.read_file(path) if path.exists() else None
    if ident is None:
        return legacy
    key = identity_key(ident)
    _adopt(key, legacy)
    return key


@contextlib.contextmanager
def heads_untouched(path: Path) -> Iterator[None]:
    """Work on a scratch copy of a book (at ``path``) without moving any recorded head.

    The copy shares the book's identity, so whatever the work records (a migration's entries)
    would land on the head of the live book; and forgetting the copy's head afterwards would
    forget the live book's. The heads under the copy's path and identity are put back as they were.
    """
    keys = [key_of("sqlite:///" + str(path.resolve()))]
    ident = db_identity.read_file(path) if path.exists() else None
    if ident is not None:
        keys.append(identity_key(ident))
    saved = {key: (head_file(key).read_bytes() if head_file(key).exists() else None) for key in keys}
    try:
        yield
    finally:
        for key, data in saved.items():
            if data is None:  # made by the scratch work: gone with it
                head_file(key).unlink(missing_ok=True)
                Path(str(head_file(key)) + ".lock").unlink(missing_ok=True)
            else:
                head_file(key).write_bytes(data)


def forget_file(path: Path) -> None:
    """Drop the head recorded for the SQLite file at ``path`` (a temporary file about to be removed,
    or renamed already): under its path, and, while the file is still there, under its identity
    (once renamed, the identity's head is the new name's)."""
    keys = [key_of("sqlite:///" + str(path.resolve()))]
    ident = db_identity.read_file(path) if path.exists() else None
    if ident is not None:
        keys.append(identity_key(ident))
    for key in keys:
        old = head_file(key)
        old.unlink(missing_ok=True)
        Path(str(old) + ".lock").unlink(missing_ok=True)


def rerecord_file(path: Path, *, moved_from: Path | None = None) -> None:
    """Record the head of the SQLite file now at ``path`` (after a restore or a rebuilt demo
    replaced the file on purpose), forgetting the previous one (and ``moved_from``'s)."""
    if moved_from is not None:
        forget_file(moved_from)
    key = _file_key(path)
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='audit_entry'").fetchone()
        row = (
            conn.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
            if has
            else None
        )
        count = conn.execute("SELECT count(*) FROM audit_entry").fetchone()[0] if row else 0
    finally:
        conn.close()
    if row is None:
        head_file(key).unlink(missing_ok=True)
        return
    store(key, Head(row[0], row[1], count), force=True)


# -- checking ------------------------------------------------------------------------------
def check(db: ReadableDatabase) -> tuple[int | None, str]:
    """Compare the database's chain with the head recorded outside it: ``(None, "")`` if they
    agree (or nothing was recorded), else the recorded last id and a Vietnamese description."""
    with db.read() as session:
        conn = session.connection()
        head = recorded(key_in(conn, db.url))
        if head is None:
            return None, ""
        now = current(conn)
        at_id = _hash_at(conn, head.last_id)
    have = now.count if now else 0
    if have < head.count:
        return head.last_id, (
            f"mất {head.count - have} mục cuối (ngoài tệp đã ghi nhận {head.count} mục, đến mục {head.last_id}; "
            f"tệp chỉ còn {have} mục): nhật ký đã bị cắt bớt, hoặc tệp đã bị thay bằng một bản cũ hơn"
        )
    if at_id is None:
        return (
            head.last_id,
            f"không còn mục {head.last_id}, mục cuối đã ghi nhận ngoài tệp: nhật ký đã bị cắt bớt rồi ghi tiếp",
        )
    if at_id != head.last_hash:
        return head.last_id, (
            f"mục {head.last_id} khác với mục cuối đã ghi nhận ngoài tệp: tệp cơ sở dữ liệu đã bị thay bằng một tệp khác"
        )
    return None, ""
