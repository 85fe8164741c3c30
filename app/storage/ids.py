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

from typing import Any, NamedTuple

from sqlalchemy import Integer, Select, event, func, inspect, select
from sqlalchemy.orm import Mapper, Session, sessionmaker


class _Numbered(NamedTuple):
    key: str  # the id's attribute
    last: Select[tuple[Any]]  # the table's largest id


# mapper → how its new rows are numbered, or None when they are not numbered here
_NUMBERED: dict[Mapper[Any], _Numbered | None] = {}


def install(factory: sessionmaker[Session]) -> None:
    """Number the new rows of every flush of ``factory``'s sessions, on SQLite."""
    event.listen(factory, "before_flush", _number_new)


def _numbered(mapper: Mapper[Any]) -> _Numbered | None:
    """How SQLite numbers ``mapper``'s rows: a single-table mapping with one integer autoincrement
    primary key (what SQLite numbers as max + 1); ``None`` for the others."""
    if mapper in _NUMBERED:
        return _NUMBERED[mapper]
    found = None
    pk = list(mapper.primary_key)
    single = mapper.inherits is None and len(pk) == 1 and isinstance(pk[0].type, Integer)
    if single and getattr(mapper.local_table, "_autoincrement_column", None) is pk[0]:
        found = _Numbered(mapper.get_property_by_column(pk[0]).key, select(func.max(pk[0])))
    _NUMBERED[mapper] = found
    return found


def _number_new(session: Session, _context: object, _instances: object) -> None:
    new = session.new
    if len(new) < 2 or session.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL batches an INSERT .. RETURNING of many rows by itself
    waiting: dict[Mapper[Any], list[Any]] = {}
    for obj in new:
        state = inspect(obj)
        numbered = _numbered(state.mapper)
        if numbered is not None and state.dict.get(numbered.key) is None:
            waiting.setdefault(state.mapper, []).append(state)
    for mapper, states in waiting.items():
        numbered = _NUMBERED[mapper]
        if len(states) < 2 or numbered is None:
            continue  # one INSERT either way: no look-up of the largest id
        last = session.connection().scalar(numbered.last) or 0
        for offset, state in enumerate(sorted(states, key=lambda s: s.insert_order), start=1):
            setattr(state.obj(), numbered.key, last + offset)
