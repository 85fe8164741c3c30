"""Recording every change in the hash-chained audit log, and verifying the chain.

Every ORM flush of a write session adds one entry per inserted, updated or deleted row (old and
new values of the changed columns). Bulk jobs that write with Core (imports, register numbers)
add a summary entry through :func:`record`. The entries of a transaction are chained and inserted
together just before it commits (one query for the previous hash and one insert, not two queries
a flush), under the write lock (SQLite's BEGIN IMMEDIATE; an advisory lock on PostgreSQL), each
hashed with the previous entry's hash; triggers make the table append-only. A write nested in another
(app.storage.db) works in the enclosing write's session, inside a SAVEPOINT: its entries wait for that
write's commit, and are dropped if the SAVEPOINT is rolled back. ``integrity_check`` cannot see an
edited byte in a row: :func:`verify` can.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, cast, event, func, insert, inspect, or_, select, text
from sqlalchemy import types as sqltypes
from sqlalchemy.dialects.sqlite import DATE as SQLiteDate
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapper, Session, SessionTransaction, sessionmaker

from .. import changes
from ..model.audit import AuditEntry
from . import head as audit_head

GENESIS = "0" * 64
_TABLE = AuditEntry.__table__
_SKIP_COLUMNS = {"created_at", "updated_at", "version"}
# Secrets: the log says that they changed, never what they are; a digest under DIGEST_SUFFIX
# (SHA-256 of the stored hash, shortened) lets the replay (app.audit.replay) compare them.
_REDACTED_COLUMNS = {"password_hash"}
REDACTED = "***"
DIGEST_SUFFIX = ".sha256"
# Contents (an attachment blob's bytes, app.model.attachments): never copied into the log either;
# their full SHA-256 is kept under DIGEST_SUFFIX, so the replay names a changed byte.
_CONTENT_COLUMNS = {"content"}
STATE_ACTION = "rows"  # an entry with the full state of rows written without the ORM (record_rows)
STATE_CHUNK = 500  # rows per such entry
_ISO_DATE = SQLiteDate._storage_format  # SQLite's default text of a date: its isoformat()


def _actor_name(db: Any) -> str:
    return str(getattr(getattr(db, "actor", None), "username", "") or "")


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def entry_hash(prev: str, at: str, actor: str, action: str, entity: str, entity_id: int | None,
               changes: str, reason: str) -> str:  # fmt: skip
    payload = json.dumps([prev, at, actor, action, entity, entity_id, changes, reason], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def secret_digest(value: Any) -> str | None:
    """What the log keeps of a secret (a password hash): a short digest, never the value."""
    if value is None:
        return None
    return hashlib.sha256(str(value).encode("utf-8")).hexdigest()[:16]


def content_digest(value: Any) -> str | None:
    """What the log keeps of a stored file's bytes: their SHA-256."""
    return None if value is None else hashlib.sha256(bytes(value)).hexdigest()


def _digest_of(column: str) -> Callable[[Any], str | None] | None:
    """How a column's values are logged as a digest instead of themselves (``None``: as they are)."""
    if column in _REDACTED_COLUMNS:
        return secret_digest
    return content_digest if column in _CONTENT_COLUMNS else None


def _changes(obj: Any, action: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    # An update changed only attributes set since the row was loaded (those with a committed value):
    # the others' history, asked column by column, costs more than the rest of the entry.
    changed = state.committed_state if action == "update" else None
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_COLUMNS or (changed is not None and key not in changed):
            continue
        if action == "insert":  # the values are enough: a history per column costs more than the rest
            value = getattr(obj, key)
            if value is not None:
                out[key] = [None, _plain(value)]
        elif action == "delete":
            hist = state.attrs[key].history
            value = hist.unchanged[0] if hist.unchanged else (hist.deleted[0] if hist.deleted else None)
            out[key] = [_plain(value), None]
        elif (hist := state.attrs[key].history).has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                out[key] = [_plain(old), _plain(new)]
        if key in out and (digest := _digest_of(key)) is not None:
            out[key + DIGEST_SUFFIX] = [digest(v) for v in out[key]]
            out[key] = [REDACTED if v is not None else None for v in out[key]]
    if action == "update" and out:
        # A row not named by one integer id (a composite or text key): the key, unchanged, in the
        # entry, so the replay knows which row it was.
        pk = state.mapper.primary_key
        if len(pk) != 1 or not isinstance(getattr(obj, pk[0].key, None), int):
            for col in pk:
                value = _plain(getattr(obj, state.mapper.get_property_by_column(col).key))
                out.setdefault(col.key, [value, value])
    return out


_LAST = select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)
_LAST_ID = select(_TABLE.c.id).order_by(_TABLE.c.id.desc()).limit(1)
_INSERT = insert(_TABLE)
_PENDING = "audit_rows"  # session.info key: this transaction's entries, not yet chained
_MARKS = "audit_marks"  # session.info key: SAVEPOINT → how many entries were pending when it began


def _pending(session: Session, rows: list[dict[str, Any]]) -> None:
    """Keep ``rows`` (dicts with at, actor, action, entity, entity_id, changes, reason) to append
    when the session commits."""
    if rows:
        session.info.setdefault(_PENDING, []).extend(rows)


def _append(session: Session, rows: list[dict[str, Any]]) -> None:
    """Chain and insert ``rows``."""
    if not rows:
        return
    conn = session.connection()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7350201)"))  # one writer of the chain at a time
    last = conn.execute(_LAST).first()
    prev = last.hash if last is not None else GENESIS
    for row in rows:
        at = row["at"].isoformat(timespec="microseconds")
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(prev, at, row["actor"], row["action"], row["entity"], row["entity_id"],
                                        row["changes"], row["reason"])  # fmt: skip
    conn.execute(_INSERT, rows)
    for row in rows:  # what the operation changed, for the GUI's pages (app.changes)
        changes.note(row["entity"], row["entity_id"])
    # The head is also recorded outside the file once committed: what it extends and where it is now.
    db = session.info.get("db")
    if db is not None:
        before = (last.id, last.hash) if last is not None else None
        key = audit_head.key_in(conn, db.url)
        audit_head.note(session, key, before, conn.execute(_LAST_ID).scalar_one(), prev, len(rows))


def _before_commit(session: Session) -> None:
    session.flush()  # the last changes first: SQLAlchemy would flush them only after this hook
    if not session.in_nested_transaction():  # a nested write's commit only releases its SAVEPOINT
        _append(session, session.info.pop(_PENDING, []))


def _after_rollback(session: Session, previous: SessionTransaction) -> None:
    if previous.nested:  # a SAVEPOINT: only what was recorded since it began did not happen
        rows = session.info.get(_PENDING, [])
        del rows[session.info.get(_MARKS, {}).pop(previous, len(rows)) :]
    elif previous.parent is None:
        session.info.pop(_PENDING, None)  # rolled back: what they describe did not happen
    # else a flush's own subtransaction: the SAVEPOINT or the transaction around it decides


def _mark(session: Session, transaction: SessionTransaction) -> None:
    if transaction.nested:  # a SAVEPOINT begins: how many entries were pending before it
        session.info.setdefault(_MARKS, {})[transaction] = len(session.info.get(_PENDING, []))


def _after_flush(session: Session, _context: Any) -> None:
    db = session.info.get("db")
    actor = _actor_name(db)
    reason = session.info.get("reason", "")
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = []
    for action, objs in (("insert", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objs:
            if isinstance(obj, AuditEntry):
                continue
            changes = _changes(obj, action)  # an update without a changed column has none
            if action == "update" and not changes:
                continue
            ident = inspect(obj).mapper.primary_key_from_instance(obj)
            rows.append({
                "at": now, "actor": actor, "action": action, "entity": obj.__table__.name,
                "entity_id": ident[0] if len(ident) == 1 and isinstance(ident[0], int) else None,
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True), "reason": reason,
            })  # fmt: skip
    for table, link_action, values in _links(session):
        rows.append({
            "at": now, "actor": actor, "action": link_action, "entity": table, "entity_id": None,
            "changes": json.dumps(
                {k: [None, v] if link_action == "insert" else [v, None] for k, v in values.items()},
                ensure_ascii=False, sort_keys=True,
            ),
            "reason": reason,
        })  # fmt: skip
    _pending(session, rows)


def _links(session: Session) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """The rows of link tables (a relationship's ``secondary``) this flush inserted or deleted:
    no object stands for them, so the loop over objects does not see them."""
    deleted = session.deleted
    for obj in (*session.new, *session.dirty, *deleted):
        state = inspect(obj)
        gone = obj in deleted
        for rel in _link_relationships(state.mapper):
            hist = state.attrs[rel.key].history
            changed = [("insert", t) for t in hist.added] + [("delete", t) for t in hist.deleted]
            if gone:
                changed = [("delete", t) for t in (*hist.unchanged, *hist.deleted)]
            for link_action, target in changed:
                values: dict[str, Any] = {}
                for parent_col, link_col in rel.synchronize_pairs:
                    values[link_col.key] = _plain(
                        getattr(obj, state.mapper.get_property_by_column(parent_col).key)
                    )
                target_mapper = inspect(target).mapper
                for target_col, link_col in rel.secondary_synchronize_pairs:
                    prop = target_mapper.get_property_by_column(target_col)
                    values[link_col.key] = _plain(getattr(target, prop.key))
                yield str(getattr(rel.secondary, "name", "")), link_action, values


_LINKS: dict[Mapper[Any], list[Any]] = {}  # RelationshipProperty (typed loosely: its pairs are set)


def _link_relationships(mapper: Mapper[Any]) -> list[Any]:
    """``mapper``'s relationships through a link table (most have none), looked up once."""
    found = _LINKS.get(mapper)
    if found is None:
        found = _LINKS[mapper] = [
            rel for rel in mapper.relationships
            if rel.secondary is not None and not rel.viewonly and rel.secondary_synchronize_pairs is not None
        ]  # fmt: skip
    return found


def install(factory: sessionmaker[Session]) -> None:
    """Record the changes of every session made by ``factory`` (a sessionmaker)."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "after_soft_rollback", _after_rollback)
    event.listen(factory, "after_transaction_create", _mark)
    audit_head.install(factory)


def record(session: Session, action: str, entity: str, *, entity_id: int | None = None,
           details: dict[str, Any] | None = None, reason: str = "") -> None:  # fmt: skip
    """A summary entry for work written without the ORM (imports, batch numbering)."""
    db = session.info.get("db")
    _pending(session, [{
        "at": dt.datetime.now(dt.UTC).replace(tzinfo=None), "actor": _actor_name(db), "action": action,
        "entity": entity, "entity_id": entity_id,
        "changes": json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str), "reason": reason,
    }])  # fmt: skip


def state_columns(table: Table) -> list[Column[Any]]:
    """The columns whose values the log keeps for a row of ``table`` (not the timestamps/version)."""
    return [c for c in table.columns if c.name not in _SKIP_COLUMNS]


def logged_name(column: str) -> str:
    """Under which name the log keeps ``column``'s value (a secret's digest under its own name)."""
    return column + DIGEST_SUFFIX if _digest_of(column) is not None else column


def state_value(column: str, value: Any) -> Any:
    """A current value as the log writes it (a secret or a file's bytes as its digest)."""
    digest = _digest_of(column)
    return digest(value) if digest is not None else _plain(value)


def record_rows(session: Session, table: Table, column: ColumnElement[Any], values: Iterable[Any],
                *where: ColumnElement[bool], reason: str = "") -> None:  # fmt: skip
    """The full state of the rows of ``table`` whose ``column`` is in ``values`` (and ``where``),
    as they are now in this transaction, for rows written without the ORM (bulk inserts, Core
    updates): entries of :data:`STATE_ACTION` of up to 500 rows each, so that the replay
    (app.audit.replay) can compare them later. Call it after the write, inside its transaction."""
    wanted = list(dict.fromkeys(values))
    for start in range(0, len(wanted), 900):
        record_rows_where(session, table, column.in_(wanted[start : start + 900]), *where, reason=reason)


_SIMPLE = (str, int, float, bool)


def _converter(column: Column[Any]) -> Callable[[Any], Any] | None:
    """How a column's value becomes what the log writes, ``None`` when it is written as read (the
    same as :func:`state_value`, decided once per column: an import logs a million values)."""
    if (digest := _digest_of(column.name)) is not None:
        return digest
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return _plain
    return None if python_type in _SIMPLE else _plain


def record_rows_where(session: Session, table: Table, *where: ColumnElement[bool], reason: str = "") -> None:
    """:func:`record_rows` for the rows of ``table`` that match ``where``."""
    cols = state_columns(table)
    head = (
        '{"columns": ' + json.dumps([logged_name(c.name) for c in cols], ensure_ascii=False) + ', "rows": ['
    )
    for rows in state_chunks(session, table, where):
        _state_entry(session, table.name, head + rows + "]}", reason)


def state_chunks(
    session: Session, table: Table, where: Sequence[ColumnElement[bool]], *, by_sql: bool = True
) -> Iterator[str]:
    """The logged values of the rows of ``table`` that match ``where``, in key order: the JSON text
    of each chunk of up to :data:`STATE_CHUNK` rows (arrays in :func:`state_columns` order, the
    brackets around the chunk left out). Written by the database itself (SQLite's ``json_array``,
    PostgreSQL's ``json_build_array``) when every column is stored as the log writes it: a
    hundred thousand imported rows then cost no Python call each. Otherwise, or if not ``by_sql``,
    each value is read and converted here (:func:`state_value`)."""
    cols = state_columns(table)
    order = table.primary_key.columns
    as_json = _json_array(session.connection().dialect, cols) if by_sql else None
    if as_json is not None:
        stmt = select(as_json).where(*where).order_by(*order).execution_options(yield_per=STATE_CHUNK)
        for part in session.execute(stmt).scalars().partitions():
            yield ", ".join(part)
        return
    converted = [(i, f) for i, c in enumerate(cols) if (f := _converter(c)) is not None]
    batch: list[list[Any]] = []
    for row in session.execute(select(*cols).where(*where).order_by(*order)):
        values = list(row)
        for i, convert in converted:
            if values[i] is not None:
                values[i] = convert(values[i])
        batch.append(values)
        if len(batch) == STATE_CHUNK:
            yield json.dumps(batch, ensure_ascii=False, default=str)[1:-1]
            batch = []
    if batch:
        yield json.dumps(batch, ensure_ascii=False, default=str)[1:-1]


def _json_array(dialect: Dialect, cols: list[Column[Any]]) -> ColumnElement[str] | None:
    """A row's values as the JSON array text the log would write, computed by the database; ``None``
    if the database or a column's type is not one whose JSON is the logged value (:func:`_as_logged`)."""
    if dialect.name not in ("sqlite", "postgresql") or not all(_as_logged(c, dialect) for c in cols):
        return None
    if dialect.name == "sqlite":
        return func.json_array(*cols, type_=sqltypes.Text)
    return cast(func.json_build_array(*cols), sqltypes.Text)  # text: the driver would parse json


def _as_logged(column: Column[Any], dialect: Dialect) -> bool:
    """Whether the database's JSON of ``column``'s stored value is what :func:`state_value` gives:
    integers, texts, enums stored as their values, and dates (ISO text on SQLite by default;
    PostgreSQL writes dates in JSON as ISO whatever its DateStyle). Not secrets (their digest), nor
    booleans (SQLite's 0/1), numbers with a fraction (SQLite writes 15 digits), times or others."""
    if column.name in _REDACTED_COLUMNS:
        return False
    impl = column.type.dialect_impl(dialect)
    if isinstance(impl, sqltypes.Enum):
        return impl.enum_class is None or impl.enums == [m.value for m in impl.enum_class]
    if isinstance(impl, sqltypes.Integer | sqltypes.String):
        return True
    if isinstance(impl, sqltypes.Date):
        return dialect.name == "postgresql" or getattr(impl, "_storage_format", None) == _ISO_DATE
    return False


def _id_tables() -> list[Table]:
    from ..model import Base

    return [
        t for t in Base.metadata.sorted_tables
        if t is not _TABLE and [c.name for c in t.primary_key.columns] == ["id"]
    ]  # fmt: skip


def high_water(session: Session) -> dict[str, int]:
    """The last id of every table with an integer id, before a bulk job writes (:func:`record_written`)."""
    return {t.name: session.execute(select(func.max(t.c.id))).scalar() or 0 for t in _id_tables()}


def record_written(
    session: Session, marks: dict[str, int], since: dt.datetime | None, reason: str = ""
) -> None:
    """The state of every row a bulk job wrote without the ORM: the rows past ``marks``
    (:func:`high_water`; an index range) and, if it updated rows (``since`` given), those whose
    ``updated_at`` is ``since`` or later (a scan of each table)."""
    for t in _id_tables():
        where = t.c.id > marks.get(t.name, 0)
        if since is not None and "updated_at" in t.c:
            where = or_(where, t.c.updated_at >= since)
        record_rows_where(session, t, where, reason=reason)


def _state_entry(session: Session, table: str, changes: str, reason: str) -> None:
    db = session.info.get("db")
    _pending(session, [{
        "at": dt.datetime.now(dt.UTC).replace(tzinfo=None), "actor": _actor_name(db), "action": STATE_ACTION,
        "entity": table, "entity_id": None, "changes": changes, "reason": reason,
    }])  # fmt: skip


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None  # id of the first entry that does not fit the chain
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(db: audit_head.ReadableDatabase, *, with_head: bool = True) -> ChainReport:
    """Walk the chain: every entry's prev_hash is the previous entry's hash, and its hash is the
    hash of its content. An edited entry, a deleted one or one slipped in is named; the last
    entries deleted, or the file swapped, show against the head recorded outside (app.audit.head).
    ``with_head=False`` checks the chain alone: a backup is an older state of the same book, and
    its end is rightly behind the live book's head."""
    prev, previous_id, count = GENESIS, 0, 0
    with db.read() as session:
        rows = session.execute(select(_TABLE).order_by(_TABLE.c.id)).yield_per(2000)
        for r in rows:
            count += 1
            if r.prev_hash != prev:
                missing = r.id != previous_id + 1
                what = (
                    f"mất mục trước mục {r.id}" if missing else f"mục {r.id} không nối với mục {previous_id}"
                )
                return ChainReport(count, r.id, what)
            at = r.at.isoformat(timespec="microseconds")
            expected = entry_hash(prev, at, r.actor, r.action, r.entity, r.entity_id, r.changes, r.reason)
            if r.hash != expected:
                return ChainReport(count, r.id, f"nội dung mục {r.id} đã bị sửa")
            prev, previous_id = r.hash, r.id
    # The chain inside the file is whole; its end must still be where it was last recorded.
    if not with_head:
        return ChainReport(count, None)
    last_recorded, problem = audit_head.check(db)
    if problem:
        return ChainReport(count, last_recorded, problem)
    return ChainReport(count, None)
