"""The database: URL resolution, SQLite safety at connect, sessions, driver errors translated.

Services get a :class:`Database` and open one short session per operation with
:meth:`Database.read` or :meth:`Database.write`. A write opened inside another on the same thread
joins it (see :meth:`Database.write`): a caller can make many service calls one transaction, and
one session (what one call loaded, the next finds without a query).
Opening one (backup, migrations, catalogue, first actor) is app.opening's, above the services.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from ..audit import log as audit
from ..auth import SYSTEM, Actor
from ..errors import ConflictError, DatabaseError, DomainError, os_error_message
from . import ids
from .files import unwritable_folder
from .paths import APP_NAME, ENV_DB, default_db_path  # noqa: F401 - re-exported

BUSY_TIMEOUT_S = 5.0
# PostgreSQL: every write session first takes this transaction-level advisory lock, so writers
# run one at a time as under SQLite's BEGIN IMMEDIATE, and a service's checks (is this code
# free? is this the version the clerk saw?) still hold when it writes. Readers never wait.
WRITER_LOCK = 7350200
WRITER_WAIT_S = 30


def resolve_url(db: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a URL or a file path), ``THIDUA_DB``, or the default file."""
    value = str(db) if db else os.environ.get(ENV_DB, "")
    if not value:
        value = str(default_db_path())
    if "://" in value:
        return value
    return "sqlite:///" + str(Path(value).expanduser().resolve())


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Take transactions out of the driver's hands (it would commit DDL on its own, before
        # Python 3.12 and up to 3.15); SQLAlchemy emits BEGIN below. foreign_keys only works
        # outside a transaction, so it is set here, on every new connection.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        if read_only:
            cur.execute("PRAGMA query_only=ON")  # belt and braces: the file is opened mode=ro too
        elif engine.url.database not in (None, "", ":memory:"):
            # WAL is written into the file's header: only for a new file or one of ours, so that
            # a foreign SQLite file we refuse is left exactly as it was.
            ours = cur.execute(
                "SELECT count(*) = 0 OR sum(name = 'alembic_version') > 0 FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
            if ours:
                cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        # Writers take the write lock up front: a deferred transaction that reads, then writes,
        # fails with "database is locked" in WAL mode instead of waiting its turn.
        mode = conn.get_execution_options().get("sqlite_begin", "")
        conn.exec_driver_sql(f"BEGIN {mode}".strip())


T = TypeVar("T")
IN_CHUNK = 500  # values in one IN (…) list: well under SQLite's and PostgreSQL's parameter limits


def chunks(items: Sequence[T], size: int = IN_CHUNK) -> Iterator[Sequence[T]]:
    """``items`` in slices of ``size``: the values of one IN list, or the rows of one executemany."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


# The actor an operation runs as, captured when it was created (see Database.acting_as).
_ACTING: ContextVar[tuple[Database, Actor] | None] = ContextVar("thidua_acting", default=None)


@dataclass
class Database:
    """An open database: engine plus the two session factories (read and write)."""

    url: str
    engine: Engine
    read_only: bool = False
    # Run once by dispose(): e.g. releasing the instance lock (app.storage.instance).
    on_dispose: list[Callable[[], None]] = field(default_factory=list, repr=False)
    _read: sessionmaker[Session] = field(init=False, repr=False)
    _write: sessionmaker[Session] = field(init=False, repr=False)
    # The write sessions open on each thread, outermost first (the reads and writes nested in them join).
    _open: threading.local = field(init=False, repr=False, default_factory=threading.local)

    def __post_init__(self) -> None:
        self._login: Actor = SYSTEM
        # PostgreSQL: a reading sees one snapshot throughout, as a SQLite read transaction does (a
        # report's totals and its rows agree even while others save).
        reader = (
            self.engine
            if self.is_sqlite
            else self.engine.execution_options(isolation_level="REPEATABLE READ")
        )
        self._read = sessionmaker(reader, expire_on_commit=False, info={"db": self})
        event.listen(self._read, "before_flush", _read_never_writes)
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE") if self.is_sqlite else self.engine
        self._write = sessionmaker(writer, expire_on_commit=False, info={"db": self})
        audit.install(self._write)  # every change of a write session goes into the audit log
        ids.install(self._write)  # new rows numbered before a flush: one INSERT for many (SQLite)
        for name in ("loaded_as_persistent", "pending_to_persistent"):
            event.listen(self._write, name, _hold_when_nested)

    @property
    def actor(self) -> Actor:
        """Who acts: the actor of the operation running on this thread (:meth:`acting_as`), else
        the logged-in account (app.auth; SYSTEM on a database without accounts). The audit log
        records its username and every writing service checks its role."""
        acting = _ACTING.get()
        if acting is not None and acting[0] is self:
            return acting[1]
        return self._login

    @actor.setter
    def actor(self, value: Actor) -> None:
        self._login = value

    @contextmanager
    def acting_as(self, actor: Actor) -> Iterator[None]:
        """Run the block as ``actor`` on this thread, whoever logs in or out meanwhile: an operation
        captures its actor where the user asked for it and runs later on the writer thread."""
        token = _ACTING.set((self, actor))
        try:
            yield
        finally:
            _ACTING.reset(token)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def shown_url(self) -> str:
        """The URL to show a user: the password replaced by ***."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or ``None`` for a server database or an in-memory one."""
        name = self.engine.url.database
        return Path(name) if self.is_sqlite and name and name != ":memory:" else None

    def _writes(self) -> list[Session]:
        """The write sessions open on this thread, outermost first."""
        stack = getattr(self._open, "stack", None)
        if stack is None:
            stack = self._open.stack = []
        return stack

    def _joining(self, factory: sessionmaker[Session], mode: str = "create_savepoint") -> Session:
        """A session of its own inside the transaction of the write open on this thread (a read
        within a write): it sees what the write did. ``info["outer"]`` is that write's session."""
        outer = self._writes()[0]  # the nested writes are this same session (see write())
        outer.flush()  # what the enclosing code added is seen by the joined session
        return factory(bind=outer.connection(), join_transaction_mode=mode, info={"outer": outer})

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end. Inside a write on the same thread, it
        reads through that write's transaction, so it sees what was written before it."""
        # Joined, it needs no SAVEPOINT: it writes nothing, and closing it leaves the transaction
        # alone ("rollback_only": only an explicit rollback, never called here, would reach it).
        joined = bool(self._writes())
        factory = functools.partial(self._joining, self._read, "rollback_only") if joined else self._read
        with translate_db_errors(), factory() as session:
            try:
                yield session
            finally:
                # Keep what was loaded (as a commit with expire_on_commit=False would), write nothing.
                session.expunge_all()
                if not joined:
                    session.rollback()

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back whole on any error.

        Re-entrant: a write opened while another is open on the same thread joins it: it gets the
        enclosing write's session, its work inside a SAVEPOINT (``Session.begin_nested``). Its
        failure rolls back its own work only (the enclosing code may go on; SQLAlchemy expunges the
        objects it added and expires those it changed), its success is committed with the enclosing
        write, and the audit head is recorded once, after that commit. So a caller that makes many
        service calls (the demo) wraps them in one ``with db.write():`` and pays for one commit,
        not one each; and as they share one session (one identity map), the rows one call loaded
        (the award, the person, the nomination) are found by the next without a query: the objects
        loaded inside a nested write are held until the enclosing one ends (:func:`_hold_when_nested`).
        """
        if self.read_only:
            raise ReadOnlyError(
                "Cơ sở dữ liệu đang mở ở chế độ chỉ đọc (tệp đang được mở trong một cửa sổ khác): không ghi được. "
                "Hãy thực hiện thay đổi ở cửa sổ đang mở tệp này."
            )
        stack = self._writes()
        if stack:
            session = stack[0]
            with translate_db_errors(), session.begin_nested():
                stack.append(session)
                try:
                    yield session
                finally:
                    stack.pop()
            return
        kept = getattr(self._open, "kept", None)  # one_session()
        with (
            translate_db_errors(),
            nullcontext(kept) if kept is not None else self._write() as session,
            session.begin(),
        ):
            if not self.is_sqlite:
                session.execute(text(f"SET LOCAL lock_timeout = '{WRITER_WAIT_S}s'"))
                session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK})
            stack.append(session)
            try:
                yield session
            finally:
                stack.pop()  # before the commit: what runs after it (the audit head) reads afresh

    @contextmanager
    def one_session(self) -> Iterator[None]:
        """The writes opened on this thread in the block, each still its own transaction and commit,
        share one session: what one write loaded or made (and held, see :func:`_hold_when_nested`),
        the next finds without a query, across their commits (expire_on_commit is off). For a run of
        writes by the only writer of a new file (the demo's steps): a row another process changed
        in between would not be read again, so never for a book in use."""
        with self._write() as session:
            self._open.kept = session
            try:
                yield
            finally:
                self._open.kept = None

    def dispose(self) -> None:
        self.engine.dispose()
        callbacks, self.on_dispose[:] = list(self.on_dispose), []
        for callback in callbacks:
            callback()


def _hold_when_nested(session: Session, instance: object) -> None:
    """Keep a strong reference to an object loaded (or inserted) by a nested write until its session
    ends: the identity map holds unchanged objects weakly, so the award or the person one service
    call loaded would be gone, and queried again, by the next call of the same transaction."""
    if session.in_nested_transaction():
        session.info.setdefault("held", []).append(instance)


def _read_never_writes(session: Session, _context: object, _instances: object) -> None:
    """A read session that would flush is a bug (a read that writes, even one rolled back later):
    refused loudly, so that it is found by the tests and never ships."""
    raise RuntimeError(
        "Phiên đọc không được ghi dữ liệu (read session flushed: "
        f"{len(session.new)} new, {len(session.dirty)} changed, {len(session.deleted)} deleted)."
    )


class ReadOnlyError(DatabaseError):
    """A write asked of a database opened read-only."""


@contextmanager
def translate_db_errors() -> Iterator[None]:
    """Turn driver errors the user can meet into :class:`DomainError` with a Vietnamese message."""
    try:
        yield
    except DomainError:
        raise
    except StaleDataError as exc:
        raise ConflictError(
            "Bản ghi vừa được người khác thay đổi hoặc xóa. Hãy mở lại để xem bản mới nhất; thay đổi của bạn chưa được lưu."
        ) from exc
    except (IntegrityError, DataError) as exc:  # DataError: PostgreSQL's checks of types and lengths
        raise DomainError(_integrity_message(str(exc.orig))) from exc
    except OperationalError as exc:
        raise DatabaseError(_operational_message(str(exc.orig))) from exc
    except DBAPIError as exc:
        if isinstance(exc.orig, sqlite3.DatabaseError) or type(exc.orig).__module__.startswith("psycopg"):
            raise DatabaseError(_operational_message(str(exc.orig))) from exc
        raise


def _integrity_message(detail: str) -> str:
    low = detail.lower()
    if "nul (0x00)" in low:  # PostgreSQL refuses NUL in any text, a search's included (issue #14)
        return "Văn bản có ký tự điều khiển không được phép (U+0000, NUL); hãy xóa ký tự đó rồi nhập lại."
    if "foreign key" in low:
        return "Không thể thực hiện: bản ghi đang được tham chiếu ở nơi khác hoặc tham chiếu tới bản ghi không tồn tại."
    if "unique" in low or "duplicate" in low:
        return "Dữ liệu bị trùng với một bản ghi đã có."
    if "too long" in low:
        return "Dữ liệu dài quá giới hạn cho phép."
    if "check" in low or "not null" in low or "null value" in low:
        return "Dữ liệu không hợp lệ, vi phạm ràng buộc của cơ sở dữ liệu."
    return "Dữ liệu không hợp lệ."


def _operational_message(detail: str) -> str:
    low = detail.lower()
    if "lock timeout" in low:  # PostgreSQL: another user's save outlasted WRITER_WAIT_S
        return "Cơ sở dữ liệu đang bận ghi dữ liệu của người dùng khác. Hãy thử lại sau ít phút; thay đổi của bạn chưa được lưu."
    if "locked" in low or "busy" in low:
        return "Cơ sở dữ liệu đang bị khóa bởi một chương trình khác. Hãy đóng chương trình đó rồi thử lại."
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return (
            "Tệp không phải cơ sở dữ liệu Sổ Thi đua hoặc đã bị hỏng. Hãy khôi phục từ bản sao lưu gần nhất."
        )
    if "readonly" in low or "read-only" in low:
        return "Không ghi được: tệp cơ sở dữ liệu chỉ cho phép đọc."
    if "disk" in low and "full" in low or "database or disk is full" in low:
        return "Không ghi được: ổ đĩa đã đầy. Không có dữ liệu nào bị mất."
    if "unable to open" in low:
        return "Không mở được tệp cơ sở dữ liệu (kiểm tra đường dẫn và quyền truy cập)."
    return f"Lỗi cơ sở dữ liệu: {detail}"


_NETWORK_FS = {"cifs", "smb3", "smbfs", "nfs", "nfs4", "fuse.sshfs", "9p", "afs"}


def on_network_share(path: Path) -> bool:
    """Whether ``path`` is on a network file system (a UNC path, or an SMB/NFS mount on Linux).

    SQLite's WAL needs shared memory between the processes using the file, which network file
    systems do not give: two clerks on one share can corrupt it.
    """
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    best, fstype = "", ""
    for line in mounts:
        parts = line.split()
        inside = len(parts) >= 3 and (resolved == parts[1] or resolved.startswith(parts[1].rstrip("/") + "/"))
        if inside and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in _NETWORK_FS


def create_db_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine with this app's connection settings (SQLite pragmas at connect).

    ``read_only`` opens an existing SQLite file with ``mode=ro``: SQLite itself refuses writes.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if read_only and parsed.database and parsed.database != ":memory:":
            file = Path(parsed.database)
            if not file.exists():
                raise DatabaseError("Không mở được tệp cơ sở dữ liệu (kiểm tra đường dẫn và quyền truy cập).")
            uri = f"{file.resolve().as_uri()}?mode=ro"
            engine = create_engine(url, creator=lambda: sqlite3.connect(
                uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False))  # fmt: skip
            _configure_sqlite(engine, read_only=True)
            return engine
        if parsed.database and parsed.database != ":memory:":
            if on_network_share(Path(parsed.database)):
                raise DatabaseError(
                    "Tệp cơ sở dữ liệu nằm trên ổ mạng dùng chung: SQLite không an toàn ở đó (có thể hỏng dữ liệu "
                    "khi nhiều máy cùng mở). Hãy chép tệp về máy, hoặc dùng cơ sở dữ liệu PostgreSQL chung."
                )
            folder = Path(parsed.database).parent
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:  # the data folder cannot be made (read-only, no right to write)
                raise DatabaseError(os_error_message(exc)) from None
            file = Path(parsed.database)
            if unwritable_folder(folder) and not Path(f"{file}-shm").exists():
                if not file.exists():
                    raise DatabaseError(
                        f"Không tạo được cơ sở dữ liệu trong thư mục «{folder}»: thư mục chỉ cho phép đọc hoặc "
                        "không có quyền ghi. Hãy chọn thư mục khác."
                    )
                # SQLite keeps its journal files beside the database: it cannot open it for writing.
                raise DatabaseError(
                    f"Tệp cơ sở dữ liệu nằm ở nơi chỉ cho phép đọc hoặc không có quyền ghi («{folder}»): không mở "
                    "được để làm việc. Hãy chép tệp sang thư mục có quyền ghi (tệp không bị hỏng; kiểm tra: "
                    "thidua integrity)."
                )
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_S})
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True)
