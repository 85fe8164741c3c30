"""The import, export and report dialogs, driven offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import factories
import openpyxl
from test_excel_support import write_xlsx

from app.documents.requests import ReportRequest, write_report
from ui.jobs import wait_for_writes
from ui.reports.export_dialog import ExportDialog
from ui.reports.import_dialog import ImportDialog
from ui.reports.report_dialog import ReportPreview

db = factories.db


def test_import_dialog_previews_the_dry_run_then_imports(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    factories.unit(db, "Sở Nội vụ", code="SNV")
    path = write_xlsx(
        tmp_path / "p.xlsx", [["Mã đơn vị", "Họ và tên", "Giới tính"], ["SNV", "Nguyễn Văn An", "Nam"]]
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.path, str(path))
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    assert dialog.preview.rowCount() == 1 and dialog.preview.item(0, 2).text() == "Nguyễn Văn An"
    assert dialog.import_button.isEnabled() and "Chạy thử" in dialog.summary.text()
    with qtbot.waitSignal(dialog.commit().done, timeout=20_000):
        pass
    wait_for_writes()
    assert "Đã nhập 1" in dialog.summary.text()


def test_import_dialog_lists_problems_and_keeps_import_disabled(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_xlsx(
        tmp_path / "p.xlsx", [["Mã đơn vị", "Họ và tên", "Giới tính"], ["XYZ", "Nguyễn Văn An", "Nam"]]
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    assert dialog.problems.item(0).text() == "Dòng 2, Mã đơn vị: không có đơn vị mã «XYZ» trong sổ."
    assert not dialog.import_button.isEnabled()


def test_export_and_report_dialogs(qtbot, db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    unit = factories.unit(db, "Sở Nội vụ", code="SNV")
    p = factories.person(db, unit.id, "Trần Thị Bích", gender="female")
    factories.nomination(db, "LDTT", 2025, person_id=p.id)
    export = ExportDialog(db)
    qtbot.addWidget(export)
    with qtbot.waitSignal(export.save_to(tmp_path / "cn.xlsx").done, timeout=20_000):
        pass
    assert openpyxl.load_workbook(tmp_path / "cn.xlsx").active.cell(2, 4).value == "Trần Thị Bích"
    req = ReportRequest("danh-sach", year=2025, issuer="Sở Nội vụ", date=dt.date(2025, 3, 5),
                        signer="Nguyễn Văn Bình", signer_title="Giám đốc")  # fmt: skip
    written = write_report(db, req, tmp_path / "ds.xlsx", preview=tmp_path / "ds-preview.pdf")
    dialog = ReportPreview(written)
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 1 and dialog.print_button.isEnabled()
    assert "ds.xlsx" in dialog.status.text()
    assert openpyxl.load_workbook(tmp_path / "ds.xlsx").active.cell(2, 2).value == "Trần Thị Bích"


def test_the_import_reads_in_english_in_the_english_window(qtbot, db, tmp_path: Path, in_english) -> None:  # type: ignore[no-untyped-def]
    """The summary, each problem with its row and column, and the preview's titles (they were
    Vietnamese in the English window); the values read from the file stay as written."""
    factories.unit(db, "Sở Nội vụ", code="SNV")
    path = write_xlsx(tmp_path / "p.xlsx", [
        ["Mã đơn vị", "Họ và tên", "Giới tính", "Ngày sinh"],
        ["SNV", "Nguyễn Văn An", "Nam", "05/03/1985"],
        ["XYZ", "Trần Thị Bích", "Nữ", "31/02/1990"],
        ["SNV", "Lê Văn Cường", "Khác", ""],
    ])  # fmt: skip
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(path))
    with qtbot.waitSignal(dialog.check().done, timeout=20_000):
        pass
    assert dialog.summary.text().startswith("p.xlsx: 3 data rows, 1 valid persons, 3 problems in 2 rows.")
    assert dialog.summary.text().endswith("Dry run: nothing written.")
    shown = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert "Row 4, Gender (column C): Gender «Khác» is not valid (Nam or Nữ)." in shown, shown
    assert "Row 3, Unit code (column A): no unit with code «XYZ» in the book." in shown, shown
    assert any(s.startswith("Row 3, Date of birth (column D): ") for s in shown), shown
    titles = [dialog.preview.horizontalHeaderItem(c).text() for c in range(dialog.preview.columnCount())]
    assert titles[:4] == ["Row", "Unit code", "Full name", "Gender"]
