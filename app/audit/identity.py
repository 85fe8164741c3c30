"""The database's identity: a random id stored in the database itself (``meta``, created by
migration 0009), so the audit head recorded outside the file follows the book, not its path."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ..model.meta import Meta

IDENTITY_KEY = "database_id"


def read(conn: Connection) -> str | None:
    """The identity of the database ``conn`` is connected to (``None``: not migrated to 0009)."""
    value = conn.execute(select(Meta.value).where(Meta.key == IDENTITY_KEY)).scalar()
    return str(value) if value else None


def read_file(path: Path) -> str | None:
    """The identity of the SQLite file at ``path``, read-only (``None``: none, or not a database)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (IDENTITY_KEY,)).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(row[0]) if row and row[0] else None
