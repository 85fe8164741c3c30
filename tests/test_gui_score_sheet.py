"""Issue #15, the score grid: flags and live totals as the user types, Tab and Enter walking down
the criteria, a save that is all or nothing, a closed period that refuses."""

from __future__ import annotations

import factories as f
import pytest

from app.model import CriterionKind, ScorePeriodKind
from app.services.blocs import BlocInput, create_bloc, set_membership
from app.services.score_periods import close_period
from app.services.score_sheets import SheetEntry, save_sheet, unit_sheet
from app.services.scoring import CriterionInput, criteria, set_criteria
from ui.qt import QApplication, QLineEdit, Qt, QWidget
from ui.scoring.criteria_editor import CriteriaEditor
from ui.scoring.sheet_model import BLOC, COMMENT, ERROR_BRUSH, SELF, WARNING_BRUSH
from ui.scoring.sheet_view import SheetDialog

db = f.db
H1 = ScorePeriodKind.H1
TABLE = [
    CriterionInput("I.1", "Thực hiện nhiệm vụ chuyên môn", 50, group="I", floor_share=0.8),
    CriterionInput("I.2", "Công tác thi đua, khen thưởng", 30, group="I"),
    CriterionInput("II.1", "Cải cách hành chính", 20, group="II"),
    CriterionInput("B.1", "Được tặng Cờ thi đua", 10, kind=CriterionKind.BONUS),
    CriterionInput("T.1", "Chậm nộp báo cáo", 5, kind=CriterionKind.PENALTY),
]


@pytest.fixture
def sheet(db, qtbot):  # type: ignore[no-untyped-def]
    bloc = create_bloc(db, BlocInput(code="KTKT", name="Khối Kinh tế - Kỹ thuật"))
    unit = f.unit(db, "Sở Tài chính", code="STC")
    set_membership(db, bloc.id, unit.id, 2025)
    set_criteria(db, bloc.id, 2025, TABLE, H1)
    dialog = SheetDialog(db, bloc.id, 2025, H1, unit.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return db, bloc, unit, dialog


def _editor(dialog: SheetDialog) -> QWidget:
    focus = QApplication.focusWidget()
    if isinstance(focus, QLineEdit):
        return focus
    editors = [e for e in dialog.grid.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors, "no cell editor open"
    return editors[-1]


def _type(qtbot, dialog: SheetDialog, text: str, key: Qt.Key = Qt.Key.Key_Tab) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into the current cell (the first key opens its editor), then ``key``."""
    qtbot.keyClick(dialog.grid, text[0])
    editor = _editor(dialog)
    if len(text) > 1:
        qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, key)


def test_flags_and_totals_follow_each_edit(sheet) -> None:  # type: ignore[no-untyped-def]
    _db, _bloc, _unit, dialog = sheet
    model = dialog.model
    model.setData(model.index(0, SELF), "55")  # above 50
    assert model.index(0, SELF).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert "tối đa" in model.index(0, SELF).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(0, SELF), "-1")
    assert "âm" in model.index(0, SELF).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(0, SELF), "abc")
    assert "Không phải số" in model.index(0, SELF).data(Qt.ItemDataRole.ToolTipRole)
    model.setData(model.index(0, SELF), "35")  # under the floor of 40: a warning
    assert model.index(0, SELF).data(Qt.ItemDataRole.BackgroundRole) == WARNING_BRUSH
    model.setData(model.index(0, SELF), "45")
    assert model.index(0, SELF).data(Qt.ItemDataRole.BackgroundRole) is None
    model.setData(model.index(0, BLOC), "44,5")  # differs: a comment is needed
    assert model.index(0, COMMENT).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    model.setData(model.index(0, COMMENT), "Thiếu một chỉ tiêu")
    assert model.index(0, COMMENT).data(Qt.ItemDataRole.BackgroundRole) is None
    model.setData(model.index(3, SELF), "5")  # bonus
    model.setData(model.index(4, SELF), "2")  # penalty
    assert model.self_total == 48
    assert model.bloc_total == 44.5
    assert "48" in dialog.totals.text() and "44,5" in dialog.totals.text()


def test_tab_and_enter_walk_down_the_criteria(sheet, qtbot) -> None:  # type: ignore[no-untyped-def]
    _db, _bloc, _unit, dialog = sheet
    dialog.grid.setFocus()
    assert dialog.grid.currentIndex().row() == 0 and dialog.grid.currentIndex().column() == SELF
    _type(qtbot, dialog, "45", Qt.Key.Key_Tab)
    assert (dialog.grid.currentIndex().row(), dialog.grid.currentIndex().column()) == (1, SELF)
    qtbot.waitUntil(lambda: dialog.grid.state() == dialog.grid.State.EditingState)
    qtbot.keyClicks(_editor(dialog), "28")
    qtbot.keyClick(_editor(dialog), Qt.Key.Key_Return)
    assert (dialog.grid.currentIndex().row(), dialog.grid.currentIndex().column()) == (2, SELF)
    qtbot.keyClicks(_editor(dialog), "18")
    qtbot.keyClick(_editor(dialog), Qt.Key.Key_Escape)
    dialog.grid.setCurrentIndex(dialog.model.index(4, SELF))
    qtbot.keyClick(dialog.grid, Qt.Key.Key_Tab)  # past the last row: the next column's top
    assert (dialog.grid.currentIndex().row(), dialog.grid.currentIndex().column()) == (0, BLOC)
    assert [line.self_text for line in dialog.model.lines[:2]] == ["45", "28"]
    dialog.grid.setCurrentIndex(dialog.model.index(1, BLOC))  # checked at each key, before Enter
    qtbot.keyClick(dialog.grid, "3")
    editor = _editor(dialog)
    assert editor.toolTip() == ""
    qtbot.keyClicks(editor, "5")
    assert "tối đa" in editor.toolTip() and "background" in editor.styleSheet()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toolTip() == ""
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert dialog.model.self_total == 73


def test_a_bad_row_saves_nothing_and_is_shown_on_its_row(sheet, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    db, bloc, unit, dialog = sheet
    save_sheet(db, bloc.id, 2025, H1, unit.id, [SheetEntry("I.2", 20, 20)])
    dialog.reload()
    model = dialog.model
    model.setData(model.index(0, SELF), "45")
    model.setData(model.index(0, BLOC), "45")
    model.setData(model.index(1, BLOC), "25")  # differs from 20 without a comment
    model.setData(model.index(2, SELF), "21")  # above 20
    dialog.save()
    settle()
    assert "2 lỗi" in dialog.status.text()
    assert model.index(1, COMMENT).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    assert model.index(2, SELF).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    after = unit_sheet(db, bloc.id, 2025, H1, unit.id)
    assert [(r.self_points, r.bloc_points) for r in after.rows[:3]] == [(None, None), (20, 20), (None, None)]

    model.setData(model.index(1, COMMENT), "Khối chấm lại theo minh chứng")
    model.setData(model.index(2, SELF), "19")
    dialog.save()
    settle()
    assert "Đã lưu" in dialog.status.text()
    after = unit_sheet(db, bloc.id, 2025, H1, unit.id)
    assert [(r.self_points, r.bloc_points) for r in after.rows[:3]] == [(45, 45), (20, 25), (19, None)]


def test_a_word_in_a_score_cell_is_refused_before_saving(sheet, settle) -> None:  # type: ignore[no-untyped-def]
    db, bloc, unit, dialog = sheet
    dialog.model.setData(dialog.model.index(0, SELF), "bốn mươi")
    dialog.save()
    settle()
    assert "I.1" in dialog.status.text() and "chưa lưu" in dialog.status.text()
    assert all(r.self_points is None for r in unit_sheet(db, bloc.id, 2025, H1, unit.id).rows)


def test_a_period_closed_meanwhile_refuses_the_save(sheet, settle) -> None:  # type: ignore[no-untyped-def]
    db, bloc, unit, dialog = sheet
    dialog.model.setData(dialog.model.index(0, SELF), "45")
    close_period(db, bloc.id, 2025, H1)
    dialog.save()
    settle()
    assert "đã khóa" in dialog.status.text()
    assert not dialog.save_button.isEnabled()
    assert all(r.self_points is None for r in unit_sheet(db, bloc.id, 2025, H1, unit.id).rows)
    reopened = SheetDialog(db, bloc.id, 2025, H1, unit.id)
    assert reopened.model.read_only and "đã khóa" in reopened.heading.text()
    reopened.deleteLater()


# ------------------------------------------------------------------------------ criteria editor
def _editor_for(qtbot, db, bloc, year: int, period: ScorePeriodKind) -> CriteriaEditor:  # type: ignore[no-untyped-def]
    editor = CriteriaEditor(db, bloc.id, bloc.code, year, period)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_the_criteria_editor_writes_a_new_table_and_refuses_a_bad_maximum(sheet, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    db, bloc, _unit, _dialog = sheet
    editor = _editor_for(qtbot, db, bloc, 2025, ScorePeriodKind.YEAR)
    assert editor.table.rowCount() == 0 and not editor.buttons["copyYearTable"].isVisible()
    for code, name, points, kind in (("I.1", "Chuyên môn", "60", 0), ("I.2", "Thi đua", "40", 0),
                                     ("T.1", "Chậm báo cáo", "abc", 2)):  # fmt: skip
        qtbot.mouseClick(editor.buttons["addRow"], Qt.MouseButton.LeftButton)
        row = editor.table.currentRow()
        for column, text in ((0, code), (2, name), (4, points)):
            editor.table.item(row, column).setText(text)
        editor.table.cellWidget(row, 3).setCurrentIndex(kind)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle()
    assert "Dòng 3: điểm tối đa phải là số lớn hơn 0." in editor.status.text()
    assert criteria(db, bloc.id, 2025) == []
    editor.table.item(2, 4).setText("5")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    settle()
    saved = criteria(db, bloc.id, 2025)
    assert [(c.code, c.max_points, c.kind) for c in saved] == [
        ("I.1", 60, CriterionKind.CRITERION),
        ("I.2", 40, CriterionKind.CRITERION),
        ("T.1", 5, CriterionKind.PENALTY),
    ]
    assert "Đã lưu bảng tiêu chí (3 dòng)." in editor.status.text()


def test_the_criteria_table_is_copied_from_last_year_and_goes_out_and_back_as_xlsx(
    sheet, qtbot, settle, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    db, bloc, _unit, _dialog = sheet
    editor = _editor_for(qtbot, db, bloc, 2026, H1)
    qtbot.mouseClick(editor.buttons["copyLastYear"], Qt.MouseButton.LeftButton)
    settle()
    assert [c.code for c in criteria(db, bloc.id, 2026, H1)] == [c.code for c in TABLE]
    assert editor.table.rowCount() == 5

    target = tmp_path / "bang.xlsx"
    editor.choose_save_path = lambda _suggested: target  # type: ignore[method-assign]
    qtbot.mouseClick(editor.buttons["exportXlsx"], Qt.MouseButton.LeftButton)
    assert target.is_file() and "bang.xlsx" in editor.status.text()

    year_editor = _editor_for(qtbot, db, bloc, 2026, ScorePeriodKind.YEAR)
    year_editor.choose_open_path = lambda: target  # type: ignore[method-assign]
    qtbot.mouseClick(year_editor.buttons["importXlsx"], Qt.MouseButton.LeftButton)
    settle()
    assert "Đã lưu bảng tiêu chí 5 dòng" in year_editor.status.text()
    assert [c.max_points for c in criteria(db, bloc.id, 2026)] == [50, 30, 20, 10, 5]


def test_a_row_another_person_saved_meanwhile_is_refused_not_overwritten(sheet, qtbot, settle) -> None:  # type: ignore[no-untyped-def]
    """Two of the secretariat have the same sheet open. The first saves I.1 = 45; the second, who
    still sees I.1 empty, types 40 there and 25 in I.2: nothing is saved (all or nothing), I.1 is
    flagged with why, and the first person's 45 stays. A row nobody else touched saves as before."""
    db, bloc, unit, first = sheet
    second = SheetDialog(db, bloc.id, 2025, H1, unit.id)
    qtbot.addWidget(second)
    first.model.setData(first.model.index(0, SELF), "45")
    first.save()
    settle()
    assert "Đã lưu" in first.status.text()

    second.model.setData(second.model.index(0, SELF), "40")
    second.model.setData(second.model.index(1, SELF), "25")
    second.save()
    settle()
    assert "I.1" in second.status.text() and "mở lại phiếu" in second.status.text()
    assert second.model.index(0, SELF).data(Qt.ItemDataRole.BackgroundRole) == ERROR_BRUSH
    stored = unit_sheet(db, bloc.id, 2025, H1, unit.id)
    assert [r.self_points for r in stored.rows[:2]] == [45, None]

    second.reload()  # opened again: the other's 45 shown, and a change of I.2 now saves
    assert second.model.index(0, SELF).data() == "45"
    second.model.setData(second.model.index(1, SELF), "25")
    second.save()
    settle()
    assert "Đã lưu" in second.status.text()
    assert [r.self_points for r in unit_sheet(db, bloc.id, 2025, H1, unit.id).rows[:2]] == [45, 25]


def test_a_refused_sheet_reads_in_english(sheet, settle, in_english) -> None:  # type: ignore[no-untyped-def]
    db, bloc, unit, dialog = sheet
    dialog.model.setData(dialog.model.index(1, SELF), "25")
    dialog.model.setData(dialog.model.index(1, BLOC), "20")  # differs, no comment
    dialog.save()
    settle()
    text = dialog.status.text()
    assert text.startswith("The score sheet of STC was not saved (problems: 1):"), text
    assert (
        "Criterion I.2: the self-score (25) differs from the bloc's score (20); a comment is needed." in text
    )
    assert dialog.model.index(1, COMMENT).data(Qt.ItemDataRole.ToolTipRole).startswith("Criterion I.2")
    from ui.widgets.fields import ERROR_STYLE

    assert dialog.status.styleSheet() == ERROR_STYLE  # red as every form's error (it was a dark grey)
