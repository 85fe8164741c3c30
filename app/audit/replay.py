"""Replaying the audit log against the data: does every row still hold what its last entry says?

The hash chain (app.audit.log) proves the LOG was not edited; it says nothing of the data next to
it. A value changed with ``sqlite3`` on a closed file (a nomination's votes, a decision's number,
an account's role) leaves the log whole. This module folds the log, in order, into the state it
describes for every row of every audited table (an ``insert`` entry has every non-empty column, an
``update`` the changed ones, a :data:`~app.audit.log.STATE_ACTION` entry the full state of rows
written without the ORM), then reads the tables once and names:

* each row whose column differs from its logged value (password hashes by digest, never shown);
* each row with no entry at all (slipped in behind the application's back);
* each row whose last entry is not a deletion but which is gone.

Rows whose first entry is not their insertion (written before the log existed, migration 0007)
are compared on the columns the log knows; they are counted once per table as "no full record",
a note, not a finding. Timestamps and version counters are not logged, so not compared; the
database's identity (``meta.database_id``) is the head's key, not data.

Cost: the log is read once (its JSON parsed), each table once, streamed; the log's states are
kept in memory (one small dict per row) and dropped as rows are matched.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import LargeBinary, Table, select
from sqlalchemy.orm import Session

from ..model import Base
from ..model.audit import AuditEntry
from . import head as audit_head
from .identity import IDENTITY_KEY
from .log import DIGEST_SUFFIX, REDACTED, STATE_ACTION, logged_name, state_columns, state_value

Key = Any  # an int id, or a tuple of a row's key values
_ROW_ACTIONS = ("insert", "update", "delete")
_NOT_DATA: dict[str, set[Key]] = {"meta": {IDENTITY_KEY}}  # rows that are not the book's data


def audited_tables() -> list[Table]:
    """Every table of the model but the log itself."""
    return [t for t in Base.metadata.sorted_tables if t.name != AuditEntry.__tablename__]


@dataclass(frozen=True)
class Finding:
    kind: str  # "differs" | "unlogged" | "vanished"
    table: str
    key: Key
    column: str = ""
    logged: Any = None
    current: Any = None

    def __str__(self) -> str:
        row = f"bảng {self.table}, dòng {_show_key(self.key)}"
        if self.kind == "unlogged":
            return f"{row}: có trong dữ liệu nhưng nhật ký không có mục nào ghi việc tạo hay sửa nó"
        if self.kind == "vanished":
            return f"{row}: nhật ký ghi dòng này còn, nhưng nó đã mất khỏi dữ liệu"
        if self.column.endswith(DIGEST_SUFFIX):
            name = self.column.removesuffix(DIGEST_SUFFIX)
            return f"{row}, cột {name}: giá trị khác với nhật ký (không hiển thị)"
        return f"{row}, cột {self.column}: nhật ký ghi {_show(self.logged)}, dữ liệu hiện là {_show(self.current)}"


def _show(value: Any) -> str:
    return "(trống)" if value is None else repr(value) if isinstance(value, str) else str(value)


def _show_key(key: Key) -> str:
    return ", ".join(str(k) for k in key) if isinstance(key, tuple) else str(key)


@dataclass
class ReplayReport:
    findings: list[Finding] = field(default_factory=list)
    rows: int = 0  # rows compared
    entries: int = 0  # log entries read
    partial: dict[str, int] = field(default_factory=dict)  # table → rows with no full record
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.findings


@dataclass
class _State:
    values: dict[str, Any]
    full: bool
    deleted: bool = False
    entry: int = 0  # the last entry's id


class _Tables:
    """What the replay needs of each audited table: its key columns and logged columns."""

    def __init__(self) -> None:
        self.by_name = {t.name: t for t in audited_tables()}
        self.keys = {name: [c.name for c in t.primary_key.columns] for name, t in self.by_name.items()}
        self.columns = {
            name: [logged_name(c.name) for c in state_columns(t)] for name, t in self.by_name.items()
        }

    def simple(self, table: str) -> bool:
        return len(self.keys[table]) == 1 and self.keys[table][0] == "id"


def _key_from(changes: dict[str, Any], names: list[str], side: int) -> Key | None:
    try:
        values = tuple(changes[n][side] for n in names)
    except (KeyError, IndexError, TypeError):
        return None
    return values[0] if len(values) == 1 else values


def _fold(session: Session, tables: _Tables, report: ReplayReport) -> dict[str, dict[Key, _State]]:
    """The state of every logged row, from the log in order."""
    states: dict[str, dict[Key, _State]] = {name: {} for name in tables.by_name}
    t = AuditEntry.__table__
    stmt = (
        select(t.c.id, t.c.action, t.c.entity, t.c.entity_id, t.c.changes)
        .where(t.c.entity.in_(list(tables.by_name)))
        .order_by(t.c.id)
    )
    for entry_id, action, entity, entity_id, raw in session.execute(stmt).yield_per(5000):
        report.entries += 1
        if action == STATE_ACTION:
            data = json.loads(raw)
            names = data["columns"]
            key_at = [names.index(k) for k in tables.keys[entity]]
            table_states = states[entity]
            for row in data["rows"]:
                k = row[key_at[0]] if len(key_at) == 1 else tuple(row[i] for i in key_at)
                table_states[k] = _State(dict(zip(names, row, strict=True)), True, entry=entry_id)
            continue
        if action not in _ROW_ACTIONS:
            continue  # a bulk job's summary: its rows come with their own state entries
        changes = json.loads(raw)
        if tables.simple(entity):
            key: Key | None = entity_id
        else:
            key = _key_from(changes, tables.keys[entity], 0 if action == "delete" else 1)
        if key is None:
            continue  # an old entry of a composite-key row without its key: nothing to attribute
        table_states = states[entity]
        state = table_states.get(key)
        if action == "insert" or state is None:
            full = action == "insert"
            state = _State({c: None for c in tables.columns[entity]} if full else {}, full)
            table_states[key] = state
        state.entry = entry_id
        if action == "delete":
            state.deleted = True
            continue
        state.deleted = False
        for column, pair in changes.items():
            if not isinstance(pair, list) or len(pair) != 2 or pair[1] == REDACTED:
                continue
            state.values[column] = pair[1]
    return states


def _rows(session: Session, table: Table) -> Iterator[tuple[Key, dict[str, Any]]]:
    """Every row of ``table`` as the log would write it, with its key."""
    cols = state_columns(table)
    names = [logged_name(c.name) for c in cols]
    keys = [c.name for c in table.primary_key.columns]
    # Rows holding files (attachment blobs, up to 20 MB each) are read a few at a time.
    batch = 20 if any(isinstance(c.type, LargeBinary) for c in cols) else 5000
    for row in session.execute(select(*cols).order_by(*table.primary_key.columns)).yield_per(batch):
        values = {n: state_value(c.name, v) for n, c, v in zip(names, cols, row, strict=True)}
        yield (values[keys[0]] if len(keys) == 1 else tuple(values[k] for k in keys)), values


def _compare(table: str, key: Key, state: _State, values: dict[str, Any], report: ReplayReport) -> None:
    for column, logged in state.values.items():
        if column in values and logged != values[column]:
            report.findings.append(Finding("differs", table, key, column, logged, values[column]))


def replay(session: Session) -> ReplayReport:
    """Compare every row of every audited table with the state the log gives it (one read session)."""
    began = time.perf_counter()
    report = ReplayReport()
    tables = _Tables()
    states = _fold(session, tables, report)
    for name, table in tables.by_name.items():
        logged = states[name]
        skip = _NOT_DATA.get(name, set())
        partial = 0
        for key, values in _rows(session, table):
            if key in skip:
                continue
            report.rows += 1
            state = logged.pop(key, None)
            if state is None or state.deleted:
                report.findings.append(Finding("unlogged", name, key))
                continue
            if not state.full:
                partial += 1
            _compare(name, key, state, values, report)
        for key, state in logged.items():
            if not state.deleted and key not in skip:
                report.findings.append(Finding("vanished", name, key))
        if partial:
            report.partial[name] = partial
        states[name] = {}
    report.seconds = time.perf_counter() - began
    return report


def replay_database(db: audit_head.ReadableDatabase) -> ReplayReport:
    with db.read() as session:
        return replay(session)
