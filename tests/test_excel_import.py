"""Imports of units, persons and nominations: documented results for awkward real-world files."""

from __future__ import annotations

import datetime as dt
import time
import unicodedata
from pathlib import Path

import factories
import openpyxl
import pytest
from factories import dump
from sqlalchemy import func, select
from test_excel_support import F, write_xlsx

from app.excel import legacy
from app.excel.importer import run_import
from app.model import Nomination, NominationEvent, Person, Posting, Unit
from app.text import name_sort_key

db = factories.db
HEAD = ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD", "Chức vụ"]


@pytest.fixture
def snv(db):  # type: ignore[no-untyped-def]
    return factories.unit(db, "Sở Nội vụ", code="SNV")


def persons(db) -> list[Person]:  # type: ignore[no-untyped-def]
    with db.read() as s:
        return list(s.scalars(select(Person).order_by(Person.id)))


def test_legacy_encodings_are_detected_and_converted() -> None:
    assert legacy.to_unicode("NguyÔn V¨n An") == ("Nguyễn Văn An", "tcvn3")
    assert legacy.to_unicode("Nguyeãn Vaên An") == ("Nguyễn Văn An", "vni")
    assert legacy.to_unicode("Ñoã Thò Thuûy") == ("Đỗ Thị Thủy", "vni")
    assert legacy.to_unicode("Hä vµ tªn") == ("Họ và tên", "tcvn3")
    assert legacy.to_unicode("Chøc vô") == ("Chức vụ", "tcvn3")
    assert legacy.to_unicode("Tröôûng phoøng") == ("Trưởng phòng", "vni")
    for unicode_text in ("Hoà Bình", "Lê Thị Hà", "Café", "Nguyễn Văn Ân", "ABC-01"):
        assert legacy.to_unicode(unicode_text) == (unicode_text, None)


def test_persons_import_keeps_leading_zeros_reads_day_first_dates_and_nfc(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    nfd = unicodedata.normalize("NFD", "Trần Thị Bích")
    path = write_xlsx(tmp_path / "p.xlsx", [
        HEAD,
        ["SNV", "Nguyễn Văn An", "Nam", dt.date(1980, 3, 5), "001080012345", "Chuyên viên"],
        ["snv", nfd, "nữ", "05/03/1985", "079185000001", "Trưởng phòng"],
        ["SNV", "LÊ VĂN CƯỜNG", "Nam", "1979", "", ""],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=False)
    assert report.committed and report.inserted == 3, report.problems
    got = persons(db)
    assert [p.full_name for p in got] == ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường"]
    assert unicodedata.is_normalized("NFC", got[1].full_name)
    assert got[0].cccd == "001080012345" and got[1].cccd == "079185000001"
    assert got[1].birth_date == dt.date(1985, 3, 5)  # 05/03 is 5 March
    assert got[2].birth_date is None and got[2].birth_year == 1979
    assert got[0].sort_key == name_sort_key("Nguyễn", "Văn", "An")
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Posting)) == 3


def test_wrong_headers_are_tolerated_by_case_tones_and_spacing(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["  MA DON VI", "HỌ  VÀ TÊN", "gioi tinh", "Ngay Sinh", "so cccd", "Ghi chú riêng"],
        ["SNV", "Phạm Văn Dũng", "Nam", "01/02/1990", "", "không đọc"],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=True)
    assert report.ok and report.records == 1
    assert report.ignored_columns == ["Ghi chú riêng"]


def test_missing_required_header_is_reported_and_nothing_written(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(
        tmp_path / "p.xlsx", [["Mã đơn vị", "Họ và tên", "Ngày sinh"], ["SNV", "Phạm Văn Dũng", "01/02/1990"]]
    )
    before = dump(db)
    report = run_import(db, "persons", path, dry_run=False)
    assert not report.committed
    assert [str(p) for p in report.problems] == ["Dòng 1: Thiếu cột «Giới tính»."]
    assert dump(db) == before


def test_dry_run_reports_every_problem_with_row_and_column_and_writes_nothing(
    db, snv, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "p.xlsx", [
        HEAD,
        ["SNV", "Nguyễn Văn An", "Nam", "31/02/1980", "001080012345", ""],
        ["SNV", "Lê Thị Mai", "Không rõ", "", "", ""],
        ["XYZ", "Đỗ Văn Hùng", "Nam", "", "12345", ""],
        ["SNV", "Hồ Văn Lợi", "Nam", F("DATE(1980,1,1)", "29221"), "", ""],
        ["SNV", "Mai Văn Tú", "Nam", "", 1080012345, ""],
        ["SNV", "Vũ Văn Hải", "Nam", "", "", ""],
    ])  # fmt: skip
    before = dump(db)
    report = run_import(db, "persons", path, dry_run=True)
    text = [str(p) for p in report.problems]
    assert text[0] == "Dòng 2, Ngày sinh (cột D): Ngày không tồn tại: «31/02/1980»."
    assert "Dòng 3, Giới tính (cột C): Giới tính «Không rõ» không hợp lệ (Nam hoặc Nữ)." in text
    assert "Dòng 4, Số CCCD (cột E): Số CCCD phải gồm đúng 12 chữ số." in text
    assert any(t.startswith("Dòng 5, Ngày sinh (cột D): ô chứa công thức «=DATE(1980,1,1)»") for t in text)
    assert any(t.startswith("Dòng 6, Số CCCD (cột E): số 1080012345 đang là kiểu Số") for t in text)
    assert report.records == 1 and not report.committed
    assert dump(db) == before
    # The same file for real: all or nothing.
    report = run_import(db, "persons", path, dry_run=False)
    assert not report.committed and dump(db) == before


def test_merged_title_rows_empty_rows_and_merged_unit_cells(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Tài chính", code="STC")
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["DANH SÁCH CÁN BỘ NĂM 2025"],
        [],
        HEAD,
        ["SNV", "Nguyễn Văn An", "Nam", "", "", ""],
        [None, "Nguyễn Thị Bình", "Nữ", "", "", ""],
        [],
        ["STC", "Trần Văn Cường", "Nam", "", "", ""],
    ], merged=["A1:F1", "A4:A5"])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=False)
    assert report.committed and report.header_row == 3 and report.inserted == 3, report.problems
    with db.read() as s:
        units = dict(
            s.execute(select(Person.full_name, Unit.code).join(Unit, Unit.id == Person.unit_id)).all()
        )
    assert units == {"Nguyễn Văn An": "SNV", "Nguyễn Thị Bình": "SNV", "Trần Văn Cường": "STC"}


def test_tcvn3_and_vni_cells_and_headers_are_converted(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["M· ®¬n vÞ", "Hä vµ tªn", "Giíi tÝnh", "Chøc vô"],
        ["SNV", "NguyÔn V¨n An", "Nam", "Chuyªn viªn"],
        ["SNV", "Nguyeãn Thò Bình", "Nöõ", "Tröôûng phoøng"],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=False)
    assert report.committed, report.problems
    got = [(p.full_name, p.gender.label, p.position) for p in persons(db)]
    assert got == [("Nguyễn Văn An", "Nam", "Chuyên viên"), ("Nguyễn Thị Bình", "Nữ", "Trưởng phòng")]
    assert any("TCVN3" in n for n in report.notes) and any("VNI" in n for n in report.notes)


def test_duplicates_are_reported_then_skipped_or_merged(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    existing = factories.person(db, snv.id, "Nguyễn Văn An", cccd="001080012345", position="Chuyên viên")
    path = write_xlsx(tmp_path / "p.xlsx", [
        HEAD,
        ["SNV", "Nguyễn Văn An", "Nam", "05/03/1980", "001080012345", "Phó Trưởng phòng"],
        ["SNV", "Lý Thị Hoa", "Nữ", "", "", ""],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=True)
    assert [str(d) for d in report.duplicates] == [
        f"Dòng 2: số CCCD 001080012345 đã có trong sổ: Nguyễn Văn An (mã {existing.id})."
    ]
    report = run_import(db, "persons", path, dry_run=False)
    assert not report.committed and len(persons(db)) == 1  # the clerk must choose
    report = run_import(db, "persons", path, dry_run=False, on_duplicate="skip")
    assert report.committed and (report.inserted, report.skipped) == (1, 1)
    assert persons(db)[0].position == "Chuyên viên"
    path2 = write_xlsx(
        tmp_path / "p2.xlsx",
        [HEAD, ["SNV", "Nguyễn Văn An", "Nam", "05/03/1980", "001080012345", "Phó Trưởng phòng"]],
    )
    report = run_import(db, "persons", path2, dry_run=False, on_duplicate="merge")
    assert report.committed and report.merged == 1
    merged = persons(db)[0]
    assert (merged.position, merged.birth_date, merged.version) == (
        "Phó Trưởng phòng",
        dt.date(1980, 3, 5),
        2,
    )


def test_duplicates_inside_the_file_are_errors(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "p.xlsx", [
        HEAD, ["SNV", "Nguyễn Văn An", "Nam", "", "001080012345", ""], ["SNV", "Lê Văn Bình", "Nam", "", "001080012345", ""],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=True)
    assert [str(p) for p in report.problems] == ["Dòng 3, Số CCCD: số CCCD 001080012345 trùng với dòng 2."]


def test_a_name_that_looks_like_a_formula_is_refused(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "p.xlsx", [HEAD, ["SNV", '=HYPERLINK("http://x","An")', "Nam", "", "", ""]])
    report = run_import(db, "persons", path, dry_run=True)
    assert report.problems and report.problems[0].column == "Họ và tên (cột B)"


def test_csv_with_semicolons_and_bom(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text("Mã đơn vị;Họ và tên;Giới tính;Ngày sinh;Số CCCD\nSNV;Đặng Văn Quý;Nam;05/03/1975;001075000009\n",
                    encoding="utf-8-sig")  # fmt: skip
    report = run_import(db, "persons", path, dry_run=False)
    assert (
        report.committed
        and persons(db)[0].cccd == "001075000009"
        and persons(db)[0].birth_date == dt.date(1975, 3, 5)
    )


def test_csv_in_windows_1252_with_tcvn3_text(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_bytes("M· ®¬n vÞ,Hä vµ tªn,Giíi tÝnh\nSNV,NguyÔn V¨n An,Nam\n".encode("latin-1"))
    report = run_import(db, "persons", path, dry_run=False)
    assert report.committed and persons(db)[0].full_name == "Nguyễn Văn An"


def test_units_import_orders_parents_first(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(tmp_path / "u.xlsx", [
        ["Mã đơn vị", "Tên đơn vị", "Cấp đơn vị", "Mã đơn vị cấp trên"],
        ["SNV-P1", "Phòng Tổ chức", "Phòng, đơn vị trực thuộc", "SNV"],
        ["SNV", "Sở Nội vụ", "", ""],
    ])  # fmt: skip
    report = run_import(db, "units", path, dry_run=False)
    assert report.committed and report.inserted == 2, report.problems
    with db.read() as s:
        child = s.scalar(select(Unit).where(Unit.code == "SNV-P1"))
        assert child is not None and child.parent is not None and child.parent.code == "SNV"


def test_nominations_import_finds_people_by_cccd_or_name_and_logs_the_draft(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = factories.person(db, snv.id, "Nguyễn Văn An", cccd="001080012345")
    b = factories.person(db, snv.id, "Lê Thị Bích", gender="female")
    path = write_xlsx(tmp_path / "n.xlsx", [
        ["Năm", "Mã danh hiệu", "Số CCCD", "Họ và tên", "Mã đơn vị", "Mã tập thể", "Tóm tắt thành tích"],
        [2025, "LDTT", "001080012345", "", "", "", "Hoàn thành tốt nhiệm vụ"],
        [2025, "ldtt", "", "Lê Thị Bích", "SNV", "", ""],
        [2025, "TTLDTT", "", "", "", "SNV", ""],
        [2025, "TTLDTT", "001080012345", "", "", "", ""],
    ])  # fmt: skip
    report = run_import(db, "nominations", path, dry_run=True)
    assert [p.row for p in report.problems] == [5]  # a collective title for a person
    path = write_xlsx(tmp_path / "n2.xlsx", [
        ["Năm", "Mã danh hiệu", "Số CCCD", "Họ và tên", "Mã đơn vị", "Mã tập thể"],
        [2025, "LDTT", "001080012345", "", "", ""], [2025, "ldtt", "", "Lê Thị Bích", "SNV", ""], [2025, "TTLDTT", "", "", "", "SNV"],
    ])  # fmt: skip
    report = run_import(db, "nominations", path, dry_run=False)
    assert report.committed and report.inserted == 3, report.problems
    with db.read() as s:
        noms = list(s.scalars(select(Nomination).order_by(Nomination.id)))
        assert [(n.person_id, n.unit_id, n.status.value) for n in noms] == [
            (a.id, None, "draft"),
            (b.id, None, "draft"),
            (None, snv.id, "draft"),
        ]
        assert s.scalar(select(func.count()).select_from(NominationEvent)) == 3
    report = run_import(db, "nominations", path, dry_run=True)
    assert len(report.duplicates) == 3


def test_a_hundred_thousand_rows_import_in_one_transaction(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    n = 100_000
    rows = [HEAD] + [["SNV", f"Nguyễn Văn {chr(65 + i % 26)}{i}", "Nam" if i % 2 else "Nữ",
                      dt.date(1970, 1, 1) + dt.timedelta(days=i % 15000), f"{i:012d}", "Chuyên viên"] for i in range(n)]  # fmt: skip
    path = write_xlsx(tmp_path / "big.xlsx", rows)
    started = time.perf_counter()
    report = run_import(db, "persons", path, dry_run=False)
    elapsed = time.perf_counter() - started
    assert report.committed and report.inserted == n, report.problems[:3]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == n
        assert s.scalar(select(Person.cccd).where(Person.full_name == "Nguyễn Văn A0")) == "000000000000"
    assert elapsed < 40


def test_openpyxl_written_files_read_the_same(db, snv, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEAD)
    ws.append(["SNV", "Nguyễn Văn An", "Nam", dt.datetime(1980, 3, 5), "001080012345", "Chuyên viên"])
    ws.merge_cells("F2:F2")
    wb.save(tmp_path / "o.xlsx")
    report = run_import(db, "persons", tmp_path / "o.xlsx", dry_run=False)
    assert report.committed and persons(db)[0].birth_date == dt.date(1980, 3, 5)
