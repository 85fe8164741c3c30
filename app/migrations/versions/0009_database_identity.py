"""The database's identity: a random id in ``meta`` that names the book wherever its file goes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

The audit chain's head kept outside the file (app.audit.head) was keyed by the file's path, so a
copy at another path had no head at all. It is now keyed by this id, copied with the file. No
table changes (no batch copy, the audit table's triggers are untouched).
"""

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KEY = "database_id"  # app.audit.identity.IDENTITY_KEY


def upgrade() -> None:
    conn = op.get_bind()
    meta = sa.table("meta", sa.column("key", sa.String), sa.column("value", sa.Text))
    if conn.execute(sa.select(meta.c.value).where(meta.c.key == KEY)).first() is None:
        conn.execute(sa.insert(meta).values(key=KEY, value=uuid.uuid4().hex))


def downgrade() -> None:
    meta = sa.table("meta", sa.column("key", sa.String))
    op.get_bind().execute(sa.delete(meta).where(meta.c.key == KEY))
