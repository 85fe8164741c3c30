"""Alembic environment: runs on the connection handed in by :mod:`app.migrations`."""

from __future__ import annotations

from alembic import context

from app.model import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only through app.migrations
    raise RuntimeError("Run migrations through app.migrations.upgrade(engine).")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
