"""Schema migrations (Alembic), applied when a database is opened.

Linear revisions under ``versions/``; batch mode on SQLite. A database whose revision this app
does not know was made by a newer version and is refused rather than touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from ..errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

_HERE = Path(__file__).resolve().parent
# SQLite FTS5 table (and its shadow tables) of nominees' names: not in the model (migration 0005).
SEARCH_INDEX = "nomination_words"
_REV = re.compile(r"^(down_)?revision\s*=\s*['\"]?([\w]+)['\"]?", re.MULTILINE)


def _config(connection: Connection | None = None) -> Config:
    # Alembic is imported only when a schema must change: opening an up-to-date database (every
    # start of the app) reads the revision with one query and the revision ids from the files.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@cache
def _revisions() -> dict[str, str | None]:
    """revision → down_revision of every script in versions/ (read as text, not imported)."""
    revisions: dict[str, str | None] = {}
    for path in (_HERE / "versions").glob("*.py"):
        found = dict((bool(down), value) for down, value in _REV.findall(path.read_text(encoding="utf-8")))
        if False in found:
            down = found.get(True)
            revisions[found[False]] = None if down in (None, "None") else down
    return revisions


def known_revisions() -> frozenset[str]:
    """Every revision this app has a script for (a database at any other one is newer or foreign)."""
    return frozenset(_revisions())


# The audit log's append-only guard on SQLite (migration 0007; re-created by any batch migration
# of audit_entry): a copy without them could have had its log edited.
AUDIT_TRIGGERS = ("audit_entry_no_update", "audit_entry_no_delete")


def head() -> str:
    """The newest revision this app knows."""
    revisions = _revisions()
    heads = set(revisions) - {d for d in revisions.values() if d}
    assert len(heads) == 1, "migrations must stay linear"
    return heads.pop()


def current(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _refuse_unknown(connection: Connection) -> str | None:
    rev = current(connection)
    if rev is None:
        # An empty alembic_version (left by a downgrade to base) is ours, not foreign data.
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
        if tables:
            raise DatabaseError(
                "Tệp này có dữ liệu nhưng không phải cơ sở dữ liệu Sổ Thi đua; không mở để tránh ghi đè."
            )
        return None
    if rev not in _revisions():
        raise DatabaseError(
            "Cơ sở dữ liệu được tạo bởi phiên bản Sổ Thi đua mới hơn phiên bản đang chạy. "
            "Hãy cập nhật chương trình trước khi mở tệp này."
        )
    return rev


def check_current(engine: Engine) -> None:
    """Refuse a database that is not at this app's head revision (no writes)."""
    with engine.connect() as conn:
        if _refuse_unknown(conn) != head():
            raise DatabaseError("Cơ sở dữ liệu cần được nâng cấp trước khi dùng.")


def upgrade(engine: Engine, revision: str = "head", *, before: Callable[[], None] | None = None) -> None:
    """Bring the schema to ``revision`` in one transaction (all or nothing).

    ``before`` runs first when an existing database is about to change (the backup hook); it is
    not called for a new, empty database or one already up to date.
    """
    with engine.connect() as conn:
        current_rev = _refuse_unknown(conn)
    if current_rev == head() and revision == "head":
        return
    if current_rev is not None and before is not None:
        before()
    from alembic import command

    with engine.begin() as conn:
        _refuse_unknown(conn)
        command.upgrade(_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.downgrade(_config(conn), revision)
