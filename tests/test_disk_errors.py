"""A full disk and a read-only database file: a clear message, and nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import DomainError
from app.services.units import UnitInput, create_unit, list_units


def test_disk_full_gives_a_clear_message_and_keeps_what_was_saved(db, db_path: Path) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    with db.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
    # Every pooled connection gets the cap: SQLITE_FULL once the file would grow.
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def cap(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    db.engine.dispose()
    saved = ["STC"]
    with pytest.raises(DomainError, match="ổ đĩa đã đầy"):  # noqa: PT012 - fill until it is full
        for n in range(5000):
            create_unit(
                db, UnitInput(code=f"U{n:04d}", name=f"Đơn vị số {n} có tên khá dài để lấp đầy trang")
            )
            saved.append(f"U{n:04d}")
    event.remove(db.engine, "connect", cap)
    db.engine.dispose()
    assert sorted(u.code for u in list_units(db)) == sorted(saved)  # every acknowledged save, nothing half


def test_read_only_connection_refuses_writes_with_a_clear_message(db, db_path: Path) -> None:
    """As root (CI) file modes do not bind; SQLite's own read-only switch gives the same error."""
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def read_only(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA query_only=ON")

    db.engine.dispose()
    with pytest.raises(DomainError, match="chỉ cho phép đọc|không ghi|Không ghi"):
        create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))
    event.remove(db.engine, "connect", read_only)
    db.engine.dispose()
    assert [u.code for u in list_units(db)] == ["STC"]
