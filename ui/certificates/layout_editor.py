"""The certificate layout editor: list the layouts, copy one, adjust the copy, watch a sample.

Built-in layouts are shown read-only; "Sao chép" makes the user's own copy, which is then edited
field by field. Each edit is checked at once by the same rules that load a layout (the app's
``check_layout``): a refused value stays in its cell, tinted, with the reason shown, and is not
part of the layout until it is fixed; Save refuses while any stands, so nothing invalid is
written. The preview is a sample certificate (full design, pre-printed blank, alignment page)
rendered a moment after the last valid edit (~40 ms a render, measured; on the GUI thread).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from app.certificates.layout_store import (
    Document,
    LayoutEntry,
    check_layout,
    delete_layout,
    duplicate_layout,
    is_builtin,
    layout_document,
    list_layouts,
    save_layout,
)
from app.certificates.layouts import PAGE_SIZES_MM, Layout
from app.errors import DomainError

from ..error_catalogue import error_text
from ..qt import (
    QT_TRANSLATE_NOOP,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    translate,
)
from ..widgets.fields import ERROR_STYLE, INVALID_STYLE
from .layout_fields import Edit, FieldTable
from .layout_preview import LayoutPreview

PREVIEW_DELAY_MS = 250
ORIENTATIONS = {
    "landscape": QT_TRANSLATE_NOOP("LayoutEditor", "Ngang"),
    "portrait": QT_TRANSLATE_NOOP("LayoutEditor", "Dọc"),
}
Key = tuple[Any, ...]  # what an edit is about: ("name",), ("page", "size"), ("field", row, column)
Change = Callable[[Document], None]


class LayoutEditorDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[LayoutEntry] = []
        self.entry: LayoutEntry | None = None
        self.saved_doc: Document | None = None
        self.doc: Document | None = None
        self.layout_checked: Layout | None = None
        self.invalid: dict[Key, tuple[str, Change | None]] = {}
        self._row = -1
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.render_preview)
        self._build()
        self.retranslate()
        self.refresh()

    # -- layout of the dialog ------------------------------------------------------------------
    def _build(self) -> None:
        self.resize(1440, 820)
        self.list = QListWidget()
        self.list.setObjectName("layouts")
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._row_changed)
        self.copy_button = QPushButton()
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy_current)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("delete")
        self.delete_button.clicked.connect(self.delete_current)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.list_title = QLabel()
        column.addWidget(self.list_title)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.delete_button)
        column.addLayout(row)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.textEdited.connect(lambda text: self._edit(("name",), _put("name", text)))
        self.awards_edit = QLineEdit()
        self.awards_edit.setObjectName("awards")
        self.awards_edit.textEdited.connect(
            lambda text: self._edit(("awards",), _put("awards", _codes(text)))
        )
        self.size_combo = QComboBox()
        self.size_combo.setObjectName("page_size")
        self.size_combo.addItems(list(PAGE_SIZES_MM))
        self.size_combo.currentIndexChanged.connect(
            lambda _i: self._edit(("page", "size"), _put_page("size", self.size_combo.currentText()))
        )
        self.orientation_combo = QComboBox()
        self.orientation_combo.setObjectName("orientation")
        for value in ORIENTATIONS:
            self.orientation_combo.addItem("", value)
        self.orientation_combo.currentIndexChanged.connect(
            lambda _i: self._edit(
                ("page", "orientation"), _put_page("orientation", self.orientation_combo.currentData())
            )
        )
        self.page_box = QGroupBox()
        form = QFormLayout(self.page_box)
        self.form_labels = [QLabel() for _ in range(4)]
        for label, widget in zip(
            self.form_labels,
            (self.name_edit, self.awards_edit, self.size_combo, self.orientation_combo),
            strict=True,
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.table = FieldTable(self._field_edited)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        settings = QWidget()
        column = QVBoxLayout(settings)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.page_box)
        column.addWidget(self.hint)
        column.addStretch(1)

        self.preview = LayoutPreview()

        # top: the layout's own settings beside the preview; below: its fields, full width
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(settings)
        upper.addWidget(self.preview)
        upper.setStretchFactor(1, 1)
        upper.setSizes([380, 780])
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table, 1)
        column.addWidget(self.error_label)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(upper)
        right.addWidget(lower)
        right.setSizes([420, 380])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 1190])

        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.setObjectName("revert")
        self.revert_button.clicked.connect(self.revert)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        for button in (
            self.copy_button,
            self.delete_button,
            self.save_button,
            self.revert_button,
            self.close_button,
        ):
            button.setAutoDefault(False)  # Enter in a field must not copy, delete or close
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.save_button, self.revert_button, self.close_button):
            buttons.addWidget(button)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter, 1)
        outer.addLayout(buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("LayoutEditor", "Mẫu giấy chứng nhận"))
        self.list_title.setText("<b>" + translate("LayoutEditor", "Các mẫu") + "</b>")
        self.copy_button.setText(translate("LayoutEditor", "Sao chép"))
        self.copy_button.setToolTip(translate("LayoutEditor", "Tạo bản của bạn từ mẫu đang chọn để sửa"))
        self.delete_button.setText(translate("LayoutEditor", "Xóa"))
        self.page_box.setTitle(translate("LayoutEditor", "Mẫu và trang giấy"))
        for label, text in zip(self.form_labels, (
            translate("LayoutEditor", "Tên mẫu:"),
            translate("LayoutEditor", "Khen thưởng (mã):"),
            translate("LayoutEditor", "Khổ giấy:"),
            translate("LayoutEditor", "Hướng giấy:"),
        ), strict=True):  # fmt: skip
            label.setText(text)
        self.awards_edit.setPlaceholderText(translate("LayoutEditor", "GK_CN, GK_TT"))
        for i, value in enumerate(ORIENTATIONS):
            self.orientation_combo.setItemText(i, translate("LayoutEditor", ORIENTATIONS[value]))
        self.table.retranslate()
        self.hint.setText(translate(
            "LayoutEditor",
            "Tọa độ tính bằng mm từ góc trên bên trái tờ giấy; cỡ chữ tính bằng pt. Nhấn đúp vào ô để sửa; "
            "trỏ chuột vào tiêu đề «Mẫu chữ» để xem các biến. Trường chữ xám là phần in sẵn trên phôi.",
        ))  # fmt: skip
        self.preview.retranslate()
        self.save_button.setText(translate("LayoutEditor", "&Lưu"))
        self.revert_button.setText(translate("LayoutEditor", "&Hoàn tác"))
        self.revert_button.setToolTip(translate("LayoutEditor", "Bỏ các thay đổi chưa lưu, đọc lại tệp"))
        self.close_button.setText(translate("LayoutEditor", "Đóng"))

    # -- the list of layouts ---------------------------------------------------------------------
    def refresh(self, select: str | None = None, *, builtin: bool = False) -> None:
        """Reload the list; select the layout ``select`` (the user's, or the built-in one)."""
        try:
            self.entries = list_layouts()
        except DomainError as exc:
            self.entries = []
            self.banner.setText(error_text(exc))
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.entries:
            item = QListWidgetItem(self._entry_text(entry))
            item.setToolTip(str(entry.path))
            self.list.addItem(item)
        self.list.blockSignals(False)
        row = 0
        for i, entry in enumerate(self.entries):
            if select is not None and entry.key == select and entry.builtin == builtin:
                row = i
        self._row = -1
        self.list.setCurrentRow(row if self.entries else -1)
        if not self.entries:
            self._load(None)

    def _entry_text(self, entry: LayoutEntry) -> str:
        if entry.error:
            return translate("LayoutEditor", "{0} (của bạn — lỗi)").format(entry.key)
        if not entry.builtin:
            return translate("LayoutEditor", "{0} (của bạn)").format(entry.name)
        if entry.replaced:
            return translate("LayoutEditor", "{0} (có sẵn — đang dùng bản của bạn)").format(entry.name)
        return translate("LayoutEditor", "{0} (có sẵn)").format(entry.name)

    def _row_changed(self, row: int) -> None:
        if row == self._row:
            return
        if self._row >= 0 and not self._confirm_discard():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._row)
            self.list.blockSignals(False)
            return
        self._row = row
        self._load(self.entries[row] if 0 <= row < len(self.entries) else None)

    def select(self, key: str, *, builtin: bool = False) -> bool:
        for i, entry in enumerate(self.entries):
            if entry.key == key and entry.builtin == builtin:
                self.list.setCurrentRow(i)
                return self.entry is entry
        return False

    # -- one layout ------------------------------------------------------------------------------
    def _load(self, entry: LayoutEntry | None) -> None:
        self.entry = entry
        self.invalid.clear()
        self.error_label.clear()
        layout = entry.layout if entry is not None else None
        self.layout_checked = layout
        self.saved_doc = layout_document(layout) if layout is not None else None
        self.doc = copy.deepcopy(self.saved_doc)
        editable = entry is not None and not entry.builtin and layout is not None
        if entry is None:
            self.banner.setText("")
        elif entry.error:
            self.banner.setText(
                entry.error
                + "\n"
                + translate(
                    "LayoutEditor", "Sửa tệp này bằng tay hoặc xóa nó rồi sao chép lại từ mẫu có sẵn."
                )
            )
        elif entry.builtin:
            self.banner.setText(
                translate(
                    "LayoutEditor", "Mẫu có sẵn: chỉ xem. Bấm «Sao chép» để có bản của bạn rồi sửa bản đó."
                )
            )
        else:
            self.banner.setText(translate("LayoutEditor", "Bản của bạn: {0}").format(entry.path))
        self._fill_page(editable)
        self.table.fill(self.doc["field"] if self.doc else [], editable)
        self.copy_button.setEnabled(layout is not None)
        self.delete_button.setEnabled(entry is not None and not entry.builtin)
        self._update_buttons()
        self.render_preview()

    def _fill_page(self, editable: bool) -> None:
        doc = self.doc or {}
        widgets = (self.name_edit, self.awards_edit, self.size_combo, self.orientation_combo)
        for widget in widgets:
            widget.blockSignals(True)
            widget.setStyleSheet("")
            widget.setToolTip("")
            widget.setEnabled(editable)
        self.name_edit.setText(doc.get("name", ""))
        self.awards_edit.setText(", ".join(doc.get("awards", [])))
        page = doc.get("page", {})
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findText(page.get("size", "A4"))))
        self.orientation_combo.setCurrentIndex(
            max(0, self.orientation_combo.findData(page.get("orientation", "landscape")))
        )
        for widget in widgets:
            widget.blockSignals(False)

    def dirty(self) -> bool:
        return bool(self.invalid) or self.doc != self.saved_doc

    def _update_buttons(self) -> None:
        mine = self.entry is not None and not self.entry.builtin and self.doc is not None
        self.save_button.setEnabled(mine and self.dirty() and not self.invalid)
        self.revert_button.setEnabled(mine and self.dirty())

    # -- edits -----------------------------------------------------------------------------------
    def _field_edited(self, row: int, column: int, edit: Edit | DomainError) -> None:
        key = ("field", row, column)
        if isinstance(edit, DomainError):
            self._refuse(key, edit.message, None)
            return
        self._edit(key, lambda doc: edit(doc["field"][row]))

    def _edit(self, key: Key, change: Change) -> bool:
        """Apply one change if the layout stays valid; otherwise mark it refused, with the reason."""
        if self.doc is None or self.entry is None:
            return False
        self.invalid.pop(key, None)
        try:
            self._apply(change)
        except DomainError as exc:
            self._refuse(key, error_text(exc), change)
            return False
        self._mark(key, None)
        self._retry_refused()
        self._changed()
        return True

    def _apply(self, change: Change) -> None:
        assert self.doc is not None and self.entry is not None
        candidate = copy.deepcopy(self.doc)
        change(candidate)
        self.layout_checked = check_layout(self.entry.path, candidate)
        self.doc = candidate

    def _retry_refused(self) -> None:
        """Edits refused only because of another value (x before the width) may pass now."""
        progress = True
        while progress:
            progress = False
            for key, (_message, change) in list(self.invalid.items()):
                if change is None:
                    continue
                try:
                    self._apply(change)
                except DomainError:
                    continue
                del self.invalid[key]
                self._mark(key, None)
                progress = True

    def _refuse(self, key: Key, message: str, change: Change | None) -> None:
        self.invalid[key] = (message, change)
        self._mark(key, message)
        self._changed()

    def _mark(self, key: Key, message: str | None) -> None:
        if key[0] == "field":
            self.table.mark(key[1], key[2], message)
            return
        widget = {("name",): self.name_edit, ("awards",): self.awards_edit,
                  ("page", "size"): self.size_combo, ("page", "orientation"): self.orientation_combo}[key]  # fmt: skip
        widget.setStyleSheet(INVALID_STYLE if message else "")
        widget.setToolTip(message or "")

    def _changed(self) -> None:
        messages = [message for message, _ in self.invalid.values()]
        self.error_label.setText("\n".join(messages))
        self._update_buttons()
        self._timer.start()

    # -- preview ---------------------------------------------------------------------------------
    def render_preview(self) -> None:
        """Render the sample certificate of the layout as it now stands (valid edits only)."""
        self._timer.stop()
        self.preview.show_layout(self.layout_checked)

    # -- actions ---------------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the user's layout; refused (nothing written) while any value is invalid."""
        if self.entry is None or self.entry.builtin or self.doc is None:
            return False
        if self.invalid:
            first = next(iter(self.invalid.values()))[0]
            self.error_label.setText(
                translate("LayoutEditor", "Chưa lưu: còn ô không hợp lệ (tô đỏ).") + "\n" + first
            )
            return False
        try:
            layout = save_layout(self.entry.key, self.doc)
        except DomainError as exc:
            self.error_label.setText(error_text(exc))
            return False
        self.saved_doc = self.doc = layout_document(layout)
        self.refresh(layout.key)
        self.status.setText(translate("LayoutEditor", "Đã lưu mẫu «{0}».").format(layout.name))
        return True

    def revert(self) -> None:
        if self.entry is not None:
            self.refresh(self.entry.key, builtin=self.entry.builtin)
            self.status.setText(translate("LayoutEditor", "Đã đọc lại mẫu từ tệp."))

    def copy_current(self) -> None:
        if self.entry is None or self.entry.layout is None or not self._confirm_discard():
            return
        try:
            layout = duplicate_layout(self.entry.key)
        except DomainError as exc:
            self.status.setText(error_text(exc))
            return
        self.refresh(layout.key)
        if is_builtin(layout.key):
            text = translate("LayoutEditor", "Đã sao chép. Bản của bạn «{0}» thay cho mẫu có sẵn khi in.")
        else:
            text = translate("LayoutEditor", "Đã sao chép thành «{0}».")
        self.status.setText(text.format(layout.name))

    def delete_current(self) -> None:
        entry = self.entry
        if entry is None or entry.builtin:
            return
        question = translate("LayoutEditor", "Xóa mẫu «{0}» của bạn (tệp {1})?").format(
            entry.name, entry.path.name
        )
        if not self._ask(question):
            return
        try:
            delete_layout(entry.key)
        except DomainError as exc:
            self.status.setText(error_text(exc))
            return
        self.refresh(entry.key, builtin=True)
        self.status.setText(translate("LayoutEditor", "Đã xóa mẫu «{0}».").format(entry.name))

    def _confirm_discard(self) -> bool:
        if not self.dirty():
            return True
        return self._ask(translate("LayoutEditor", "Mẫu đang sửa có thay đổi chưa lưu. Bỏ các thay đổi đó?"))

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self, translate("LayoutEditor", "Mẫu giấy chứng nhận"), text)
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self._confirm_discard():
            super().reject()

    def done(self, code: int) -> None:  # noqa: D401 - Qt's name
        self._timer.stop()
        self.preview.close_files()
        super().done(code)

    def field_row(self, name: str) -> int:
        """The table row of the field ``name`` (tests and callers that know fields by name)."""
        assert self.doc is not None
        return next(i for i, f in enumerate(self.doc["field"]) if f["name"] == name)


def _put(key: str, value: object) -> Change:
    return lambda doc: doc.__setitem__(key, value)


def _put_page(key: str, value: object) -> Change:
    return lambda doc: doc.setdefault("page", {}).__setitem__(key, value)


def _codes(text: str) -> list[str]:
    return [code for code in re.split(r"[\s,;]+", text.strip()) if code]
