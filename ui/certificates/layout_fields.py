"""The table of a layout's fields in the layout editor: one row per field, one column per setting.

The table shows and reads values only; the editor decides whether an edit is valid. A cell the
editor refuses keeps what the user typed, tinted, with the reason as its tooltip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from app.certificates.layouts import VARIABLES
from app.errors import DomainError

from ..qt import (
    QT_TRANSLATE_NOOP,
    QAbstractItemView,
    QApplication,
    QBrush,
    QColor,
    QComboBox,
    QHeaderView,
    QIcon,
    QStyle,
    Qt,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
    translate,
)

COL_LABEL, COL_X, COL_Y, COL_W, COL_H, COL_SIZE, COL_MIN, COL_ALIGN, COL_FONT, COL_TEXT = range(10)
HEADERS = (
    QT_TRANSLATE_NOOP("LayoutEditor", "Trường"),
    QT_TRANSLATE_NOOP("LayoutEditor", "x"),
    QT_TRANSLATE_NOOP("LayoutEditor", "y"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Rộng"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Cao"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Cỡ chữ"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Cỡ nhỏ nhất"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Căn lề"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Kiểu chữ"),
    QT_TRANSLATE_NOOP("LayoutEditor", "Mẫu chữ"),
)
# column → (key in the field's table, index in its list or None)
NUMBERS: dict[int, tuple[str, int | None]] = {
    COL_X: ("box", 0), COL_Y: ("box", 1), COL_W: ("box", 2), COL_H: ("box", 3),
    COL_SIZE: ("size", None), COL_MIN: ("min_size", None),
}  # fmt: skip
ALIGN_LABELS = {
    "left": QT_TRANSLATE_NOOP("LayoutEditor", "Trái"),
    "center": QT_TRANSLATE_NOOP("LayoutEditor", "Giữa"),
    "right": QT_TRANSLATE_NOOP("LayoutEditor", "Phải"),
}
FONT_LABELS = {
    "regular": QT_TRANSLATE_NOOP("LayoutEditor", "Thường"),
    "bold": QT_TRANSLATE_NOOP("LayoutEditor", "Đậm"),
    "italic": QT_TRANSLATE_NOOP("LayoutEditor", "Nghiêng"),
    "bolditalic": QT_TRANSLATE_NOOP("LayoutEditor", "Đậm nghiêng"),
}
INVALID_BACKGROUND = QColor("#ffe3e3")
DESIGN_COLOUR = QColor("#6b6b6b")

Edit = Callable[[dict[str, Any]], None]  # applies one change to a field's table


def number_from(text: str, column: int) -> float:
    """A number typed by the user ("12,5" or "12.5"); DomainError in Vietnamese otherwise."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        if column in (COL_SIZE, COL_MIN):
            raise DomainError(translate("LayoutEditor", "Cỡ chữ phải là một số (pt), ví dụ 13,5.")) from None
        raise DomainError(translate("LayoutEditor", "Hãy nhập một số (mm), ví dụ 12,5.")) from None


def _format(value: float) -> str:
    return f"{value:g}"


class FieldTable(QTableWidget):
    """Rows of fields; ``edited(row, column, edit)`` is called with each change the user makes."""

    def __init__(
        self, on_edit: Callable[[int, int, Edit | DomainError], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setObjectName("fields")
        self._on_edit = on_edit
        self._filling = False
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for column in NUMBERS:
            self.setColumnWidth(column, 60)
        for column, width in (
            (COL_LABEL, 250),
            (COL_SIZE, 70),
            (COL_MIN, 100),
            (COL_ALIGN, 80),
            (COL_FONT, 115),
        ):
            self.setColumnWidth(column, width)
        self.itemChanged.connect(self._item_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([translate("LayoutEditor", h) for h in HEADERS])
        help_text = (
            translate("LayoutEditor", "Biến dùng được trong mẫu chữ:")
            + "\n"
            + "\n".join(f"{{{name}}} — {what}" for name, what in VARIABLES.items())
        )
        self._header_tip(COL_TEXT, help_text)
        for column in (COL_X, COL_Y, COL_W, COL_H):
            self._header_tip(column, translate("LayoutEditor", "Milimét, tính từ góc trên bên trái tờ giấy"))
        for column in (COL_SIZE, COL_MIN):
            self._header_tip(
                column, translate("LayoutEditor", "Điểm (pt); chữ dài được thu nhỏ dần đến cỡ nhỏ nhất")
            )

    def _header_tip(self, column: int, text: str) -> None:
        item = self.horizontalHeaderItem(column)
        assert item is not None  # made by setHorizontalHeaderLabels
        item.setToolTip(text)

    # -- filling -------------------------------------------------------------------------------
    def fill(self, fields: list[dict[str, Any]], editable: bool) -> None:
        self._filling = True
        try:
            self.clearContents()
            self.setRowCount(len(fields))
            for row, entry in enumerate(fields):
                self._fill_row(row, entry, editable)
        finally:
            self._filling = False
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            if editable
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )

    def _fill_row(self, row: int, entry: dict[str, Any], editable: bool) -> None:
        label = QTableWidgetItem(entry.get("label", entry["name"]))
        label.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tip = entry["name"]
        if entry.get("design"):
            label.setForeground(QBrush(DESIGN_COLOUR))
            tip += " — " + translate("LayoutEditor", "phần in sẵn: chỉ in khi in đầy đủ trên giấy trắng")
        label.setToolTip(tip)
        self.setItem(row, COL_LABEL, label)
        for column, (key, index) in NUMBERS.items():
            value = entry[key] if index is None else entry[key][index]
            self.setItem(row, column, QTableWidgetItem(_format(value)))
        self.setItem(row, COL_TEXT, QTableWidgetItem(entry["text"]))
        self.setCellWidget(
            row, COL_ALIGN, self._combo(row, COL_ALIGN, ALIGN_LABELS, entry["align"], editable)
        )
        self.setCellWidget(row, COL_FONT, self._combo(row, COL_FONT, FONT_LABELS, entry["font"], editable))

    def _combo(
        self, row: int, column: int, labels: dict[str, str], current: str, editable: bool
    ) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(f"{'align' if column == COL_ALIGN else 'font'}:{row}")
        for value, text in labels.items():
            combo.addItem(translate("LayoutEditor", text), value)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.setEnabled(editable)
        key = "align" if column == COL_ALIGN else "font"
        combo.currentIndexChanged.connect(
            lambda _i, c=combo: self._on_edit(row, column, _setter(key, None, c.currentData()))
        )
        return combo

    # -- reading -------------------------------------------------------------------------------
    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        row, column = item.row(), item.column()
        if column in NUMBERS:
            key, index = NUMBERS[column]
            try:
                value = number_from(item.text(), column)
            except DomainError as exc:
                self._on_edit(row, column, exc)
                return
            self._on_edit(row, column, _setter(key, index, value))
        elif column == COL_TEXT:
            self._on_edit(row, column, _setter("text", None, item.text()))

    def mark(self, row: int, column: int, message: str | None) -> None:
        """Tint a refused cell and give it the reason as tooltip; ``None`` clears the mark."""
        self._filling = True
        try:
            if column in (COL_ALIGN, COL_FONT):
                widget = self.cellWidget(row, column)
                if widget is not None:
                    widget.setStyleSheet("background: #ffe3e3;" if message else "")
                    widget.setToolTip(message or "")
                return
            item = self.item(row, column)
            if item is not None:
                item.setBackground(QBrush(INVALID_BACKGROUND) if message else QBrush())
                item.setToolTip(message or "")
                # the tint is hidden under the selection; the icon is not
                item.setIcon(_warning_icon() if message else QIcon())
        finally:
            self._filling = False

    def cell_text(self, row: int, column: int) -> str:
        if column in (COL_ALIGN, COL_FONT):
            widget = self.cellWidget(row, column)
            return widget.currentData() if isinstance(widget, QComboBox) else ""
        item = self.item(row, column)
        return item.text() if item is not None else ""


def _warning_icon() -> QIcon:
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _setter(key: str, index: int | None, value: object) -> Edit:
    def apply(entry: dict[str, Any]) -> None:
        if index is None:
            entry[key] = value
        else:
            entry[key] = list(entry[key])
            entry[key][index] = value

    return apply
