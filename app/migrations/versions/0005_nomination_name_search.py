"""Full-text index of nominees' folded names (SQLite FTS5), kept in step by triggers.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28

A search of the nominations list matches when every word typed begins a word of the folded name
("duc" finds "Đỗ Minh Đức", "thi b" finds "Trần Thị Bình"). ``LIKE '%…%'`` read the whole table (about
200 ms on a million rows); the word index answers a count in 7–75 ms. PostgreSQL keeps LIKE.

The triggers belong to ``nomination``: a later batch-mode migration that recreates that table
must recreate them (tests/test_migrations.py checks they exist at head).
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER nomination_words_ai AFTER INSERT ON nomination BEGIN
        INSERT INTO nomination_words(rowid, nominee_fold) VALUES (new.id, new.nominee_fold);
    END""",
    """CREATE TRIGGER nomination_words_ad AFTER DELETE ON nomination BEGIN
        INSERT INTO nomination_words(nomination_words, rowid, nominee_fold) VALUES ('delete', old.id, old.nominee_fold);
    END""",
    """CREATE TRIGGER nomination_words_au AFTER UPDATE OF nominee_fold ON nomination BEGIN
        INSERT INTO nomination_words(nomination_words, rowid, nominee_fold) VALUES ('delete', old.id, old.nominee_fold);
        INSERT INTO nomination_words(rowid, nominee_fold) VALUES (new.id, new.nominee_fold);
    END""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE nomination_words USING fts5("
        "nominee_fold, content='nomination', content_rowid='id', prefix='1 2 3', detail='column')"
    )
    op.execute("INSERT INTO nomination_words(nomination_words) VALUES ('rebuild')")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("nomination_words_au", "nomination_words_ad", "nomination_words_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS nomination_words")
