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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, inspect, select, text
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from .. import changes
from ..model.audit import AuditEntry
from . import head as audit_head

GENESIS = "0" * 64
_TABLE = AuditEntry.__table__
_SKIP_COLUMNS = {"created_at", "updated_at", "version"}
# Secrets: the log says that they changed, never what they are.
_REDACTED_COLUMNS = {"password_hash"}
REDACTED = "***"


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


def _changes(obj: Any, action: str) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in _SKIP_COLUMNS:
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
        if key in _REDACTED_COLUMNS and key in out:
            out[key] = [REDACTED if v is not None else None for v in out[key]]
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
    before = (last.id, last.hash) if last is not None else None
    audit_head.note(session, before, conn.execute(_LAST_ID).scalar_one(), prev, len(rows))


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
            if action == "update" and not session.is_modified(obj, include_collections=False):
                continue
            changes = _changes(obj, action)
            if action == "update" and not changes:
                continue
            ident = inspect(obj).mapper.primary_key_from_instance(obj)
            rows.append({
                "at": now, "actor": actor, "action": action, "entity": obj.__table__.name,
                "entity_id": ident[0] if len(ident) == 1 and isinstance(ident[0], int) else None,
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True), "reason": reason,
            })  # fmt: skip
    _pending(session, rows)


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


@dataclass(frozen=True)
class ChainReport:
    entries: int
    broken_at: int | None  # id of the first entry that does not fit the chain
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(db: audit_head.ReadableDatabase) -> ChainReport:
    """Walk the chain: every entry's prev_hash is the previous entry's hash, and its hash is the
    hash of its content. An edited entry, a deleted one or one slipped in is named; the last
    entries deleted, or the file swapped, show against the head recorded outside (app.audit.head)."""
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
    last_recorded, problem = audit_head.check(db)
    if problem:
        return ChainReport(count, last_recorded, problem)
    return ChainReport(count, None)
