"""Column mappings of other offices' list layouts, remembered once the clerk confirms them.

Kept in the ``meta`` table as JSON under ``import_mapping:<signature>`` (see
:func:`app.excel.mapping.signature`): the next list in the same layout, from the same sender,
reads with no question asked.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..storage.db import Database
from .common import meta_json, put_meta_json

PREFIX = "import_mapping:"


def remembered(db: Database, key: str) -> dict[int, str] | None:
    with db.read() as session:
        return load(session, key)


def load(session: Session, key: str) -> dict[int, str] | None:
    data = meta_json(session, PREFIX + key)
    try:
        return {int(c): str(f) for c, f in data["fields"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def store(session: Session, key: str, headers: dict[int, str], fields: dict[int, str]) -> None:
    """Remember a confirmed mapping, in the caller's write transaction (the import's own)."""
    put_meta_json(session, PREFIX + key, {
        "headers": {str(c): h for c, h in sorted(headers.items())},
        "fields": {str(c): f for c, f in sorted(fields.items())},
    })  # fmt: skip
