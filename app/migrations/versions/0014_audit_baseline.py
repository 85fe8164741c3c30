"""The replay's baseline: the state of every row, appended to the audit log once.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

Rows written before the log kept full states (and rows that 0010 and 0012 created or filled in:
the signing keys, the issue records, the decided names) have no complete record, and the replay
(app.audit.replay) would name each of them. This appends their state as it is at the upgrade
(app.audit.baseline); from then on every row is covered. It runs after this round's schema
changes so that one snapshot covers all of them; a later migration that adds columns or backfills
rows takes its own.
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.audit.baseline import snapshot

    snapshot(op.get_bind(), "Nâng cấp 0014: trạng thái ban đầu của dữ liệu cho việc đối chiếu nhật ký")


def downgrade() -> None:
    """The entries stay: the log is append-only (its triggers refuse deletes)."""
