"""Persons are checked and written batch by batch as the file is read (app.excel.import_persons):
the outcome is still all or nothing, every problem is still reported in row order, and rows the
import itself has just written are never taken for duplicates already in the book."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import pytest
from sqlalchemy import func, select

from app.errors import DomainError
from app.excel import import_persons, importer
from app.excel.importer import MERGE, SKIP, run_import
from app.model import Person, Posting

db = factories.db
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Lan", "Mai", "Nam", "Oanh", "Phúc"]


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Batches of 3 records; the list records each batch (size, may write) and each insert (-rows)."""
    monkeypatch.setattr(importer, "STREAM_BATCH", 3)
    taken: list[tuple[int, bool]] = []
    real = import_persons.PersonBatches.take

    def spy(self, session, records, *, write):  # type: ignore[no-untyped-def]
        taken.append((len(records), write))
        return real(self, session, records, write=write)

    def insert(self, session, new):  # type: ignore[no-untyped-def]
        taken.append((-len(new), True))  # a negative size: rows inserted
        return real_insert(self, session, new)

    real_insert = import_persons.PersonBatches._insert
    monkeypatch.setattr(import_persons.PersonBatches, "take", spy)
    monkeypatch.setattr(import_persons.PersonBatches, "_insert", insert)
    return taken


def _rows(n: int) -> list[list[str]]:
    born = [(dt.date(1960, 1, 1) + dt.timedelta(days=i)).strftime("%d/%m/%Y") for i in range(n)]
    return [["SNV", f"Nguyễn Văn {GIVEN[i % 10]} {GIVEN[i // 10 % 10]}", "Nam", born[i], f"0010800{i:05d}", ""]
            for i in range(n)]  # fmt: skip


def _csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(",".join(r) for r in [HEAD, *rows]) + "\n", encoding="utf-8")
    return path


def _count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_clean_file_is_written_batch_by_batch(db, tmp_path: Path, small_batches) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", _rows(8)), dry_run=False)
    assert report.committed and report.inserted == 8 and not report.duplicates and report.records == 8
    assert small_batches == [(3, True), (-3, True), (3, True), (-3, True), (2, True), (-2, True)]
    assert _count(db, Person) == 8 and _count(db, Posting) == 8
    assert len(report.preview) == 8 and report.preview[7][2] == "Nguyễn Văn Nam An"


def test_a_problem_in_a_late_batch_rolls_back_the_batches_already_written(
    db, tmp_path: Path, small_batches
) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    rows = _rows(8)
    rows[6][0] = "XYZ"  # row 8 of the file: no such unit, found when the third batch is checked
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", rows), dry_run=False)
    assert [(p.row, p.column) for p in report.problems] == [(8, "Mã đơn vị")]
    assert not report.committed and report.inserted == 0  # two batches written, then rolled back
    assert small_batches == [(3, True), (-3, True), (3, True), (-3, True), (2, True)]  # row 9 not inserted
    assert _count(db, Person) == 0 and _count(db, Posting) == 0


def test_problems_of_reading_and_of_checking_come_in_row_order(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    rows = _rows(9)
    rows[7][4] = rows[0][4]  # row 9: the CCCD of row 2, found when the third batch is checked
    rows[4][3] = "31/02/1980"  # row 6: not a date, found as the row is read
    rows[1][0] = "XYZ"  # row 3: no such unit, found when the first batch is checked
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", rows), dry_run=False)
    assert [p.row for p in report.problems] == [3, 6, 9]
    assert "trùng với dòng 2" in report.problems[2].message
    assert _count(db, Person) == 0


def test_a_duplicate_within_the_file_is_found_across_batches(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    rows = _rows(7)
    rows[6] = [*rows[0][:4], "", ""]  # row 8: row 2's person again (same name, unit, birth date)
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", rows), dry_run=False)
    assert [(p.row, p.column) for p in report.problems] == [(8, "Họ và tên")]
    assert _count(db, Person) == 0


@pytest.mark.parametrize("on_duplicate", [None, SKIP, MERGE])
def test_a_duplicate_of_the_book_in_a_late_batch(db, tmp_path: Path, small_batches, on_duplicate) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, code="SNV")
    rows = _rows(8)
    old = factories.person(db, unit.id, "Trần Thị Hoa", cccd=rows[7][4])  # row 9's CCCD
    report = run_import(
        db, "persons", _csv(tmp_path / "p.csv", rows), dry_run=False, on_duplicate=on_duplicate
    )
    assert [(d.row, d.existing_id) for d in report.duplicates] == [(9, old.id)]
    if on_duplicate is None:
        assert not report.committed and _count(db, Person) == 1
        assert any("--on-duplicate" in note for note in report.notes)
    else:
        assert report.committed and report.inserted == 7 and _count(db, Person) == 8
        assert (report.skipped, report.merged) == ((1, 0) if on_duplicate == SKIP else (0, 1))


def test_rows_written_by_earlier_batches_are_not_duplicates_of_the_book(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", _rows(12)), dry_run=False)
    assert report.committed and not report.duplicates and report.inserted == 12
    again = run_import(db, "persons", _csv(tmp_path / "q.csv", _rows(12)), dry_run=True)
    assert len(again.duplicates) == 12  # a second import of the same file finds every one


def test_a_cancelled_import_leaves_nothing_of_its_written_batches(db, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    monkeypatch.setattr(importer, "STREAM_BATCH", 2)
    asked = []

    def cancelled() -> bool:
        # What another reader sees while the import runs: another thread (a read on the importing
        # thread joins its open write and would see the batches, by design of re-entrant writes).
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as other:
            asked.append(other.submit(_count, db, Person).result())
        return True

    rows = _rows(5000)
    with pytest.raises(DomainError, match="hủy"):
        run_import(db, "persons", _csv(tmp_path / "p.csv", rows), dry_run=False, cancelled=cancelled)
    assert asked == [0]  # 2,500 batches written inside the transaction, none visible
    assert _count(db, Person) == 0 and _count(db, Posting) == 0


def test_a_dry_run_checks_in_batches_and_writes_nothing(db, tmp_path: Path, small_batches) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, code="SNV")
    report = run_import(db, "persons", _csv(tmp_path / "p.csv", _rows(7)), dry_run=True)
    assert report.ok and report.records == 7 and not report.committed
    assert small_batches == [(3, False), (3, False), (1, False)]
    assert _count(db, Person) == 0
