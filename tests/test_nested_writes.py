"""A write opened inside another joins it: one transaction, one commit, one audit head; a nested
failure rolls back its own work only; the audit chain and its head stay whole."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, func, select

from app.audit import head as audit_head
from app.audit import log as audit
from app.errors import DomainError
from app.model import AuditEntry, Unit, UnitLevel
from app.services.units import UnitInput, create_unit, list_units
from app.storage.db import Database


def _codes(db: Database) -> list[str]:
    return sorted(u.code for u in list_units(db))


def _entries(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEntry))


def _commits(db: Database) -> list[int]:
    seen: list[int] = []
    event.listen(db.engine, "commit", lambda _conn: seen.append(1))
    return seen


def test_service_writes_inside_a_write_are_one_commit_and_see_each_other(db: Database) -> None:
    before = _entries(db)
    commits = _commits(db)

    with db.write():
        parent = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        assert _codes(db) == ["STC"]  # a read inside the write sees what it wrote
        create_unit(db, UnitInput(code="STC-VP", name="Văn phòng Sở", parent_id=parent.id))

    assert len(commits) == 1
    assert _codes(db) == ["STC", "STC-VP"]
    assert _entries(db) == before + 2
    assert audit.verify(db).ok
    with db.read() as session:
        head = audit_head.current(session.connection())
    assert audit_head.recorded(audit_head.key_for(db)) == head


def test_a_nested_failure_rolls_back_its_own_work_and_the_rest_commits(db: Database) -> None:
    before = _entries(db)

    with db.write():
        create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        with pytest.raises(DomainError):
            create_unit(db, UnitInput(code="STC", name="Sở Tài chính (trùng mã)"))  # the code is taken
        with pytest.raises(DomainError), db.write() as session:
            session.add(
                Unit(
                    code="SXD",
                    name="Sở Xây dựng",
                    level=UnitLevel.DEPARTMENT,
                    name_fold="so xay dung",
                    sort_key="so xay dung",
                )
            )
            session.flush()
            raise DomainError("thôi")  # flushed, then given up: gone with its SAVEPOINT
        with pytest.raises(DomainError), db.write() as session:  # the database refuses the taken code
            session.add(
                Unit(
                    code="STC",
                    name="Sở khác",
                    level=UnitLevel.DEPARTMENT,
                    name_fold="so khac",
                    sort_key="so khac",
                )
            )
            session.flush()
        create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))

    assert _codes(db) == ["STC", "SYT"]
    assert _entries(db) == before + 2  # no entry for what was rolled back
    assert audit.verify(db).ok


def test_a_failure_of_the_enclosing_write_leaves_nothing(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    before, head = _entries(db), audit_head.recorded(audit_head.key_for(db))

    with pytest.raises(RuntimeError), db.write():
        create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))
        raise RuntimeError("cancelled")

    assert _codes(db) == ["STC"]
    assert _entries(db) == before
    assert audit_head.recorded(audit_head.key_for(db)) == head
    create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))  # the next write starts afresh
    assert audit.verify(db).ok


def test_another_thread_does_not_join_nor_see_an_open_write(db: Database) -> None:
    seen: list[list[str]] = []

    with db.write():
        create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        reader = threading.Thread(target=lambda: seen.append(_codes(db)))
        reader.start()
        reader.join()

    assert seen == [[]]
    assert _codes(db) == ["STC"]


def test_a_head_never_recorded_is_read_from_the_database(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    key = audit_head.key_for(db)
    audit_head.head_file(key).unlink()  # e.g. a new user data folder: nothing to extend

    create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))

    with db.read() as session:
        assert audit_head.recorded(key) == audit_head.current(session.connection())
    assert audit.verify(db).ok


def test_the_head_extends_the_recorded_one_without_counting(db: Database) -> None:
    create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    key = audit_head.key_for(db)
    recorded = audit_head.recorded(key)
    assert recorded is not None

    with db.write():
        create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))
        create_unit(db, UnitInput(code="SXD", name="Sở Xây dựng"))

    with db.read() as session:
        now = audit_head.current(session.connection())
    assert now is not None and now.count == recorded.count + 2
    assert audit_head.recorded(key) == now


def test_nested_writes_share_one_session_and_what_it_loaded(db: Database) -> None:
    parent = create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
    statements: list[str] = []
    event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    with db.write() as outer:
        with db.write() as first:
            assert first is outer
            loaded = first.get(Unit, parent.id)
        del loaded  # only the session holds it now (weakly, were it not for the nested write)
        before = len(statements)
        with db.write() as second:
            assert second.get(Unit, parent.id) is not None  # found in the session, not queried
        assert [s for s in statements[before:] if s.lstrip().upper().startswith("SELECT")] == []


def test_a_nested_rollback_keeps_the_entries_of_the_writes_before_it(db: Database) -> None:
    before = _entries(db)

    with db.write():
        create_unit(db, UnitInput(code="STC", name="Sở Tài chính"))
        with pytest.raises(DomainError), db.write():
            create_unit(db, UnitInput(code="SYT", name="Sở Y tế"))  # its entry goes with its SAVEPOINT
            raise DomainError("thôi")
        with pytest.raises(DomainError):
            create_unit(db, UnitInput(code="STC", name="Sở Tài chính (trùng mã)"))

    assert _codes(db) == ["STC"]
    assert _entries(db) == before + 1
    assert audit.verify(db).ok
