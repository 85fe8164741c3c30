"""New rows numbered before a flush on SQLite, so that the ORM inserts them in one statement.

The ORM inserts many new rows of a table with one ``executemany`` only when it needs nothing back
from the database. A row without its id needs the id back; SQLite cannot return the ids of a
batched INSERT in a known order (PostgreSQL can: SQLAlchemy batches it there with RETURNING), so
the ORM sends one INSERT per row: a nomination's events, a year's registrations or appraisals, a
thousand statements. Here, just before a flush, the new rows of a table that has more than one
are given the ids SQLite would give them (the table's largest id plus one, in the order they were
added: the order the ORM inserts them in), and the ORM writes them in one statement.

Safe because a write session holds SQLite's write lock from its first statement (BEGIN IMMEDIATE,
app.storage.db): no one else inserts between the look-up of the largest id and the flush. The
tables have no AUTOINCREMENT, so SQLite itself would give exactly these ids.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Integer, event, func, inspect, select
from sqlalchemy.orm import Mapper, Session, sessionmaker

# mapper → its integer id column, or None when its rows are not numbered here
_NUMBERED: dict[Mapper[Any], Column[Any] | None] = {}


def install(factory: sessionmaker[Session]) -> None:
    """Number the new rows of every flush of ``factory``'s sessions, on SQLite."""
    event.listen(factory, "before_flush", _number_new)


def _id_column(mapper: Mapper[Any]) -> Column[Any] | None:
    """The id column SQLite fills for ``mapper``'s rows: a single-table mapping with one integer
    autoincrement primary key (what SQLite numbers as max + 1)."""
    if mapper in _NUMBERED:
        return _NUMBERED[mapper]
    table = mapper.local_table
    column: Column[Any] | None = None
    pk = list(mapper.primary_key)
    if mapper.inherits is None and len(pk) == 1 and isinstance(pk[0].type, Integer):
        candidate = pk[0]
        if getattr(table, "_autoincrement_column", None) is candidate:
            column = candidate
    _NUMBERED[mapper] = column
    return column


def _number_new(session: Session, _context: object, _instances: object) -> None:
    new = session.new
    if len(new) < 2 or session.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL batches an INSERT .. RETURNING of many rows by itself
    waiting: dict[Mapper[Any], list[Any]] = {}
    for obj in new:
        state = inspect(obj)
        column = _id_column(state.mapper)
        if column is not None and state.dict.get(state.mapper.get_property_by_column(column).key) is None:
            waiting.setdefault(state.mapper, []).append(state)
    for mapper, states in waiting.items():
        if len(states) < 2:
            continue  # one INSERT either way: no look-up of the largest id
        column = _NUMBERED[mapper]
        assert column is not None
        key = mapper.get_property_by_column(column).key
        last = session.connection().scalar(select(func.max(column))) or 0
        for offset, state in enumerate(sorted(states, key=lambda s: s.insert_order), start=1):
            setattr(state.obj(), key, last + offset)
