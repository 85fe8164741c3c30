"""An import says every problem of every row in one pass, counts that add up, and the import dialog
hands out a template with an example row."""

from __future__ import annotations

from pathlib import Path

import factories
import openpyxl
from test_excel_support import write_xlsx

from app.excel.importer import run_import
from ui.reports.import_dialog import ImportDialog

db = factories.db


def test_every_problem_of_every_row_in_one_pass_and_counts_by_rows(db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Tài chính", code="STC")
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"],
        ["STC", "Nguyễn Văn Một", "Nam", "01/02/1980", "079080009991"],
        ["STC", "Trần Thị Hai", "Nữ", "31/02/1985", "12345"],  # a bad date and a bad CCCD
        ["STC", "Lê Văn Ba", "Khác", "01/01/1990", ""],
        ["STC", "Phạm Văn Bốn", "Nam", "01/03/1991", "079091009994"],
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=True)
    assert sorted(str(p) for p in report.problems) == [
        "Dòng 3, Ngày sinh (cột D): Ngày không tồn tại: «31/02/1985».",
        "Dòng 3, Số CCCD (cột E): Số CCCD phải gồm đúng 12 chữ số.",
        "Dòng 4, Giới tính (cột C): Giới tính «Khác» không hợp lệ (Nam hoặc Nữ).",
    ]
    assert "4 dòng dữ liệu, 2 cá nhân hợp lệ, 3 lỗi ở 2 dòng" in report.summary()


def test_an_unknown_code_on_a_row_refused_for_another_fault_is_reported_in_the_same_pass(
    db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Before, the unknown unit code of a row with a bad date surfaced only on the run after the
    date was fixed: the row never reached the database check."""
    factories.unit(db, "Sở Tài chính", code="STC")
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh", "Số CCCD"],
        ["STC", "Nguyễn Văn Một", "Nam", "01/02/1980", "079080009991"],
        ["XYZ", "Trần Thị Hai", "Nữ", "31/02/1985", ""],  # a bad date and an unknown unit
        ["STC", "Lê Văn Ba", "Khác", "01/01/1990", ""],  # a bad gender, a known unit
    ])  # fmt: skip
    report = run_import(db, "persons", path, dry_run=True)
    assert [str(p) for p in report.problems] == [
        "Dòng 3, Ngày sinh (cột D): Ngày không tồn tại: «31/02/1985».",
        "Dòng 3, Mã đơn vị (cột A): không có đơn vị mã «XYZ» trong sổ.",
        "Dòng 4, Giới tính (cột C): Giới tính «Khác» không hợp lệ (Nam hoặc Nữ).",
    ]
    path = write_xlsx(tmp_path / "n.xlsx", [
        ["Năm", "Mã danh hiệu", "Họ và tên", "Mã đơn vị"],
        ["20x5", "LDTT_SAI", "Nguyễn Văn Một", "QQQ"],  # a bad year, an unknown award and unit
    ])  # fmt: skip
    report = run_import(db, "nominations", path, dry_run=True)
    text = [str(p) for p in report.problems]
    assert any("Năm" in t for t in text), text
    assert "Dòng 2, Mã danh hiệu (cột B): không có danh hiệu, hình thức mã «LDTT_SAI» trong sổ." in text
    assert "Dòng 2, Mã đơn vị (cột D): không có đơn vị mã «QQQ» trong sổ." in text


def test_the_dialog_writes_a_template_with_an_example_row_the_import_accepts(
    qtbot, db, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Tài chính", code="STC")
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("persons"))
    out = tmp_path / "mau.xlsx"
    with qtbot.waitSignal(dialog.save_template(out).done, timeout=20_000):
        pass
    assert "Đã lưu tệp mẫu" in dialog.summary.text()
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[1:] == ["Hướng dẫn", "Ví dụ"]
    header, example = list(book["Ví dụ"].iter_rows(values_only=True))
    assert list(book.worksheets[0].iter_rows(values_only=True)) == [header]  # the sheet imported is empty
    filled = write_xlsx(tmp_path / "filled.xlsx", [list(header), ["" if v is None else v for v in example]])
    report = run_import(db, "persons", filled, dry_run=True)
    assert report.ok and report.records == 1, [str(p) for p in report.problems]
