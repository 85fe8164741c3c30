"""Alembic environment: runs on the connection handed in by :mod:`app.migrations`."""

from __future__ import annotations

from alembic import context

from app.migrations import SEARCH_INDEX
from app.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through app.migrations
    raise RuntimeError("Run migrations through app.migrations.upgrade(engine).")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The FTS5 word index and its shadow tables are SQLite's, made by migration 0005.
    return not (type_ == "table" and name is not None and name.startswith(SEARCH_INDEX))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
