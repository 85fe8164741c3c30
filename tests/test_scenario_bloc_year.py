"""Issue #15, the bloc's year through the real main window, on a copy of the demo.

The approver opens Chấm điểm & Xếp hạng khối, bloc KTKT, 2025, the half-year: copies the year's
criteria table into it, enters the self-scores of the 11 member units in the grid with the
keyboard (one unit through an xlsx sheet out and back in), then the bloc's scores, closes the
period and reads the ranks; a closed period refuses an edit; then she completes the Xổ số unit's
year sheet, which the demo left without the bloc's scores (phiếu chấm chưa đủ).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from test_scenario_write_path import _log_in

from app.model import ScorePeriodKind
from app.model.audit import AuditEntry
from app.opening import open_database
from app.services.score_periods import period_state
from app.services.score_sheets import sheet_status, unit_sheet
from app.services.scoring import criteria
from app.services.standings import bloc_by_code, compute
from ui.main_window import MainWindow
from ui.qt import QApplication, QDialogButtonBox, QLineEdit, QPushButton, Qt, QWidget
from ui.scoring.sheet_model import BLOC, COMMENT, SELF
from ui.scoring.sheet_view import SheetDialog

H1, YEAR = ScorePeriodKind.H1, ScorePeriodKind.YEAR
SAVE = QDialogButtonBox.StandardButton.Save


def _report(qtbot, settle, window: MainWindow, kind: str, out: Path) -> str:  # type: ignore[no-untyped-def]
    """Make a bloc paper of KTKT, 2025, from the reports page; its PDF text."""
    window.nav.setCurrentRow(window.page_list.index(window.reports))
    reports = window.reports
    form = reports.choose(kind)
    qtbot.keyClicks(form.widgets["bloc"], "kinh te")
    qtbot.keyClick(form.widgets["bloc"].completer_.popup(), Qt.Key.Key_Return)
    form.widgets["year"].setValue(2025)
    if "period" in form.widgets:
        combo = form.widgets["period"]
        combo.setCurrentIndex(
            combo.findData(H1.value) if combo.findData(H1.value) >= 0 else combo.findData(H1)
        )
    reports.out.setText(str(out))
    job = reports.make_document()
    assert job is not None, reports.banner.text()
    with qtbot.waitSignal(job.done, timeout=60_000):
        pass
    settle()
    reports.dialog.reject()
    return " ".join(
        " ".join(unicodedata.normalize("NFC", page.extract_text()).split()) for page in PdfReader(out).pages
    )


def _editor(grid: QWidget) -> QWidget:
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit):
        return focus
    editors = [e for e in grid.findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no cell editor open"
    return editors[-1]


def _type_column(qtbot, dialog: SheetDialog, column: int, values: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    """Type ``values`` (criterion code → text) down ``column`` with the keyboard: a row without a
    value is passed over with Enter, a typed one is left with Tab."""
    grid = dialog.grid
    grid.setFocus()
    grid.setCurrentIndex(dialog.model.index(0, column))
    for r, line in enumerate(dialog.model.lines):
        assert grid.currentIndex().row() == r and grid.currentIndex().column() == column
        text = values.get(line.code)
        if text is None:
            qtbot.keyClick(grid, Qt.Key.Key_Return)
            continue
        qtbot.keyClick(grid, text[0])
        editor = _editor(grid)
        if text[1:].isascii():
            qtbot.keyClicks(editor, text[1:])
        else:  # QTest has no keys for «ế»: the rest goes in as an input method would put it
            assert isinstance(editor, QLineEdit)
            editor.insert(text[1:])
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        if grid.state() == grid.State.EditingState:  # Tab opened the next cell: leave it as it is
            qtbot.keyClick(_editor(grid), Qt.Key.Key_Escape)


def _self_scores(i: int) -> dict[str, str]:
    """Unit i's half-year self-scores: full marks, but II.1 lower by half a point per place."""
    scores = {c.code: f"{c.max_points:g}" for c in TABLE if c.kind.value == "criterion"}
    scores["II.1"] = f"{10 - 0.5 * i:g}".replace(".", ",")
    return scores


TABLE: list = []  # the half-year table, read once copied


def _select(page, unit_id: int) -> None:  # type: ignore[no-untyped-def]
    for r in range(page.table.rowCount()):
        if page.table.item(r, 2).data(Qt.ItemDataRole.UserRole) == unit_id:
            page.table.setCurrentCell(r, 2)
            return
    raise AssertionError(f"unit {unit_id} not shown")


def _open_sheet(qtbot, page, unit_id: int) -> SheetDialog:  # type: ignore[no-untyped-def]
    _select(page, unit_id)
    qtbot.mouseClick(page.commands["enterScores"], Qt.MouseButton.LeftButton)
    dialog = page.sheet_dialog
    assert isinstance(dialog, SheetDialog) and dialog.unit_id == unit_id
    qtbot.waitExposed(dialog)
    return dialog


def _save_sheet(qtbot, settle, dialog: SheetDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert "Đã lưu" in dialog.status.text(), dialog.status.text()
    dialog.close()


def _audit(path: Path, entity: str) -> list[AuditEntry]:
    db = open_database(path, migrate=False, sync_catalogue=False, read_only=True)
    try:
        with db.read() as session:
            return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)))
    finally:
        db.dispose()


def test_the_bloc_s_half_year_and_year_in_the_window(qtbot, settle, demo_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    window = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    db = window.db
    window.nav.setCurrentRow(window.page_list.index(window.standings))
    page = window.standings
    page.select("KTKT", 2025, H1)
    assert page.year.currentData() == 2025 and page.current_period() is H1
    assert all(page.commands[n].isVisible() for n in ("closePeriod", "importSheets"))
    ktkt = bloc_by_code(db, "KTKT")

    # The criteria table: the demo set the half-year's from the year's, nobody has scored on it yet;
    # last year's half-year table (the demo's 2024, closed) is copied over it, then the year's again.
    qtbot.mouseClick(page.commands["criteriaTable"], Qt.MouseButton.LeftButton)
    editor = page.criteria_dialog
    assert editor is not None and editor.table.rowCount() == 11
    qtbot.mouseClick(editor.buttons["copyLastYear"], Qt.MouseButton.LeftButton)
    settle()
    assert editor.table.rowCount() == 11
    assert "Đã sao chép 11 dòng từ bảng 6 tháng đầu năm 2024" in editor.status.text()
    qtbot.mouseClick(editor.buttons["copyYearTable"], Qt.MouseButton.LeftButton)
    settle()
    assert editor.table.rowCount() == 11 and "Đã sao chép 11 dòng" in editor.status.text()
    editor.table.setCurrentCell(0, 0)  # reorder: I.1 below I.2, saved, and back
    qtbot.mouseClick(editor.buttons["moveDown"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert [c.code for c in criteria(db, ktkt.id, 2025, H1)][:2] == ["I.2", "I.1"]
    editor.table.setCurrentCell(1, 0)
    qtbot.mouseClick(editor.buttons["moveUp"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle()
    TABLE[:] = criteria(db, ktkt.id, 2025, H1)
    assert [c.code for c in TABLE][:2] == ["I.1", "I.2"] and len(TABLE) == 11
    editor.close()

    # The self-scores of all 11 members, through the grid with the keyboard…
    units = [(s.unit_id, s.code) for s in sheet_status(db, ktkt.id, 2025, H1)]
    assert len(units) == 11
    by_xlsx = 5
    for i, (unit_id, _code) in enumerate(units):
        if i == by_xlsx:
            continue
        dialog = _open_sheet(qtbot, page, unit_id)
        _type_column(qtbot, dialog, SELF, _self_scores(i))
        assert dialog.model.self_total == 100 - 0.5 * i
        _save_sheet(qtbot, settle, dialog)

    # …and one unit's through its xlsx sheet, out and back in.
    unit_id, code = units[by_xlsx]
    _select(page, unit_id)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(page, "choose_folder", lambda: out)
    exported = page.export_sheets()
    assert len(exported) == 11
    files = [f for f in exported if f.name == f"phieu-cham-diem_KTKT_2025_h1_{code}.xlsx"]
    book = load_workbook(files[0])
    sheet = book.active
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Mã tiêu chí")
    self_column = next(c for c in range(1, 12) if sheet.cell(header, c).value == "Tự chấm")
    wanted = _self_scores(by_xlsx)
    for r in range(header + 1, sheet.max_row + 1):
        if sheet.cell(r, 1).value in wanted:
            sheet.cell(r, self_column).value = float(wanted[sheet.cell(r, 1).value].replace(",", "."))
    book.save(files[0])
    monkeypatch.setattr(page, "choose_sheet_files", lambda: [files[0], files[0]])  # the same unit twice
    page.import_sheets()
    settle()
    assert "Không lưu gì" in page.report_text
    assert unit_sheet(db, ktkt.id, 2025, H1, unit_id).self_total == 0
    monkeypatch.setattr(page, "choose_sheet_files", lambda: [files[0]])
    page.import_sheets()
    settle()
    assert "Đã lưu điểm của 1 đơn vị" in page.report_text
    assert unit_sheet(db, ktkt.id, 2025, H1, unit_id).self_total == 100 - 0.5 * by_xlsx

    # The bloc's scores: as self-assessed, but the first unit loses 1.25 on I.1 (a comment says why).
    for i, (unit_id, _code) in enumerate(units):
        dialog = _open_sheet(qtbot, page, unit_id)
        bloc = _self_scores(i)
        if i == 0:
            bloc["I.1"] = "28,75"
        _type_column(qtbot, dialog, BLOC, bloc)
        if i == 0:
            assert dialog.model.index(0, COMMENT).data(Qt.ItemDataRole.BackgroundRole) is not None
            _type_column(qtbot, dialog, COMMENT, {"I.1": "Thiếu minh chứng một chỉ tiêu"})
        _save_sheet(qtbot, settle, dialog)
    assert all(s.complete for s in sheet_status(db, ktkt.id, 2025, H1))

    # The meeting approved: the approver closes the half-year.
    monkeypatch.setattr("ui.pages.standings.ask", lambda *_a: True)
    qtbot.mouseClick(page.commands["closePeriod"], Qt.MouseButton.LeftButton)
    settle()
    assert page.state.text().startswith("Đã khóa ngày") and page.state.text().endswith("bởi pheduyet")
    assert not page.commands["closePeriod"].isEnabled() and page.commands["reopenPeriod"].isEnabled()
    order = [1, 2, 0, *range(3, 11)]  # unit 0 fell to third
    names = {s.unit_id: s.name for s in sheet_status(db, ktkt.id, 2025, H1)}
    assert page.ranks_shown() == [(names[units[i][0]], str(rank)) for rank, i in enumerate(order, start=1)]

    # A closed period refuses an edit: the grid is read-only.
    dialog = _open_sheet(qtbot, page, units[3][0])
    assert dialog.model.read_only and not dialog.save_button.isEnabled()
    assert not dialog.model.setData(dialog.model.index(0, SELF), "1")
    dialog.close()

    state = period_state(db, ktkt.id, 2025, H1)
    assert state.closed and state.closed_by == "pheduyet"
    periods = [e for e in _audit(demo_path, "score_period") if "2025" in e.changes]  # the demo closed 2024's
    assert periods and {e.actor for e in periods} == {"pheduyet"}
    scores = [e for e in _audit(demo_path, "score") if e.actor == "pheduyet"]
    inserted = {e.entity_id for e in scores if e.action == "insert"}
    assert len(inserted) == 11 * 9 + 2  # the xlsx sheet's rows include its empty bonus and penalty rows
    assert any(e.action == "import" for e in scores)

    # The half-year review and the meeting's minutes, drafted from the data in the reports page.
    review = _report(qtbot, settle, window, "so-ket-khoi", demo_path.parent / "so-ket.pdf")
    standing = compute(db, ktkt.id, 2025, period=H1)
    for row in standing.ranked:
        total = f"{row.total:g}".replace(".", ",")
        line = rf"\b{row.rank} {re.escape(row.code)} {re.escape(row.name)} \D*{re.escape(total)}\b"  # rank, unit, total
        assert re.search(line, review), (row.name, total)
    minutes = _report(qtbot, settle, window, "bien-ban-khoi", demo_path.parent / "bien-ban.pdf")
    assert "BIÊN BẢN" in minutes and all(row.name in minutes for row in standing.ranked)
    window.nav.setCurrentRow(window.page_list.index(window.standings))

    # The year's view shows each unit's half-year rank beside its year rank.
    page.select("KTKT", 2025, YEAR)
    half = dict(page.half_year_ranks_shown())
    assert half[names[units[1][0]]] == "1" and half[names[units[0][0]]] == "3"

    # The Xổ số unit's year sheet, left incomplete by the demo, completed in the grid.
    xs = next(s for s in sheet_status(db, ktkt.id, 2025, YEAR) if s.code == "XSKT")
    assert not xs.complete and "phiếu chấm chưa đủ" in page.proposal.text()
    dialog = _open_sheet(qtbot, page, xs.unit_id)
    missing = {line.code: line.self_text for line in dialog.model.lines if line.code in xs.missing}
    assert set(missing) == {"IV.1", "IV.2"}
    _type_column(qtbot, dialog, BLOC, missing)
    _save_sheet(qtbot, settle, dialog)
    xs = next(s for s in sheet_status(db, ktkt.id, 2025, YEAR) if s.code == "XSKT")
    assert xs.complete
    assert "phiếu chấm chưa đủ" not in page.proposal.text()
    assert dict(page.ranks_shown())[xs.name] != "—"

    # Reopening the half-year needs a reason, kept in the audit log.
    page.select("KTKT", 2025, H1)
    qtbot.mouseClick(page.commands["reopenPeriod"], Qt.MouseButton.LeftButton)
    reopen = page.reopen_dialog
    assert reopen is not None
    reopen.accept()
    settle()
    assert reopen.error_text("reason")
    assert period_state(db, ktkt.id, 2025, H1).closed
    reopen.reason.setPlainText("Hội nghị khối điều chỉnh điểm tiêu chí I.1")
    reopen.accept()
    settle()
    assert not period_state(db, ktkt.id, 2025, H1).closed
    assert "lý do: Hội nghị khối" in page.state.text()
    assert any(
        e.reason == "Hội nghị khối điều chỉnh điểm tiêu chí I.1" for e in _audit(demo_path, "score_period")
    )


def test_a_clerk_sees_the_standings_but_not_the_scoring_commands(qtbot, settle, demo_path: Path) -> None:
    window = _log_in(qtbot, settle, demo_path, "canbo.stc", "canbo2025")
    window.nav.setCurrentRow(window.page_list.index(window.standings))
    page = window.standings
    page.select("KTKT", 2025, YEAR)
    assert not page.commands["closePeriod"].isVisible() and not page.commands["importSheets"].isVisible()
    page.table.setCurrentCell(-1, -1)  # no row chosen: the unit is asked for
    qtbot.mouseClick(page.commands["enterScores"], Qt.MouseButton.LeftButton)
    chooser = page.unit_chooser
    assert chooser is not None and chooser.units.count() == 11
    chooser.units.setCurrentIndex(chooser.units.findData(page.standings.rows[0].unit_id))
    chooser.accept()
    dialog = page.sheet_dialog
    assert dialog is not None and dialog.unit_id == page.standings.rows[0].unit_id
    assert dialog is not None and dialog.model.read_only and not dialog.save_button.isEnabled()
    dialog.close()


def test_a_scored_criterion_cannot_be_deleted_and_nothing_is_half_saved(
    qtbot, settle, demo_path: Path
) -> None:
    window = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    window.nav.setCurrentRow(window.page_list.index(window.standings))
    page = window.standings
    page.select("KTKT", 2025, YEAR)
    editor = page.edit_criteria()
    assert editor is not None and editor.scored
    before = criteria(window.db, editor.bloc_id, 2025, YEAR)
    editor.table.item(1, 2).setText("Tham mưu văn bản, cơ chế, chính sách")  # a change that would pass
    editor.table.setCurrentCell(0, 0)
    qtbot.mouseClick(editor.buttons["deleteRow"], Qt.MouseButton.LeftButton)  # I.1 has scores
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert "Tiêu chí «I.1» đã có điểm chấm; không xóa được." in editor.status.text()
    assert criteria(window.db, editor.bloc_id, 2025, YEAR) == before
    assert isinstance(editor.findChild(QPushButton, "saveCriteria"), QPushButton)


def test_a_sheet_for_another_period_is_refused_whole(qtbot, settle, demo_path: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    window = _log_in(qtbot, settle, demo_path, "pheduyet", "pheduyet2025")
    window.nav.setCurrentRow(window.page_list.index(window.standings))
    page = window.standings
    page.select("KTKT", 2025, YEAR)
    db = window.db
    ktkt = bloc_by_code(db, "KTKT")
    xs = next(s for s in sheet_status(db, ktkt.id, 2025, YEAR) if s.code == "XSKT")
    _select(page, xs.unit_id)
    monkeypatch.setattr(page, "choose_folder", lambda: tmp_path)
    [year_file] = [f for f in page.export_sheets() if f.name.endswith("_year_XSKT.xlsx")]
    book = load_workbook(year_file)
    sheet = book.active
    header = next(r for r in range(1, 20) if sheet.cell(r, 1).value == "Mã tiêu chí")
    bloc_column = next(c for c in range(1, 12) if sheet.cell(header, c).value == "Khối chấm")
    self_column, comment_column = bloc_column - 1, bloc_column + 1
    for r in range(header + 1, sheet.max_row + 1):
        if sheet.cell(r, 1).value in xs.missing:
            sheet.cell(r, bloc_column).value = 4
        own, bloc = sheet.cell(r, self_column).value, sheet.cell(r, bloc_column).value
        if own is not None and bloc is not None and own != bloc and not sheet.cell(r, comment_column).value:
            sheet.cell(
                r, comment_column
            ).value = "Khối chấm theo biên bản kiểm tra"  # the rule of a whole sheet
    book.save(year_file)

    page.select("KTKT", 2025, H1)  # the year's sheet, brought to the half-year
    qtbot.mouseClick(page.commands["criteriaTable"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.criteria_dialog.buttons["copyYearTable"], Qt.MouseButton.LeftButton)
    settle()
    page.criteria_dialog.close()
    monkeypatch.setattr(page, "choose_sheet_files", lambda: [year_file])
    page.import_sheets()
    settle()
    assert "lần nhập này dành cho khối KTKT, 6 tháng đầu năm 2025" in page.report_text
    assert "Không lưu gì" in page.report_text
    assert not next(s for s in sheet_status(db, ktkt.id, 2025, YEAR) if s.code == "XSKT").complete

    page.select("KTKT", 2025, YEAR)  # where it belongs: saved
    page.import_sheets()
    settle()
    assert "Đã lưu điểm của 1 đơn vị" in page.report_text
    assert next(s for s in sheet_status(db, ktkt.id, 2025, YEAR) if s.code == "XSKT").complete
