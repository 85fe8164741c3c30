"""Bảng tiêu chí: a bloc's criteria table of one year and period, edited as rows (code, group, text,
kind, maximum, floor), copied from last year or from the year's table, out to and back from xlsx.

Lưu writes the whole table as one operation: an unscored table is replaced whole; a scored one is
changed row by row (deleted, changed, added, reordered) inside one transaction, so a refused step
(a scored row cannot be deleted) leaves nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import DomainError
from app.excel.criteria_tables import CriteriaImportReport, export_criteria, import_criteria
from app.model import CriterionKind, ScorePeriodKind
from app.services.score_periods import period_state
from app.services.scoring import (
    CriterionInput,
    CriterionRecord,
    add_criterion,
    copy_criteria,
    criteria,
    delete_criterion,
    reorder_criteria,
    set_criteria,
    table_scored,
    update_criterion,
)
from app.storage.db import Database
from app.text import clean

from ..error_catalogue import error_text, translate_message
from ..labels import number
from ..operations import run_write
from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    translate,
)

CODE, GROUP, NAME, KIND, MAX, FLOOR = range(6)
HEADERS = (
    QT_TRANSLATE_NOOP("CriteriaEditor", "Mã"),
    QT_TRANSLATE_NOOP("CriteriaEditor", "Nhóm"),
    QT_TRANSLATE_NOOP("CriteriaEditor", "Nội dung tiêu chí"),
    QT_TRANSLATE_NOOP("CriteriaEditor", "Loại"),
    QT_TRANSLATE_NOOP("CriteriaEditor", "Điểm tối đa"),
    QT_TRANSLATE_NOOP("CriteriaEditor", "Ngưỡng (0–1)"),
)
KINDS = (
    (CriterionKind.CRITERION, QT_TRANSLATE_NOOP("CriteriaEditor", "Tiêu chí")),
    (CriterionKind.BONUS, QT_TRANSLATE_NOOP("CriteriaEditor", "Điểm thưởng")),
    (CriterionKind.PENALTY, QT_TRANSLATE_NOOP("CriteriaEditor", "Điểm trừ")),
)
ID_ROLE = Qt.ItemDataRole.UserRole


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if not cleaned:
        return None
    return float(cleaned)


def period_text(period: ScorePeriodKind, year: int) -> str:
    if period is ScorePeriodKind.H1:
        return translate("CriteriaEditor", "6 tháng đầu năm {0}").format(year)
    return translate("CriteriaEditor", "cả năm {0}").format(year)


class CriteriaEditor(QDialog):
    """The rows of one table; nothing is written before Lưu (copy and xlsx in write at once)."""

    def __init__(self, db: Database, bloc_id: int, bloc_code: str, year: int, period: ScorePeriodKind,
                 parent: QWidget | None = None, *, can_write: bool = True) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("criteriaEditor")
        self.db, self.bloc_id, self.bloc_code, self.year, self.period = db, bloc_id, bloc_code, year, period
        self.can_write = can_write and not db.read_only
        self.writing = False
        self.records: list[CriterionRecord] = []
        self.deleted: list[int] = []
        self.scored = False
        self.closed = False
        self.heading = QLabel()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("criteria")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.buttons: dict[str, QPushButton] = {}
        edit_row, file_row = QHBoxLayout(), QHBoxLayout()
        for name, slot, row in (
            ("addRow", self.add_row, edit_row),
            ("deleteRow", self.delete_row, edit_row),
            ("moveUp", lambda: self.move_row(-1), edit_row),
            ("moveDown", lambda: self.move_row(1), edit_row),
            ("copyLastYear", self.copy_last_year, file_row),
            ("copyYearTable", self.copy_year_table, file_row),
            ("exportXlsx", self.export_xlsx, file_row),
            ("importXlsx", self.import_xlsx, file_row),
        ):
            button = QPushButton()
            button.setObjectName(name)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=slot: s())
            row.addWidget(button)
            self.buttons[name] = button
        edit_row.addStretch(1)
        file_row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveCriteria")
        self.save_button.clicked.connect(self.save)
        self.close_button = QPushButton()
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(file_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit_row)
        layout.addWidget(self.status)
        layout.addLayout(bottom)
        self.resize(1000, 560)
        self.retranslate()
        self.reload()

    # -- content -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.records = criteria(self.db, self.bloc_id, self.year, self.period)
        self.scored = table_scored(self.db, self.bloc_id, self.year, self.period)
        self.closed = period_state(self.db, self.bloc_id, self.year, self.period).closed
        self.deleted = []
        self.table.setRowCount(0)
        for r in self.records:
            self._append(r.code, r.group, r.name, r.kind, r.max_points, r.floor_share, r.id)
        self.table.resizeColumnToContents(CODE)
        self._enable()
        self._show_heading()

    def _append(self, code: str, group: str, name: str, kind: CriterionKind, max_points: float | None,
                floor: float | None, criterion_id: int | None, at: int | None = None) -> None:  # fmt: skip
        row = self.table.rowCount() if at is None else at
        self.table.insertRow(row)
        code_item = QTableWidgetItem(code)
        code_item.setData(ID_ROLE, criterion_id)
        self.table.setItem(row, CODE, code_item)
        self.table.setItem(row, GROUP, QTableWidgetItem(group))
        self.table.setItem(row, NAME, QTableWidgetItem(name))
        self.table.setItem(row, MAX, QTableWidgetItem("" if max_points is None else number(max_points)))
        self.table.setItem(
            row, FLOOR, QTableWidgetItem("" if floor is None else f"{floor:g}".replace(".", ","))
        )
        combo = QComboBox()
        for value, text in KINDS:
            combo.addItem(translate("CriteriaEditor", text), value.value)
        combo.setCurrentIndex(max(0, combo.findData(CriterionKind(kind).value)))
        combo.setEnabled(self.can_write and not self.closed)
        self.table.setCellWidget(row, KIND, combo)

    def _enable(self) -> None:
        writable = self.can_write and not self.closed and not self.writing
        for button in self.buttons.values():
            button.setEnabled(writable)
        self.buttons["exportXlsx"].setEnabled(bool(self.records) and not self.writing)
        self.buttons["copyYearTable"].setVisible(self.period is ScorePeriodKind.H1)
        self.save_button.setEnabled(writable)
        triggers = (
            QAbstractItemView.EditTrigger.AllEditTriggers
            if writable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
        self.table.setEditTriggers(triggers)

    def _show_heading(self) -> None:
        text = translate("CriteriaEditor", "Khối {0}, {1}: {2} dòng").format(
            self.bloc_code, period_text(self.period, self.year), self.table.rowCount()
        )
        if self.closed:
            text += " — " + translate("CriteriaEditor", "kỳ đã khóa: chỉ xem")
        elif self.scored:
            text += " — " + translate("CriteriaEditor", "đã có điểm chấm: dòng đã chấm không xóa được")
        self.heading.setText(text)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("CriteriaEditor", "Bảng tiêu chí chấm điểm"))
        self.table.setHorizontalHeaderLabels([translate("CriteriaEditor", h) for h in HEADERS])
        for name, text in (
            ("addRow", translate("CriteriaEditor", "Thêm dòng")),
            ("deleteRow", translate("CriteriaEditor", "Xóa dòng")),
            ("moveUp", translate("CriteriaEditor", "Lên")),
            ("moveDown", translate("CriteriaEditor", "Xuống")),
            ("copyLastYear", translate("CriteriaEditor", "Sao chép từ năm trước")),
            ("copyYearTable", translate("CriteriaEditor", "Sao chép từ bảng cả năm")),
            ("exportXlsx", translate("CriteriaEditor", "Xuất xlsx…")),
            ("importXlsx", translate("CriteriaEditor", "Nhập xlsx…")),
        ):
            self.buttons[name].setText(text)
        self.save_button.setText(translate("CriteriaEditor", "&Lưu bảng"))
        self.close_button.setText(translate("CriteriaEditor", "Đóng"))

    # -- editing rows ------------------------------------------------------------------------
    def add_row(self) -> None:
        at = self.table.currentRow() + 1 if self.table.currentRow() >= 0 else self.table.rowCount()
        self._append("", "", "", CriterionKind.CRITERION, None, None, None, at)
        self.table.setCurrentCell(at, CODE)
        self._show_heading()

    def delete_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, CODE)
        criterion_id = item.data(ID_ROLE) if item is not None else None
        if criterion_id is not None:
            self.deleted.append(int(criterion_id))
        self.table.removeRow(row)
        self._show_heading()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        to = row + step
        if row < 0 or not 0 <= to < self.table.rowCount():
            return
        values = self._row(row)
        criterion_id = self._id(row)
        self.table.removeRow(row)
        code, group, name, kind, max_text, floor_text = values
        self._append(code, group, name, kind, None, None, criterion_id, to)
        for column, text in ((MAX, max_text), (FLOOR, floor_text)):
            self.table.setItem(to, column, QTableWidgetItem(text))
        self.table.setCurrentCell(to, CODE)

    def _id(self, row: int) -> int | None:
        item = self.table.item(row, CODE)
        value = item.data(ID_ROLE) if item is not None else None
        return None if value is None else int(value)

    def _row(self, row: int) -> tuple[str, str, str, CriterionKind, str, str]:
        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        combo = self.table.cellWidget(row, KIND)
        value = combo.currentData() if isinstance(combo, QComboBox) else None
        kind = CriterionKind(value) if value else CriterionKind.CRITERION
        return text(CODE), text(GROUP), text(NAME), kind, text(MAX), text(FLOOR)

    def rows(self) -> list[tuple[int | None, CriterionInput]]:
        """The table as typed, checked for numbers (the service checks the rest)."""
        out = []
        for row in range(self.table.rowCount()):
            code, group, name, kind, max_text, floor_text = self._row(row)
            try:
                max_points = _number(max_text)
            except ValueError:
                max_points = -1.0
            if max_points is None or max_points <= 0:
                raise DomainError(
                    translate("CriteriaEditor", "Dòng {0}: điểm tối đa phải là số lớn hơn 0.").format(row + 1)
                )
            try:
                floor = _number(floor_text)
            except ValueError:
                raise DomainError(
                    translate("CriteriaEditor", "Dòng {0}: ngưỡng phải là số từ 0 đến 1.").format(row + 1)
                ) from None
            out.append(
                (
                    self._id(row),
                    CriterionInput(clean(code), clean(name), max_points, kind, clean(group), floor),
                )
            )
        return out

    # -- writing -----------------------------------------------------------------------------
    def _write(self, title: str, fn: Callable[[], Any], then: Callable[[Any], object]) -> None:
        self.writing = True
        self._enable()
        self._show_status(translate("CriteriaEditor", "Đang lưu…"))

        def done(value: object) -> None:
            self.writing = False
            self.reload()
            then(value)

        def failed(exc: BaseException) -> None:
            self.writing = False
            self._enable()
            self._show_status(error_text(exc), error=True)

        self.op = run_write(self, title, self.db, fn, on_done=done, on_error=failed)

    def save(self) -> None:
        if self.writing or not self.can_write:
            return
        try:
            rows = self.rows()
        except DomainError as exc:
            self._show_status(error_text(exc), error=True)
            return
        db, bloc_id, year, period = self.db, self.bloc_id, self.year, self.period
        deleted, scored, before = list(self.deleted), self.scored, {r.id: r for r in self.records}

        def write() -> object:
            if not scored:
                return set_criteria(db, bloc_id, year, [r for _id, r in rows], period)
            with db.write():  # one transaction: a refused step leaves nothing half-saved
                for gone in deleted:
                    delete_criterion(db, gone)
                for i, (known, row) in enumerate(rows):
                    if known is None:
                        add_criterion(db, bloc_id, year, period, row, position=i)
                    elif _changed(before[known], row):
                        update_criterion(db, known, row)
                return reorder_criteria(db, bloc_id, year, period, [r.code for _id, r in rows])

        self._write(
            translate("CriteriaEditor", "Đang lưu bảng tiêu chí…"),
            write,
            lambda saved: self._show_status(
                translate("CriteriaEditor", "Đã lưu bảng tiêu chí ({0} dòng).").format(len(saved))
            ),
        )

    def copy_last_year(self) -> None:
        self._copy(self.year - 1, self.period)

    def copy_year_table(self) -> None:
        self._copy(self.year, ScorePeriodKind.YEAR)

    def _copy(self, from_year: int, from_period: ScorePeriodKind) -> None:
        if self.writing or not self.can_write:
            return
        db, bloc_id, year, period = self.db, self.bloc_id, self.year, self.period
        self._write(
            translate("CriteriaEditor", "Đang sao chép bảng tiêu chí…"),
            lambda: copy_criteria(db, bloc_id, from_year, from_period, year, period),
            lambda saved: self._show_status(
                translate("CriteriaEditor", "Đã sao chép {0} dòng từ bảng {1}.").format(
                    len(saved), period_text(from_period, from_year)
                )
            ),
        )

    # -- xlsx --------------------------------------------------------------------------------
    def choose_save_path(self, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, translate("CriteriaEditor", "Xuất bảng tiêu chí"), suggested, "Excel (*.xlsx)"
        )
        return Path(name) if name else None

    def choose_open_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("CriteriaEditor", "Nhập bảng tiêu chí"), "", "Excel (*.xlsx)"
        )
        return Path(name) if name else None

    def export_xlsx(self) -> None:
        path = self.choose_save_path(f"bang-tieu-chi_{self.bloc_code}_{self.year}_{self.period.value}.xlsx")
        if path is None:
            return
        try:
            written = export_criteria(self.db, self.bloc_code, self.year, self.period, path)
        except (DomainError, OSError) as exc:
            self._show_status(error_text(exc), error=True)
            return
        self._show_status(translate("CriteriaEditor", "Đã xuất {0}.").format(written.name))

    def import_xlsx(self) -> None:
        if self.writing or not self.can_write:
            return
        path = self.choose_open_path()
        if path is None:
            return
        db, code, year, period = self.db, self.bloc_code, self.year, self.period
        self._write(
            translate("CriteriaEditor", "Đang nhập bảng tiêu chí…"),
            lambda: import_criteria(db, path, bloc_code=code, year=year, period=period),
            self._show_report,
        )

    def _show_report(self, report: object) -> None:
        assert isinstance(report, CriteriaImportReport)
        lines = [translate_message(report.summary())]
        lines += [translate_message(str(p)) for p in report.problems]
        self._show_status("\n".join(lines), error=not report.ok)

    def _show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b71c1c;" if error else "")


def _changed(before: CriterionRecord, row: CriterionInput) -> bool:
    return (before.code, before.name, before.group, before.kind, before.max_points, before.floor_share) != (
        row.code, row.name, row.group, row.kind, row.max_points, row.floor_share,
    )  # fmt: skip
