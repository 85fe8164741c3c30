"""A baseline for the replay (app.audit.replay): the full state of every row, appended to the log.

Rows written before the log kept full states (a database from before migration 0007, link-table
rows, register numbers, print-log rows and Core updates before 0014) have no complete record, and
the replay would name them. Migration 0014 therefore appends, once, the state of every row as it
is at the upgrade, in :data:`~app.audit.log.STATE_ACTION` entries chained like any other: from
then on every row is covered. A change made before the upgrade cannot be told from the data (it is
the baseline). A later migration that adds or changes columns should call :func:`snapshot` too,
so that the replay knows the new columns' values.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import insert, inspect, select
from sqlalchemy.engine import Connection

from ..model.audit import AuditEntry
from .identity import IDENTITY_KEY
from .log import GENESIS, STATE_ACTION, STATE_CHUNK, entry_hash, logged_name, state_columns, state_value

_TABLE = AuditEntry.__table__


def snapshot(conn: Connection, reason: str) -> int:
    """Append the state of every row of every audited table (the columns the database has now)
    to the log in ``conn``'s transaction; returns how many entries were appended."""
    from .replay import audited_tables

    present = set(inspect(conn).get_table_names())
    if _TABLE.name not in present:
        return 0
    last = conn.execute(select(_TABLE.c.id, _TABLE.c.hash).order_by(_TABLE.c.id.desc()).limit(1)).first()
    prev = last.hash if last is not None else GENESIS
    at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp = at.isoformat(timespec="microseconds")
    added = 0
    for table in audited_tables():
        if table.name not in present:
            continue
        have = {c["name"] for c in inspect(conn).get_columns(table.name)}
        cols = [c for c in state_columns(table) if c.name in have]
        names = [logged_name(c.name) for c in cols]
        batch: list[list[Any]] = []
        chunks: list[list[list[Any]]] = []
        for row in conn.execute(select(*cols).order_by(*table.primary_key.columns)):
            values = [state_value(c.name, v) for c, v in zip(cols, row, strict=True)]
            if table.name == "meta" and values[names.index("key")] == IDENTITY_KEY:
                continue  # the head's key, not data
            batch.append(values)
            if len(batch) == STATE_CHUNK:
                chunks.append(batch)
                batch = []
        if batch:
            chunks.append(batch)
        for rows in chunks:
            changes = json.dumps({"columns": names, "rows": rows}, ensure_ascii=False, default=str)
            prev_hash, prev = (
                prev,
                entry_hash(prev, stamp, "", STATE_ACTION, table.name, None, changes, reason),
            )
            conn.execute(insert(_TABLE).values(
                at=at, actor="", action=STATE_ACTION, entity=table.name, entity_id=None, changes=changes,
                reason=reason, prev_hash=prev_hash, hash=prev,
            ))  # fmt: skip
            added += 1
    return added
