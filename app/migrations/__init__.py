"""Schema migrations (Alembic), applied when a database is opened.

Linear revisions under ``versions/``; batch mode on SQLite. A database whose revision this app
does not know was made by a newer version and is refused rather than touched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, inspect

from ..errors import DatabaseError

_HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    """The newest revision this app knows."""
    heads = ScriptDirectory.from_config(_config()).get_heads()
    assert len(heads) == 1, "migrations must stay linear"
    return heads[0]


def current(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


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
    script = ScriptDirectory.from_config(_config())
    known = {r.revision for r in script.walk_revisions()}
    if rev not in known:
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
    with engine.begin() as conn:
        _refuse_unknown(conn)
        command.upgrade(_config(conn), revision)


def downgrade(engine: Engine, revision: str) -> None:
    with engine.begin() as conn:
        command.downgrade(_config(conn), revision)
