"""The score grid of one unit and period: type a score, Tab or Enter goes to the next editable cell
down the criteria, totals follow each edit, Lưu saves the whole sheet on the writer (all or
nothing); a refusal is shown on its rows. Gửi phiếu chấm… sends the saved sheet to the bloc head in a
signed package (app.exchange.scores)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from app.exchange.offices import active_offices
from app.exchange.package import Office, package_path
from app.exchange.scores import package_file_name, send_scores
from app.model import ScorePeriodKind
from app.services.score_periods import PeriodClosedError
from app.services.score_sheets import SheetRefused, UnitSheet, save_sheet, unit_sheet
from app.storage.db import Database

from ..error_catalogue import error_text, translate_message
from ..labels import number
from ..operations import run_write
from ..qt import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import ERROR_STYLE
from .dialogs import OfficeChooser
from .sheet_model import (
    BLOC,
    COMMENT,
    EDITABLE,
    ERROR_BRUSH,
    NAME,
    SELF,
    WARNING_BRUSH,
    Index,
    SheetModel,
    check_line,
)

_NEXT = QAbstractItemView.CursorAction.MoveNext
_PREVIOUS = QAbstractItemView.CursorAction.MovePrevious
_HINT = QAbstractItemDelegate.EndEditHint


class _Cells(QStyledItemDelegate):
    """A score is checked at each key typed (the editor turns red or amber, its tooltip says why);
    Enter in a cell keeps what was typed and moves on down, as Tab does."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        editor = super().createEditor(parent, option, index)
        model = index.model()
        if isinstance(editor, QLineEdit) and isinstance(model, SheetModel) and index.column() in (SELF, BLOC):
            line, column = model.lines[index.row()], index.column()

            def check(text: str) -> None:
                probe = replace(line, flags={}, refused={})
                if column == SELF:
                    probe.self_text = text
                else:
                    probe.bloc_text = text
                flag = check_line(probe).get(column)
                brush = None if flag is None else ERROR_BRUSH if flag[1] else WARNING_BRUSH
                editor.setStyleSheet("" if brush is None else f"background: {brush.color().name()};")
                editor.setToolTip("" if flag is None else flag[0])

            editor.textChanged.connect(check)
        return editor

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and isinstance(editor, QWidget)
        ):
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, _HINT.EditNextItem)
            return True
        return super().eventFilter(editor, event)


class SheetGrid(QTableView):
    """A table whose Tab and Enter walk down the criteria (then on to the next editable column)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setItemDelegate(_Cells(self))
        self.verticalHeader().hide()

    def next_cell(self, index: QModelIndex, step: int) -> QModelIndex:
        """The next (step 1) or previous (−1) editable cell down the criteria from ``index``."""
        model = self.model()
        rows = model.rowCount()
        if not index.isValid() or rows == 0:
            return model.index(0, SELF) if rows else QModelIndex()
        row, column = index.row() + step, index.column()
        if column not in EDITABLE:
            return model.index(max(0, min(index.row(), rows - 1)), SELF)
        if 0 <= row < rows:
            return model.index(row, column)
        at = EDITABLE.index(column) + step
        if not 0 <= at < len(EDITABLE):
            return index  # the first or the last cell: stay
        return model.index(0 if step > 0 else rows - 1, EDITABLE[at])

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:  # noqa: N802 E501
        if action in (_NEXT, _PREVIOUS):
            return self.next_cell(self.currentIndex(), 1 if action == _NEXT else -1)
        return super().moveCursor(action, modifiers)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != self.State.EditingState:
            target = self.next_cell(self.currentIndex(), 1)
            if target.isValid():
                self.setCurrentIndex(target)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Delete and self.state() != self.State.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable:
                self.model().setData(index, "")
            event.accept()
            return
        super().keyPressEvent(event)


class SheetDialog(QDialog):
    """Phiếu chấm điểm: one unit, one bloc, year and period."""

    def __init__(self, db: Database, bloc_id: int, year: int, period: ScorePeriodKind, unit_id: int,
                 parent: QWidget | None = None, *, can_write: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("scoreSheet")
        self.db, self.bloc_id, self.year, self.period, self.unit_id = db, bloc_id, year, period, unit_id
        self.can_write = can_write and not db.read_only
        self.writing = False
        self.sheet: UnitSheet | None = None
        self.model = SheetModel(self)
        self.grid = SheetGrid()
        self.grid.setObjectName("sheetGrid")
        self.grid.setModel(self.model)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSheet")
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        self.send_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.send_button.setObjectName("sendSheet")
        self.send_button.setAutoDefault(False)
        self.send_button.setEnabled(not db.read_only)
        self.send_button.clicked.connect(lambda _checked=False: self.send())
        self.office_chooser: OfficeChooser | None = None
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.totals, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.grid, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.model.totals_changed.connect(self._show_totals)
        self.resize(1100, 640)
        self.retranslate()
        self.reload()

    # -- content -----------------------------------------------------------------------------
    def reload(self, sheet: UnitSheet | None = None) -> None:
        self.sheet = sheet or unit_sheet(self.db, self.bloc_id, self.year, self.period, self.unit_id)
        self.model.load(self.sheet, read_only=not self.can_write)
        self.grid.resizeColumnsToContents()
        self.grid.setColumnWidth(NAME, min(self.grid.columnWidth(NAME), 420))
        for column in (SELF, BLOC):
            self.grid.setColumnWidth(column, max(self.grid.columnWidth(column), 80))
        self.grid.setColumnWidth(COMMENT, max(self.grid.columnWidth(COMMENT), 180))
        self.save_button.setEnabled(self.can_write and not self.sheet.closed)
        self._show_heading()
        if self.model.rowCount():
            self.grid.setCurrentIndex(self.model.index(0, SELF))
            self.grid.setFocus()

    def _show_heading(self) -> None:
        s = self.sheet
        if s is None:
            return
        period = (
            translate("ScoreSheet", "6 tháng đầu năm")
            if s.period is ScorePeriodKind.H1
            else translate("ScoreSheet", "Cả năm")
        )
        text = translate("ScoreSheet", "{0} — {1}, khối {2}, {3} {4}").format(
            s.unit_code, s.unit_name, s.bloc_code, period, s.year
        )
        if s.closed:
            text += " — " + translate("ScoreSheet", "kỳ đã khóa: chỉ xem")
        self.heading.setText(text)

    def _show_totals(self, own: float, bloc: float) -> None:
        missing = [
            line.code
            for line in self.model.lines
            if line.kind.value == "criterion" and line.points(BLOC) is None
        ]
        text = translate("ScoreSheet", "Tổng tự chấm: {0} — Tổng khối chấm: {1}").format(
            number(own), number(bloc)
        )
        if missing:
            text += " — " + translate("ScoreSheet", "chưa chấm: {0}").format(", ".join(missing))
        self.totals.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("ScoreSheet", "Phiếu chấm điểm"))
        self.save_button.setText(translate("ScoreSheet", "&Lưu phiếu"))
        self.send_button.setText(translate("ScoreSheet", "&Gửi phiếu chấm…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("ScoreSheet", "Đóng"))
        self._show_heading()
        self._show_totals(self.model.self_total, self.model.bloc_total)

    # -- saving ------------------------------------------------------------------------------
    def save(self, then: Callable[[Any], object] | None = None) -> None:
        """Save the whole sheet on the writer; nothing is written unless every row is right."""
        if self.writing or not self.can_write:
            return
        if self.grid.state() == QAbstractItemView.State.EditingState:  # the cell being typed counts
            self.grid.setFocus()
            editor = self.grid.indexWidget(self.grid.currentIndex())
            if editor is not None:
                self.grid.commitData(editor)
        bad = self.model.not_numbers()
        if bad:
            self._show_status(
                translate("ScoreSheet", "Điểm phải là số (tiêu chí {0}); chưa lưu gì.").format(
                    ", ".join(bad)
                ),
                error=True,
            )
            return
        entries = self.model.entries()
        db, bloc_id, year, period, unit_id = self.db, self.bloc_id, self.year, self.period, self.unit_id
        self.writing = True
        self.save_button.setEnabled(False)
        self._show_status(translate("ScoreSheet", "Đang lưu…"))

        def done(sheet: object) -> None:
            self.writing = False
            assert isinstance(sheet, UnitSheet)
            self.reload(sheet)
            self._show_status(translate("ScoreSheet", "Đã lưu phiếu chấm ({0} dòng).").format(len(entries)))
            if then is not None:
                then(sheet)

        def failed(exc: BaseException) -> None:
            self.writing = False
            self.save_button.setEnabled(self.can_write)
            if isinstance(exc, SheetRefused):
                self.model.set_problems(exc.problems, entries)
                if any(p.field == "period" for p in exc.problems) or isinstance(exc, PeriodClosedError):
                    self.save_button.setEnabled(False)
            self._show_status(refusal_text(exc), error=True)

        self.op = run_write(
            self, translate("ScoreSheet", "Đang lưu phiếu chấm…"), self.db,
            lambda: save_sheet(db, bloc_id, year, period, unit_id, entries), on_done=done, on_error=failed,
        )  # fmt: skip

    # -- sending -----------------------------------------------------------------------------
    def send(self) -> None:
        """Gửi phiếu chấm…: the sheet (saved first if edited) in a signed package for the bloc head,
        chosen among the offices whose key this book trusts."""
        if self.writing:
            return
        if self.can_write and self.sheet is not None and not self.sheet.closed and self.model.entries():
            self.save(then=lambda _sheet: self._send())  # what is shown is what is sent
        else:
            self._send()

    def _send(self) -> None:
        sheet = self.sheet
        choices = active_offices(self.db)
        if sheet is None:
            return
        if not choices:
            self._show_status(translate("ScoreSheet", "Sổ này chưa đăng ký khóa của cơ quan nào; hãy đăng ký thẻ "
                                                      "khóa của khối trưởng trước (thidua keys trust)."),
                              error=True)  # fmt: skip
            return
        chooser = self.office_chooser = OfficeChooser(choices, self)
        chooser.accepted.connect(lambda: self._send_to(chooser.office()))
        chooser.open()  # window-modal, not a nested event loop

    def _send_to(self, target: Office | None) -> None:
        sheet = self.sheet
        if sheet is None or target is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, translate("ScoreSheet", "Lưu gói phiếu chấm"),
            package_file_name(sheet.unit_code, sheet.year, sheet.period),
            translate("ScoreSheet", "Gói hồ sơ Sổ Thi đua (*.tdkt)"),
        )  # fmt: skip
        if not name:
            return
        out = package_path(name)
        db, bloc_id, year, period, unit_id = self.db, self.bloc_id, self.year, self.period, self.unit_id
        to = target
        self.writing = True
        self.send_button.setEnabled(False)

        def done(digest: object) -> None:
            self.writing = False
            self.send_button.setEnabled(True)
            self._show_status(translate("ScoreSheet", "Đã gửi phiếu chấm cho {0} vào tệp {1} (mã gói {2}).").format(
                to.name, str(out), str(digest)[:12]))  # fmt: skip

        def failed(exc: BaseException) -> None:
            self.writing = False
            self.send_button.setEnabled(True)
            self._show_status(refusal_text(exc), error=True)

        self.op = run_write(
            self, translate("ScoreSheet", "Đang gửi phiếu chấm…"), db,
            lambda: send_scores(db, bloc_id, year, period, unit_id, out, to), on_done=done, on_error=failed,
        )  # fmt: skip

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")  # the red of every form's error


def refusal_text(exc: BaseException) -> str:
    """A refused save in the UI's language: a sheet's heading and each of its problems translated
    one by one (the message as raised joins them, and no template matches the whole)."""
    if not isinstance(exc, SheetRefused):
        return error_text(exc)
    head = translate("ScoreSheet", "{0} ({1} lỗi):").format(translate_message(exc.heading), len(exc.problems))
    return "\n".join([head, *(f"- {translate_message(p.message)}" for p in exc.problems)])
