"""Bulk writes of imports (app.excel.bulk): rows stored as the ORM stores them, indexes dropped and
built again for large loads, and put back by the rollback when the import fails."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import pytest
from sqlalchemy import text

from app.errors import DomainError
from app.excel import bulk, import_persons
from app.excel.importer import run_import
from app.model import Gender

db = factories.db
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEAD, *rows]) + "\n", encoding="utf-8")
    return path


def _indexes(db) -> list:  # type: ignore[no-untyped-def,type-arg]
    with db.read() as s:
        return list(s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('person', 'posting') ORDER BY name"
        )).all())  # fmt: skip


def _stored(db, name: str) -> tuple:  # type: ignore[no-untyped-def,type-arg]
    """The person's columns as SQLite holds them (text formats of dates, enum values)."""
    with db.read() as s:
        return s.execute(text(
            "SELECT p.gender, p.birth_date, typeof(p.birth_date), length(p.created_at), typeof(p.created_at),"
            " p.version, p.sort_key, p.given_fold, g.start_date, g.end_date, typeof(g.start_date)"
            " FROM person p JOIN posting g ON g.person_id = p.id WHERE p.full_name = :n"
        ), {"n": name}).one()  # fmt: skip


@pytest.mark.sqlite_only  # compares SQLite's storage classes (typeof) of the fast path's rows
def test_imported_rows_are_stored_as_the_service_stores_them(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, code="SNV")
    factories.person(db, unit.id, "Trần Thị Bình", gender=Gender.FEMALE, birth_date=dt.date(1980, 5, 3),
                     start_date=dt.date.today())  # fmt: skip
    path = _csv(tmp_path / "p.csv", [["SNV", "Lê Thị Bình", "Nữ", "03/05/1980", "001080000123", ""]])
    assert run_import(db, "persons", path, dry_run=False).inserted == 1
    service, imported = _stored(db, "Trần Thị Bình"), _stored(db, "Lê Thị Bình")
    assert imported[:6] == service[:6]
    assert imported[8:] == service[8:]
    assert imported[7] == service[7] == "binh"


@pytest.fixture
def low_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "REBUILD_FLOOR", 2)


@pytest.mark.sqlite_only  # the index rebuild is SQLite's (sqlite_master)
def test_a_large_load_rebuilds_the_same_indexes(db, tmp_path: Path, low_floor) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    before = _indexes(db)
    assert any(name == "uq_posting_open" for name, _ in before)
    path = _csv(
        tmp_path / "p.csv",
        [["SNV", f"Nguyễn Văn {g}", "Nam", "", f"00108000012{i}", ""] for i, g in enumerate("ABC")],
    )
    assert run_import(db, "persons", path, dry_run=False).inserted == 3
    assert _indexes(db) == before
    with db.read() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"


@pytest.mark.sqlite_only  # the index rebuild is SQLite's (sqlite_master)
def test_a_failed_load_puts_the_dropped_indexes_back(db, tmp_path: Path, low_floor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    before = _indexes(db)
    dropped = []

    def fail(session, *_args):  # type: ignore[no-untyped-def]
        dropped.append(len(_indexes_in(session)))
        raise DomainError("hỏng giữa chừng")

    # The persons are in; their postings fail (sent row by row, or by INSERT … SELECT).
    monkeypatch.setattr(import_persons, "insert_rows", fail)
    monkeypatch.setattr(import_persons, "_open_postings", fail)
    path = _csv(tmp_path / "p.csv", [["SNV", f"Nguyễn Văn {g}", "Nam", "", "", ""] for g in "ABC"])
    with pytest.raises(DomainError):
        run_import(db, "persons", path, dry_run=False)
    assert dropped and dropped[0] < len(before)  # the indexes were dropped when it failed
    assert _indexes(db) == before
    with db.read() as s:
        assert s.execute(text("SELECT count(*) FROM person")).scalar() == 0


def _indexes_in(session) -> list[str]:  # type: ignore[no-untyped-def]
    return list(session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('person', 'posting') AND sql IS NOT NULL"
    )).scalars())  # fmt: skip


@pytest.mark.sqlite_only  # the index rebuild is SQLite's (sqlite_master)
def test_a_small_load_into_a_bigger_table_keeps_its_indexes(
    db, tmp_path: Path, low_floor, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, code="SNV")
    for g in "DEFG":
        factories.person(db, unit.id, f"Phạm Văn {g}")
    seen = []

    def spying(real):  # type: ignore[no-untyped-def]
        def spy(session, *args):  # type: ignore[no-untyped-def]
            seen.append(len(_indexes_in(session)))
            return real(session, *args)

        return spy

    # The postings' insert (row by row, or INSERT … SELECT) sees the indexes the load left.
    monkeypatch.setattr(import_persons, "insert_rows", spying(import_persons.insert_rows))
    monkeypatch.setattr(import_persons, "_open_postings", spying(import_persons._open_postings))
    path = _csv(tmp_path / "p.csv", [["SNV", f"Nguyễn Văn {g}", "Nam", "", "", ""] for g in "ABC"])
    assert run_import(db, "persons", path, dry_run=False).inserted == 3
    assert seen == [len(_indexes_in_db(db))]  # nothing dropped: 3 new rows, 4 already there


def _indexes_in_db(db) -> list[str]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return _indexes_in(s)


@pytest.mark.parametrize("extra", [0, 1, 4])
def test_duplicates_are_found_alike_whether_the_book_is_read_whole_or_asked_in_chunks(
    db,
    tmp_path: Path,
    extra: int,  # type: ignore[no-untyped-def]
) -> None:
    # 5 persons in the book: a file of 2 records asks by its values, of 3 or more reads the table.
    unit = factories.unit(db, code="SNV")
    ids = [
        factories.person(db, unit.id, f"Phạm Văn {g}", cccd=f"00108000010{i}").id
        for i, g in enumerate("DEFGH")
    ]
    rows = [["SNV", "Lê Văn Mới", "Nam", "", "001080000102", ""], ["SNV", "Phạm Văn E", "Nam", "", "", ""]]
    rows += [["SNV", f"Trần Văn {g}", "Nam", "", "", ""] for g in "KLMN"[:extra]]
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", rows))
    assert [(d.row, d.existing_id) for d in report.duplicates] == [(2, ids[2]), (3, ids[1])]
    assert "Phạm Văn F" in report.duplicates[0].description


def test_the_quick_date_text_is_sqlalchemys() -> None:
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    proc = sqlite.DATE().bind_processor(dialect)
    quick = bulk._iso_dates(proc)
    for day in (
        dt.date(1, 1, 1),
        dt.date(999, 12, 31),
        dt.date(1945, 9, 2),
        dt.date(2026, 11, 30),
        dt.date.max,
    ):
        assert quick(day) == proc(day)
    moment = dt.datetime(2020, 5, 6, 7, 8, 9)  # a datetime is a date too: SQLAlchemy keeps the date part
    assert quick(moment) == proc(moment) == "2020-05-06"
    assert quick(None) is None


def test_postings_start_on_the_files_date_or_today(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A file without start dates gets its postings by INSERT … SELECT, one with some by values
    row by row: either way each person has one open posting in its unit and position."""
    unit = factories.unit(db, code="SNV")
    today = dt.date.today()
    plain = _csv(tmp_path / "a.csv", [["SNV", "Nguyễn Văn A", "Nam", "", "", "Kế toán"]])
    dated = tmp_path / "b.csv"
    dated.write_text(
        ",".join([*HEAD, "Ngày bắt đầu công tác"]) + "\n"
        "SNV,Nguyễn Văn B,Nam,,,Văn thư,02/01/2020\nSNV,Nguyễn Văn C,Nam,,,,\n",
        encoding="utf-8",
    )
    assert run_import(db, "persons", plain, dry_run=False).inserted == 1
    assert run_import(db, "persons", dated, dry_run=False).inserted == 2
    with db.read() as s:
        rows = s.execute(text(
            "SELECT p.full_name, g.unit_id, g.position, g.start_date, g.end_date FROM posting g"
            " JOIN person p ON p.id = g.person_id ORDER BY g.id"
        )).all()  # fmt: skip
    assert [tuple(r) for r in rows] == [
        ("Nguyễn Văn A", unit.id, "Kế toán", today.isoformat() if db.is_sqlite else today, None),
        ("Nguyễn Văn B", unit.id, "Văn thư", "2020-01-02" if db.is_sqlite else dt.date(2020, 1, 2), None),
        ("Nguyễn Văn C", unit.id, "", today.isoformat() if db.is_sqlite else today, None),
    ]
