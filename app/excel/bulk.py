"""Bulk inserts for imports, inside the caller's transaction.

SQLAlchemy's executemany prepares every row's parameters in Python (compiling, one bind processor
call per value): for 100,000 persons and their postings that cost 3.5 s of CPU against SQLite's own
1.7 s. On SQLite the rows therefore go to the driver's ``executemany`` as tuples, after the same
bind processors the columns declare (dates, enums, timestamps; memoised, as the values repeat) and
with the columns' Python-side defaults filled in. On PostgreSQL they go by COPY (a multi-row
INSERT of 100,000 persons spent over a minute, most of it in the driver parsing its placeholders),
with ids taken from the table's sequence. Other databases keep the Core path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.dialects.sqlite import DATE as SQLiteDate
from sqlalchemy.orm import Session

REBUILD_FLOOR = 10_000  # rows; below this, inserting into the indexes costs little


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """INSERT ``rows`` (tuples in ``columns`` order) with one executemany."""
    if not rows:
        return
    conn = session.connection()
    dialect = conn.dialect
    missing = _defaults(table, columns)
    if dialect.name == "postgresql" and dialect.driver == "psycopg" and missing is not None:
        _copy_rows(session, table, columns, rows, missing)
        return
    if dialect.name != "sqlite" or missing is None:
        session.execute(insert(table), [dict(zip(columns, r, strict=True)) for r in rows])
        return
    procs: list[tuple[int, Callable[[Any], Any]]] = []
    for i, name in enumerate((*columns, *missing)):
        impl = table.c[name].type.dialect_impl(dialect)
        proc = impl.bind_processor(dialect)
        if proc is not None:
            procs.append(
                (
                    i,
                    _iso_dates(proc)
                    if getattr(impl, "_storage_format", None) == _DEFAULT_DATE
                    and isinstance(impl, SQLiteDate)
                    else proc,
                )
            )
    if missing or procs:
        # Column by column: each distinct value processed once, rows rebuilt by zip (C speed).
        cols: list[Sequence[Any]] = [*zip(*rows, strict=True), *([v] * len(rows) for v in missing.values())]
        for i, process in procs:
            cols[i] = _processed(cols[i], process)
        columns = (*columns, *missing)
        rows = list(zip(*cols, strict=True))
    prep = dialect.identifier_preparer
    names = ", ".join(prep.quote(c) for c in columns)
    marks = ", ".join("?" * len(columns))
    conn.exec_driver_sql(f"INSERT INTO {prep.format_table(table)} ({names}) VALUES ({marks})", rows)


def _copy_rows(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
    missing: dict[str, Any],
) -> None:
    """PostgreSQL: ``rows`` by COPY, after each column type's own conversion, defaults filled in."""
    conn = session.connection()
    names = (*columns, *missing)
    convert = [table.c[name].type._cached_bind_processor(conn.dialect) for name in names]
    extra = tuple(missing.values())
    prep = conn.dialect.identifier_preparer
    cols = ", ".join(prep.quote(c) for c in names)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]  # open: psycopg's connection
    with cursor, cursor.copy(f"COPY {prep.format_table(table)} ({cols}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([f(v) if f else v for f, v in zip(convert, (*row, *extra), strict=True)])


def insert_dicts(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """:func:`insert_rows` for dicts with the same keys."""
    if rows:
        keys = tuple(rows[0])
        insert_rows(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def _defaults(table: Table, columns: Sequence[str]) -> dict[str, Any] | None:
    """Python-side defaults of the columns not given (``None`` if one needs SQL to compute it)."""
    out: dict[str, Any] = {}
    given = set(columns)
    for col in table.columns:
        if col.key in given or col.default is None:
            continue
        default = col.default
        if getattr(default, "is_scalar", False):
            out[col.key] = default.arg  # type: ignore[attr-defined]  # a scalar default has .arg
        elif getattr(default, "is_callable", False):
            out[col.key] = default.arg(None)  # type: ignore[attr-defined]  # a callable default has .arg
        else:
            return None
    return out


_DEFAULT_DATE = SQLiteDate._storage_format  # "%(year)04d-%(month)02d-%(day)02d": a date's isoformat()


def _iso_dates(proc: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """SQLite's DATE processor, by ``date.isoformat`` (C) for plain dates: the same text, 15× quicker."""
    date = dt.date

    def process(value: Any) -> Any:
        return value.isoformat() if value.__class__ is date else proc(value)

    return process


def _processed(values: Sequence[Any], proc: Callable[[Any], Any]) -> list[Any]:
    try:
        done = {v: proc(v) for v in set(values) if v is not None}
    except TypeError:  # an unhashable value: process each one
        return [None if v is None else proc(v) for v in values]
    done[None] = None
    return list(map(done.__getitem__, values))


def insert_returning(session: Session, table: Table, rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` (dicts with the same keys) in one executemany and return their ids in order."""
    if not rows:
        return []
    keys = tuple(rows[0])
    return insert_rows_returning(session, table, keys, [tuple(row[k] for k in keys) for row in rows])


def insert_rows_returning(
    session: Session,
    table: Table,
    columns: Sequence[str],
    rows: list[tuple[Any, ...]],
) -> list[int]:
    """:func:`insert_rows`, returning the new rows' ids in order.

    On SQLite, RETURNING with the rows' order kept falls back to one statement per row (30,000
    executes for 30,000 persons); the import holds the write lock (BEGIN IMMEDIATE), so the ids
    are given here, after the largest one, as SQLite itself would give them.
    """
    if not rows:
        return []
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        ids = next_ids(session, table, len(rows))
        insert_rows(session, table, ("id", *columns), [(i, *row) for i, row in zip(ids, rows, strict=True)])
        return ids
    stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    result = session.execute(stmt, [dict(zip(columns, r, strict=True)) for r in rows])
    return list(result.scalars())


def next_ids(session: Session, table: Table, count: int) -> list[int]:
    """Ids for ``count`` new rows: on SQLite those it would give itself (the caller holds the write
    lock); on PostgreSQL taken from the table's sequence, which stays ahead of every id."""
    if session.get_bind().dialect.name == "postgresql":
        return sorted(session.scalars(
            text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": session.get_bind().dialect.identifier_preparer.format_table(table), "n": count},
        ))  # fmt: skip
    start = (session.scalar(select(func.max(table.c.id))) or 0) + 1
    return list(range(start, start + count))


def drop_indexes(session: Session, table: Table, adding: int) -> list[tuple[str, str]]:
    """Drop the secondary indexes of ``table`` before a load of ``adding`` rows at least as large as
    what it holds (SQLite); the (name, SQL) of each, for the caller to run once the rows are in.

    One sort per index instead of a random B-tree insertion per row and index: 100,000 persons with
    their postings took 1.9 s of SQLite's CPU, 1.1 s this way (and a third of the time on the
    clock). A failure rolls the transaction back, indexes included; unique indexes are checked
    again as they are built. Nothing is dropped for small loads into big tables, where re-sorting
    what is already there would cost more than it saves.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite" or adding < REBUILD_FLOOR:
        return []
    held = conn.exec_driver_sql(
        f"SELECT count(*) FROM {conn.dialect.identifier_preparer.format_table(table)}"
    ).scalar()
    if adding < (held or 0):
        return []
    indexes = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
        (table.name,),
    ).all()
    quote = conn.dialect.identifier_preparer.quote
    for name, _sql in indexes:
        conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
    return [(name, sql) for name, sql in indexes]
